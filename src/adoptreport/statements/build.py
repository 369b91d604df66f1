"""Findings → statements: each sentence with its numbers and the records behind it."""

from __future__ import annotations

from adoptreport.analysis.diff import PeriodDiff
from adoptreport.analysis.evidence import RecordRef
from adoptreport.analysis.findings import Findings
from adoptreport.analysis.mix import BenchmarkGap
from adoptreport.analysis.pilot import Cell
from adoptreport.analysis.stats import Interval
from adoptreport.analysis.verdicts import Reason, Verdict
from adoptreport.models import Audience
from adoptreport.models.folder import Case
from adoptreport.statements import formatting as fmt
from adoptreport.statements.catalogue import state
from adoptreport.statements.changes import change_statements
from adoptreport.statements.cost import cost_statements
from adoptreport.statements.designs import design_methodology, design_statements, partial_verdict
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
    statements: list[Statement] = []
    for gap in findings.benchmark_gaps:
        statements += _benchmark(gap, findings, names, labels, case)
    scopes = {gap.claim.scope: gap for gap in reversed(findings.benchmark_gaps)}
    statements += [
        _meaning(gap, labels, case) for gap in scopes.values() if gap.scope_hours_share is not None
    ]
    statements += [_kind_verdict(kv.kind, kv.label, kv.cell, names) for kv in findings.kinds]
    statements += [_cell(cell, names, labels) for cell in findings.cells]
    statements += _review(findings, case)
    statements += workforce_statements(case, findings)
    statements += assumption_statements(findings)
    statements += cost_statements(case, findings)
    statements += procurement_statements(case, findings)
    statements += design_statements(case, findings)
    statements += _methodology(case, findings)
    statements += design_methodology(case, findings)
    if diff is not None:
        statements += change_statements(diff)
    return tuple(statements)


def _benchmark(
    gap: BenchmarkGap, findings: Findings, names: dict[str, str], labels: dict[str, str], case: Case
) -> list[Statement]:
    claim = gap.claim
    scope = labels[claim.scope].lower()
    tool = names[claim.tool]
    score = Number("claimed_score", claim.score, Unit.BENCHMARK_SCORE, fmt.score(claim.score))
    out = [
        state(
            f"benchmark.{claim.id}.claim",
            Section.BENCHMARK,
            StatementKind.FINDING,
            "claim",
            {"score": score},
            {
                "vendor": _vendor_name(case, claim.vendor),
                "benchmark": claim.benchmark,
                "model": claim.model,
                "grade": claim.source_grade.value,
                "source": claim.source,
                "scope": scope,
            },
            (gap.evidence,),
        )
    ]
    cell = gap.scope_cell
    if cell is None:
        out.append(
            state(
                f"benchmark.{claim.id}.scope",
                Section.BENCHMARK,
                StatementKind.CAVEAT,
                "claim_not_piloted",
                {},
                {"tool": tool, "scope": scope},
                (gap.evidence,),
            )
        )
    else:
        numbers = {
            "acceptance": proportion("acceptance", cell.acceptance),
            "attempts": counted("attempts", cell.attempts),
        }
        key = (
            "claim_vs_scope_few"
            if cell.attempts < case.case.policy.min_tasks_per_cell
            else "claim_vs_scope_" + _versus(claim.score, cell.acceptance, numbers)
        )
        out.append(
            state(
                f"benchmark.{claim.id}.scope",
                Section.BENCHMARK,
                StatementKind.FINDING,
                key,
                numbers,
                {"tool": tool, "scope": scope},
                (gap.evidence, cell.evidence),
            )
        )
    if gap.mix is not None:
        mix_numbers = {
            "covered": Number(
                "covered_share",
                gap.mix.covered_share,
                Unit.HOURS_SHARE,
                fmt.percent(gap.mix.covered_share),
            ),
            "acceptance": proportion("mix_acceptance", gap.mix.acceptance),
        }
        out.append(
            state(
                f"benchmark.{claim.id}.mix",
                Section.BENCHMARK,
                StatementKind.FINDING,
                "claim_vs_mix_" + _versus(claim.score, gap.mix.acceptance, mix_numbers),
                mix_numbers,
                {"tool": tool},
                (
                    gap.evidence,
                    *(t.evidence for t in findings.tools if t.tool == claim.tool),
                    _workforce_ref(case),
                ),
            )
        )
    return out


