"""Findings → statements: each sentence with its numbers and the records behind it."""

from __future__ import annotations

from adoptreport.analysis.diff import PeriodDiff
from adoptreport.analysis.evidence import RecordRef
from adoptreport.analysis.findings import Findings, KindVerdict
from adoptreport.analysis.pilot import Cell
from adoptreport.analysis.stats import minimum_detectable_effect, spread_from_interval
from adoptreport.analysis.verdicts import Reason, Verdict
from adoptreport.models import Audience, Policy
from adoptreport.models.folder import Case
from adoptreport.statements import formatting as fmt
from adoptreport.statements.benchmarks import benchmark_statements
from adoptreport.statements.catalogue import state
from adoptreport.statements.changes import change_statements
from adoptreport.statements.cost import cost_statements
from adoptreport.statements.decisions import decision_statements
from adoptreport.statements.designs import design_methodology, design_statements, partial_verdict
from adoptreport.statements.influence import data_check_statements
from adoptreport.statements.model import Number, Section, Statement, StatementKind, Unit
from adoptreport.statements.numbers import counted, per_attempt, proportion, share, with_interval
from adoptreport.statements.procurement import procurement_statements
from adoptreport.statements.workforce import assumption_statements, workforce_statements

DETAIL = (Audience.PROCUREMENT, Audience.FINANCE, Audience.FULL)  # not in the board's cut


def build_statements(
    case: Case, findings: Findings, diff: PeriodDiff | None = None
) -> tuple[Statement, ...]:
    """Every statement of the report, in reading order within each section; with `diff`,
    the changes since the previous period last."""
    names = case.vendors.tool_names()
    labels = {k.id: k.label for k in case.case.kinds_of_work}
    statements = benchmark_statements(case, findings)
    policy, comparisons = case.case.policy, findings.multiplicity.comparisons
    statements += [
        _kind_verdict(kv, names, policy, comparisons, findings.engineer_minutes)
        for kv in findings.kinds
    ]
    statements += [_cell(cell, names, labels) for cell in findings.cells]
    statements += _review(findings, case)
    statements += workforce_statements(case, findings)
    statements += assumption_statements(findings)
    statements += cost_statements(case, findings)
    statements += procurement_statements(case, findings)
    statements += design_statements(case, findings)
    statements += _methodology(case, findings)
    statements += data_check_statements(case, findings)
    statements += design_methodology(case, findings)
    statements += decision_statements(case, findings, tuple(statements))
    if diff is not None:
        statements += change_statements(diff)
    return tuple(statements)


def _kind_verdict(
    kv: KindVerdict,
    names: dict[str, str],
    policy: Policy,
    comparisons: int,
    minutes: dict[tuple[str, str], float],
) -> Statement:
    """The kind's verdict sentence; `minutes`: mean engineer minutes per attempt by cell."""
    id, cell = f"verdict.{kv.kind}", kv.cell
    if cell is None:
        return state(
            id,
            Section.SUMMARY,
            StatementKind.VERDICT,
            "verdict_not_piloted",
            {},
            {"kind": kv.label},
            (),
        )
    decision = cell.decision
    words = {"kind": kv.label, "tool": names[cell.tool]}
    numbers: dict[str, Number]
    if decision.reason in (Reason.AUTOMATE_RULED_OUT, Reason.NO_TIME_MEASURED):
        key, numbers = partial_verdict(cell)
        return state(
            id, Section.SUMMARY, StatementKind.VERDICT, key, numbers, words, (cell.evidence,)
        )
    if cell.saved_fraction is None or decision.reason is Reason.TOO_FEW_ATTEMPTS:
        key = "verdict_too_few"
        numbers = {
            "attempts": counted("timed_attempts", cell.timed_attempts),
            "more": counted("more_attempts_needed", decision.more_tasks_needed or 0),
        }
        return state(
            id, Section.SUMMARY, StatementKind.VERDICT, key, numbers, words, (cell.evidence,)
        )
    numbers = {
        "attempts": counted("attempts", cell.attempts),
        "saved": proportion("saved_fraction", cell.saved_fraction, Unit.SAVED_FRACTION),
    }
    key = VERDICT_SENTENCES[decision.reason]
    if decision.reason is Reason.NOT_AFTER_CORRECTION:
        numbers["comparisons"] = counted("comparisons", comparisons)
        if decision.more_tasks_needed is not None:
            key += "_more"
            numbers["more"] = counted("more_attempts_needed", decision.more_tasks_needed)
            numbers["power"] = share("power", policy.power)
    elif decision.verdict is not Verdict.INSUFFICIENT_EVIDENCE:
        numbers["acceptance"] = proportion("acceptance", cell.acceptance)
    else:
        key = _power_numbers(key, cell, numbers, minutes, policy)
    if decision.verdict is Verdict.ASSIST:
        words["short"] = SHORT_OF[decision.reason]
    return state(id, Section.SUMMARY, StatementKind.VERDICT, key, numbers, words, (cell.evidence,))


