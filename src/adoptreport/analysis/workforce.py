"""Workforce translation: weekly hours and FTE the evidence supports freeing, per option.

An option is a procurable tool, or a portfolio the case declares (each kind of work then uses
the best-supported of its tools). Per kind of work, the supported saved fraction is that of the
option's verdict-earning cell when the verdict is *automate with review* or *assist*; *do not
automate* contributes zero (the tool would not be used there) and its hours are excluded from
value; *insufficient evidence* contributes nothing and its hours are reported apart as unknown
— never folded into zero.

Sums over kinds and teams are joint: each kind's saved fraction has one set of draws (the same
bootstrap its own interval comes from), shared by every team and the total, and a sum's
interval is the percentile interval of the summed draws — never a sum of interval ends.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

from adoptreport.analysis.stats import Interval, percentile_interval
from adoptreport.analysis.verdicts import Verdict
from adoptreport.models import Team


class Basis(StrEnum):
    """Why an option heads the workforce figures."""

    PLAN = "the plan's choice"  # plan.tool in case.yaml
    LEADER = "the procurement leader"  # the tool the first-ranked vendor is scored by
    MOST = "the option freeing the most hours"  # no vendor ranked


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
    measured: Interval | None = None  # for UNKNOWN kinds: what the pilot measured, if anything
    draws: np.ndarray | None = field(default=None, compare=False, repr=False)
    tool: str | None = None  # the tool whose cell this is


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
    excluded_hours: float = 0.0  # in kinds judged do not automate: no value counted
    ceiling_hours: float = 0.0  # freed high end with unknown kinds at the best the pilot allows
    unstated_headcount: float = 0.0  # engineers with a kind's weekly hours left blank
    draws: np.ndarray | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Scenario:
    """All teams at one adoption rate: low / base / high are the interval ends and point."""

    adoption: float
    freed_hours: Interval
    freed_fte: Interval


# Adoption rates every scenario table shows, beside the case's own.
SCENARIO_ADOPTION = (0.25, 0.5, 0.75, 1.0)


@dataclass(frozen=True)
class OptionHours:
    """Hours and FTE freed with one procurable option: a tool, or a declared portfolio."""

    option: str  # tool id or portfolio id
    name: str
    tools: tuple[str, ...]
    portfolio: bool
    support: tuple[KindSupport, ...]
    teams: tuple[Hours, ...]
    total: Hours

    @property
    def used_kinds(self) -> tuple[str, ...]:
        return tuple(s.kind for s in self.support if s.support is Support.SUPPORTED)

    @property
    def excluded_kinds(self) -> tuple[str, ...]:
        return tuple(s.kind for s in self.support if s.support is Support.ZERO)

    used_hours: float = 0.0  # weekly hours of the kinds it would be used on
    adoption: float = 1.0  # the share of engineers using it, applied to the hours

    def saved_share(self) -> Interval | None:
        """Net time saved on the kinds it would be used on, weighted by our hours there:
        freed hours ÷ (those hours × adoption), joint over kinds."""
        freed = self.total.freed_hours
        if freed is None:  # every hour in kinds without evidence: not measured
            return None
        return share_of(freed, self.used_hours * self.adoption, self.total.draws)


def share_of(hours: Interval, whole: float, draws: np.ndarray | None) -> Interval | None:
    if whole <= 0:
        return None
    if draws is None:
        return Interval(hours.low / whole, hours.point / whole, hours.high / whole, hours.level)
    return percentile_interval(draws / whole, hours.point / whole, hours.level)


@dataclass(frozen=True)
class WorkforceFindings:
    support: tuple[KindSupport, ...]  # the headline option's
    teams: tuple[Hours, ...]  # the headline option's
    total: Hours  # the headline option's: statement `workforce.total`
    scenarios: tuple[Scenario, ...]
    adoption_rate: float
    adoption_stated: bool
    fte_hours_per_week: float
    options: tuple[OptionHours, ...] = ()
    headline: OptionHours | None = None
    headline_basis: Basis = Basis.LEADER


def kind_support(
    verdicts: dict[str, tuple[Verdict, Interval | None]],
    draws: dict[str, np.ndarray] | None = None,
    tools: dict[str, str] | None = None,
) -> tuple[KindSupport, ...]:
    """Per kind: (verdict, the verdict-earning cell's saved interval) → what counts.

    `draws`: each supported kind's saved-fraction draws, for joint intervals over kinds.
    """
    out = []
    for kind, (verdict, saved) in verdicts.items():
        tool = (tools or {}).get(kind)
        if verdict in (Verdict.AUTOMATE_WITH_REVIEW, Verdict.ASSIST) and saved is not None:
            kind_draws = (draws or {}).get(kind)
            out.append(KindSupport(kind, Support.SUPPORTED, saved, None, None, kind_draws, tool))
        elif verdict is Verdict.DO_NOT_AUTOMATE:
            loss = saved if saved is not None and saved.high < 0 else None
            out.append(KindSupport(kind, Support.ZERO, None, loss, None, None, tool))
        else:
            out.append(KindSupport(kind, Support.UNKNOWN, None, None, saved, None, tool))
    return tuple(out)


def team_hours(
    team: Team,
    row: int | None,
    support: tuple[KindSupport, ...],
    adoption: float,
    fte_hours: float,
    level: float,
    kinds: tuple[str, ...] = (),
) -> Hours:
    """Σ over kinds of headcount × weekly hours × supported saved fraction × adoption; the
    interval from the kinds' shared draws when every supported kind has them. Not measured
    (None) when every hour is in a kind without evidence — never 0."""
    point = unknown = excluded = ceiling = 0.0
    by_kind = {s.kind: s for s in support}
    used = [(team.headcount * h, by_kind.get(k)) for k, h in team.hours_by_kind.items()]
    supported = [(hours, e) for hours, e in used if e is not None and e.saved is not None]
    for hours, entry in used:
        if entry is None or entry.support is Support.UNKNOWN:
            unknown += hours
            # Not zero: at most what the pilot's interval allows, or all of it if unmeasured.
            best = 1.0 if entry is None or entry.measured is None else entry.measured.high
            ceiling += hours * min(1.0, max(0.0, best)) * adoption
        elif entry.support is Support.ZERO:
            excluded += hours
        elif entry.saved is not None:
            point += hours * entry.saved.point * adoption
    draws: np.ndarray | None = None
    if supported and all(e.draws is not None for _, e in supported):
        draws = np.zeros_like(supported[0][1].draws)
        for hours, entry in supported:
            assert entry.draws is not None
            draws = draws + hours * adoption * entry.draws
        freed = percentile_interval(draws, point, level)
    else:
        low = sum(h * e.saved.low * adoption for h, e in supported if e.saved is not None)
        high = sum(h * e.saved.high * adoption for h, e in supported if e.saved is not None)
        freed = Interval(low, point, high, level)
    engineering = team.headcount * sum(team.hours_by_kind.values())
    unstated = team.headcount if any(k not in team.hours_by_kind for k in kinds) else 0.0
    if unknown > 0 and unknown >= engineering:
        return Hours(
            team.team,
            team.headcount,
            engineering,
            None,
            None,
            unknown,
            row,
            excluded,
            ceiling,
            unstated,
        )
    return Hours(
        team.team,
        team.headcount,
        engineering,
        freed,
        _fte(freed, fte_hours),
        unknown,
        row,
        excluded,
        freed.high + ceiling,
        unstated,
        draws,
    )


def _fte(hours: Interval, fte_hours: float) -> Interval:
    return Interval(
        hours.low / fte_hours, hours.point / fte_hours, hours.high / fte_hours, hours.level
    )


def total_hours(teams: tuple[Hours, ...], fte_hours: float, level: float) -> Hours:
    """All teams: the summed draws' interval when every measured team has draws (one draw per
    kind, shared), else the sum of ends (only exact when every team uses the same intervals).
    Not measured (None) when no team's hours could be measured."""
    measured = [t for t in teams if t.freed_hours is not None]
    point = sum(t.freed_hours.point for t in measured if t.freed_hours is not None)
    draws: np.ndarray | None = None
    freed: Interval | None = None
    if measured and all(t.draws is not None for t in measured):
        draws = np.zeros_like(measured[0].draws)
        for team in measured:
            draws = draws + team.draws
        freed = percentile_interval(draws, point, level)
    elif measured or not teams:
        low = sum(t.freed_hours.low for t in measured if t.freed_hours is not None)
        high = sum(t.freed_hours.high for t in measured if t.freed_hours is not None)
        freed = Interval(low, point, high, level)
    ceiling = sum(
        t.ceiling_hours - (t.freed_hours.high if t.freed_hours is not None else 0.0) for t in teams
    )
    return Hours(
        "all teams",
        sum(t.headcount for t in teams),
        sum(t.engineering_hours for t in teams),
        freed,
        None if freed is None else _fte(freed, fte_hours),
        sum(t.unknown_hours for t in teams),
        None,
        sum(t.excluded_hours for t in teams),
        (freed.high if freed is not None else 0.0) + ceiling,
        sum(t.unstated_headcount for t in teams),
        draws,
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
