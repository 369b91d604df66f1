"""Writing output files: whole or not at all (the helper lives in load/writes.py, which
importers share)."""

from __future__ import annotations

from adoptreport.load.writes import remove_stale_temporaries, write_atomically

__all__ = ["remove_stale_temporaries", "write_atomically"]
