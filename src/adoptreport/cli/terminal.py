"""What the CLI shows on a terminal: build progress and the period diff as a table (rich)."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from adoptreport.analysis.diff import PeriodDiff
from adoptreport.api import STAGES
from adoptreport.api import Progress as ProgressCallback
from adoptreport.report.cells import TableCell
from adoptreport.report.changes import ChangeRow, change_rows, tabled_change_ids
from adoptreport.statements.changes import change_statements

STAGE_LABELS = {
    "load": "Loading the case",
    "analyse": "Analysing the evidence",
    "charts": "Drawing the charts",
    "render": "Rendering the report",
}


def wants_progress() -> bool:
    """Progress only for a person at a terminal: stderr is a TTY and no CI is set."""
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def build_progress(show: bool) -> Iterator[ProgressCallback]:
    """A callback for `api.build` that advances a rich progress bar on stderr (or does nothing)."""
    if not show:
        yield lambda stage: None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Starting", total=len(STAGES))

        def advance(stage: str) -> None:
            bar.update(
                task, description=STAGE_LABELS.get(stage, stage), completed=STAGES.index(stage)
            )

        yield advance
        bar.update(task, completed=len(STAGES))


def _cell(value: TableCell, detected: str = "") -> str:
    return "\n".join(part for part in (value.main, value.detail, detected) if part)


# Eight columns need about 120 characters; a narrower terminal gets two tables, acceptance
# first and then time saved with the verdict, so that no column is cut off at 80.
WIDE = 120


def diff_table(diff: PeriodDiff, width: int) -> str:
    """The diff as text: a table per kind of work, then the other changes and the rule."""
    statements = change_statements(diff)
    rows = change_rows(diff, {s.id: s for s in statements})
    title = f"What changed from {diff.old_period} to {diff.new_period}"
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    if width >= WIDE:
        console.print(_table(title, ALL_COLUMNS, [_all(row) for row in rows], min_width=12))
    else:
        console.print(_table(f"{title}: accepted", ACCEPTED_COLUMNS, [_accepted(r) for r in rows]))
        console.print(_table("Net time saved", SAVED_COLUMNS, [_saved(r) for r in rows]))
    in_table = tabled_change_ids(diff)
    for statement in statements:
        if statement.id not in in_table:
            console.print(statement.text)
    return console.export_text()


ACCEPTED_COLUMNS = ("Kind of work", "Accepted then", "Accepted now", "Change")
SAVED_COLUMNS = ("Kind of work", "Time saved then", "Time saved now", "Change", "Verdict")
ALL_COLUMNS = (*ACCEPTED_COLUMNS, *SAVED_COLUMNS[1:])


def _table(
    title: str, headers: tuple[str, ...], rows: list[tuple[str, ...]], min_width: int = 0
) -> Table:
    table = Table(title=title, show_lines=True, title_justify="left")
    for header in headers:
        table.add_column(header, overflow="fold", min_width=min_width or None)
    for row in rows:
        table.add_row(*row)
    return table


def _verdict(row: ChangeRow) -> str:
    return row.new_verdict + (f"\n(was {row.old_verdict})" if row.verdict_changed else "")


def _accepted(row: ChangeRow) -> tuple[str, ...]:
    return (
        row.kind,
        _cell(row.old_acceptance),
        _cell(row.new_acceptance),
        _cell(row.acceptance_change, row.acceptance_detected),
    )


def _saved(row: ChangeRow) -> tuple[str, ...]:
    return (
        row.kind,
        _cell(row.old_saved),
        _cell(row.new_saved),
        _cell(row.saved_change, row.saved_detected),
        _verdict(row),
    )


def _all(row: ChangeRow) -> tuple[str, ...]:
    return (*_accepted(row), *_saved(row)[1:])
