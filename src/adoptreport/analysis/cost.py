"""Cost and value per tool: seat cost, value of the hours it frees, net value, break-even.

Each tool is valued on its own evidence: the kinds of work where *its* verdict is automate
with review or assist. Token costs need token usage per attempt, which the pilot does not
record, so they are reported as not measured rather than as zero.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from adoptreport.analysis.pilot import Cell, add_net_minutes
from adoptreport.analysis.stats import Interval
from adoptreport.analysis.verdicts import Verdict
from adoptreport.analysis.workforce import kind_support, team_hours
from adoptreport.models import Team, Vendor


@dataclass(frozen=True)
class ToolCost:
    tool: str
    seats: float
    annual_seat_cost: float | None  # None: the vendor states no seat price
    annual_value: Interval | None  # freed hours × loaded cost × working weeks; None: unknown
    net_value: Interval | None  # value − seat cost (before token costs)
    break_even_acceptance: float | None  # acceptance at which net time saved is zero
    teams_without_cost: tuple[str, ...]
    has_evidence: bool  # some kind of work has a decided verdict for this tool
    token_prices_stated: bool


def tool_costs(
    vendors: list[Vendor],
    cells: tuple[Cell, ...],
    teams: tuple[Team, ...],
    pilot: pd.DataFrame,
    adoption: float,
    weeks: float,
    fte_hours: float,
    level: float,
) -> tuple[ToolCost, ...]:
    out = []
    engineers = sum(t.headcount for t in teams)
    missing = tuple(t.team for t in teams if t.loaded_hourly_cost is None)
    enriched = add_net_minutes(pilot)
    for vendor in vendors:
        for tool in vendor.tools:
            own = [c for c in cells if c.tool == tool.id]
            if not own:
                continue
            seats = engineers * adoption
            price = vendor.pricing.seat_per_month
            seat_cost = None if price is None else seats * price * 12
            decided = any(c.decision.verdict is not Verdict.INSUFFICIENT_EVIDENCE for c in own)
            value = (
                None
                if missing or not decided
                else _value(own, teams, adoption, weeks, fte_hours, level)
            )
            net = None
            if value is not None and seat_cost is not None:
                net = Interval(
                    value.low - seat_cost, value.point - seat_cost, value.high - seat_cost, level
                )
            out.append(
                ToolCost(
                    tool.id,
                    seats,
                    seat_cost,
                    value,
                    net,
                    _break_even(enriched[enriched["tool"] == tool.id]),
                    missing,
                    decided,
                    vendor.pricing.input_per_million_tokens is not None
                    or vendor.pricing.output_per_million_tokens is not None,
                )
            )
    return tuple(out)


def _value(
    own: list[Cell],
    teams: tuple[Team, ...],
    adoption: float,
    weeks: float,
    fte_hours: float,
    level: float,
) -> Interval:
    support = kind_support({c.kind: (c.decision.verdict, c.saved_fraction) for c in own})
    low = point = high = 0.0
    for team in teams:
        assert team.loaded_hourly_cost is not None
        hours = team_hours(team, None, support, adoption, fte_hours, level).freed_hours
        rate = team.loaded_hourly_cost * weeks
        low, point, high = (
            low + hours.low * rate,
            point + hours.point * rate,
            high + hours.high * rate,
        )
    return Interval(low, point, high, level)


def _break_even(attempts: pd.DataFrame) -> float | None:
    """p at which p·(B − W) − (A + R) = 0 per attempt, from the tool's timed pilot means.

    B: baseline, W: rework (of accepted changes), A + R: AI and review minutes of every attempt.
    """
    timed = attempts[attempts["net_saved_minutes"].notna()]
    accepted = timed[timed["accepted"]]
    if timed.empty or accepted.empty:
        return None
    spent = float((timed["ai_minutes"] + timed["review_minutes"]).mean())
    gain = float((accepted["baseline_minutes"] - accepted["rework_minutes"].fillna(0.0)).mean())
    if gain <= 0:
        return None
    return min(1.0, spent / gain)
