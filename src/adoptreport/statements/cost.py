"""Statements on cost and value per tool; what was not measured says so, never 0."""

from __future__ import annotations

from adoptreport.analysis import Findings
from adoptreport.analysis.cost import ToolCost
from adoptreport.analysis.evidence import Evidence, RecordRef
from adoptreport.analysis.stats import Interval
from adoptreport.models import Audience
from adoptreport.models.folder import Case
from adoptreport.statements import format as fmt
from adoptreport.statements.catalogue import state
from adoptreport.statements.model import Number, Section, Statement, StatementKind, Unit

COST_AUDIENCES = (Audience.FINANCE, Audience.PROCUREMENT, Audience.FULL)


def cost_statements(case: Case, findings: Findings) -> list[Statement]:
    names = {t.id: t.name for v in case.vendors.vendors for t in v.tools}
    out = []
    for cost in findings.costs:
        out.append(_cost(cost, names[cost.tool], case, findings))
        summary = next((t for t in findings.tools if t.tool == cost.tool), None)
        if cost.break_even_acceptance is not None and summary is not None:
            numbers = {
                "break_even": Number(
                    "break_even_acceptance",
                    cost.break_even_acceptance,
                    Unit.PROPORTION,
                    fmt.percent(cost.break_even_acceptance),
                ),
                "acceptance": Number(
                    "acceptance",
                    summary.acceptance.point,
                    Unit.PROPORTION,
                    fmt.percent_interval(summary.acceptance),
                    summary.acceptance,
                ),
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
    return Number(
        name, interval.point, Unit.MONEY_PER_YEAR, fmt.money_interval(interval, currency), interval
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
    if cost.net_value is not None:
        numbers["net"] = _money_range("net_value_before_tokens", cost.net_value, currency)
    key = (
        "cost_known"
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
