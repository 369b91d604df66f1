"""Problems found in a case, reported compiler-style: file, row or YAML path, field, message."""

from __future__ import annotations

from dataclasses import dataclass

MAX_SHOWN_VALUE = 60
# Past this many problems of one kind (rows of one column, one cross-reference), the rest are
# counted rather than listed.
MAX_LISTED = 20


def shown(value: object) -> str:
    """A found value as a message quotes it: repr-like, one line, cut when long."""
    text = str(value)
    text = text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text
    if len(text) > MAX_SHOWN_VALUE:
        text = text[: MAX_SHOWN_VALUE - 1] + "…"
    return repr(text) if isinstance(value, str) else text


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    location: str  # a CSV line or spreadsheet row number, a YAML path, or "" for the whole file
    field: str
    message: str
    sort_key: tuple[int, str] = (0, "")

    def __str__(self) -> str:
        where = f"{self.file}:{self.location}" if self.location else self.file
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


def row_problem(file: str, row: int, field: str, message: str) -> Problem:
    return Problem(file, str(row), field, message, (row, field))


class CaseError(Exception):
    """A case folder that cannot be used as it is; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.sort_key, p.location, p.field))
        super().__init__("\n".join(str(p) for p in self.problems))
