"""Writing output files: whole or not at all, never over a FIFO, device or link (one
implementation, in load/writes.py, which the importers share)."""

from __future__ import annotations

from adoptreport.load.writes import (
    NotRegularFile,
    WriteError,
    remove_stale_temporaries,
    write_all,
    write_atomically,
)

__all__ = [
    "NotRegularFile",
    "WriteError",
    "remove_stale_temporaries",
    "write_all",
    "write_atomically",
]
