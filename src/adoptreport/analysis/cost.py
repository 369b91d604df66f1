"""Cost and value per tool: seats, tokens, cost per merged change, value, net, break-even.

Each tool is valued on its own evidence: the kinds of work where *its* verdict is automate
with review or assist. Token costs come from the pilot's token counts at the vendor's stated
prices; where either is missing they are not measured, never zero.

Cost per merged change: everything the pilot's attempts with a tool cost — the failed ones
included — divided by the changes merged, with a seeded bootstrap over attempts (the delta
method for very large pilots, as for every ratio; see `stats.ratio_interval`).

Annual token cost (the volume rule): the tool is used on the tasks the organisation does
now in the kinds of work it is valued on. Tasks a year in a kind = engineers × weekly hours
on it × adoption × working weeks ÷ the pilot's mean human baseline hours per task of that
kind (all tools' attempts); each task costs the tool's mean token cost per attempt in that kind. The interval
adds the ends of the per-kind intervals (conservative; the task count is taken as fixed).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np
import pandas as pd

from adoptreport.analysis.pilot import Cell
from adoptreport.analysis.stats import Interval, ratio_interval
from adoptreport.analysis.verdicts import Verdict
from adoptreport.analysis.workforce import KindSupport, kind_support, team_hours
from adoptreport.models import Policy, Team, Vendor

MINUTES_PER_HOUR = 60.0
TOKENS_PER_MILLION = 1_000_000.0


@dataclass(frozen=True)
class ChangeCost:
    """What one merged change cost with a tool in the pilot, failed attempts included."""

    merged: int
    tokens: Interval | None  # money; None: token counts or token prices not measured
    engineer_hours: Interval  # AI-assisted, review and rework hours
    engineer_cost: Interval | None  # those hours at the average loaded cost; None: unknown
    token_attempts: int  # attempts with both token counts


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
    token_prices_stated: bool  # both the input and the output price per million tokens
    per_change: ChangeCost | None  # None: no change was merged with this tool
    annual_token_cost: Interval | None  # None: not measured (see `token_prices_stated`)
    annual_tasks: float | None  # tasks a year the volume rule gives; None: no valued kind


def tool_costs(
    vendors: list[Vendor],
    cells: tuple[Cell, ...],
    teams: tuple[Team, ...],
    pilot: pd.DataFrame,
    adoption: float,
    weeks: float,
    fte_hours: float,
    policy: Policy,
) -> tuple[ToolCost, ...]:
    """Per tool with cells; `pilot` carries `add_net_minutes`' columns."""
    out = []
    level = policy.confidence_level
    engineers = sum(t.headcount for t in teams)
    missing = tuple(t.team for t in teams if t.loaded_hourly_cost is None)
    hourly = _average_hourly_cost(teams)
    baseline = pd.to_numeric(pilot["baseline_minutes"], errors="coerce")
    means = baseline.groupby(pilot["kind_of_work"]).mean().dropna()
    baselines = {str(kind): float(minutes) for kind, minutes in means.items()}
    for vendor in vendors:
        prices = vendor.pricing
        for tool in vendor.tools:
            own = [c for c in cells if c.tool == tool.id]
            if not own:
                continue
            attempts = pilot[pilot["tool"] == tool.id]
            support = kind_support({c.kind: (c.decision.verdict, c.saved_fraction) for c in own})
            seats = engineers * adoption
            price = prices.seat_per_month
            seat_cost = None if price is None else seats * price * 12
            decided = any(c.decision.verdict is not Verdict.INSUFFICIENT_EVIDENCE for c in own)
            value = (
                None
                if missing or not decided
                else _value(support, teams, adoption, weeks, fte_hours, level)
            )
            tokens = _token_cost(attempts, vendor)
            seed = policy.seed + zlib.crc32(f"cost\x00{tool.id}".encode())
            per_change = _per_change(attempts, tokens, hourly, policy, seed)
            volume = _annual_tokens(
                support, attempts, tokens, baselines, teams, adoption, weeks, policy, seed
            )
            annual_tokens = None if volume is None else volume[1]
            out.append(
                ToolCost(
                    tool.id,
                    seats,
                    seat_cost,
                    value,
                    _net(value, seat_cost, annual_tokens, level),
                    _break_even(attempts),
                    missing,
                    decided,
                    prices.input_per_million_tokens is not None
                    and prices.output_per_million_tokens is not None,
                    per_change,
                    annual_tokens,
                    None if volume is None else volume[0],
                )
            )
    return tuple(out)


def _net(
    value: Interval | None, seats: float | None, tokens: Interval | None, level: float
) -> Interval | None:
    """Value − seat cost − token cost; the low end pairs low value with high token cost."""
    if value is None or seats is None:
        return None
    spent = tokens or Interval(0.0, 0.0, 0.0, level)  # tokens unknown: "before token costs"
    return Interval(
        value.low - seats - spent.high,
        value.point - seats - spent.point,
        value.high - seats - spent.low,
        level,
    )


