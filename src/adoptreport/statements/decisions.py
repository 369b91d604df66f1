"""The "Decisions requested" page: what each reader is asked to decide, from the evidence only.

Each decision reuses the numbers of the statement that carries them (`assumption.<id>`,
`cost.<tool>`, `verdict.<kind>`, ...), found by id, so that when a figure is reworked
upstream the decision prints the new one.
"""

from __future__ import annotations

from adoptreport.analysis.assumptions import AssumptionCheck, AssumptionVerdict
from adoptreport.analysis.evidence import RecordRef
from adoptreport.analysis.findings import Findings, KindVerdict
from adoptreport.analysis.stats import Interval
from adoptreport.analysis.verdicts import Verdict
from adoptreport.models import Audience
from adoptreport.models.folder import Case
from adoptreport.statements import formatting as fmt
from adoptreport.statements.catalogue import state
from adoptreport.statements.decision_vendor import vendor_decisions
from adoptreport.statements.labels import assumption_label
from adoptreport.statements.model import Number, Section, Statement, StatementKind, Unit
from adoptreport.statements.numbers import counted, printed

FINANCE = (Audience.FINANCE, Audience.FULL)
ASSUMPTION_KEYS = {
    AssumptionVerdict.SUPPORTED: "decision_assumption_accept",
    AssumptionVerdict.NOT_SUPPORTED: "decision_assumption_reject",
    AssumptionVerdict.PLAUSIBLE: "decision_assumption_open",
}


def decision_statements(
    case: Case, findings: Findings, statements: tuple[Statement, ...]
) -> list[Statement]:
    """The decisions, from the statements already built: staffing, vendor, pilot, basis."""
    by_id = {s.id: s for s in statements}
    out = [
        _assumption(i, check, by_id)
        for i, check in enumerate(findings.assumptions, start=1)
        if f"assumption.{check.assumption.id}" in by_id
    ]
    out += vendor_decisions(case, findings, by_id)
    out += [_pilot(kv, case, findings, by_id) for kv in findings.kinds if _undecided(kv)]
    basis = _basis(case)
    return [*out, basis] if basis else out


def _undecided(kv: KindVerdict) -> bool:
    return kv.verdict is Verdict.INSUFFICIENT_EVIDENCE


def _assumption(number: int, check: AssumptionCheck, by_id: dict[str, Statement]) -> Statement:
    source = by_id[f"assumption.{check.assumption.id}"]
    a = check.assumption
    words = {
        "label": assumption_label(number),
        "quote": a.statement,
        "source": a.source or "source not stated",
    }
    names = {n.name: n for n in source.numbers}
    claimed = names.get("claimed_fte") or names["claimed_reduction"]
    numbers = {"claimed": claimed}
    if check.supported is None:
        key, numbers = "decision_assumption_empty", {}
    elif check.verdict is AssumptionVerdict.NOT_TESTABLE:
        key = "decision_assumption_untestable"
        numbers["unknown"] = names["unknown_hours_share"]
    else:
        key = ASSUMPTION_KEYS[check.verdict]
        numbers["supported"] = names.get("supported_fte") or names["supported_reduction"]
        miss = names.get("miss_fte") or names.get("miss_share")
        if key == "decision_assumption_reject":
            if miss is None:  # at the high end exactly: no distance to print
                key = "decision_assumption_open"
            else:
                numbers["miss"] = miss
    return state(
        f"decision.assumption.{a.id}",
        Section.DECISIONS,
        StatementKind.VERDICT,
        key,
        numbers,
        words,
        source.evidence,
    )


def _scaled(interval: Interval, factor: float) -> Interval:
    return Interval(
        interval.low * factor, interval.point * factor, interval.high * factor, interval.level
    )


