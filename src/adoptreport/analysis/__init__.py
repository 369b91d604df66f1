"""Pure functions from a validated `Case` to typed, immutable `Findings` (findings.py). No I/O."""
