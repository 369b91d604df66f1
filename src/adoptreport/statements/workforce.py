"""Statements for HR and finance: hours and FTE freed, and each staffing assumption checked."""

from __future__ import annotations

from adoptreport.analysis.assumptions import AssumptionCheck, AssumptionVerdict, ClaimUnit
from adoptreport.analysis.evidence import Evidence, RecordRef
from adoptreport.analysis.findings import Findings
from adoptreport.analysis.stats import Interval
from adoptreport.analysis.workforce import Hours, Support
from adoptreport.models import Audience
from adoptreport.models.folder import Case
from adoptreport.statements import formatting as fmt
from adoptreport.statements.catalogue import state
from adoptreport.statements.model import Number, Section, Statement, StatementKind, Unit
from adoptreport.statements.numbers import fte_number, hours_number, printed, proportion, share

DETAIL = (Audience.FINANCE, Audience.FULL)


def _fte_hours(name: str, fte: float, hours: float) -> Number:
    """'9.4 FTE (378 h)': one scenario cell."""
    return printed(f"{name}_fte", fte, Unit.FTE, fmt.Printed(fmt.fte(fte), fmt.hours(hours)))


def workforce_statements(case: Case, findings: Findings) -> list[Statement]:
    work = findings.workforce
    total = work.total
    workforce_ref = RecordRef(case.files["workforce"], "all rows", "teams")
    evidence = (workforce_ref, findings.pilot_evidence)
    if total.freed_hours is None or total.freed_fte is None:
        return [_not_measured(total, evidence)]
    numbers = {
        "hours": hours_number("freed_hours_per_week", total.freed_hours),
        "fte": fte_number("freed_fte", total.freed_fte),
        "fte_hours": Number(
            "fte_hours_per_week",
            work.fte_hours_per_week,
            Unit.HOURS_PER_WEEK,
            f"{work.fte_hours_per_week:g}",
        ),
        "unknown": share(
            "unknown_hours_share",
            _ratio(total.unknown_hours, total.engineering_hours),
            Unit.HOURS_SHARE,
        ),
    }
    key = "workforce_total_all_adopt"
    if work.adoption_stated:
        numbers["adoption"] = share("adoption_rate", work.adoption_rate, Unit.PROPORTION)
        key = "workforce_total"
    out = [
        state(
            "workforce.total", Section.WORKFORCE, StatementKind.FINDING, key, numbers, {}, evidence
        )
    ]
    out += _contrast(case, findings, total, evidence)
    for team in work.teams:
        out.append(_team(team, case, findings))
    for scenario in work.scenarios:
        numbers = {
            "adoption": share("adoption_rate", scenario.adoption, Unit.PROPORTION),
            "low": _fte_hours("low", scenario.freed_fte.low, scenario.freed_hours.low),
            "base": _fte_hours("base", scenario.freed_fte.point, scenario.freed_hours.point),
            "high": _fte_hours("high", scenario.freed_fte.high, scenario.freed_hours.high),
        }
        out.append(
            state(
                f"workforce.scenario.{scenario.adoption:g}",
                Section.WORKFORCE,
                StatementKind.FINDING,
                "scenario",
                numbers,
                {},
                evidence,
                DETAIL,
            )
        )
    labels = {k.id: k.label for k in case.case.kinds_of_work}
    for entry in work.support:
        if entry.support is Support.ZERO and entry.loss is not None:
            out.append(
                state(
                    f"workforce.loss.{entry.kind}",
                    Section.WORKFORCE,
                    StatementKind.CAVEAT,
                    "kind_loss",
                    {"saved": proportion("saved_fraction", entry.loss, Unit.SAVED_FRACTION)},
                    {"kind": labels[entry.kind]},
                    (findings.pilot_evidence,),
                    DETAIL,  # the board's verdict table already gives the loss (each fact once)
                )
            )
    return out


def _not_measured(total: Hours, evidence: tuple[Evidence, ...]) -> Statement:
    """No kind of work with hours has a verdict: the hours freed are unknown, not zero."""
    unknown = share(
        "unknown_hours_share",
        _ratio(total.unknown_hours, total.engineering_hours),
        Unit.HOURS_SHARE,
    )
    return state(
        "workforce.total",
        Section.WORKFORCE,
        StatementKind.CAVEAT,
        "workforce_not_measured",
        {"unknown": unknown},
        {},
        evidence,
    )


