"""Estimators for the pilot designs: randomised arms, paired tasks, forecasts against times.

Pure numeric functions on arrays; `analysis.arms` applies them to a pilot. Each is checked
against statsmodels or scipy in tests/test_designs.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import special

from adoptreport.analysis.stats import Interval, ratio_interval

# Fewer engineers than this in an arm and the clustered interval is not available.
MIN_ENGINEERS_PER_ARM = 2


@dataclass(frozen=True)
class TimeEffect:
    """Change in total time with AI, exp(β) − 1 from log(total) = α + β·ai (+ γ·log forecast).

    +0.19 means 19% more time with AI (slower); −0.2 means 20% less.
    """

    change: float
    interval: Interval | None  # None: fewer than two engineers in an arm (no clustered interval)
    engineers: int  # G, the clusters
    engineers_per_arm: tuple[int, int]  # (ai, control)
    rows: int
    adjusted_for_forecast: bool


def cluster_robust_ols(
    y: np.ndarray, x: np.ndarray, groups: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """OLS coefficients and their cluster-robust covariance, with statsmodels' small-sample
    correction G/(G−1) · (N−1)/(N−K) (`cov_type="cluster"`, `use_correction=True`)."""
    n, k = x.shape
    beta, *_ = np.linalg.lstsq(x, y, rcond=None)
    residuals = y - x @ beta
    bread = np.linalg.inv(x.T @ x)
    _, codes = np.unique(groups, return_inverse=True)
    g = int(codes.max()) + 1
    weighted = x * residuals[:, None]
    scores = np.column_stack([np.bincount(codes, weights=c, minlength=g) for c in weighted.T])
    meat = scores.T @ scores
    correction = g / (g - 1) * (n - 1) / (n - k)
    return beta, correction * bread @ meat @ bread


def log_time_effect(
    total_minutes: np.ndarray,
    ai: np.ndarray,
    engineers: np.ndarray | None,
    forecast_minutes: np.ndarray | None,
    level: float,
) -> TimeEffect:
    """exp(β) − 1 with a cluster-robust interval by engineer and t(G − 1) critical values.

    `ai` is 1 for rows worked with AI, 0 for control rows; `forecast_minutes` (the baseline
    estimate made before the work), when given, adds log(forecast) as a covariate. Without
    two engineers in each arm the estimate stands alone: no clustered interval.
    """
    y = np.log(total_minutes)
    columns = [np.ones_like(y), ai.astype(float)]
    if forecast_minutes is not None:
        columns.append(np.log(forecast_minutes))
    x = np.column_stack(columns)
    per_arm = (0, 0)
    if engineers is not None:
        per_arm = (len(np.unique(engineers[ai == 1])), len(np.unique(engineers[ai == 0])))
    groups = len(np.unique(engineers)) if engineers is not None else 0
    if engineers is None or min(per_arm) < MIN_ENGINEERS_PER_ARM or len(y) <= x.shape[1]:
        beta, *_ = np.linalg.lstsq(x, y, rcond=None)
        return TimeEffect(
            math.expm1(beta[1]), None, groups, per_arm, len(y), forecast_minutes is not None
        )
    beta, covariance = cluster_robust_ols(y, x, engineers)
    half = t_quantile(level, groups - 1) * math.sqrt(covariance[1, 1])
    interval = Interval(
        math.expm1(beta[1] - half), math.expm1(beta[1]), math.expm1(beta[1] + half), level
    )
    return TimeEffect(
        math.expm1(beta[1]), interval, groups, per_arm, len(y), forecast_minutes is not None
    )


def t_quantile(level: float, df: int) -> float:
    """Two-sided Student t critical value for a confidence level."""
    return float(special.stdtrit(df, 0.5 + level / 2.0))


def exact_mcnemar(only_first: int, only_second: int) -> float:
    """Two-sided exact McNemar p-value: the discordant pairs as Binomial(b + c, ½)
    (scipy.stats.binomtest's two-sided p for p = ½)."""
    n = only_first + only_second
    if n == 0:
        return 1.0
    if only_first == only_second:
        return 1.0
    tail = float(special.bdtr(min(only_first, only_second), n, 0.5))
    return min(1.0, 2.0 * tail)


@dataclass(frozen=True)
class PairedTasks:
    """Two sides (tools, or the AI and control arms) on the tasks both tried."""

    tasks: int  # shared tasks
    timed_tasks: int  # shared tasks with both totals measured
    time_ratio: Interval | None  # Σ first-side total / Σ second-side total over timed tasks
    accepted_first_only: int
    accepted_second_only: int
    accepted_both: int
    mcnemar_p: float  # exact, two-sided


def paired_tasks(
    first_total: np.ndarray,
    second_total: np.ndarray,
    first_accepted: np.ndarray,
    second_accepted: np.ndarray,
    level: float,
    draws: int,
    seed: int,
) -> PairedTasks:
    """Within-task comparison: ratio of paired totals (bootstrap over tasks, seeded; the delta
    method above 2,000 tasks) and an exact McNemar test of acceptance."""
    timed = ~np.isnan(first_total) & ~np.isnan(second_total)
    ratio = None
    if timed.any() and second_total[timed].sum() > 0:
        ratio = ratio_interval(first_total[timed], second_total[timed], level, draws, seed)
    first_only = int((first_accepted & ~second_accepted).sum())
    second_only = int((~first_accepted & second_accepted).sum())
    both = int((first_accepted & second_accepted).sum())
    return PairedTasks(
        len(first_total),
        int(timed.sum()),
        ratio,
        first_only,
        second_only,
        both,
        exact_mcnemar(first_only, second_only),
    )


def total_to_forecast(
    total_minutes: np.ndarray, forecast_minutes: np.ndarray, level: float, draws: int, seed: int
) -> Interval | None:
    """Σ measured total / Σ forecast − 1: +0.25 means 25% longer than forecast."""
    known = ~np.isnan(total_minutes) & ~np.isnan(forecast_minutes)
    if not known.any():
        return None
    ratio = ratio_interval(total_minutes[known], forecast_minutes[known], level, draws, seed)
    return Interval(ratio.low - 1.0, ratio.point - 1.0, ratio.high - 1.0, level)
