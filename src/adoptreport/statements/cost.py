"""Statements on cost and value per tool; what was not measured says so, never 0."""

from __future__ import annotations

from adoptreport.analysis.cost import ChangeCost, ToolCost
from adoptreport.analysis.evidence import Evidence, RecordRef
from adoptreport.analysis.findings import Findings
from adoptreport.analysis.stats import Interval
from adoptreport.models import Audience
from adoptreport.models.folder import Case
from adoptreport.statements import formatting as fmt
from adoptreport.statements.catalogue import state
from adoptreport.statements.model import Number, Section, Statement, StatementKind, Unit
from adoptreport.statements.numbers import counted, proportion, with_interval

COST_AUDIENCES = (Audience.FINANCE, Audience.PROCUREMENT, Audience.FULL)


def cost_statements(case: Case, findings: Findings) -> list[Statement]:
    names = case.vendors.tool_names()
    out = []
    for cost in findings.costs:
        out.append(_cost(cost, names[cost.tool], case, findings))
        out.extend(_tokens(cost, names[cost.tool], case, findings))
        if cost.per_change is not None:
            out.append(_hours_per_change(cost, cost.per_change, names[cost.tool], case, findings))
        summary = next((t for t in findings.tools if t.tool == cost.tool), None)
        if cost.break_even_acceptance is not None and summary is not None:
            numbers = {
                "break_even": Number(
                    "break_even_acceptance",
                    cost.break_even_acceptance,
                    Unit.PROPORTION,
                    fmt.percent(cost.break_even_acceptance),
                ),
                "acceptance": proportion("acceptance", summary.acceptance),
            }
            out.append(
                _statement(
                    f"cost.{cost.tool}.break_even",
                    "break_even",
                    numbers,
                    {"tool": names[cost.tool]},
                    (summary.evidence,),
                )
            )
    return out


def _money(name: str, value: float, currency: str) -> Number:
    return Number(name, value, Unit.MONEY_PER_YEAR, fmt.money(value, currency))


def _money_range(name: str, interval: Interval, currency: str) -> Number:
    return with_interval(
        name, Unit.MONEY_PER_YEAR, interval, fmt.money_interval(interval, currency)
    )


def _cost(cost: ToolCost, name: str, case: Case, findings: Findings) -> Statement:
    currency = case.case.currency
    words = {"tool": name}
    numbers: dict[str, Number] = {}
    if cost.annual_seat_cost is not None:
        numbers["seats"] = Number("seats", cost.seats, Unit.COUNT, f"{cost.seats:,.0f}")
        numbers["seat_cost"] = _money("annual_seat_cost", cost.annual_seat_cost, currency)
    if cost.annual_value is not None:
        numbers["value"] = _money_range("annual_value_of_hours", cost.annual_value, currency)
    if cost.annual_token_cost is not None and cost.net_value is not None:
        numbers["tokens"] = _money_range("annual_token_cost", cost.annual_token_cost, currency)
    if cost.net_value is not None:
        net_name = "net_value" if "tokens" in numbers else "net_value_before_tokens"
        numbers["net"] = _money_range(net_name, cost.net_value, currency)
    if cost.net_value is not None and cost.saved_share is not None:
        numbers["saved"] = proportion(
            "saved_share_of_used_hours", cost.saved_share, Unit.HOURS_SHARE
        )
        labels = {k.id: k.label.lower() for k in case.case.kinds_of_work}
        words["excluded"] = _excluded([labels[k] for k in cost.excluded_kinds])
    key = (
        (
            "cost_unused"
            if cost.saved_share is None
            else "cost_known_with_tokens"
            if "tokens" in numbers
            else "cost_known"
        )
        if cost.net_value is not None
        else "cost_no_price"
        if cost.annual_value is not None
        else "cost_no_value"
        if cost.annual_seat_cost is not None
        else "cost_unknown"
    )
    if cost.annual_value is None:
        words["reason"] = (
            f"{', '.join(cost.teams_without_cost)} state no loaded hourly cost"
            if cost.teams_without_cost
            else "no kind of work has enough evidence for it"
        )
    evidence: tuple[Evidence, ...] = (
        RecordRef(case.files["vendors"], "pricing", cost.tool),
        RecordRef(case.files["workforce"], "loaded_hourly_cost", "teams"),
        findings.pilot_evidence,
    )
    return _statement(f"cost.{cost.tool}", key, numbers, words, evidence)


