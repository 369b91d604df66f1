"""Influence of one row: would leaving any one pilot attempt out change a verdict or the headline?

Computed analytically from per-cell sums, never by re-running a bootstrap. Leaving row i out
of a cell: acceptance is the Wilson interval of (accepted − aᵢ) / (n − 1); net time saved is
R₋ᵢ = (Σy − yᵢ) / (Σx − xᵢ), and its interval is the reported one moved to R₋ᵢ with each
half-width scaled by the ratio of delta-method standard errors (Cochran 1977 §6.4), from
Σy², Σx², Σxy less row i's terms. With no row left out this is the reported interval exactly,
so a changed verdict is the row's doing, not the method's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from adoptreport.analysis.findings import Cell, Findings
from adoptreport.analysis.pilot import add_net_minutes
from adoptreport.analysis.stats import Interval, wilson
from adoptreport.analysis.verdicts import Verdict, best, decide
from adoptreport.analysis.workforce import Support
from adoptreport.models.case import Policy
from adoptreport.models.folder import SOURCE_ROW, Case

SUPPORTING = (Verdict.AUTOMATE_WITH_REVIEW, Verdict.ASSIST)


@dataclass(frozen=True)
class Pivot:
    """A row whose absence changes a verdict: the cell's tool ("" for a kind's verdict)."""

    kind: str
    tool: str
    row: int  # its pilot file row
    task_id: str
    verdict: Verdict  # as reported
    without: Verdict  # with the row left out


@dataclass(frozen=True)
class HeadlinePivot:
    """A row whose absence moves the headline's point outside its interval, or changes which
    kinds of work it draws on."""

    row: int
    task_id: str
    kind: str
    fte: Interval  # the headline as reported
    fte_without: float  # its point with the row left out


@dataclass(frozen=True)
class Influence:
    cells: tuple[Pivot, ...]  # per (tool, kind) cell
    kinds: tuple[Pivot, ...]  # per kind of work's verdict
    headline: tuple[HeadlinePivot, ...]
    headline_kinds: tuple[str, ...]  # the kinds whose hours the headline draws on


@dataclass(frozen=True)
class _LeftOut:
    """Per row of one cell: its verdict and saved-fraction point with the row left out."""

    rows: np.ndarray
    task_ids: np.ndarray
    verdicts: list[Verdict]
    saved: np.ndarray  # NaN where time saved is not measured without the row


def influence(case: Case, findings: Findings) -> Influence:
    """Every row that alone decides a cell's or a kind's verdict, or moves the headline."""
    policy = case.case.policy
    pilot = add_net_minutes(case.pilot)
    left_out = {
        (c.tool, c.kind): _leave_one_out(c, group, policy)
        for c, group in _cell_groups(findings.cells, pilot)
    }
    cell_pivots = [
        Pivot(c.kind, c.tool, int(r), str(t), c.decision.verdict, v)
        for c in findings.cells
        for r, t, v in _flips(left_out[(c.tool, c.kind)], c.decision.verdict)
    ]
    kind_pivots, headline = _kind_and_headline(case, findings, left_out)
    supported = tuple(s.kind for s in findings.workforce.support if s.support is Support.SUPPORTED)
    return Influence(tuple(cell_pivots), tuple(kind_pivots), tuple(headline), supported)


def _cell_groups(cells: tuple[Cell, ...], pilot: pd.DataFrame) -> list[tuple[Cell, pd.DataFrame]]:
    groups = dict(tuple(pilot.groupby(["tool", "kind_of_work"], sort=True)))
    return [(c, groups[(c.tool, c.kind)]) for c in cells]


def _flips(left: _LeftOut, verdict: Verdict) -> list[tuple[int, str, Verdict]]:
    return [
        (int(r), str(t), v)
        for r, t, v in zip(left.rows, left.task_ids, left.verdicts, strict=True)
        if v is not verdict
    ]


def _leave_one_out(cell: Cell, group: pd.DataFrame, policy: Policy) -> _LeftOut:
    n, accepted = cell.attempts, cell.accepted
    level = policy.confidence_level
    is_accepted = group["accepted"].to_numpy(bool)
    timed = group["net_saved_minutes"].notna().to_numpy()
    saved = _saved_without(cell, group, timed)
    verdicts = []
    for i in range(len(group)):
        if n <= 1:
            verdicts.append(Verdict.INSUFFICIENT_EVIDENCE)
            continue
        timed_without = cell.timed_attempts - int(timed[i])
        if min(n - 1, timed_without) < policy.min_tasks_per_cell:
            # A cell at the policy minimum loses its verdict without any one of its rows;
            # that is the minimum's doing (the verdicts table says so), not this row's.
            verdicts.append(cell.decision.verdict)
            continue
        acceptance = wilson(accepted - int(is_accepted[i]), n - 1, level)
        interval = saved[i] if timed[i] else cell.saved_fraction
        verdicts.append(decide(n - 1, timed_without, acceptance, interval, policy).verdict)
    points = np.array([s.point if s is not None else math.nan for s in saved])
    return _LeftOut(group[SOURCE_ROW].to_numpy(), group["task_id"].to_numpy(), verdicts, points)


def _saved_without(cell: Cell, group: pd.DataFrame, timed: np.ndarray) -> list[Interval | None]:
    """Per row, the saved-fraction interval without it (for an untimed row: the cell's own)."""
    reported = cell.saved_fraction
    if reported is None:
        return [None] * len(group)
    y = group["net_saved_minutes"].to_numpy(float)
    x = group["baseline_minutes"].to_numpy(float)
    y, x = np.where(timed, y, 0.0), np.where(timed, x, 0.0)
    m = cell.timed_attempts
    sy, sx = y.sum(), x.sum()
    syy, sxx, sxy = (y * y).sum(), (x * x).sum(), (x * y).sum()
    se_full = _delta_se(m, sy, sx, syy, sxx, sxy)
    out: list[Interval | None] = []
    for i in range(len(group)):
        if not timed[i]:
            out.append(reported)
            continue
        rest_x = sx - x[i]
        if m - 1 < 1 or rest_x <= 0:
            out.append(None)
            continue
        point = (sy - y[i]) / rest_x
        se = _delta_se(
            m - 1, sy - y[i], rest_x, syy - y[i] ** 2, sxx - x[i] ** 2, sxy - x[i] * y[i]
        )
        scale = se / se_full if se_full > 0 else 1.0
        below, above = (
            (reported.point - reported.low) * scale,
            (reported.high - reported.point) * scale,
        )
        out.append(Interval(point - below, point, point + above, reported.level))
    return out


def _delta_se(m: int, sy: float, sx: float, syy: float, sxx: float, sxy: float) -> float:
    """se of Σy/Σx by the delta method, from sums: n/(n−1) · Σ(y − Rx)² / (Σx)²."""
    if m < 2 or sx <= 0:
        return 0.0
    ratio = sy / sx
    residual = max(0.0, syy - 2 * ratio * sxy + ratio * ratio * sxx)
    return math.sqrt(m / (m - 1) * residual) / sx


def _kind_and_headline(
    case: Case, findings: Findings, left_out: dict[tuple[str, str], _LeftOut]
) -> tuple[list[Pivot], list[HeadlinePivot]]:
    weights = headline_weights(case, findings)
    fte = findings.workforce.total.freed_fte
    pivots: list[Pivot] = []
    moves: list[HeadlinePivot] = []
    for kv in findings.kinds:
        kind_cells = [c for c in findings.cells if c.kind == kv.kind]
        before = _contribution(
            kv.verdict, kv.cell.saved_fraction.point if kv.cell and kv.cell.saved_fraction else None
        )
        for cell in kind_cells:
            left = left_out[(cell.tool, cell.kind)]
            others = [c for c in kind_cells if c is not cell]
            for i, row in enumerate(left.rows):
                verdict, saved = _kind_without(others, left.verdicts[i], left.saved[i])
                if verdict is not kv.verdict:
                    pivots.append(
                        Pivot(kv.kind, "", int(row), str(left.task_ids[i]), kv.verdict, verdict)
                    )
                after = _contribution(verdict, saved)
                moved = fte.point + weights.get(kv.kind, 0.0) * (after - before)
                flips_support = (verdict in SUPPORTING) != (kv.verdict in SUPPORTING)
                if flips_support or not fte.contains(moved):
                    moves.append(
                        HeadlinePivot(int(row), str(left.task_ids[i]), kv.kind, fte, moved)
                    )
    return pivots, moves


def _kind_without(
    others: list[Cell], verdict: Verdict, saved: float
) -> tuple[Verdict, float | None]:
    """The kind's verdict and its verdict-earning saved point when one cell changes."""
    candidates = [
        (c.decision.verdict, c.saved_fraction.point if c.saved_fraction else None) for c in others
    ]
    candidates.append((verdict, None if math.isnan(saved) else float(saved)))
    top = best([v for v, _ in candidates])
    points = [s for v, s in candidates if v is top and s is not None]
    return top, (max(points) if points else None)


def _contribution(verdict: Verdict, saved: float | None) -> float:
    return saved if verdict in SUPPORTING and saved is not None else 0.0


def headline_weights(case: Case, findings: Findings) -> dict[str, float]:
    """FTE per unit of saved fraction, per kind: Σ headcount × weekly hours × adoption ÷ FTE
    hours — how the headline (workforce.total) draws on each kind's verdict-earning cell."""
    workforce = findings.workforce
    factor = workforce.adoption_rate / workforce.fte_hours_per_week
    weights: dict[str, float] = {}
    for team in case.workforce:
        for kind, hours in team.hours_by_kind.items():
            weights[kind] = weights.get(kind, 0.0) + team.headcount * hours * factor
    return weights