def _average_hourly_cost(teams: tuple[Team, ...]) -> float | None:
    """Loaded hourly cost weighted by headcount; None when a team states none."""
    engineers = sum(t.headcount for t in teams)
    if engineers == 0 or any(t.loaded_hourly_cost is None for t in teams):
        return None
    return sum(t.headcount * (t.loaded_hourly_cost or 0.0) for t in teams) / engineers


def _token_cost(attempts: pd.DataFrame, vendor: Vendor) -> pd.Series | None:
    """Money per attempt from its token counts; NaN where a count is blank; None: no prices."""
    price_in = vendor.pricing.input_per_million_tokens
    price_out = vendor.pricing.output_per_million_tokens
    if price_in is None or price_out is None:
        return None
    read = pd.to_numeric(attempts["input_tokens"], errors="coerce")
    wrote = pd.to_numeric(attempts["output_tokens"], errors="coerce")
    return (read * price_in + wrote * price_out) / TOKENS_PER_MILLION


def _ratio(numerator: pd.Series, merged: pd.Series, policy: Policy, seed: int) -> Interval | None:
    """Σ numerator / Σ merged, bootstrapped; None when nothing merged or a draw merged none."""
    if len(numerator) == 0 or not merged.any():
        return None
    with np.errstate(divide="ignore", invalid="ignore"):
        interval = ratio_interval(
            numerator.to_numpy(dtype=float),
            merged.to_numpy(dtype=float),
            policy.confidence_level,
            policy.bootstrap_draws,
            seed,
        )
    return interval if np.isfinite(interval.high) else None


def _per_change(
    attempts: pd.DataFrame,
    tokens: pd.Series | None,
    hourly: float | None,
    policy: Policy,
    seed: int,
) -> ChangeCost | None:
    rework = attempts["rework_minutes"].fillna(0.0)
    minutes = attempts["ai_minutes"] + attempts["review_minutes"] + rework
    merged = attempts["accepted"].astype(float)
    timed = minutes.notna()  # AI or review minutes not measured: left out, never zero
    hours = _ratio(minutes[timed] / MINUTES_PER_HOUR, merged[timed], policy, seed)
    if hours is None:
        return None
    money = None
    if hourly is not None:
        money = Interval(hours.low * hourly, hours.point * hourly, hours.high * hourly, hours.level)
    counted = tokens.notna() if tokens is not None else pd.Series(False, index=attempts.index)
    token_money = None
    if tokens is not None and counted.any():
        token_money = _ratio(tokens[counted], merged[counted], policy, seed + 1)
    return ChangeCost(int(merged.sum()), token_money, hours, money, int(counted.sum()))


def _annual_tokens(
    support: tuple[KindSupport, ...],
    attempts: pd.DataFrame,
    tokens: pd.Series | None,
    baselines: dict[str, float],
    teams: tuple[Team, ...],
    adoption: float,
    weeks: float,
    policy: Policy,
    seed: int,
) -> tuple[float, Interval] | None:
    """(tasks a year, token cost a year) under the volume rule; None: not measured."""
    valued = [s.kind for s in support if s.saved is not None]
    if tokens is None or not valued:
        return None
    tasks = low = point = high = 0.0
    for kind in valued:
        in_kind = attempts["kind_of_work"] == kind
        counted = tokens[in_kind].dropna()
        if counted.empty or kind not in baselines:
            return None  # a valued kind without token counts: the total is not measured
        weekly = sum(t.headcount * t.hours_by_kind.get(kind, 0.0) for t in teams)
        per_year = weekly * adoption * weeks * MINUTES_PER_HOUR / baselines[kind]
        each = ratio_interval(
            counted.to_numpy(dtype=float),
            np.ones(len(counted)),
            policy.confidence_level,
            policy.bootstrap_draws,
            seed + 2 + zlib.crc32(kind.encode()),
        )
        tasks += per_year
        low, point, high = (
            low + per_year * each.low,
            point + per_year * each.point,
            high + per_year * each.high,
        )
    return tasks, Interval(low, point, high, policy.confidence_level)


def _value(
    support: tuple[KindSupport, ...],
    teams: tuple[Team, ...],
    adoption: float,
    weeks: float,
    fte_hours: float,
    level: float,
) -> Interval | None:
    low = point = high = 0.0
    measured = False
    for team in teams:
        assert team.loaded_hourly_cost is not None
        hours = team_hours(team, None, support, adoption, fte_hours, level).freed_hours
        if hours is None:  # every hour in kinds without evidence: not valued, not zero
            continue
        measured = True
        rate = team.loaded_hourly_cost * weeks
        low, point, high = (
            low + hours.low * rate,
            point + hours.point * rate,
            high + hours.high * rate,
        )
    return Interval(low, point, high, level) if measured else None


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
