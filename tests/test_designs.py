"""Pilot designs: the estimators against statsmodels and scipy, a seeded coverage simulation,
verdicts from partial evidence, and the design statements on the default case."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy.stats import binomtest
from statsmodels.stats.proportion import confint_proportions_2indep

from adoptreport.analysis.designs import (
    cluster_robust_ols,
    exact_mcnemar,
    log_time_effect,
    paired_tasks,
    total_to_forecast,
)
from adoptreport.analysis.findings import analyse
from adoptreport.analysis.pilot import add_net_minutes, cells
from adoptreport.analysis.stats import Interval, newcombe_difference, wilson
from adoptreport.analysis.verdicts import Reason, Verdict, decide
from adoptreport.load.case import load_case
from adoptreport.models import Policy
from adoptreport.statements import build_statements


def _study(
    rng: np.random.Generator, engineers: int, tasks_each: int, effect: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(total minutes, ai 0/1, engineer, forecast) with engineer effects and a true effect."""
    engineer = np.repeat(np.arange(engineers), tasks_each)
    skill = rng.normal(0.0, 0.3, engineers)[engineer]
    forecast = 120 * rng.lognormal(0.0, 0.5, len(engineer))
    ai = rng.integers(0, 2, len(engineer))
    log_total = 0.2 + 0.9 * np.log(forecast) + math.log1p(effect) * ai + skill
    return np.exp(log_total + rng.normal(0.0, 0.4, len(engineer))), ai, engineer, forecast


@pytest.mark.parametrize("with_forecast", [True, False])
def test_log_time_effect_matches_statsmodels_cluster_robust_ols(with_forecast: bool) -> None:
    rng = np.random.default_rng(5)
    total, ai, engineer, forecast = _study(rng, 12, 7, 0.15)
    ours = log_time_effect(total, ai, engineer, forecast if with_forecast else None, 0.9)
    columns = [ai, np.log(forecast)] if with_forecast else [ai]
    x = sm.add_constant(np.column_stack(columns).astype(float))
    fit = sm.OLS(np.log(total), x).fit(
        cov_type="cluster", cov_kwds={"groups": engineer}, use_t=True
    )
    low, high = fit.conf_int(alpha=0.1)[1]
    assert fit.df_resid_inference == 11  # t(G − 1)
    assert ours.interval is not None
    assert ours.change == pytest.approx(math.expm1(fit.params[1]), abs=1e-9)
    assert ours.interval.low == pytest.approx(math.expm1(low), abs=1e-9)
    assert ours.interval.high == pytest.approx(math.expm1(high), abs=1e-9)
    assert (ours.engineers, ours.rows, ours.adjusted_for_forecast) == (12, 84, with_forecast)


def test_cluster_covariance_matches_statsmodels() -> None:
    rng = np.random.default_rng(11)
    total, ai, engineer, forecast = _study(rng, 9, 5, -0.2)
    x = sm.add_constant(np.column_stack([ai, np.log(forecast)]).astype(float))
    beta, covariance = cluster_robust_ols(np.log(total), x, engineer)
    fit = sm.OLS(np.log(total), x).fit(cov_type="cluster", cov_kwds={"groups": engineer})
    np.testing.assert_allclose(beta, fit.params, atol=1e-9)
    np.testing.assert_allclose(covariance, fit.cov_params(), atol=1e-9)


def test_fewer_than_two_engineers_in_an_arm_has_no_clustered_interval() -> None:
    total = np.array([100.0, 120, 90, 80, 150])
    ai = np.array([1, 1, 0, 0, 0])
    one_ai_engineer = np.array(["a", "a", "b", "c", "c"])
    effect = log_time_effect(total, ai, one_ai_engineer, None, 0.9)
    assert effect.interval is None and effect.engineers_per_arm == (1, 2)
    assert effect.change == pytest.approx(
        math.exp(np.log([100, 120]).mean() - np.log([90, 80, 150]).mean()) - 1
    )


def test_coverage_of_the_randomised_interval_is_close_to_nominal() -> None:
    """400 seeded studies of 16 engineers × 8 tasks: the 90% interval covers the true effect
    between 85% and 95% of the time."""
    rng = np.random.default_rng(20261130)
    truth = 0.19
    covered = 0
    runs = 400
    for _ in range(runs):
        total, ai, engineer, forecast = _study(rng, 16, 8, truth)
        interval = log_time_effect(total, ai, engineer, forecast, 0.9).interval
        assert interval is not None
        covered += interval.contains(truth)
    assert 0.85 <= covered / runs <= 0.95, covered / runs


@pytest.mark.parametrize(("first", "second"), [(0, 0), (3, 0), (8, 9), (4, 10), (15, 28), (1, 30)])
def test_exact_mcnemar_matches_scipy_binomtest(first: int, second: int) -> None:
    expected = 1.0 if first + second == 0 else binomtest(first, first + second, 0.5).pvalue
    assert exact_mcnemar(first, second) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize(
    ("ai", "control"), [((41, 66), (44, 46)), ((3, 20), (9, 18)), ((0, 5), (5, 5))]
)
def test_acceptance_difference_matches_statsmodels_newcombe(
    ai: tuple[int, int], control: tuple[int, int]
) -> None:
    ours = newcombe_difference(*ai, *control, 0.9)
    low, high = confint_proportions_2indep(
        *ai, *control, method="newcomb", compare="diff", alpha=0.1
    )
    assert (ours.low, ours.high) == pytest.approx((low, high), abs=1e-9)


