"""What a table cell or a paragraph of the report holds: strings cut from typed statements."""

from __future__ import annotations

from dataclasses import dataclass

from adoptreport.statements import Statement
from adoptreport.statements.formatting import NOT_MEASURED


@dataclass(frozen=True)
class Cell:
    """A table cell: the figure, a second line under it, and a badge when `badge_class` is set."""

    main: str
    detail: str = ""
    badge_class: str = ""


@dataclass(frozen=True)
class Paragraph:
    """One statement as the template prints it."""

    id: str
    text: str
    kind: str


def paragraph(s: Statement) -> Paragraph:
    return Paragraph(s.id, s.text, s.kind.value)


def number_cell(statement: Statement | None, name: str) -> Cell:
    """A statement's number as a cell: its figure, then its interval; 'not measured' if absent."""
    number = statement.number(name) if statement else None
    if number is None:
        return Cell(NOT_MEASURED)
    return Cell(number.figure, f"({number.spread})" if number.spread else "")


def figure(statement: Statement | None, name: str) -> str:
    """A statement's number without its interval; 'not measured' if absent."""
    return number_cell(statement, name).main


def verdict_class(verdict: str) -> str:
    """The CSS class of a verdict badge: 'do not automate' → 'verdict-do-not-automate'."""
    return "verdict-" + verdict.replace(" ", "-")
