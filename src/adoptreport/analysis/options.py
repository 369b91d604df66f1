"""Procurable options for the workforce figures: each piloted tool, and declared portfolios.

The headline option is the one `plan.tool` in case.yaml names, else the procurement leader's
tool (the vendor ranked first on weighted fit, scored by that tool).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from adoptreport.analysis.pilot import Cell, _cell_seed
from adoptreport.analysis.stats import ratio_draws
from adoptreport.analysis.verdicts import VERDICT_ORDER, Verdict
from adoptreport.analysis.workforce import (
    Basis,
    OptionHours,
    Support,
    kind_support,
    team_hours,
    total_hours,
)
from adoptreport.models import Policy, Team


class SavedDraws:
    """Each cell's saved-fraction draws, computed once: the draws its own interval comes from
    (same rows, same seed), so a sum over kinds is joint and each kind's margin unchanged."""

    def __init__(self, pilot: pd.DataFrame, policy: Policy) -> None:
        timed = pilot[pilot["net_saved_minutes"].notna()]
        self._groups = {
            (str(tool), str(kind)): group
            for (tool, kind), group in timed[
                ["tool", "kind_of_work", "net_saved_minutes", "baseline_minutes"]
            ].groupby(["tool", "kind_of_work"], sort=True)
        }
        self._policy = policy
        self._cache: dict[tuple[str, str], np.ndarray] = {}

    def __call__(self, tool: str, kind: str) -> np.ndarray | None:
        key = (tool, kind)
        if key not in self._cache:
            group = self._groups.get(key)
            if group is None or group["baseline_minutes"].sum() <= 0:
                return None
            self._cache[key] = ratio_draws(
                group["net_saved_minutes"].to_numpy(float),
                group["baseline_minutes"].to_numpy(float),
                self._policy.bootstrap_draws,
                _cell_seed(self._policy.seed, tool, kind),
            )
        return self._cache[key]


def best_cells(cells: list[Cell]) -> dict[str, Cell]:
    """Per kind of work, the best verdict among `cells`; among equals the higher saving."""
    out: dict[str, Cell] = {}
    ranked = sorted(
        cells,
        key=lambda c: (
            VERDICT_ORDER.index(c.decision.verdict),
            -(c.saved_fraction.point if c.saved_fraction else float("-inf")),
        ),
    )
    for cell in ranked:
        out.setdefault(cell.kind, cell)
    return out


def option_hours(
    option: tuple[str, str, tuple[str, ...], bool],
    cells: tuple[Cell, ...],
    draws: SavedDraws,
    teams: tuple[Team, ...],
    rows: tuple[int, ...],
    adoption: float,
    fte_hours: float,
    policy: Policy,
    kinds: tuple[str, ...],
) -> OptionHours:
    """Hours freed per team and in total with one option, intervals joint over kinds."""
    ident, name, tools, portfolio = option
    chosen = best_cells([c for c in cells if c.tool in tools])
    verdicts = {k: (c.decision.verdict, c.saved_fraction) for k, c in chosen.items()}
    kind_draws = {
        k: d
        for k, c in chosen.items()
        if c.decision.verdict in (Verdict.AUTOMATE_WITH_REVIEW, Verdict.ASSIST)
        and (d := draws(c.tool, k)) is not None
    }
    support = kind_support(verdicts, kind_draws, {k: c.tool for k, c in chosen.items()})
    level = policy.confidence_level
    by_team = tuple(
        team_hours(t, row, support, adoption, fte_hours, level, kinds)
        for t, row in zip(teams, rows, strict=True)
    )
    used = {s.kind for s in support if s.support is Support.SUPPORTED}
    used_hours = sum(
        t.headcount * h for t in teams for k, h in t.hours_by_kind.items() if k in used
    )
    return OptionHours(
        ident,
        name,
        tools,
        portfolio,
        support,
        by_team,
        total_hours(by_team, fte_hours, level),
        used_hours,
        adoption,
    )


def headline_option(
    options: tuple[OptionHours, ...], named: str | None, leader: str | None
) -> tuple[OptionHours | None, Basis]:
    """The headline option and why: the case names it, else the procurement leader's tool,
    else (no vendor ranked) the option freeing the most hours."""
    by_id = {o.option: o for o in options}
    if named is not None and named in by_id:
        return by_id[named], Basis.PLAN
    if leader is not None and leader in by_id:
        return by_id[leader], Basis.LEADER

    def freed(option: OptionHours) -> float:
        hours = option.total.freed_hours
        return float("-inf") if hours is None else hours.point

    return max(options, key=freed, default=None), Basis.MOST
