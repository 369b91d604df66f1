"""Influence of one row: would leaving any one pilot attempt out change a verdict or the headline?

Computed analytically from per-cell sums, never by re-running a bootstrap. Leaving row i out
of a cell: acceptance is the Wilson interval of (accepted − aᵢ) / (n − 1); net time saved is
R₋ᵢ = (Σy − yᵢ) / (Σx − xᵢ), and its interval is the reported one moved to R₋ᵢ with each
half-width scaled by the ratio of delta-method standard errors (Cochran 1977 §6.4), from
Σy², Σx², Σxy less row i's terms. With no row left out this is the reported interval exactly,
so a changed verdict is the row's doing, not the method's.

Vectorised over rows: `decide` is called once per distinct pattern of how the left-out
interval ends and acceptance sit against the policy's thresholds, since a verdict depends on
nothing else; a million-row pilot costs a few array passes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
    verdicts: np.ndarray  # of Verdict
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
        Pivot(c.kind, c.tool, int(left.rows[i]), str(left.task_ids[i]), c.decision.verdict, v)
        for c in findings.cells
        for left in (left_out[(c.tool, c.kind)],)
        for i in np.flatnonzero(left.verdicts != c.decision.verdict)
        for v in (left.verdicts[i],)
    ]
    kind_pivots, headline = _kind_and_headline(case, findings, left_out)
    supported = tuple(s.kind for s in findings.workforce.support if s.support is Support.SUPPORTED)
    return Influence(tuple(cell_pivots), tuple(kind_pivots), tuple(headline), supported)


def _cell_groups(cells: tuple[Cell, ...], pilot: pd.DataFrame) -> list[tuple[Cell, pd.DataFrame]]:
    groups = dict(tuple(pilot.groupby(["tool", "kind_of_work"], sort=True)))
    return [(c, groups[(c.tool, c.kind)]) for c in cells]


def _leave_one_out(cell: Cell, group: pd.DataFrame, policy: Policy) -> _LeftOut:
    n, level = cell.attempts, policy.confidence_level
    is_accepted = group["accepted"].to_numpy(bool)
    timed = group["net_saved_minutes"].notna().to_numpy()
    low, point, high = _saved_without(cell, group, timed)
    timed_without = cell.timed_attempts - timed.astype(int)
    verdicts = np.full(len(group), cell.decision.verdict, dtype=object)
    # A cell at the policy minimum loses its verdict without any one of its rows; that is the
    # minimum's doing (the verdicts table says so), not the row's.
    counted = np.minimum(n - 1, timed_without) >= policy.min_tasks_per_cell
    if n > 1 and counted.any():
        acceptance = {a: wilson(cell.accepted - a, n - 1, level) for a in (0, 1)}
        acc_low = np.where(is_accepted, acceptance[1].low, acceptance[0].low)
        pattern = _pattern(low, high, acc_low, policy)
        for row_pattern in np.unique(pattern[counted], axis=0):
            same = counted & (pattern == row_pattern).all(axis=1)
            i = int(np.flatnonzero(same)[0])
            saved = None if np.isnan(point[i]) else Interval(low[i], point[i], high[i], level)
            acc = acceptance[int(is_accepted[i])]
            verdicts[same] = decide(n - 1, int(timed_without[i]), acc, saved, policy).verdict
    return _LeftOut(group[SOURCE_ROW].to_numpy(), group["task_id"].to_numpy(), verdicts, point)


def _pattern(low: np.ndarray, high: np.ndarray, acc_low: np.ndarray, policy: Policy) -> np.ndarray:
    """Per row, the sign of each interval end and acceptance's lower end against each policy
    threshold (and whether time saved is measured): all a verdict depends on."""
    thresholds = (
        0.0,
        policy.assist.min_saved_fraction,
        policy.automate_with_review.min_saved_fraction,
    )
    columns = [np.isnan(low).astype(np.int8)]
    for t in thresholds:
        columns += [np.sign(np.nan_to_num(low - t)), np.sign(np.nan_to_num(high - t))]
    columns.append(np.sign(acc_low - policy.automate_with_review.min_acceptance))
    return np.column_stack(columns).astype(np.int8)


def _saved_without(
    cell: Cell, group: pd.DataFrame, timed: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row, the saved-fraction interval without it (an untimed row: the cell's own)."""
    size = len(group)
    reported = cell.saved_fraction
    if reported is None:
        nan = np.full(size, np.nan)
        return nan, nan, nan
    y = np.where(timed, group["net_saved_minutes"].to_numpy(float), 0.0)
    x = np.where(timed, group["baseline_minutes"].to_numpy(float), 0.0)
    m = cell.timed_attempts
    sy, sx = y.sum(), x.sum()
    syy, sxx, sxy = (y * y).sum(), (x * x).sum(), (x * y).sum()
    se_full = _delta_se(np.array(m), sy, sx, syy, sxx, sxy)
    rest_y, rest_x = sy - y, sx - x
    with np.errstate(divide="ignore", invalid="ignore"):
        point = np.where(timed, rest_y / rest_x, reported.point)
        se = _delta_se(m - timed.astype(int), rest_y, rest_x, syy - y * y, sxx - x * x, sxy - x * y)
        scale = np.where(se_full > 0, se / np.where(se_full > 0, se_full, 1.0), 1.0)
    scale = np.where(timed, scale, 1.0)
    lost = timed & ((m - 1 < 1) | (rest_x <= 0))  # nothing left to divide by
    point = np.where(lost, np.nan, point)
    low = point - (reported.point - reported.low) * scale
    high = point + (reported.high - reported.point) * scale
    return low, point, high