def _contrast(
    case: Case, findings: Findings, total: Hours, evidence: tuple[Evidence, ...]
) -> list[Statement]:
    """Beside the headline benchmark's kind of work, the share of all hours the evidence supports."""
    gap = findings.headline
    freed_hours = total.freed_hours
    if gap is None or gap.scope_hours_share is None or total.engineering_hours <= 0:
        return []
    if freed_hours is None:
        return []
    whole = total.engineering_hours
    freed = Interval(
        freed_hours.low / whole,
        freed_hours.point / whole,
        freed_hours.high / whole,
        freed_hours.level,
    )
    label = case.case.kind_label(gap.claim.scope).lower()
    return [
        state(
            "workforce.contrast",
            Section.WORKFORCE,
            StatementKind.FINDING,
            "workforce_share",
            {
                "freed_share": proportion("freed_share_of_hours", freed, Unit.HOURS_SHARE),
                "scope_share": share("scope_hours_share", gap.scope_hours_share, Unit.HOURS_SHARE),
            },
            {"scope": label},
            (*evidence, gap.evidence),
        )
    ]


def _team(team: Hours, case: Case, findings: Findings) -> Statement:
    row = team.row if team.row is not None else 0
    evidence: tuple[Evidence, ...] = (
        RecordRef(case.files["workforce"], f"row {row}", team.team),
        findings.pilot_evidence,
    )
    freed: dict[str, Number] = {}
    if team.freed_hours is not None and team.freed_fte is not None:
        freed["hours"] = hours_number("freed_hours_per_week", team.freed_hours)
        freed["fte"] = fte_number("freed_fte", team.freed_fte)
    return state(
        f"workforce.team.{team.team}",
        Section.WORKFORCE,
        StatementKind.FINDING,
        "team_hours" if freed else "team_hours_not_measured",
        {
            "headcount": Number("headcount", team.headcount, Unit.COUNT, f"{team.headcount:g}"),
            **freed,
            "unknown": Number(
                "unknown_hours_per_week",
                team.unknown_hours,
                Unit.HOURS_PER_WEEK,
                fmt.hours(team.unknown_hours),
            ),
        },
        {"team": team.team},
        evidence,
        DETAIL,
    )


def assumption_statements(findings: Findings) -> list[Statement]:
    return [_assumption(check) for check in findings.assumptions]


def _claimed(check: AssumptionCheck) -> Number:
    if check.unit is ClaimUnit.FTE:
        return Number("claimed_fte", check.claimed, Unit.FTE, fmt.fte(check.claimed))
    return Number(
        "claimed_reduction",
        check.claimed,
        Unit.HOURS_SHARE,
        f"a {fmt.percent(check.claimed)} cut in hours",
    )


def _supported(check: AssumptionCheck) -> Number:
    assert check.supported is not None
    if check.unit is ClaimUnit.FTE:
        return fte_number("supported_fte", check.supported)
    return proportion("supported_reduction", check.supported, Unit.HOURS_SHARE)


def _assumption(check: AssumptionCheck) -> Statement:
    id = check.assumption.id
    words = {"id": id}
    numbers = {"claimed": _claimed(check)}
    if check.supported is None and check.scope_hours <= 0:
        key = "assumption_empty"
        numbers = {}
    elif check.verdict is AssumptionVerdict.NOT_TESTABLE:
        key = "assumption_not_testable"
        numbers["unknown"] = share(
            "unknown_hours_share", check.unknown_share or 0.0, Unit.HOURS_SHARE
        )
    else:
        numbers["scope_hours"] = Number(
            "scope_hours_per_week",
            check.scope_hours,
            Unit.HOURS_PER_WEEK,
            fmt.hours(check.scope_hours),
        )
        numbers["supported"] = _supported(check)
        if check.verdict is AssumptionVerdict.NOT_SUPPORTED and check.miss:
            key = "assumption_missed"
            numbers["miss"] = _miss(check)
        else:
            key = "assumption_checked"
            words["verdict"] = check.verdict.value
    return state(
        f"assumption.{id}",
        Section.ASSUMPTIONS,
        StatementKind.VERDICT,
        key,
        numbers,
        words,
        (check.evidence,),
    )


def _miss(check: AssumptionCheck) -> Number:
    miss = check.miss or 0.0
    if check.unit is ClaimUnit.FTE:
        return Number("miss_fte", miss, Unit.FTE, fmt.fte(miss))
    return Number("miss_share", miss, Unit.PERCENTAGE_POINTS, fmt.points(miss))


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole > 0 else 0.0
