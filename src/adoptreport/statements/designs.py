"""Statements for the pilot's designs: AI arm against control arm, paired tasks, forecasts,
the pilot flow, and verdicts from partial evidence. Control rows are never a tool or vendor."""

from __future__ import annotations

from adoptreport.analysis.arms import ArmComparison, PairedComparison
from adoptreport.analysis.designs import MIN_ENGINEERS_PER_ARM, TimeEffect
from adoptreport.analysis.evidence import Evidence, RecordRef
from adoptreport.analysis.findings import Findings
from adoptreport.analysis.pilot import Cell
from adoptreport.analysis.stats import Interval
from adoptreport.analysis.verdicts import Reason
from adoptreport.models import Audience
from adoptreport.models.case import PilotDesign
from adoptreport.models.folder import Case
from adoptreport.statements import formatting as fmt
from adoptreport.statements.catalogue import state
from adoptreport.statements.model import Number, Section, Statement, StatementKind, Unit
from adoptreport.statements.numbers import counted, proportion, with_interval

DETAIL = (Audience.PROCUREMENT, Audience.FINANCE, Audience.FULL)
UNSTATED = "an unstated number"  # a pilot_flow count the case leaves out: not given, never 0
COLUMN_WORDS = {"review_minutes": "review minutes", "rework_minutes": "rework minutes"}


def partial_verdict(cell: Cell) -> tuple[str, dict[str, Number]]:
    """The sentence for a cell decided by acceptance alone, or with no time measured."""
    numbers = {
        "acceptance": proportion("acceptance", cell.acceptance),
        "attempts": counted("attempts", cell.attempts),
    }
    more = cell.decision.more_tasks_needed
    if cell.decision.reason is Reason.NO_TIME_MEASURED:
        numbers["more"] = counted("more_attempts_needed", more or 0)
        return "verdict_no_time", numbers
    if more is None:
        return "verdict_automate_ruled_out_no_time", numbers
    numbers["timed"] = counted("timed_attempts", cell.timed_attempts)
    numbers["more"] = counted("more_attempts_needed", more)
    return "verdict_automate_ruled_out", numbers


def change_number(name: str, effect: TimeEffect) -> Number:
    interval = effect.interval
    if interval is None:
        return Number(name, effect.change, Unit.TIME_CHANGE, fmt.signed_percent(effect.change))
    return with_interval(name, Unit.TIME_CHANGE, interval, fmt.signed_percent_interval(interval))


def design_statements(case: Case, findings: Findings) -> list[Statement]:
    """The arm comparison (randomised, or observational in words that claim no cause), then
    each paired comparison."""
    out: list[Statement] = []
    if findings.arms is not None:
        out += _arms(findings.arms, case)
    names = case.vendors.tool_names()
    out += [_paired(p, names, findings.level) for p in findings.paired]
    return out


def _arms(arms: ArmComparison, case: Case) -> list[Statement]:
    randomised = arms.design is PilotDesign.RANDOMISED
    prefix = "arms_randomised" if randomised else "arms_observational"
    evidence = (arms.evidence,)
    out = []
    if arms.time is not None:
        out.append(_time(arms, arms.time, prefix))
        if arms.without_filled is not None:
            out.append(
                _designs(
                    "design.arms.rule",
                    "arms_rule",
                    {
                        "filled": counted("rows_given_arm_mean", arms.filled_rows),
                        "change": change_number("time_change_without_filled", arms.without_filled),
                    },
                    {},
                    evidence,
                )
            )
    else:
        out.append(_designs("design.arms.time", "arms_no_time", {}, {}, evidence))
    if arms.not_recorded:
        columns = " and ".join(COLUMN_WORDS[c] for c in arms.not_recorded)
        out.append(
            _designs(
                "design.arms.not_recorded", "arms_not_recorded", {}, {"columns": columns}, evidence
            )
        )
    out.append(_acceptance(arms, randomised))
    if arms.ai_to_forecast is not None and arms.control_to_forecast is not None:
        numbers = {
            "ai": _vs_forecast("ai_total_vs_forecast", arms.ai_to_forecast),
            "control": _vs_forecast("control_total_vs_forecast", arms.control_to_forecast),
        }
        out.append(_designs("design.arms.forecast", "arms_forecast", numbers, {}, evidence))
    return out


def _time(arms: ArmComparison, effect: TimeEffect, prefix: str) -> Statement:
    numbers = {
        "change": change_number("time_change_with_ai", effect),
        "tasks": counted("timed_rows", effect.rows),
    }
    words = {
        "adjusted": "adjusted for the engineers' forecasts"
        if effect.adjusted_for_forecast
        else "not adjusted for forecasts, which not every row gives",
    }
    if effect.interval is None:
        ai_engineers, control_engineers = effect.engineers_per_arm
        numbers["ai_engineers"] = counted("engineers_with_ai", ai_engineers)
        numbers["control_engineers"] = counted("engineers_without_ai", control_engineers)
        numbers["minimum"] = counted("min_engineers_per_arm", MIN_ENGINEERS_PER_ARM)
        key = f"{prefix}_no_interval"
    else:
        numbers["engineers"] = counted("engineers", effect.engineers)
        key = prefix + ("_detected" if effect.interval.excludes_zero else "_no_difference")
    return _designs("design.arms.time", key, numbers, words, (arms.evidence,))


