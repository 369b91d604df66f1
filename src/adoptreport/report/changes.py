"""The period diff as table rows, for the report's changes table and the terminal's."""

from __future__ import annotations

from dataclasses import dataclass

from adoptreport.analysis.diff import PeriodDiff
from adoptreport.report.cells import TableCell, number_cell
from adoptreport.statements import Statement
from adoptreport.statements.changes import DETECTED, NOT_IN_CASE


@dataclass(frozen=True)
class ChangeRow:
    kind: str
    old_acceptance: TableCell
    new_acceptance: TableCell
    acceptance_change: TableCell
    old_saved: TableCell
    new_saved: TableCell
    saved_change: TableCell
    acceptance_detected: str  # "a detectable change", "no detectable difference" or ""
    saved_detected: str
    old_verdict: str
    new_verdict: str
    verdict_changed: bool


def tabled_change_ids(diff: PeriodDiff | None) -> set[str]:
    """The change statements the changes table shows; a kind piloted in one period only is
    said in words instead."""
    kinds = diff.kinds if diff else ()
    return {f"change.kind.{k.kind}" for k in kinds if k.acceptance.difference is not None}


def _detected(detectable: bool | None) -> str:
    return "" if detectable is None else DETECTED[detectable]


def change_rows(diff: PeriodDiff | None, by_id: dict[str, Statement]) -> tuple[ChangeRow, ...]:
    if diff is None:
        return ()
    tabled = tabled_change_ids(diff)
    rows = []
    for k in diff.kinds:
        statement = by_id.get(f"change.kind.{k.kind}")
        if statement is None or statement.id not in tabled:
            continue
        rows.append(
            ChangeRow(
                k.label,
                number_cell(statement, "old_acceptance"),
                number_cell(statement, "new_acceptance"),
                number_cell(statement, "acceptance_change"),
                number_cell(statement, "old_saved"),
                number_cell(statement, "new_saved"),
                number_cell(statement, "saved_change"),
                _detected(k.acceptance.detectable),
                _detected(k.saved_fraction.detectable),
                k.old_verdict.value if k.old_verdict else NOT_IN_CASE,
                k.new_verdict.value if k.new_verdict else NOT_IN_CASE,
                k.verdict_changed,
            )
        )
    return tuple(rows)
