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


def power_to_decide(n: float, gap: float, spread: float, level: float) -> float:
    """Chance that an interval of half-width z·spread/√n around an estimate drawn from
    N(threshold + gap, spread²/n) excludes the threshold (either side): the normal model, exact."""
    if n <= 0 or spread <= 0:
        return 0.0
    shift = abs(gap) * math.sqrt(n) / spread
    z = z_score(level)
    return float(special.ndtr(shift - z) + special.ndtr(-shift - z))


def tasks_to_decide(
    point: float, spread: float, threshold: float, level: float, power: float = 0.8
) -> int | None:
    """Attempts needed for a `level` interval to exclude `threshold` with chance `power`.

    `spread` is the per-attempt standard deviation. Assumes the true value equals `point`
    (the current estimate); None when it sits on the threshold (no sample size decides it).
    The smallest n whose exact normal-model power reaches `power`.
    """
    gap = abs(point - threshold)
    if gap < 1e-9 or spread <= 0:
        return None
    # The one-sided formula ((z_α/2 + z_β)·σ/δ)² is enough (the two-sided power only ever
    # exceeds it); power grows with n, so bisect below it for the smallest n that suffices.
    guess = (z_score(level) + float(special.ndtri(power))) * spread / gap
    low, high = 0, max(1, math.ceil(guess * guess - 1e-9))
    while high - low > 1:
        middle = (low + high) // 2
        if power_to_decide(middle, gap, spread, level) >= power:
            high = middle
        else:
            low = middle
    return high


def minimum_detectable_effect(n: int, spread: float, level: float, power: float = 0.8) -> float:
    """The smallest true distance from a threshold that n attempts detect with `power`
    (one-sided approximation (z_α/2 + z_β)·σ/√n)."""
    if n <= 0:
        raise ValueError(f"need at least one attempt (got {n})")
    return (z_score(level) + float(special.ndtri(power))) * spread / math.sqrt(n)


def spread_from_interval(interval: Interval, n: int) -> float:
    """Per-attempt standard deviation implied by a normal interval over n attempts."""
    return (interval.high - interval.low) / 2.0 * math.sqrt(n) / z_score(interval.level)


def p_value(interval: Interval, threshold: float) -> float:
    """Two-sided p-value against `threshold` from an interval read as a normal one."""
    se = (interval.high - interval.low) / (2.0 * z_score(interval.level))
    if se <= 0:
        return 0.0 if interval.point != threshold else 1.0
    return float(2.0 * special.ndtr(-abs(interval.point - threshold) / se))


def benjamini_hochberg_adjusted(p_values: list[float]) -> list[float]:
    """Benjamini–Hochberg adjusted p-values: min over k ≥ i of p₍ₖ₎·m/k, capped at 1."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [1.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        index = order[rank - 1]
        running = min(running, p_values[index] * m / rank)
        adjusted[index] = min(1.0, running)
    return adjusted


def benjamini_hochberg(p_values: list[float], rate: float) -> list[bool]:
    """Which hypotheses Benjamini–Hochberg rejects at false discovery rate `rate` (step-up)."""
    return [p <= rate for p in benjamini_hochberg_adjusted(p_values)]


def ratio_draws(
    numerator: np.ndarray, denominator: np.ndarray, draws: int, seed: int
) -> np.ndarray:
    """Draws of Σ numerator / Σ denominator, the same ones `ratio_interval` takes its ends
    from: the bootstrap up to `BOOTSTRAP_MAX_ROWS` rows, normal draws from the delta method
    above. Sums over several ratios add these draws, never interval ends."""
    rng = np.random.default_rng(seed)
    if len(numerator) <= BOOTSTRAP_MAX_ROWS:
        return bootstrap_ratios(numerator, denominator, draws, rng)
    spread = delta_ratio(numerator, denominator, 0.5)
    se = (spread.high - spread.low) / (2.0 * z_score(0.5))
    return spread.point + se * rng.standard_normal(draws)


def percentile_interval(draws: np.ndarray, point: float, level: float) -> Interval:
    """The percentile interval of `draws` around a point computed from the data."""
    alpha = 1.0 - level
    low, high = np.quantile(draws, [alpha / 2, 1 - alpha / 2])
    return Interval(float(low), point, float(high), level)


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


def mantel_haenszel_rate_ratio(
    events_a: np.ndarray,
    exposure_a: np.ndarray,
    events_b: np.ndarray,
    exposure_b: np.ndarray,
    level: float,
) -> Interval | None:
    """Rate ratio λa/λb pooled over strata (Mantel–Haenszel), with the Greenland–Robins
    (1985) variance of its log; only strata where both exposures are positive count.

    RR = Σ aₖ·t_bₖ/tₖ ÷ Σ bₖ·t_aₖ/tₖ; var(ln RR) = Σ (aₖ+bₖ)·t_aₖ·t_bₖ/tₖ² ÷ (R·S).
    None when no stratum has both exposures or no event at all. When one side has no event
    the ratio is 0 or ∞ and the exact conditional interval of the pooled counts is used.
    """
    both = (exposure_a > 0) & (exposure_b > 0)
    a, b = events_a[both].astype(float), events_b[both].astype(float)
    ta, tb = exposure_a[both].astype(float), exposure_b[both].astype(float)
    if not both.any() or a.sum() + b.sum() == 0:
        return None
    total = ta + tb
    r = float(np.sum(a * tb / total))
    s = float(np.sum(b * ta / total))
    if r == 0.0 or s == 0.0:
        return poisson_rate_ratio(
            int(a.sum()), float(ta.sum()), int(b.sum()), float(tb.sum()), level
        )
    point = r / s
    variance = float(np.sum((a + b) * ta * tb / total**2)) / (r * s)
    half = z_score(level) * math.sqrt(variance)
    return Interval(point * math.exp(-half), point, point * math.exp(half), level)
