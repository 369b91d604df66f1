"""Statements for HR and finance: hours and FTE freed, and each staffing assumption checked."""

from __future__ import annotations

from adoptreport.analysis.assumptions import AssumptionCheck, AssumptionVerdict, ClaimUnit
from adoptreport.analysis.evidence import Evidence, RecordRef
from adoptreport.analysis.findings import Findings
from adoptreport.analysis.stats import Interval
from adoptreport.analysis.workforce import (
    Hours,
    OptionHours,
    Scenario,
    Support,
)
from adoptreport.models import Audience
from adoptreport.models.folder import Case
from adoptreport.statements import formatting as fmt
from adoptreport.statements.catalogue import state
from adoptreport.statements.model import Number, Section, Statement, StatementKind, Unit
from adoptreport.statements.numbers import (
    fte_number,
    hours_number,
    printed,
    proportion,
    share,
)

DETAIL = (Audience.FINANCE, Audience.FULL)
OPTION_AUDIENCES = (Audience.FINANCE, Audience.PROCUREMENT, Audience.FULL)


def _fte_hours(name: str, fte: float, hours: float) -> Number:
    """'9.4 FTE (378 h)': one scenario cell."""
    return printed(f"{name}_fte", fte, Unit.FTE, fmt.Printed(fmt.fte(fte), fmt.hours(hours)))


def workforce_statements(case: Case, findings: Findings) -> list[Statement]:
    work = findings.workforce
    total = work.total
    workforce_ref = RecordRef(case.files["workforce"], "all rows", "teams")
    evidence = (workforce_ref, findings.pilot_evidence)
    option = work.headline.name if work.headline is not None else "no tool"
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
            "workforce.total",
            Section.WORKFORCE,
            StatementKind.FINDING,
            key,
            numbers,
            {"option": option, "basis": work.headline_basis.value},
            evidence,
        )
    ]
    out += _contrast(case, findings, total, evidence)
    labels = {k.id: k.label.lower() for k in case.case.kinds_of_work}
    for choice in work.options:
        out += _option(choice, labels, evidence, choice is work.headline)
    if total.unstated_headcount > 0 and total.headcount > 0:
        numbers = {
            "share": share(
                "headcount_share_with_blank_hours", total.unstated_headcount / total.headcount
            )
        }
        out.append(
            state(
                "workforce.unstated",
                Section.WORKFORCE,
                StatementKind.CAVEAT,
                "workforce_unstated",
                numbers,
                {},
                (workforce_ref,),
            )
        )
    out += [_team(team, case, findings) for team in work.teams]
    out += [_scenario(s, option, evidence) for s in work.scenarios]
    return out + _losses(case, findings)


def _scenario(scenario: Scenario, option: str, evidence: tuple[Evidence, ...]) -> Statement:
    numbers = {
        "adoption": share("adoption_rate", scenario.adoption, Unit.PROPORTION),
        "low": _fte_hours("low", scenario.freed_fte.low, scenario.freed_hours.low),
        "base": _fte_hours("base", scenario.freed_fte.point, scenario.freed_hours.point),
        "high": _fte_hours("high", scenario.freed_fte.high, scenario.freed_hours.high),
    }
    return state(
        f"workforce.scenario.{scenario.adoption:g}",
        Section.WORKFORCE,
        StatementKind.FINDING,
        "scenario",
        numbers,
        {"option": option},
        evidence,
        DETAIL,
    )


def _losses(case: Case, findings: Findings) -> list[Statement]:
    labels = {k.id: k.label for k in case.case.kinds_of_work}
    return [
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
        for entry in findings.workforce.support
        if entry.support is Support.ZERO and entry.loss is not None
    ]


def _option(
    choice: OptionHours, labels: dict[str, str], evidence: tuple[Evidence, ...], headline: bool
) -> list[Statement]:
    """Hours with one procurable option, and the kinds left out of its hours and value."""
    total = choice.total
    unknown = share(
        "unknown_hours_share",
        _ratio(total.unknown_hours, total.engineering_hours),
        Unit.HOURS_SHARE,
    )
    words = {"option": choice.name}
    audiences = DETAIL if headline else OPTION_AUDIENCES
    saved = choice.saved_share()
    if saved is None:
        numbers = {"unknown": unknown}
        key = "workforce_option_none"
    else:
        assert total.freed_hours is not None  # a saved share implies measured hours
        numbers = {
            "hours": hours_number("freed_hours_per_week", total.freed_hours),
            "saved": proportion("saved_share_of_used_hours", saved, Unit.HOURS_SHARE),
            "unknown": unknown,
        }
        key = "workforce_option"
    out = (
        []
        if headline
        else [
            state(
                f"workforce.option.{choice.option}",
                Section.WORKFORCE,
                StatementKind.FINDING,
                key,
                numbers,
                words,
                evidence,
                audiences,
            )
        ]
    )
    if choice.excluded_kinds:
        excluded = Number(
            "excluded_hours_per_week",
            total.excluded_hours,
            Unit.HOURS_PER_WEEK,
            fmt.hours(total.excluded_hours),
        )
        out.append(
            state(
                f"workforce.option.{choice.option}.excluded",
                Section.WORKFORCE,
                StatementKind.CAVEAT,
                "workforce_excluded",
                {"excluded": excluded},
                {
                    "option": choice.name,
                    "kinds": _listed([labels[k] for k in choice.excluded_kinds]),
                },
                evidence,
                audiences,
            )
        )
    return out


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


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


# Every hour in scope is in kinds the pilot judged "do not automate": the supported saving is
# a decided zero, measured, and says why rather than printing an interval of 0–0.
RULED_OUT = "ruled out: every kind of work in its scope was judged do not automate"


def _supported(check: AssumptionCheck) -> Number:
    supported = check.supported
    assert supported is not None
    fte = check.unit is ClaimUnit.FTE
    name = "supported_fte" if fte else "supported_reduction"
    if supported.low == supported.high == 0.0 and check.scope_hours > 0:
        unit, figure = (Unit.FTE, fmt.fte(0.0)) if fte else (Unit.HOURS_SHARE, fmt.percent(0.0))
        return printed(name, 0.0, unit, fmt.Printed(figure, RULED_OUT), supported)
    if fte:
        return fte_number(name, supported)
    return proportion(name, supported, Unit.HOURS_SHARE)


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
        unknown = check.unknown_share or 0.0
        if unknown > 0:
            numbers["unknown"] = share("unknown_hours_share", unknown, Unit.HOURS_SHARE)
        if check.verdict is AssumptionVerdict.NOT_SUPPORTED and check.miss:
            key = "assumption_missed_unknown" if unknown > 0 else "assumption_missed"
            numbers["miss"] = _miss(check)
            if unknown > 0:
                numbers["ceiling"] = _ceiling(check)
        else:
            key = "assumption_checked_unknown" if unknown > 0 else "assumption_checked"
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


def _ceiling(check: AssumptionCheck) -> Number:
    ceiling = check.ceiling or 0.0
    if check.unit is ClaimUnit.FTE:
        return Number("ceiling_fte", ceiling, Unit.FTE, fmt.fte(ceiling))
    return share("ceiling_reduction", ceiling, Unit.HOURS_SHARE)


def _miss(check: AssumptionCheck) -> Number:
    miss = check.miss or 0.0
    if check.unit is ClaimUnit.FTE:
        return Number("miss_fte", miss, Unit.FTE, fmt.fte(miss))
    return Number("miss_share", miss, Unit.PERCENTAGE_POINTS, fmt.points(miss))


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole > 0 else 0.0