def _power_numbers(
    key: str,
    cell: Cell,
    numbers: dict[str, Number],
    minutes: dict[tuple[str, str], float],
    policy: Policy,
) -> str:
    """The attempts that would decide it at the policy's power, their engineer hours, and
    the smallest effect the current attempts detect; the sentence key to use."""
    assert cell.saved_fraction is not None
    more = cell.decision.more_tasks_needed
    spread = spread_from_interval(cell.saved_fraction, cell.timed_attempts)
    numbers["power"] = share("power", policy.power)
    if cell.decision.reason is Reason.NO_DETECTABLE_DIFFERENCE:
        mde = minimum_detectable_effect(
            cell.timed_attempts, spread, policy.confidence_level, policy.power
        )
        numbers["mde"] = Number(
            "minimum_detectable_effect", mde, Unit.PERCENTAGE_POINTS, fmt.points(mde)
        )
    if more is None:
        return key + "_undecidable"
    numbers["more"] = counted("more_attempts_needed", more)
    # Cells with a saved-fraction interval have timed attempts, so their minutes are known.
    hours = more * minutes[(cell.tool, cell.kind)] / 60.0
    numbers["hours"] = Number(
        "engineer_hours_for_more_attempts", hours, Unit.HOURS, fmt.hours(hours)
    )
    return key


VERDICT_SENTENCES = {
    Reason.CLEARS_AUTOMATE: "verdict_automate",
    Reason.ACCEPTANCE_SHORT: "verdict_assist",
    Reason.SAVING_SHORT: "verdict_assist",
    Reason.BOTH_SHORT: "verdict_assist",
    Reason.COSTS_TIME: "verdict_costs_time",
    Reason.SAVES_TOO_LITTLE: "verdict_too_little",
    Reason.NO_DETECTABLE_DIFFERENCE: "verdict_no_difference",
    Reason.UNDECIDED_AGAINST_MINIMUM: "verdict_undecided_minimum",
    Reason.NOT_AFTER_CORRECTION: "verdict_after_correction",
}
SHORT_OF = {
    Reason.ACCEPTANCE_SHORT: "acceptance",
    Reason.SAVING_SHORT: "time saved",
    Reason.BOTH_SHORT: "both acceptance and time saved",
}


def _cell(cell: Cell, names: dict[str, str], labels: dict[str, str]) -> Statement:
    saved = (
        proportion("saved_fraction", cell.saved_fraction, Unit.SAVED_FRACTION)
        if cell.saved_fraction is not None
        else None
    )
    numbers = {
        "attempts": counted("attempts", cell.attempts),
        "acceptance": proportion("acceptance", cell.acceptance),
        "clean": proportion("clean_acceptance", cell.clean_acceptance),
    }
    words = {
        "tool": names[cell.tool],
        "kind": labels[cell.kind].lower(),
        "verdict": cell.decision.verdict.value,
    }
    key = "cell"
    if saved is None:
        words["saved"] = fmt.NOT_MEASURED
    else:
        numbers["saved"] = saved
        key = "cell_no_difference" if saved.interval and saved.interval.contains(0.0) else "cell"
    return state(
        f"cell.{cell.tool}.{cell.kind}",
        Section.VERDICTS,
        StatementKind.FINDING,
        key,
        numbers,
        words,
        (cell.evidence,),
        DETAIL,
    )


