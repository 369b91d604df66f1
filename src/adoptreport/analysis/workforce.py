"""Workforce translation: weekly hours and FTE the evidence supports freeing, as ranges.

Per kind of work, the supported saved fraction is that of the verdict-earning tool when the
verdict is *automate with review* or *assist*; *do not automate* contributes zero (the tool
would not be used there); *insufficient evidence* contributes nothing and its hours are
reported apart as unknown — never folded into zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from adoptreport.analysis.stats import Interval
from adoptreport.analysis.verdicts import Verdict
from adoptreport.models import Team


class Support(StrEnum):
    SUPPORTED = "supported"
    ZERO = "zero"  # decided: AI is not to be used for this kind
    UNKNOWN = "unknown"  # insufficient evidence


@dataclass(frozen=True)
class KindSupport:
    kind: str
    support: Support
    saved: Interval | None  # the saved fraction used; None unless SUPPORTED
    loss: Interval | None  # for ZERO kinds where the pilot measured a loss of time


@dataclass(frozen=True)
class Hours:
    """Weekly hours freed for a team (or all teams), adoption applied, and the unknown rest."""

    team: str
    headcount: float
    engineering_hours: float  # per week, kinds with stated hours
    freed_hours: Interval | None  # None: every hour is in a kind without evidence
    freed_fte: Interval | None
    unknown_hours: float  # in kinds with insufficient evidence
    row: int | None  # the workforce file row; None for the total


@dataclass(frozen=True)
class Scenario:
    """All teams at one adoption rate: low / base / high are the interval ends and point."""

    adoption: float
    freed_hours: Interval
    freed_fte: Interval


# Adoption rates every scenario table shows, beside the case's own.
SCENARIO_ADOPTION = (0.25, 0.5, 0.75, 1.0)


@dataclass(frozen=True)
class WorkforceFindings:
    support: tuple[KindSupport, ...]
    teams: tuple[Hours, ...]
    total: Hours
    scenarios: tuple[Scenario, ...]
    adoption_rate: float
    adoption_stated: bool
    fte_hours_per_week: float


def kind_support(verdicts: dict[str, tuple[Verdict, Interval | None]]) -> tuple[KindSupport, ...]:
    """Per kind: (verdict, the verdict-earning cell's saved interval) → what counts."""
    out = []
    for kind, (verdict, saved) in verdicts.items():
        if verdict in (Verdict.AUTOMATE_WITH_REVIEW, Verdict.ASSIST) and saved is not None:
            out.append(KindSupport(kind, Support.SUPPORTED, saved, None))
        elif verdict is Verdict.DO_NOT_AUTOMATE:
            loss = saved if saved is not None and saved.high < 0 else None
            out.append(KindSupport(kind, Support.ZERO, None, loss))
        else:
            out.append(KindSupport(kind, Support.UNKNOWN, None, None))
    return tuple(out)


def team_hours(
    team: Team,
    row: int | None,
    support: tuple[KindSupport, ...],
    adoption: float,
    fte_hours: float,
    level: float,
) -> Hours:
    """Σ over kinds of headcount × weekly hours × supported saved fraction × adoption;
    not measured (None) when every hour is in a kind without evidence, never 0."""
    low = point = high = unknown = 0.0
    by_kind = {s.kind: s for s in support}
    for kind, per_engineer in team.hours_by_kind.items():
        hours = team.headcount * per_engineer
        entry = by_kind.get(kind)
        if entry is None or entry.support is Support.UNKNOWN:
            unknown += hours
        elif entry.saved is not None:
            low += hours * entry.saved.low * adoption
            point += hours * entry.saved.point * adoption
            high += hours * entry.saved.high * adoption
    engineering = team.headcount * sum(team.hours_by_kind.values())
    if unknown > 0 and unknown >= engineering:
        return Hours(team.team, team.headcount, engineering, None, None, unknown, row)
    freed = Interval(low, point, high, level)
    fte = Interval(low / fte_hours, point / fte_hours, high / fte_hours, level)
    return Hours(team.team, team.headcount, engineering, freed, fte, unknown, row)


def total_hours(teams: tuple[Hours, ...], fte_hours: float, level: float) -> Hours:
    # Every team uses the same per-kind intervals, so the ends add up (comonotone).
    measured = [t.freed_hours for t in teams if t.freed_hours is not None]
    low = sum(h.low for h in measured)
    point = sum(h.point for h in measured)
    high = sum(h.high for h in measured)
    known = bool(measured) or not teams
    return Hours(
        "all teams",
        sum(t.headcount for t in teams),
        sum(t.engineering_hours for t in teams),
        Interval(low, point, high, level) if known else None,
        Interval(low / fte_hours, point / fte_hours, high / fte_hours, level) if known else None,
        sum(t.unknown_hours for t in teams),
        None,
    )


def scenarios(total: Hours, adoption: float, fte_hours: float) -> tuple[Scenario, ...]:
    """Freed hours scale with adoption: the same total, re-scaled to each rate."""
    if adoption <= 0 or total.freed_hours is None:
        return ()
    rates = sorted({*SCENARIO_ADOPTION, adoption})
    out = []
    freed = total.freed_hours
    for rate in rates:
        factor = rate / adoption
        hours = Interval(
            freed.low * factor,
            freed.point * factor,
            freed.high * factor,
            freed.level,
        )
        fte = Interval(
            hours.low / fte_hours, hours.point / fte_hours, hours.high / fte_hours, hours.level
        )
        out.append(Scenario(rate, hours, fte))
    return tuple(out)