def _delta_se(m: np.ndarray, sy: Any, sx: Any, syy: Any, sxx: Any, sxy: Any) -> np.ndarray:
    """se of Σy/Σx by the delta method, from sums: √(n/(n−1) · Σ(y − Rx)²) / Σx; 0 below 2."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = sy / sx
        residual = np.maximum(0.0, syy - 2 * ratio * sxy + ratio * ratio * sxx)
        se = np.sqrt(m / np.maximum(m - 1, 1) * residual) / sx
    return np.where((m >= 2) & (sx > 0), np.nan_to_num(se), 0.0)


def _kind_and_headline(
    case: Case, findings: Findings, left_out: dict[tuple[str, str], _LeftOut]
) -> tuple[list[Pivot], list[HeadlinePivot]]:
    weights = headline_weights(case, findings)
    fte = findings.workforce.total.freed_fte  # None: the headline is not measured
    pivots: list[Pivot] = []
    moves: list[HeadlinePivot] = []
    for kv in findings.kinds:
        kind_cells = [c for c in findings.cells if c.kind == kv.kind]
        before = _contribution(kv.verdict, _point(kv.cell))
        for cell in kind_cells:
            left = left_out[(cell.tool, cell.kind)]
            verdict, saved = _kind_without([c for c in kind_cells if c is not cell], left)
            after = np.where(np.isin(verdict, SUPPORTING), np.nan_to_num(saved), 0.0)
            centre, low, high = (fte.point, fte.low, fte.high) if fte else (0.0, 0.0, 0.0)
            moved = centre + weights.get(kv.kind, 0.0) * (after - before)
            flips = np.isin(verdict, SUPPORTING) != (kv.verdict in SUPPORTING)
            outside = (moved < low) | (moved > high)
            for i in np.flatnonzero(verdict != kv.verdict):
                row, task = int(left.rows[i]), str(left.task_ids[i])
                pivots.append(Pivot(kv.kind, "", row, task, kv.verdict, verdict[i]))
            if fte is None:
                continue
            for i in np.flatnonzero(flips | outside):
                row, task = int(left.rows[i]), str(left.task_ids[i])
                moves.append(HeadlinePivot(row, task, kv.kind, fte, float(moved[i])))
    return pivots, moves


def _point(cell: Cell | None) -> float | None:
    return cell.saved_fraction.point if cell and cell.saved_fraction else None


def _kind_without(others: list[Cell], left: _LeftOut) -> tuple[np.ndarray, np.ndarray]:
    """Per row of one cell, the kind's verdict and verdict-earning saved point without it."""
    verdict = np.empty(len(left.verdicts), dtype=object)
    saved = np.full(len(left.verdicts), np.nan)
    for row_verdict in set(left.verdicts.tolist()):
        mask = left.verdicts == row_verdict
        top = best([*(c.decision.verdict for c in others), row_verdict])
        rivals = [p for c in others if c.decision.verdict is top and (p := _point(c)) is not None]
        rival = max(rivals) if rivals else np.nan
        verdict[mask] = top
        saved[mask] = np.fmax(left.saved[mask], rival) if row_verdict is top else rival
    return verdict, saved


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
