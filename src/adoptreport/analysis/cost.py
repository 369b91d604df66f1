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
kind (all tools' attempts); each task costs the tool's mean token cost per attempt in that kind.

Value, tokens and net value are sums over kinds and teams with joint intervals: each kind's
draws (time saved, token cost) are shared by every team and the total, and net value's
interval is that of value − seats − tokens draw by draw — never a sum of interval ends. Value
counts the kinds where the tool's verdict is automate with review or assist; kinds judged do
not automate are excluded (the tool would not be used there) and the statement says so.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np
import pandas as pd

from adoptreport.analysis.pilot import Cell
from adoptreport.analysis.stats import Interval, percentile_interval, ratio_draws, ratio_interval
from adoptreport.analysis.verdicts import Verdict
from adoptreport.analysis.workforce import KindSupport, OptionHours
from adoptreport.models import Policy, Team, Vendor
from adoptreport.models.vendors import Pricing

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
    saved_share: Interval | None = None  # net time saved on the kinds valued, hours-weighted
    used_kinds: tuple[str, ...] = ()  # valued: automate with review or assist
    excluded_kinds: tuple[str, ...] = ()  # do not automate: left out of value


def tool_costs(
    vendors: list[Vendor],
    cells: tuple[Cell, ...],
    teams: tuple[Team, ...],
    pilot: pd.DataFrame,
    options: dict[str, OptionHours],
    weeks: float,
    policy: Policy,
) -> tuple[ToolCost, ...]:
    """Per tool with cells; `pilot` carries `add_net_minutes`' columns; `options` holds each
    tool's hours (with their shared draws) under its own evidence."""
    out = []
    baseline = pd.to_numeric(pilot["baseline_minutes"], errors="coerce")
    means = baseline.groupby(pilot["kind_of_work"]).mean().dropna()
    baselines = {str(kind): float(minutes) for kind, minutes in means.items()}
    for vendor in vendors:
        for tool in vendor.tools:
            own = [c for c in cells if c.tool == tool.id]
            if own and tool.id in options:
                hours = options[tool.id]
                out.append(_tool_cost(vendor, own, hours, pilot, teams, baselines, weeks, policy))
    return tuple(out)


def _tool_cost(
    vendor: Vendor,
    own: list[Cell],
    hours: OptionHours,
    pilot: pd.DataFrame,
    teams: tuple[Team, ...],
    baselines: dict[str, float],
    weeks: float,
    policy: Policy,
) -> ToolCost:
    tool, adoption, level = hours.option, hours.adoption, policy.confidence_level
    missing = tuple(t.team for t in teams if t.loaded_hourly_cost is None)
    attempts = pilot[pilot["tool"] == tool]
    seats = sum(t.headcount for t in teams) * adoption
    prices = vendor.prices_for(tool)
    price = prices.seat_per_month
    seat_cost = None if price is None else seats * price * 12
    decided = any(c.decision.verdict is not Verdict.INSUFFICIENT_EVIDENCE for c in own)
    value = None if missing or not decided else _value(hours, teams, weeks, policy)
    tokens = _token_cost(attempts, prices)
    seed = policy.seed + zlib.crc32(f"cost\x00{tool}".encode())
    per_change = _per_change(attempts, tokens, _average_hourly_cost(teams), policy, seed)
    volume = _annual_tokens(
        hours.support, attempts, tokens, baselines, teams, adoption, weeks, policy, seed
    )
    net = None
    if value is not None and seat_cost is not None:
        spent = volume[2] if volume is not None else np.zeros(len(value[1]))
        point = value[0].point - seat_cost - (volume[1].point if volume is not None else 0.0)
        net = percentile_interval(value[1] - seat_cost - spent, point, level)
    return ToolCost(
        tool,
        seats,
        seat_cost,
        None if value is None else value[0],
        net,
        _break_even(attempts),
        missing,
        decided,
        prices.input_per_million_tokens is not None
        and prices.output_per_million_tokens is not None,
        per_change,
        None if volume is None else volume[1],
        None if volume is None else volume[0],
        hours.saved_share(),
        hours.used_kinds,
        hours.excluded_kinds,
    )


def _average_hourly_cost(teams: tuple[Team, ...]) -> float | None:
    """Loaded hourly cost weighted by headcount; None when a team states none."""
    engineers = sum(t.headcount for t in teams)
    if engineers == 0 or any(t.loaded_hourly_cost is None for t in teams):
        return None
    return sum(t.headcount * (t.loaded_hourly_cost or 0.0) for t in teams) / engineers


def _token_cost(attempts: pd.DataFrame, prices: Pricing) -> pd.Series | None:
    """Money per attempt: its `cost` where measured, else from its token counts at the tool's
    prices; NaN where neither is known; None: no cost measured and no prices."""
    measured = pd.to_numeric(attempts.get("cost", pd.Series(dtype=float)), errors="coerce")
    price_in, price_out = prices.input_per_million_tokens, prices.output_per_million_tokens
    if price_in is None or price_out is None:
        return measured.reindex(attempts.index) if measured.notna().any() else None
    read = pd.to_numeric(attempts["input_tokens"], errors="coerce")
    wrote = pd.to_numeric(attempts["output_tokens"], errors="coerce")
    from_tokens = (read * price_in + wrote * price_out) / TOKENS_PER_MILLION
    return measured.reindex(attempts.index).fillna(from_tokens)


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
    # Rework left blank on a change merged after rework is unknown, not zero: such attempts
    # are left out (and so are attempts missing AI or review minutes).
    needs_rework = attempts["outcome"] == "merged_after_rework"
    rework = attempts["rework_minutes"].where(needs_rework, attempts["rework_minutes"].fillna(0.0))
    minutes = attempts["ai_minutes"] + attempts["review_minutes"] + rework
    known = minutes.notna()
    attempts, minutes, tokens = (
        attempts[known],
        minutes[known],
        None if tokens is None else tokens[known],
    )
    merged = attempts["accepted"].astype(float)
    hours = _ratio(minutes / MINUTES_PER_HOUR, merged, policy, seed)
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
) -> tuple[float, Interval, np.ndarray] | None:
    """(tasks a year, token cost a year, its draws) under the volume rule; None: not measured."""
    valued = [s.kind for s in support if s.saved is not None]
    if tokens is None or not valued:
        return None
    tasks = point = 0.0
    draws = np.zeros(policy.bootstrap_draws)
    for kind in valued:
        in_kind = attempts["kind_of_work"] == kind
        counted = tokens[in_kind].dropna().to_numpy(dtype=float)
        if len(counted) == 0 or kind not in baselines:
            return None  # a valued kind without token counts: the total is not measured
        weekly = sum(t.headcount * t.hours_by_kind.get(kind, 0.0) for t in teams)
        per_year = weekly * adoption * weeks * MINUTES_PER_HOUR / baselines[kind]
        kind_seed = seed + 2 + zlib.crc32(kind.encode())
        draws = draws + per_year * ratio_draws(
            counted, np.ones(len(counted)), policy.bootstrap_draws, kind_seed
        )
        tasks += per_year
        point += per_year * float(counted.mean())
    return tasks, percentile_interval(draws, point, policy.confidence_level), draws


def _value(
    hours: OptionHours, teams: tuple[Team, ...], weeks: float, policy: Policy
) -> tuple[Interval, np.ndarray] | None:
    """Freed hours × each team's loaded cost × working weeks, draw by draw (joint); a team
    whose every hour is in kinds without evidence is not valued (not zero); None when no
    team's hours are measured."""
    point = 0.0
    draws = np.zeros(policy.bootstrap_draws)
    measured = False
    for team, freed in zip(teams, hours.teams, strict=True):
        assert team.loaded_hourly_cost is not None
        if freed.freed_hours is None:
            continue
        measured = True
        rate = team.loaded_hourly_cost * weeks
        point += freed.freed_hours.point * rate
        if freed.draws is not None:
            draws = draws + freed.draws * rate
        else:  # no kind supported for this tool: its value is a decided zero
            draws = draws + freed.freed_hours.point * rate
    if not measured:
        return None
    return percentile_interval(draws, point, policy.confidence_level), draws


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
