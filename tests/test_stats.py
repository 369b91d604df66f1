"""Interval maths against independent implementations (statsmodels, scipy root finding)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import optimize
from scipy import stats as sps
from statsmodels.stats.proportion import proportion_confint

from adoptreport.analysis.stats import bootstrap_ratio, poisson_exact, tasks_to_decide, wilson

CASES = [
    (k, n)
    for n in (1, 2, 3, 5, 10, 17, 50, 133, 1000)
    for k in sorted({0, 1, n // 3, n // 2, n - 1, n})
]


@pytest.mark.parametrize("level", [0.8, 0.9, 0.95, 0.99])
@pytest.mark.parametrize(("k", "n"), CASES)
def test_wilson_matches_statsmodels(k: int, n: int, level: float) -> None:
    ours = wilson(k, n, level)
    low, high = proportion_confint(k, n, alpha=1 - level, method="wilson")
    assert ours.low == pytest.approx(low, abs=1e-9)
    assert ours.high == pytest.approx(high, abs=1e-9)
    assert ours.point == k / n


def _poisson_by_root_finding(k: int, level: float) -> tuple[float, float]:
    """Garwood's limits from their definition: tail probabilities equal α/2."""
    alpha = 1 - level
    low = (
        0.0
        if k == 0
        else optimize.brentq(
            lambda m: sps.poisson.sf(k - 1, m) - alpha / 2, 1e-12, 10 * k + 50, xtol=1e-14
        )
    )
    high = optimize.brentq(
        lambda m: sps.poisson.cdf(k, m) - alpha / 2, 1e-12, 10 * k + 50, xtol=1e-14
    )
    return low, high


@pytest.mark.parametrize("level", [0.9, 0.95])
@pytest.mark.parametrize("k", [0, 1, 2, 5, 13, 40, 250])
@pytest.mark.parametrize("exposure", [1.0, 7.0, 120.0])
def test_poisson_exact_matches_root_finding(k: int, exposure: float, level: float) -> None:
    ours = poisson_exact(k, exposure, level)
    low, high = _poisson_by_root_finding(k, level)
    assert ours.low == pytest.approx(low / exposure, abs=1e-9)
    assert ours.high == pytest.approx(high / exposure, abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(n=st.integers(1, 5000), data=st.data(), level=st.floats(0.51, 0.999))
def test_wilson_is_an_interval_around_the_point(n: int, data: st.DataObject, level: float) -> None:
    k = data.draw(st.integers(0, n))
    interval = wilson(k, n, level)
    assert 0.0 <= interval.low <= interval.point <= interval.high <= 1.0


def test_wilson_rejects_impossible_counts() -> None:
    with pytest.raises(ValueError, match="successes"):
        wilson(5, 3, 0.9)


def test_bootstrap_is_seeded_and_brackets_the_ratio() -> None:
    rng = np.random.default_rng(1)
    baseline = rng.lognormal(4, 0.5, 80)
    saved = baseline * 0.3 + rng.normal(0, 20, 80)
    first = bootstrap_ratio(saved, baseline, 0.9, 2000, seed=7)
    again = bootstrap_ratio(saved, baseline, 0.9, 2000, seed=7)
    other = bootstrap_ratio(saved, baseline, 0.9, 2000, seed=8)
    assert first == again
    assert first != other
    assert first.point == pytest.approx(saved.sum() / baseline.sum())
    assert first.low < first.point < first.high


def scipy_ratio_bootstrap(saved: np.ndarray, baseline: np.ndarray, draws: int, seed: int) -> Any:
    """Σ saved / Σ baseline, 90% percentile interval from scipy's paired bootstrap."""
    return sps.bootstrap(
        (saved, baseline),
        lambda s, b: s.sum() / b.sum(),
        paired=True,
        vectorized=False,
        confidence_level=0.9,
        n_resamples=draws,
        method="percentile",
        random_state=seed,
    ).confidence_interval


def test_bootstrap_width_agrees_with_scipy_bootstrap() -> None:
    rng = np.random.default_rng(3)
    baseline = rng.lognormal(4, 0.4, 200)
    saved = baseline * 0.2 + rng.normal(0, 15, 200)
    ours = bootstrap_ratio(saved, baseline, 0.9, 4000, seed=11)
    theirs = scipy_ratio_bootstrap(saved, baseline, 4000, seed=11)
    assert ours.low == pytest.approx(theirs.low, abs=0.01)
    assert ours.high == pytest.approx(theirs.high, abs=0.01)


def test_tasks_to_decide_grows_as_the_effect_shrinks() -> None:
    big = tasks_to_decide(0.2, 0.5, 0.0, 0.9)
    small = tasks_to_decide(0.05, 0.5, 0.0, 0.9)
    assert big is not None and small is not None
    assert small == pytest.approx(16 * big, rel=0.05)
    assert tasks_to_decide(0.0, 0.5, 0.0, 0.9) is None