def _review(findings: Findings, case: Case) -> list[Statement]:
    out = []
    for tool in findings.tools:
        if tool.review_minutes_per_merged is not None and tool.rework_share_of_merged is not None:
            review = tool.review_minutes_per_merged
            out.append(
                state(
                    f"review.{tool.tool}",
                    Section.REVIEW,
                    StatementKind.FINDING,
                    "review",
                    {
                        "review": with_interval(
                            "review_minutes_per_accepted",
                            Unit.MINUTES,
                            review,
                            fmt.minutes_interval(review),
                        ),
                        "rework": proportion(
                            "rework_share_of_accepted", tool.rework_share_of_merged
                        ),
                    },
                    {"tool": tool.name},
                    (tool.evidence,),
                )
            )
        if tool.hallucinations_per_attempt is not None:
            rate = tool.hallucinations_per_attempt
            out.append(
                state(
                    f"hallucinations.{tool.tool}",
                    Section.REVIEW,
                    StatementKind.FINDING,
                    "hallucinations",
                    {"rate": per_attempt("hallucinations_per_attempt", rate)},
                    {"tool": tool.name},
                    (tool.evidence,),
                )
            )
    return out


def _methodology(case: Case, findings: Findings) -> list[Statement]:
    policy = case.case.policy
    policy_ref = RecordRef(case.files["case"], "policy", "policy")

    out = [
        state(
            "method.policy",
            Section.METHODOLOGY,
            StatementKind.CAVEAT,
            "policy",
            {
                "level": Number(
                    "confidence_level",
                    policy.confidence_level,
                    Unit.CONFIDENCE,
                    f"{policy.confidence_level * 100:g}%",
                ),
                "min_tasks": counted("min_tasks_per_cell", policy.min_tasks_per_cell),
                "min_acceptance": share(
                    "automate_min_acceptance", policy.automate_with_review.min_acceptance
                ),
                "min_saved": share(
                    "automate_min_saved_fraction", policy.automate_with_review.min_saved_fraction
                ),
                "assist_saved": share(
                    "assist_min_saved_fraction", policy.assist.min_saved_fraction
                ),
            },
            {},
            (policy_ref,),
        )
    ]
    out += _corrections(findings, policy, policy_ref)
    if findings.mix.unmeasured:
        labels = {k.id: k.label.lower() for k in case.case.kinds_of_work}
        out.append(
            state(
                "method.hours_unmeasured",
                Section.METHODOLOGY,
                StatementKind.CAVEAT,
                "hours_unmeasured",
                {},
                {"kinds": ", ".join(labels[k] for k in findings.mix.unmeasured)},
                (findings.mix.evidence,),
            )
        )
    timed = sum(c.timed_attempts for c in findings.cells)
    missing = findings.attempts - timed
    if missing:
        out.append(
            state(
                "method.missing_time",
                Section.METHODOLOGY,
                StatementKind.CAVEAT,
                "missing_time",
                {
                    "missing": counted("attempts_without_time", missing),
                    "attempts": counted("attempts", findings.attempts),
                },
                {},
                (findings.pilot_evidence,),
            )
        )
    return out


def _corrections(findings: Findings, policy: Policy, policy_ref: RecordRef) -> list[Statement]:
    """How many comparisons the verdicts are, how they are corrected, and the power rule."""
    many = findings.multiplicity
    numbers = {
        "comparisons": counted("comparisons", many.comparisons),
        "rate": share("false_discovery_rate", many.rate),
        "withdrawn": counted("verdicts_withdrawn", many.withdrawn),
    }
    power = {"power": share("power", policy.power)}
    return [
        state(
            "method.multiplicity",
            Section.METHODOLOGY,
            StatementKind.CAVEAT,
            "multiplicity",
            numbers,
            {},
            (policy_ref, findings.pilot_evidence),
            DETAIL,
        ),
        state(
            "method.power",
            Section.METHODOLOGY,
            StatementKind.CAVEAT,
            "power",
            power,
            {},
            (policy_ref,),
            DETAIL,
        ),
    ]