def _pilot(
    kv: KindVerdict, case: Case, findings: Findings, by_id: dict[str, Statement]
) -> Statement:
    """The attempts that would decide a kind of work, and the engineer time they take."""
    id = f"decision.pilot.{kv.kind}"
    words = {"kind": kv.label}
    cell = kv.cell
    if cell is None:
        minimum = counted("min_attempts_per_cell", case.case.policy.min_tasks_per_cell)
        return state(
            id,
            Section.DECISIONS,
            StatementKind.FINDING,
            "decision_pilot_not_piloted",
            {"minimum": minimum},
            words,
            (),
        )
    names = case.vendors.tool_names()
    words["tool"] = names[cell.tool]
    verdict = by_id[f"verdict.{kv.kind}"]
    more = verdict.number("more_attempts_needed")
    per_attempt = _hours_per_attempt(cell.tool, findings)
    if more is None or per_attempt is None:
        return state(
            id,
            Section.DECISIONS,
            StatementKind.FINDING,
            "decision_pilot_undecidable",
            {},
            words,
            verdict.evidence,
        )
    total = _scaled(per_attempt, more.value)
    numbers = {
        "more": more,
        "hours": printed(
            "pilot_extension_hours", total.point, Unit.HOURS, fmt.hours_interval(total), total
        ),
        "per_attempt": printed(
            "engineer_hours_per_attempt",
            per_attempt.point,
            Unit.HOURS_PER_ATTEMPT,
            fmt.hours_each_interval(per_attempt),
            per_attempt,
        ),
    }
    return state(
        id,
        Section.DECISIONS,
        StatementKind.FINDING,
        "decision_pilot",
        numbers,
        words,
        verdict.evidence,
    )


def _hours_per_attempt(tool: str, findings: Findings) -> Interval | None:
    """Engineer hours per pilot attempt, failed ones included: hours per merged change × merged
    ÷ attempts (analysis.cost); None when nothing was merged."""
    cost = next((c for c in findings.costs if c.tool == tool), None)
    summary = next((t for t in findings.tools if t.tool == tool), None)
    if cost is None or cost.per_change is None or summary is None or summary.attempts == 0:
        return None
    return _scaled(cost.per_change.engineer_hours, cost.per_change.merged / summary.attempts)


def _basis(case: Case) -> Statement | None:
    """Rates, weeks, headcount and the FTE definition that turn hours into money (finance)."""
    teams = case.workforce
    rates = [t.loaded_hourly_cost for t in teams if t.loaded_hourly_cost is not None]
    headcount = sum(t.headcount for t in teams)
    if not rates or headcount <= 0:
        return None
    currency = case.case.currency
    per_engineer = sum(t.headcount * sum(t.hours_by_kind.values()) for t in teams) / headcount
    c = case.case
    numbers = {
        "rate_low": Number(
            "loaded_hourly_cost_low",
            min(rates),
            Unit.MONEY_PER_HOUR,
            f"{currency} {min(rates):,.0f}",
        ),
        "rate_high": Number(
            "loaded_hourly_cost_high",
            max(rates),
            Unit.MONEY_PER_HOUR,
            f"{currency} {max(rates):,.0f}",
        ),
        "weeks": Number(
            "working_weeks_per_year",
            c.working_weeks_per_year,
            Unit.COUNT,
            f"{c.working_weeks_per_year:g}",
        ),
        "headcount": Number("headcount", headcount, Unit.COUNT, f"{headcount:,.0f}"),
        "teams": counted("teams", len(teams)),
        "fte_hours": Number(
            "fte_hours_per_week",
            c.fte_hours_per_week,
            Unit.HOURS_PER_WEEK,
            f"{c.fte_hours_per_week:g}",
        ),
        "per_engineer": Number(
            "engineering_hours_per_engineer",
            per_engineer,
            Unit.HOURS_PER_WEEK,
            f"{per_engineer:.1f}",
        ),
    }
    evidence = (
        RecordRef(case.files["case"], "working_weeks_per_year", "case"),
        RecordRef(case.files["workforce"], "loaded_hourly_cost", "workforce"),
    )
    return state(
        "decision.basis",
        Section.DECISIONS,
        StatementKind.FINDING,
        "decision_basis",
        numbers,
        {},
        evidence,
        FINANCE,
    )
