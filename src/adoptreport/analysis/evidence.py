"""References from a result back to the input records it came from."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

import numpy as np


class Spans(Sequence[tuple[int, int]]):
    """Inclusive (first, last) row ranges held in one array: a shuffled million-row pilot
    has about as many ranges as rows, and a tuple per range would cost ~100 bytes each."""

    def __init__(self, starts: np.ndarray, stops: np.ndarray) -> None:
        self._bounds = np.stack([starts, stops], axis=1).astype(np.int64)
        self._bounds.flags.writeable = False

    def __len__(self) -> int:
        return len(self._bounds)

    @overload
    def __getitem__(self, index: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[tuple[int, int], ...]: ...
    def __getitem__(self, index: int | slice) -> tuple[int, int] | tuple[tuple[int, int], ...]:
        if isinstance(index, slice):
            return tuple((a, b) for a, b in self._bounds[index].tolist())
        first, last = self._bounds[index].tolist()
        return (first, last)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return ((a, b) for a, b in self._bounds.tolist())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Spans):
            return bool(np.array_equal(self._bounds, other._bounds))
        if isinstance(other, tuple):
            return len(other) == len(self) and tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._bounds.tobytes())

    def __repr__(self) -> str:
        return f"Spans({self[:3]!r}{'…' if len(self) > 3 else ''}, {len(self)} ranges)"


@dataclass(frozen=True)
class RowRanges:
    """Rows of one table file, kept as inclusive ranges so a million rows stay small."""

    file: str
    ranges: Sequence[tuple[int, int]]
    count: int

    @classmethod
    def of(cls, file: str, rows: np.ndarray) -> RowRanges:
        ordered = rows.astype(np.int64)
        if len(ordered) > 1 and not (np.diff(ordered) > 0).all():  # usually sorted already
            ordered = np.unique(ordered)
        if len(ordered) == 0:
            return cls(file, (), 0)
        breaks = np.flatnonzero(np.diff(ordered) != 1)
        starts = np.concatenate(([ordered[0]], ordered[breaks + 1]))
        stops = np.concatenate((ordered[breaks], [ordered[-1]]))
        return cls(file, Spans(starts, stops), len(ordered))


@dataclass(frozen=True)
class RecordRef:
    """A record of a structured file, by its YAML path and id."""

    file: str
    path: str
    id: str


Evidence = RowRanges | RecordRef
