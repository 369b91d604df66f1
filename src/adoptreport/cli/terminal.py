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
from adoptreport.report.cells import Cell
from adoptreport.report.changes import change_rows, tabled_change_ids
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


def _cell(value: Cell, detected: str = "") -> str:
    return "\n".join(part for part in (value.main, value.detail, detected) if part)


def diff_table(diff: PeriodDiff, width: int) -> str:
    """The diff as text: a table per kind of work, then the other changes and the rule."""
    statements = change_statements(diff)
    by_id = {s.id: s for s in statements}
    table = Table(
        title=f"What changed from {diff.old_period} to {diff.new_period}",
        show_lines=True,
        title_justify="left",
    )
    for header in (
        "Kind of work",
        "Accepted then",
        "Accepted now",
        "Change",
        "Time saved then",
        "Time saved now",
        "Change",
        "Verdict",
    ):
        table.add_column(header, overflow="fold", min_width=12)
    for row in change_rows(diff, by_id):
        verdict = row.new_verdict + (f"\n(was {row.old_verdict})" if row.verdict_changed else "")
        table.add_row(
            row.kind,
            _cell(row.old_acceptance),
            _cell(row.new_acceptance),
            _cell(row.acceptance_change, row.acceptance_detected),
            _cell(row.old_saved),
            _cell(row.new_saved),
            _cell(row.saved_change, row.saved_detected),
            verdict,
        )
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(table)
    in_table = tabled_change_ids(diff)
    for statement in statements:
        if statement.id not in in_table:
            console.print(statement.text)
    return console.export_text()
