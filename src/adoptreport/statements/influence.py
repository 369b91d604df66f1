"""The methodology's "Data checks": implausible values (warnings) and rows that alone decide a
verdict or move the headline. Ids start `check.` and `influence.`; the view lists them apart."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import numpy as np

from adoptreport.analysis.evidence import RowRanges
from adoptreport.analysis.findings import Findings
from adoptreport.analysis.influence import HeadlinePivot, Pivot, influence
from adoptreport.load.checks import DataCheck, data_checks
from adoptreport.models import Audience
from adoptreport.models.folder import Case
from adoptreport.statements import formatting as fmt
from adoptreport.statements.catalogue import state
from adoptreport.statements.catalogue_checks import CHECK_FINDINGS
from adoptreport.statements.model import Number, Section, Statement, StatementKind, Unit
from adoptreport.statements.numbers import counted, fte_number

# The short form (board) names only a single attempt that decides a verdict or the headline;
# "any one of N attempts" is detail for the other audiences.
DETAIL = (Audience.PROCUREMENT, Audience.FINANCE, Audience.FULL)
MAX_CHECKS_SHOWN = 10  # the report lists the first ones; `validate` lists every one
MAX_TASKS_NAMED = 3
DATA_CHECK_PREFIXES = ("check.", "influence.")


def data_check_statements(case: Case, findings: Findings) -> list[Statement]:
    """Warnings first, then the rows whose absence would change a verdict or the headline."""
    return [*_check_statements(data_checks(case)), *_influence_statements(case, findings)]


def _check_statements(checks: tuple[DataCheck, ...]) -> list[Statement]:
    out = []
    for i, check in enumerate(checks[:MAX_CHECKS_SHOWN]):
        words = {"file": check.file, "field": check.field, "finding": CHECK_FINDINGS[check.check]}
        evidence: tuple[RowRanges, ...] = ()
        numbers: dict[str, Number] = {}
        key = "data_check_column"
        if check.row is not None:
            evidence = (RowRanges.of(check.file, _rows([check.row])),)
            key, numbers = "data_check_row", {"row": counted("row", check.row)}
        out.append(
            state(
                f"check.{i + 1}",
                Section.METHODOLOGY,
                StatementKind.WARNING,
                key,
                numbers,
                words,
                evidence,
            )
        )
    if len(checks) > MAX_CHECKS_SHOWN:
        more = counted("more_checks", len(checks) - MAX_CHECKS_SHOWN)
        out.append(
            state(
                "check.more",
                Section.METHODOLOGY,
                StatementKind.WARNING,
                "data_checks_more",
                {"more": more},
                {},
                (),
            )
        )
    return out


def _influence_statements(case: Case, findings: Findings) -> list[Statement]:
    found = influence(case, findings)
    pilot = case.files["pilot"]
    labels = {k.id: k.label for k in case.case.kinds_of_work}
    names = case.vendors.tool_names()
    out = [
        _pivot_statement(f"influence.kind.{kind}", "influence_kind", pivots, pilot, labels, names)
        for kind, pivots in _grouped(found.kinds).items()
    ]
    out += [
        _pivot_statement(
            f"influence.cell.{tool}.{kind}",
            "influence_cell",
            pivots,
            pilot,
            labels,
            names,
            (Audience.FULL,),
        )
        for (kind, tool), pivots in _grouped_cells(found.cells).items()
    ]
    if found.headline:
        out.append(_headline_statement(found.headline, pilot, labels))
    return out


def _grouped(pivots: tuple[Pivot, ...]) -> dict[str, list[Pivot]]:
    groups: dict[str, list[Pivot]] = defaultdict(list)
    for pivot in pivots:
        groups[pivot.kind].append(pivot)
    return dict(groups)


def _grouped_cells(pivots: tuple[Pivot, ...]) -> dict[tuple[str, str], list[Pivot]]:
    groups: dict[tuple[str, str], list[Pivot]] = defaultdict(list)
    for pivot in pivots:
        groups[(pivot.kind, pivot.tool)].append(pivot)
    return dict(groups)


def _tasks(task_ids: list[str]) -> str:
    named = ", ".join(task_ids[:MAX_TASKS_NAMED])
    return named + (", …" if len(task_ids) > MAX_TASKS_NAMED else "")


def _pivot_statement(
    id: str,
    key: str,
    pivots: list[Pivot],
    pilot: str,
    labels: dict[str, str],
    names: dict[str, str],
    audiences: tuple[Audience, ...] = tuple(Audience),
) -> Statement:
    first = pivots[0]
    label = labels.get(first.kind, first.kind)
    words = {"kind": label, "verdict": first.verdict.value}
    words["without"] = first.without.value if len({p.without for p in pivots}) == 1 else "another"
    if key == "influence_cell":
        words["tool"], words["kind"] = names.get(first.tool, first.tool), label.lower()
    numbers: dict[str, Number]
    if len(pivots) == 1:
        key, numbers = f"{key}_one", {"row": counted("row", first.row)}
        words["task"] = first.task_id
    else:
        key, numbers = f"{key}_many", {"count": counted("attempts", len(pivots))}
        words["tasks"] = _tasks([p.task_id for p in pivots])
        audiences = tuple(a for a in audiences if a in DETAIL)
    evidence = (RowRanges.of(pilot, _rows(p.row for p in pivots)),)
    return state(
        id, Section.METHODOLOGY, StatementKind.WARNING, key, numbers, words, evidence, audiences
    )


def _headline_statement(
    pivots: tuple[HeadlinePivot, ...], pilot: str, labels: dict[str, str]
) -> Statement:
    first = pivots[0]
    fte = fte_number("headline_fte", first.fte)
    evidence = (RowRanges.of(pilot, _rows(p.row for p in pivots)),)
    if len(pivots) == 1:
        without = Number(
            "headline_fte_without", first.fte_without, Unit.FTE, fmt.fte(first.fte_without)
        )
        numbers = {"row": counted("row", first.row), "without": without, "fte": fte}
        words = {"task": first.task_id, "kind": labels.get(first.kind, first.kind).lower()}
        key = "influence_headline_one"
    else:
        values = sorted(p.fte_without for p in pivots)
        numbers = {
            "count": counted("attempts", len(pivots)),
            "fte": fte,
            "low": Number("headline_fte_without_low", values[0], Unit.FTE, fmt.fte(values[0])),
            "high": Number("headline_fte_without_high", values[-1], Unit.FTE, fmt.fte(values[-1])),
        }
        words = {"tasks": _tasks([p.task_id for p in pivots])}
        key = "influence_headline_many"
    audiences = tuple(Audience) if len(pivots) == 1 else DETAIL
    return state(
        "influence.headline",
        Section.METHODOLOGY,
        StatementKind.WARNING,
        key,
        numbers,
        words,
        evidence,
        audiences,
    )


def _rows(rows: Iterable[int]) -> np.ndarray:
    return np.array(sorted(rows), dtype=np.int64)