def test_paired_tasks_counts_and_ratio_of_totals() -> None:
    first = np.array([10.0, 20, np.nan, 40])
    second = np.array([20.0, 20, 30, 20])
    result = paired_tasks(
        first,
        second,
        np.array([True, True, False, False]),
        np.array([False, True, True, False]),
        0.9,
        500,
        1,
    )
    assert (result.tasks, result.timed_tasks) == (4, 3)
    assert result.time_ratio is not None and result.time_ratio.point == pytest.approx(70 / 60)
    assert (result.accepted_first_only, result.accepted_second_only, result.accepted_both) == (
        1,
        1,
        1,
    )
    assert result.mcnemar_p == pytest.approx(binomtest(1, 2, 0.5).pvalue)


def test_total_against_forecast_is_the_ratio_of_sums_minus_one() -> None:
    change = total_to_forecast(
        np.array([120.0, 80, np.nan]), np.array([100.0, 100, 50]), 0.9, 500, 3
    )
    assert change is not None and change.point == pytest.approx(0.0)


POLICY = Policy()


def test_acceptance_alone_rules_automate_out_without_time() -> None:
    acceptance = wilson(10, 26, 0.9)  # upper end 0.54 < 0.6
    decision = decide(26, 0, acceptance, None, POLICY)
    assert (decision.verdict, decision.reason) == (
        Verdict.INSUFFICIENT_EVIDENCE,
        Reason.AUTOMATE_RULED_OUT,
    )
    assert decision.more_tasks_needed is None
    unclear = decide(26, 0, wilson(15, 26, 0.9), None, POLICY)
    assert unclear.reason is Reason.NO_TIME_MEASURED


def test_a_loss_decides_however_few_the_attempts() -> None:
    loss = Interval(-0.4, -0.25, -0.05, 0.9)
    decision = decide(11, 11, wilson(8, 11, 0.9), loss, POLICY)
    assert (decision.verdict, decision.reason) == (Verdict.DO_NOT_AUTOMATE, Reason.COSTS_TIME)
    one = decide(1, 1, wilson(1, 1, 0.9), Interval(-0.2, -0.2, -0.2, 0.9), POLICY)
    assert one.verdict is Verdict.INSUFFICIENT_EVIDENCE  # one attempt's interval has no spread


def test_cells_follow_the_declared_order_of_kinds_and_leave_control_rows_out() -> None:
    rows = []
    for kind in ("zeta", "alpha", "mid"):
        for i in range(3):
            rows.append({"task_id": f"{kind}{i}", "tool": "t", "kind_of_work": kind, "arm": None})
    rows.append({"task_id": "c", "tool": None, "kind_of_work": "alpha", "arm": "control"})
    pilot = pd.DataFrame(rows).assign(
        outcome="merged",
        ai_minutes=np.nan,
        review_minutes=np.nan,
        rework_minutes=np.nan,
        baseline_minutes=np.nan,
        hallucinations=np.nan,
        escaped_defects=np.nan,
        source_row=np.arange(2, 2 + len(rows)),
    )
    found = cells(add_net_minutes(pilot), POLICY, "pilot.csv", ["zeta", "alpha", "mid"])
    assert [c.kind for c in found] == ["zeta", "alpha", "mid"]
    assert [c.attempts for c in found] == [3, 3, 3]  # the control row is no tool's attempt
    assert all(c.saved_fraction is None and c.review_minutes_per_merged is None for c in found)


def _statements_of(case: Path) -> dict[str, str]:
    loaded = load_case(case)
    return {s.id: s.text for s in build_statements(loaded, analyse(loaded))}


def test_one_engineer_in_an_arm_is_stated_without_a_clustered_interval(case_copy: Path) -> None:
    pilot = pd.read_csv(case_copy / "pilot.csv", dtype=str, keep_default_na=False)
    study = pilot["arm"] == "control"
    pilot.loc[study, "engineer"] = "eng-01"  # every control row by one engineer
    pilot.to_csv(case_copy / "pilot.csv", index=False)
    text = _statements_of(case_copy)["design.arms.time"]
    assert "the clustered interval is not available" in text
    assert "(16 with AI, 1 without)" in text


def test_an_observational_case_never_claims_a_cause_and_no_ai_is_never_a_tool(
    case_copy: Path,
) -> None:
    case_yaml = case_copy / "case.yaml"
    case_yaml.write_text(
        case_yaml.read_text().replace("pilot_design: randomised", "pilot_design: observational")
    )
    statements = _statements_of(case_copy)
    arms = [t for i, t in statements.items() if i.startswith("design.arms.")]
    assert arms and statements["design.arms.time"].startswith(
        "Observational comparison, not an effect of AI"
    )
    assert all("each task assigned at random" not in t and "changed by" not in t for t in arms)
    assert "not assigned at random" in statements["design.arms.acceptance"]
    vendors = [t for i, t in statements.items() if i.startswith(("vendor.", "fit.", "cost."))]
    assert vendors and not any("control" in t.lower() or "no ai" in t.lower() for t in vendors)


def test_the_methodology_prints_the_pilot_flow_or_says_it_is_not_given(case_copy: Path) -> None:
    import yaml

    assert (
        "Pilot flow: of 142 eligible tasks, 20 were withheld by participants"
        in (_statements_of(case_copy)["method.flow"])
    )
    data = yaml.safe_load((case_copy / "case.yaml").read_text())
    del data["pilot_flow"]
    (case_copy / "case.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    assert _statements_of(case_copy)["method.flow"].startswith("The pilot flow is not given")
