"""Interval maths. Every interval in the report is one `Interval`."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

# scipy.special, not scipy.stats: the same functions (norm.ppf is ndtri, chi2.ppf is
# 2·gammaincinv, beta.ppf is betaincinv) without half a second of import on every command.
from scipy import special


@dataclass(frozen=True)
class Interval:
    low: float
    point: float
    high: float
    level: float

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    @property
    def excludes_zero(self) -> bool:
        return self.low > 0.0 or self.high < 0.0


def z_score(level: float) -> float:
    """Two-sided normal quantile for a confidence level."""
    return float(special.ndtri(0.5 + level / 2.0))


def wilson(successes: int, trials: int, level: float) -> Interval:
    """Wilson score interval for a binomial proportion; see Newcombe (1998)."""
    if trials <= 0 or not 0 <= successes <= trials:
        raise ValueError(f"need 0 ≤ successes ≤ trials and trials > 0 (got {successes}/{trials})")
    z = z_score(level)
    p = successes / trials
    denominator = 1.0 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    # Clamped so rounding never puts the point outside its interval (k = 0 or k = n).
    return Interval(min(p, max(0.0, centre - half)), p, max(p, min(1.0, centre + half)), level)


def poisson_exact(events: int, exposure: float, level: float) -> Interval:
    """Exact (Garwood) interval for a Poisson rate: events per unit of exposure."""
    if exposure <= 0 or events < 0:
        raise ValueError(f"need events ≥ 0 and exposure > 0 (got {events}, {exposure})")
    alpha = 1.0 - level
    low = 0.0 if events == 0 else special.gammaincinv(events, alpha / 2)
    high = special.gammaincinv(events + 1, 1 - alpha / 2)
    return Interval(float(low) / exposure, events / exposure, float(high) / exposure, level)


def bootstrap_ratios(
    numerator: np.ndarray, denominator: np.ndarray, draws: int, rng: np.random.Generator
) -> np.ndarray:
    """Σ numerator / Σ denominator over `draws` resamples of the rows, drawn from `rng`."""
    n = len(numerator)
    ratios = np.empty(draws)
    # Chunked so a large pilot never holds a draws × n index matrix in memory.
    chunk = max(1, 2_000_000 // n)
    for start in range(0, draws, chunk):
        stop = min(draws, start + chunk)
        index = rng.integers(0, n, size=(stop - start, n))
        ratios[start:stop] = numerator[index].sum(axis=1) / denominator[index].sum(axis=1)
    return ratios


def bootstrap_ratio(
    numerator: np.ndarray, denominator: np.ndarray, level: float, draws: int, seed: int
) -> Interval:
    """Σ numerator / Σ denominator with a percentile bootstrap over rows (seeded)."""
    n = len(numerator)
    if n == 0 or len(denominator) != n:
        raise ValueError("need two equally long, non-empty arrays")
    point = float(numerator.sum() / denominator.sum())
    ratios = bootstrap_ratios(numerator, denominator, draws, np.random.default_rng(seed))
    alpha = 1.0 - level
    low, high = np.quantile(ratios, [alpha / 2, 1 - alpha / 2])
    return Interval(float(low), point, float(high), level)


# Above this many rows a ratio's interval comes from the delta method instead of the bootstrap:
# the bootstrap costs draws × rows, and at this size the two agree (tests/test_scale.py).
BOOTSTRAP_MAX_ROWS = 2_000


def ratio_interval(
    numerator: np.ndarray, denominator: np.ndarray, level: float, draws: int, seed: int
) -> Interval:
    """Σ numerator / Σ denominator: percentile bootstrap up to `BOOTSTRAP_MAX_ROWS` rows,
    the delta method (linearised ratio estimator, Cochran 1977 §6.4) above."""
    if len(numerator) <= BOOTSTRAP_MAX_ROWS:
        return bootstrap_ratio(numerator, denominator, level, draws, seed)
    return delta_ratio(numerator, denominator, level)


def delta_ratio(numerator: np.ndarray, denominator: np.ndarray, level: float) -> Interval:
    """Σ numerator / Σ denominator with a normal interval from the linearised variance:
    se² = n/(n−1) · Σ (yᵢ − R·xᵢ)² / (Σ xᵢ)²."""
    n = len(numerator)
    if n < 2 or len(denominator) != n:
        raise ValueError("need two equally long arrays of at least two rows")
    total = float(denominator.sum())
    point = float(numerator.sum()) / total
    residuals = numerator - point * denominator
    se = math.sqrt(n / (n - 1) * float(np.dot(residuals, residuals))) / abs(total)
    half = z_score(level) * se
    return Interval(point - half, point, point + half, level)


def tasks_to_decide(point: float, spread: float, threshold: float, level: float) -> int | None:
    """Attempts needed for an interval of half-width z·spread/√n to clear `threshold`.

    `spread` is the per-attempt standard deviation. Assumes the point estimate holds; None
    when the point sits on the threshold (no sample size decides it).
    """
    gap = abs(point - threshold)
    if gap < 1e-9 or spread <= 0:
        return None
    # Round up, but not for float noise on an exact whole number.
    return math.ceil((z_score(level) * spread / gap) ** 2 - 1e-9)


def poisson_rate_ratio(
    events_a: int, exposure_a: float, events_b: int, exposure_b: float, level: float
) -> Interval | None:
    """Rate ratio λa/λb with an exact conditional interval; None when no events at all.

    Given n = a + b events, a ~ Binomial(n, π) with π = λa·ta / (λa·ta + λb·tb); a
    Clopper–Pearson interval on π maps to the ratio π/(1−π) · tb/ta. An end may be 0 or ∞.
    """
    if exposure_a <= 0 or exposure_b <= 0 or events_a < 0 or events_b < 0:
        raise ValueError("need events ≥ 0 and exposures > 0")
    total = events_a + events_b
    if total == 0:
        return None
    alpha = 1.0 - level
    # Clopper–Pearson from beta quantiles.
    low = 0.0 if events_a == 0 else float(special.betaincinv(events_a, events_b + 1, alpha / 2))
    high = (
        1.0 if events_b == 0 else float(special.betaincinv(events_a + 1, events_b, 1 - alpha / 2))
    )
    scale = exposure_b / exposure_a

    def ratio(share: float) -> float:
        return math.inf if share >= 1.0 else share / (1.0 - share) * scale

    point = math.inf if events_b == 0 else (events_a / exposure_a) / (events_b / exposure_b)
    return Interval(ratio(low), point, ratio(high), level)


def newcombe_difference(
    first_successes: int, first_trials: int, second_successes: int, second_trials: int, level: float
) -> Interval:
    """first − second proportion with Newcombe's hybrid score (Wilson) interval (method 10)."""
    first = wilson(first_successes, first_trials, level)
    second = wilson(second_successes, second_trials, level)
    d = first.point - second.point
    low = d - math.hypot(first.point - first.low, second.high - second.point)
    high = d + math.hypot(first.high - first.point, second.point - second.low)
    return Interval(low, d, high, level)