def _versus(score: float, observed: Interval, numbers: dict[str, Number]) -> str:
    """Where a claimed score sits against an observed interval; adds the gap when outside."""
    if observed.contains(score):
        return "consistent"
    # From the figures as printed, so a reader's own subtraction agrees with the gap shown.
    shown = fmt.percent_number(observed.point) / 100
    difference = score - shown
    numbers["gap"] = Number("gap", difference, Unit.PERCENTAGE_POINTS, fmt.points(difference))
    return "below" if score > observed.high else "above"


def _meaning(gap: BenchmarkGap, labels: dict[str, str], case: Case) -> Statement:
    assert gap.scope_hours_share is not None
    return state(
        f"benchmark.scope.{gap.claim.scope}.meaning",
        Section.BENCHMARK,
        StatementKind.CAVEAT,
        "headline_meaning",
        {
            "scope_share": Number(
                "scope_hours_share",
                gap.scope_hours_share,
                Unit.HOURS_SHARE,
                fmt.percent(gap.scope_hours_share),
            )
        },
        {"scope": labels[gap.claim.scope]},
        (gap.evidence, _workforce_ref(case)),
    )


def _workforce_ref(case: Case) -> RecordRef:
    return RecordRef(case.files["workforce"], "all rows", "work mix")


def _vendor_name(case: Case, vendor_id: str) -> str:
    return next(v.name for v in case.vendors.vendors if v.id == vendor_id)


def _kind_verdict(kind: str, label: str, cell: Cell | None, names: dict[str, str]) -> Statement:
    id = f"verdict.{kind}"
    if cell is None:
        return state(
            id,
            Section.SUMMARY,
            StatementKind.VERDICT,
            "verdict_not_piloted",
            {},
            {"kind": label},
            (),
        )
    decision = cell.decision
    words = {"kind": label, "tool": names[cell.tool]}
    numbers: dict[str, Number]
    if decision.reason in (Reason.AUTOMATE_RULED_OUT, Reason.NO_TIME_MEASURED):
        key, numbers = partial_verdict(cell)
    elif cell.saved_fraction is None or decision.reason in (
        Reason.TOO_FEW_ATTEMPTS,
        Reason.NO_TIME_MEASURED,
    ):
        key = "verdict_too_few"
        numbers = {
            "attempts": counted("timed_attempts", cell.timed_attempts),
            "more": counted("more_attempts_needed", decision.more_tasks_needed or 0),
        }
    else:
        numbers = {
            "attempts": counted("attempts", cell.attempts),
            "saved": proportion("saved_fraction", cell.saved_fraction, Unit.SAVED_FRACTION),
        }
        key = VERDICT_SENTENCES[decision.reason]
        if decision.verdict is not Verdict.INSUFFICIENT_EVIDENCE:
            numbers["acceptance"] = proportion("acceptance", cell.acceptance)
        elif decision.more_tasks_needed is None:
            key += "_undecidable"
        else:
            numbers["more"] = counted("more_attempts_needed", decision.more_tasks_needed)
        if decision.verdict is Verdict.ASSIST:
            words["short"] = SHORT_OF[decision.reason]
    return state(id, Section.SUMMARY, StatementKind.VERDICT, key, numbers, words, (cell.evidence,))


VERDICT_SENTENCES = {
    Reason.CLEARS_AUTOMATE: "verdict_automate",
    Reason.ACCEPTANCE_SHORT: "verdict_assist",
    Reason.SAVING_SHORT: "verdict_assist",
    Reason.BOTH_SHORT: "verdict_assist",
    Reason.COSTS_TIME: "verdict_costs_time",
    Reason.SAVES_TOO_LITTLE: "verdict_too_little",
    Reason.NO_DETECTABLE_DIFFERENCE: "verdict_no_difference",
    Reason.UNDECIDED_AGAINST_MINIMUM: "verdict_undecided_minimum",
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
