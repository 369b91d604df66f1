"""References from a result back to the input records it came from."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class RowRanges:
    """Rows of one table file, kept as inclusive ranges so a million rows stay small."""

    file: str
    ranges: tuple[tuple[int, int], ...]
    count: int

    @classmethod
    def of(cls, file: str, rows: np.ndarray) -> RowRanges:
        ordered = np.unique(rows.astype(np.int64))
        if len(ordered) == 0:
            return cls(file, (), 0)
        breaks = np.flatnonzero(np.diff(ordered) != 1)
        starts = np.concatenate(([ordered[0]], ordered[breaks + 1]))
        stops = np.concatenate((ordered[breaks], [ordered[-1]]))
        ranges = tuple((int(a), int(b)) for a, b in zip(starts, stops, strict=True))
        return cls(file, ranges, len(ordered))


@dataclass(frozen=True)
class RecordRef:
    """A record of a structured file, by its YAML path and id."""

    file: str
    path: str
    id: str


Evidence = RowRanges | RecordRef
