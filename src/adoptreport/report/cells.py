"""What a table cell or a paragraph of the report holds: strings cut from typed statements."""

from __future__ import annotations

from dataclasses import dataclass

from adoptreport.statements import Number, Statement
from adoptreport.statements.formatting import NOT_MEASURED


@dataclass(frozen=True)
class TableCell:
    """A table cell: the figure, a second line under it, and a badge when `badge_class` is set."""

    main: str
    detail: str = ""
    badge_class: str = ""


@dataclass(frozen=True)
class Part:
    """A run of a sentence: a number as printed (kept on one line) or the words between."""

    text: str
    number: bool = False


@dataclass(frozen=True)
class Paragraph:
    """One statement as the template prints it: its text, and the same text in parts."""

    id: str
    text: str
    kind: str
    parts: tuple[Part, ...] = ()


def parts(text: str, numbers: tuple[Number, ...], start: int = 0) -> tuple[Part, ...]:
    """`text` cut at its numbers' printed forms (each Number's own `text`), so a template keeps
    each figure with its interval on one line; the words around them are left as they are."""
    spans: list[tuple[int, int]] = []
    for number in sorted(numbers, key=lambda n: -len(n.text)):
        at = text.find(number.text, start)
        while at >= 0 and any(a < at + len(number.text) and at < b for a, b in spans):
            at = text.find(number.text, at + 1)
        if number.text and at >= 0:
            spans.append((at, at + len(number.text)))
    out: list[Part] = []
    cursor = start
    for a, b in sorted(spans):
        if a > cursor:
            out.append(Part(text[cursor:a]))
        out.append(Part(text[a:b], True))
        cursor = b
    if cursor < len(text):
        out.append(Part(text[cursor:]))
    return tuple(out)


def paragraph(s: Statement) -> Paragraph:
    return Paragraph(s.id, s.text, s.kind.value, parts(s.text, s.numbers))


def body_parts(s: Statement) -> tuple[Part, ...]:
    """The statement after its lead, in parts."""
    return parts(s.text, s.numbers, len(s.lead))


def number_cell(statement: Statement | None, name: str) -> TableCell:
    """A statement's number as a cell: its figure, then its interval; 'not measured' if absent."""
    number = statement.number(name) if statement else None
    if number is None:
        return TableCell(NOT_MEASURED)
    return TableCell(number.figure, f"({number.spread})" if number.spread else "")


def figure(statement: Statement | None, name: str) -> str:
    """A statement's number without its interval; 'not measured' if absent."""
    return number_cell(statement, name).main


def verdict_class(verdict: str) -> str:
    """The CSS class of a verdict badge: 'do not automate' → 'verdict-do-not-automate'."""
    return "verdict-" + verdict.replace(" ", "-")
