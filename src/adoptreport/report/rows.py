"""The report's tables as rows of cells, each cell cut from a statement's own numbers."""

from __future__ import annotations

from dataclasses import dataclass

from adoptreport.analysis.findings import Findings
from adoptreport.claims import ClaimsReview
from adoptreport.models.folder import Case
from adoptreport.report.cells import Part, TableCell, body_parts, figure, number_cell, verdict_class
from adoptreport.statements import Statement
from adoptreport.statements.labels import assumption_label

ASSUMPTION_CLASSES = {
    "supported": "verdict-automate-with-review",
    "plausible": "verdict-assist",
    "not supported": "verdict-do-not-automate",
    "not testable": "verdict-insufficient-evidence",
}


@dataclass(frozen=True)
class VerdictRow:
    kind: str
    verdict: str
    verdict_class: str
    text: str
    parts: tuple[Part, ...] = ()  # the same text, its numbers kept on one line


@dataclass(frozen=True)
class CellRow:
    tool: str
    kind: str
    attempts: str
    acceptance: TableCell
    clean: TableCell
    saved: TableCell
    verdict: str
    verdict_class: str


@dataclass(frozen=True)
class TeamRow:
    team: str
    engineers: str
    hours: TableCell
    fte: TableCell
    unknown: str


@dataclass(frozen=True)
class CostRow:
    """One tool's money, a year and per merged change; each cell from a statement's number."""

    tool: str
    seats: TableCell
    tokens: TableCell
    value: TableCell
    net: TableCell
    hours_per_change: TableCell
    engineer_cost_per_change: TableCell
    tokens_per_change: TableCell
    break_even: TableCell
    acceptance: TableCell


@dataclass(frozen=True)
class ScenarioRow:
    adoption: str
    low: TableCell
    base: TableCell
    high: TableCell
    current: bool  # the case's own adoption rate


@dataclass(frozen=True)
class AssumptionRow:
    id: str
    scope: str
    source: str
    verdict: str
    verdict_class: str
    text: str
    parts: tuple[Part, ...] = ()  # the same text, its numbers kept on one line


@dataclass(frozen=True)
class ClaimRow:
    sentence: str  # quoted from the draft, as written
    verdict: str
    verdict_class: str
    reason: str
    replacement: str  # "" when the sentence stands


def team_rows(case: Case, findings: Findings, by_id: dict[str, Statement]) -> tuple[TeamRow, ...]:
    rows = []
    for team in findings.workforce.teams:
        statement = by_id.get(f"workforce.team.{team.team}")
        if statement is not None:
            unknown = figure(statement, "unknown_hours_per_week")
            rows.append(
                TeamRow(
                    team.team,
                    f"{team.headcount:g}",
                    number_cell(statement, "freed_hours_per_week"),
                    number_cell(statement, "freed_fte"),
                    unknown,
                )
            )
    return tuple(rows)


CLAIM_CLASSES = {
    "blocked-extrapolation": "verdict-do-not-automate",
    "blocked-contradicted": "verdict-do-not-automate",
    "warning-ungrounded": "verdict-insufficient-evidence",
    "warning-overclaim": "verdict-insufficient-evidence",
    "ok": "verdict-automate-with-review",
}


def claim_rows(claims: ClaimsReview | None) -> tuple[ClaimRow, ...]:
    if claims is None:
        return ()
    return tuple(
        ClaimRow(
            r.sentence,
            r.verdict.value,
            CLAIM_CLASSES[r.verdict.value],
            r.reason,
            r.replacement or "",
        )
        for r in claims.reviews
    )


def cost_rows(
    findings: Findings, names: dict[str, str], by_id: dict[str, Statement]
) -> tuple[CostRow, ...]:
    rows = []
    for cost in findings.costs:
        main = by_id.get(f"cost.{cost.tool}")
        if main is None:
            continue
        part = {
            p: by_id.get(f"cost.{cost.tool}.{p}")
            for p in ("tokens", "tokens_per_change", "per_change", "break_even")
        }
        rows.append(
            CostRow(
                names[cost.tool],
                number_cell(main, "annual_seat_cost"),
                number_cell(part["tokens"], "annual_token_cost"),
                number_cell(main, "annual_value_of_hours"),
                number_cell(main, "net_value")
                if main.number("net_value") is not None
                else number_cell(main, "net_value_before_tokens"),
                number_cell(part["per_change"], "engineer_hours_per_merged_change"),
                number_cell(part["per_change"], "engineer_cost_per_merged_change"),
                number_cell(part["tokens_per_change"], "token_cost_per_merged_change"),
                number_cell(part["break_even"], "break_even_acceptance"),
                number_cell(part["break_even"], "acceptance"),
            )
        )
    return tuple(rows)


def scenario_rows(findings: Findings, by_id: dict[str, Statement]) -> tuple[ScenarioRow, ...]:
    rows = []
    for scenario in findings.workforce.scenarios:
        statement = by_id.get(f"workforce.scenario.{scenario.adoption:g}")
        if statement is None:
            continue
        adoption = figure(statement, "adoption_rate")
        rows.append(
            ScenarioRow(
                adoption,
                number_cell(statement, "low_fte"),
                number_cell(statement, "base_fte"),
                number_cell(statement, "high_fte"),
                abs(scenario.adoption - findings.workforce.adoption_rate) < 1e-9,
            )
        )
    return tuple(rows)


def assumption_rows(
    case: Case, findings: Findings, by_id: dict[str, Statement]
) -> tuple[AssumptionRow, ...]:
    labels = {k.id: k.label.lower() for k in case.case.kinds_of_work}
    rows = []
    for number, check in enumerate(findings.assumptions, start=1):
        a = check.assumption
        teams = ", ".join(a.teams) if a.teams else "all teams"
        kinds = (
            ", ".join(labels[k] for k in a.kinds_of_work)
            if a.kinds_of_work
            else "all kinds of work"
        )
        text = by_id[f"assumption.{a.id}"].body
        rows.append(
            AssumptionRow(
                assumption_label(number),
                f"{teams}; {kinds}",
                a.source or "",
                check.verdict.value,
                ASSUMPTION_CLASSES[check.verdict.value],
                text,
                body_parts(by_id[f"assumption.{a.id}"]),
            )
        )
    return tuple(rows)


def verdict_rows(findings: Findings, by_id: dict[str, Statement]) -> tuple[VerdictRow, ...]:
    """One row per kind of work: its verdict as a badge, the rest of the sentence beside it."""
    return tuple(
        VerdictRow(
            kv.label,
            kv.verdict.value,
            verdict_class(kv.verdict.value),
            by_id[f"verdict.{kv.kind}"].body,
            body_parts(by_id[f"verdict.{kv.kind}"]),
        )
        for kv in findings.kinds
    )


def cell_rows(case: Case, findings: Findings, by_id: dict[str, Statement]) -> tuple[CellRow, ...]:
    """One row per (tool, kind of work) the audience's statements cover."""
    names = case.vendors.tool_names()
    labels = {k.id: k.label for k in case.case.kinds_of_work}
    rows = []
    for c in findings.cells:
        statement = by_id.get(f"cell.{c.tool}.{c.kind}")
        if statement is None:
            continue
        rows.append(
            CellRow(
                names[c.tool],
                labels[c.kind],
                f"{c.attempts:,}",
                number_cell(statement, "acceptance"),
                number_cell(statement, "clean_acceptance"),
                number_cell(statement, "saved_fraction"),
                c.decision.verdict.value,
                verdict_class(c.decision.verdict.value),
            )
        )
    return tuple(rows)