def _acceptance(arms: ArmComparison, randomised: bool) -> Statement:
    difference = arms.acceptance_difference
    numbers = {
        "ai": proportion("acceptance_with_ai", arms.acceptance_ai),
        "ai_rows": counted("rows_with_ai", arms.ai_rows),
        "control": proportion("acceptance_without_ai", arms.acceptance_control),
        "control_rows": counted("rows_without_ai", arms.control_rows),
        "difference": with_interval(
            "acceptance_difference",
            Unit.PERCENTAGE_POINTS,
            difference,
            fmt.points_change_interval(difference),
        ),
    }
    key = "arms_acceptance" if randomised else "arms_acceptance_observational"
    return _designs("design.arms.acceptance", key, numbers, {}, (arms.evidence,))


def _vs_forecast(name: str, interval: Interval) -> Number:
    return with_interval(name, Unit.TIME_CHANGE, interval, fmt.signed_percent_interval(interval))


def _paired(paired: PairedComparison, names: dict[str, str], level: float) -> Statement:
    result = paired.result
    numbers = {
        "tasks": counted("shared_tasks", result.tasks),
        "first_only": counted("accepted_first_only", result.accepted_first_only),
        "second_only": counted("accepted_second_only", result.accepted_second_only),
    }
    words = {} if paired.arms else {"first": names[paired.first], "second": names[paired.second]}
    key = "paired_arms" if paired.arms else "paired_tools"
    # An exact McNemar test on the discordant tasks, read at the report's confidence level.
    detected = result.mcnemar_p < 1.0 - level
    words["test"] = "a detectable difference" if detected else "no detectable difference"
    if result.time_ratio is not None:
        numbers["ratio"] = with_interval(
            "paired_time_ratio",
            Unit.TIME_RATIO,
            result.time_ratio,
            fmt.ratio_plain_interval(result.time_ratio),
        )
    else:
        key += "_untimed"
    return _designs(
        f"design.paired.{paired.first}.{paired.second}", key, numbers, words, (paired.evidence,)
    )


def _designs(
    id: str,
    key: str,
    numbers: dict[str, Number],
    words: dict[str, str],
    evidence: tuple[Evidence, ...],
) -> Statement:
    return state(id, Section.DESIGNS, StatementKind.FINDING, key, numbers, words, evidence, DETAIL)


def design_methodology(case: Case, findings: Findings) -> list[Statement]:
    """One short paragraph per design and estimator the report uses, and the pilot flow."""
    case_ref = RecordRef(case.files["case"], "pilot_design", case.case.pilot_design.value)
    out = [_method("method.design.observational", "method_observational", {}, {}, (case_ref,))]
    arms = findings.arms
    if arms is not None:
        key = (
            "method_randomised"
            if arms.design is PilotDesign.RANDOMISED
            else "method_arms_observational"
        )
        numbers = {"rows": counted("study_rows", arms.ai_rows + arms.control_rows)}
        out.append(_method("method.design.arms", key, numbers, {}, (case_ref, arms.evidence)))
        if arms.time is not None:
            out.append(_estimator(arms.time, arms, case_ref))
    if findings.paired:
        out.append(
            _method("method.design.paired", "method_paired", {}, {}, (findings.pilot_evidence,))
        )
    if arms is not None and arms.ai_to_forecast is not None:
        out.append(_method("method.design.forecast", "method_forecast", {}, {}, (arms.evidence,)))
    out.append(_flow(case))
    return out


def _estimator(effect: TimeEffect, arms: ArmComparison, case_ref: RecordRef) -> Statement:
    words = {"forecast": " and the log of the forecast" if effect.adjusted_for_forecast else ""}
    if effect.interval is None:
        return _method(
            "method.design.estimator",
            "method_estimator_no_interval",
            {"minimum": counted("min_engineers_per_arm", MIN_ENGINEERS_PER_ARM)},
            words,
            (case_ref, arms.evidence),
        )
    numbers = {"engineers": counted("engineers", effect.engineers)}
    return _method(
        "method.design.estimator", "method_estimator", numbers, words, (case_ref, arms.evidence)
    )


def _flow(case: Case) -> Statement:
    flow = case.case.pilot_flow
    ref = RecordRef(case.files["case"], "pilot_flow", "pilot flow")
    if flow is None:
        return _method("method.flow", "flow_not_given", {}, {}, (ref,))
    parts = {
        "eligible": flow.eligible,
        "withheld": flow.withheld,
        "opted_out": flow.opted_out,
        "dropped": flow.dropped,
    }
    numbers = {k: counted(f"tasks_{k}", v) for k, v in parts.items() if v is not None}
    words = {
        k: UNSTATED + (" of" if k == "eligible" else "") for k, v in parts.items() if v is None
    }
    words["why"] = flow.why or "no reason is given."
    return _method("method.flow", "flow", numbers, words, (ref,))


def _method(
    id: str,
    key: str,
    numbers: dict[str, Number],
    words: dict[str, str],
    evidence: tuple[Evidence, ...],
    audiences: tuple[Audience, ...] = DETAIL,
) -> Statement:
    return state(
        id, Section.METHODOLOGY, StatementKind.CAVEAT, key, numbers, words, evidence, audiences
    )