def _excluded(kinds: list[str]) -> str:
    """' Legacy change and cross-service change, ruled out by the pilot, are left out.' — its
    own sentence, so the kinds are not read as where the tool saves time."""
    if not kinds:
        return ""
    listed = kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " and " + kinds[-1]
    verb = "is" if len(kinds) == 1 else "are"
    return f" {listed[0].upper()}{listed[1:]}, ruled out by the pilot, {verb} left out."


def _tokens(cost: ToolCost, name: str, case: Case, findings: Findings) -> list[Statement]:
    """Token cost per merged change and a year, or why it is not measured."""
    currency = case.case.currency
    words = {"tool": name}
    evidence: tuple[Evidence, ...] = (
        RecordRef(case.files["vendors"], "pricing", cost.tool),
        findings.pilot_evidence,
    )
    change = cost.per_change
    if not cost.token_prices_stated:
        reason = "the vendor states no price per million input and output tokens"
    elif change is None or change.token_attempts == 0:
        reason = "the pilot recorded no token counts for it"
    else:
        reason = ""
    if reason:
        return [
            _statement(
                f"cost.{cost.tool}.tokens",
                "tokens_not_measured",
                {},
                {**words, "reason": reason},
                evidence,
            )
        ]
    out = []
    if change is not None and change.tokens is not None:
        numbers = {
            "tokens": with_interval(
                "token_cost_per_merged_change",
                Unit.MONEY_PER_CHANGE,
                change.tokens,
                fmt.money_each_interval(change.tokens, currency),
            ),
            "attempts": counted("attempts_with_token_counts", change.token_attempts),
        }
        out.append(
            _statement(
                f"cost.{cost.tool}.tokens_per_change", "per_change_tokens", numbers, words, evidence
            )
        )
    if cost.annual_token_cost is not None and cost.annual_tasks is not None:
        numbers = {
            "tokens": _money_range("annual_token_cost", cost.annual_token_cost, currency),
            "tasks": Number(
                "tasks_per_year",
                cost.annual_tasks,
                Unit.COUNT_PER_YEAR,
                fmt.count(int(round(cost.annual_tasks, -2))),
            ),
        }
        volume = (*evidence, RecordRef(case.files["workforce"], "hours", "teams"))
        out.append(_statement(f"cost.{cost.tool}.tokens", "tokens_annual", numbers, words, volume))
    else:
        reason = (
            "no kind of work has a verdict that puts it to use"
            if cost.annual_tasks is None and not cost.has_evidence
            else "a kind of work it would be used on has no token counts"
        )
        out.append(
            _statement(
                f"cost.{cost.tool}.tokens",
                "tokens_not_measured",
                {},
                {**words, "reason": f"{reason}, so its yearly volume is not measured"},
                evidence,
            )
        )
    return out


def _hours_per_change(
    cost: ToolCost, change: ChangeCost, name: str, case: Case, findings: Findings
) -> Statement:
    numbers = {
        "hours": with_interval(
            "engineer_hours_per_merged_change",
            Unit.HOURS_PER_CHANGE,
            change.engineer_hours,
            fmt.hours_each_interval(change.engineer_hours),
        )
    }
    words = {"tool": name}
    if change.engineer_cost is not None:
        numbers["engineer_cost"] = with_interval(
            "engineer_cost_per_merged_change",
            Unit.MONEY_PER_CHANGE,
            change.engineer_cost,
            fmt.money_each_interval(change.engineer_cost, case.case.currency),
        )
        key = "per_change_hours"
    else:
        key = "per_change_hours_no_rate"
        words["reason"] = f"{', '.join(cost.teams_without_cost)} state no loaded hourly cost"
    evidence: tuple[Evidence, ...] = (
        findings.pilot_evidence,
        RecordRef(case.files["workforce"], "loaded_hourly_cost", "teams"),
    )
    return _statement(f"cost.{cost.tool}.per_change", key, numbers, words, evidence)


def _statement(
    id: str,
    key: str,
    numbers: dict[str, Number],
    words: dict[str, str],
    evidence: tuple[Evidence, ...],
) -> Statement:
    return state(
        id, Section.COST, StatementKind.FINDING, key, numbers, words, evidence, COST_AUDIENCES
    )
