"""Procurement analysis: gates, the hallucination rate ratio, fit and ranking stability."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from scipy import stats

from adoptreport.analysis.evidence import RecordRef
from adoptreport.analysis.procurement.context import CodebaseSize, Fit, context_fit
from adoptreport.analysis.procurement.fit import (
    ACCEPTANCE_ITEM,
    SAVED_ITEM,
    FitItem,
    VendorFit,
    rank_stability,
)
from adoptreport.analysis.procurement.gates import GateStatus, check_gates, gate_status
from adoptreport.analysis.procurement.hallucination import (
    VendorClaimVerdict,
    check_claim,
    tool_hallucinations,
)
from adoptreport.analysis.stats import Interval, poisson_rate_ratio
from adoptreport.models import Vendor
from adoptreport.models.requirements import Requirement
from adoptreport.models.vendors import HallucinationClaim

MUSTS = [
    Requirement(id="eu", attribute="region", value=["eu-west", "eu-central"]),
    Requirement(id="retention", attribute="max_retention_days", value=30),
    Requirement(id="soc2", attribute="certification", value="SOC 2"),
    Requirement(id="sso", attribute="sso", value=True),
    Requirement(id="window", attribute="min_context_window", value=100_000),
]


def vendor(**fields: object) -> Vendor:
    return Vendor.model_validate(
        {"id": "v", "name": "V", "tools": [{"id": "t", "name": "T"}], **fields}
    )


def test_a_vendor_meeting_every_must_passes() -> None:
    offer = vendor(
        deployment={"regions": ["eu-central"]},
        data_retention_days=30,
        certifications=["soc 2"],
        sso=True,
        context_window_tokens=100_000,
    )
    checks = check_gates(offer, MUSTS)
    assert [c.status for c in checks] == [GateStatus.PASS] * 5
    assert gate_status(checks) is GateStatus.PASS


def test_a_failed_must_names_the_requirement_and_the_offer() -> None:
    offer = vendor(
        deployment={"regions": ["us-east"]},
        data_retention_days=90,
        certifications=["SOC 2"],
        sso=True,
        context_window_tokens=64_000,
    )
    failed = {
        c.requirement.id: c.offered
        for c in check_gates(offer, MUSTS)
        if c.status is GateStatus.FAIL
    }
    assert failed == {"eu": ("us-east",), "retention": 90.0, "window": 64_000.0}
    assert gate_status(check_gates(offer, MUSTS)) is GateStatus.FAIL


def test_an_unstated_attribute_is_unverified_never_passed() -> None:
    offer = vendor(
        deployment={"regions": ["eu-west"]}, data_retention_days=0, context_window_tokens=200_000
    )
    checks = {c.requirement.id: c for c in check_gates(offer, MUSTS)}
    assert checks["soc2"].status is GateStatus.UNVERIFIED and checks["soc2"].offered is None
    assert checks["sso"].status is GateStatus.UNVERIFIED
    assert gate_status(list(checks.values())) is GateStatus.UNVERIFIED


def test_zero_retention_meets_a_retention_limit_even_without_days() -> None:
    checks = check_gates(vendor(zero_retention=True), [MUSTS[1]])
    assert checks[0].status is GateStatus.PASS


@pytest.mark.parametrize(
    ("a", "ta", "b", "tb"), [(128, 163, 38, 58), (5, 40, 20, 45), (0, 30, 7, 30)]
)
def test_rate_ratio_interval_matches_the_conditional_binomial(
    a: int, ta: int, b: int, tb: int
) -> None:
    ratio = poisson_rate_ratio(a, ta, b, tb, 0.9)
    assert ratio is not None
    split = stats.binomtest(a, a + b).proportion_ci(0.9, method="exact")
    to_ratio = lambda p: p / (1 - p) * tb / ta  # noqa: E731
    assert ratio.low == pytest.approx(to_ratio(split.low), rel=1e-9)
    assert ratio.high == pytest.approx(to_ratio(split.high), rel=1e-9)
    assert ratio.point == pytest.approx((a / ta) / (b / tb))


def test_rate_ratio_is_undefined_without_any_event() -> None:
    assert poisson_rate_ratio(0, 10, 0, 10, 0.9) is None
    only_a = poisson_rate_ratio(4, 10, 0, 10, 0.9)
    assert only_a is not None and math.isinf(only_a.high)


def pilot(counts: dict[str, list[int]]) -> pd.DataFrame:
    rows = [
        {
            "tool": tool,
            "hallucinations": n,
            "hallucination_kinds": ";".join(["invented_api"] * n) or None,
            "kind_of_work": "isolated_bugfix",
            "task_id": f"T{i}",
            "source_row": i + 2,
        }
        for tool, ns in counts.items()
        for i, n in enumerate(ns)
    ]
    return pd.DataFrame(rows)


def reduction(value: float, baseline: str = "old") -> HallucinationClaim:
    return HallucinationClaim(
        tool="new",
        kind="relative_reduction",
        value=value,
        baseline_tool=baseline,
        text="fewer",
        source="launch post",
        source_grade="official",
    )


def _rates(data: pd.DataFrame) -> dict[str, object]:
    return {t: tool_hallucinations(data, t, 0.9, "pilot.csv") for t in data["tool"].unique()}


def test_a_claimed_reduction_inside_and_outside_the_interval() -> None:
    # new: 20 incidents in 50 attempts; old: 50 in 50. Observed ratio 0.4.
    data = pilot({"new": [1] * 20 + [0] * 30, "old": [1] * 50})
    rates = _rates(data)
    ref = RecordRef("vendors.yaml", "x", "new")
    inside = check_claim(reduction(0.6), ref, rates, data, 0.9)  # type: ignore[arg-type]
    assert inside.ratio is not None and inside.ratio.contains(0.4)
    assert inside.verdict is VendorClaimVerdict.CONSISTENT
    modest = check_claim(reduction(0.1), ref, rates, data, 0.9)  # type: ignore[arg-type]
    assert (
        modest.verdict is VendorClaimVerdict.EXCEEDED
    )  # the pilot saw more of a reduction than 10%
    bold = check_claim(reduction(0.95), ref, rates, data, 0.9)  # type: ignore[arg-type]
    assert bold.verdict is VendorClaimVerdict.CONTRADICTED


def test_a_reduction_against_an_unpiloted_baseline_is_not_verifiable() -> None:
    data = pilot({"new": [1, 0, 2]})
    rates = _rates(data)
    ref = RecordRef("v", "x", "new")
    check = check_claim(reduction(0.6, "never-piloted"), ref, rates, data, 0.9)  # type: ignore[arg-type]
    assert check.verdict is VendorClaimVerdict.NOT_VERIFIABLE
    assert check.ratio is None and check.observed is not None
    assert check.observed.rate.point == pytest.approx(1.0)


def test_rates_per_kind_count_each_listed_incident() -> None:
    data = pd.DataFrame(
        {
            "tool": ["t"] * 4,
            "hallucinations": [2, 1, 0, None],
            "hallucination_kinds": ["invented_api;nonexistent_file", "invented_api", None, None],
            "source_row": [2, 3, 4, 5],
        }
    )
    rates = tool_hallucinations(data, "t", 0.9, "pilot.csv")
    assert rates is not None and rates.attempts == 3 and rates.incidents == 3
    assert [(k.kind, k.incidents) for k in rates.by_kind] == [
        ("invented_api", 2),
        ("nonexistent_file", 1),
    ]
    exact = stats.chi2.ppf(0.95, 2 * 2 + 2) / 2 / 3
    assert rates.by_kind[0].rate.high == pytest.approx(exact)


def fit(vendor_id: str, scores: dict[str, float], weights: dict[str, float]) -> VendorFit:
    items = tuple(FitItem(i, weights[i], s, None) for i, s in scores.items())
    total = sum(i.weight * i.score for i in items) / sum(i.weight for i in items)
    return VendorFit(vendor_id, None, items, total)


WEIGHTS = {"zero-retention": 3.0, "indemnity": 2.0, ACCEPTANCE_ITEM: 2.5, SAVED_ITEM: 2.5}


def _close_race() -> list[VendorFit]:
    return [
        fit(
            "a",
            {"zero-retention": 1, "indemnity": 0, ACCEPTANCE_ITEM: 0.60, SAVED_ITEM: 0.10},
            WEIGHTS,
        ),
        fit(
            "b",
            {"zero-retention": 0, "indemnity": 1, ACCEPTANCE_ITEM: 0.70, SAVED_ITEM: 0.30},
            WEIGHTS,
        ),
    ]


def test_ranking_stability_is_reproducible_with_the_seed() -> None:
    first = rank_stability(_close_race(), draws=3000, seed=7)
    again = rank_stability(_close_race(), draws=3000, seed=7)
    other = rank_stability(_close_race(), draws=3000, seed=8)
    assert first == again
    assert first is not None and other is not None
    assert first.first_share != other.first_share
    assert sum(first.first_share.values()) == pytest.approx(1.0)


def test_ranking_moves_to_the_vendor_a_dominant_weight_favours() -> None:
    close = rank_stability(_close_race(), draws=3000, seed=7)
    assert close is not None and 0.05 < close.first_share["a"] < 0.95 and not close.stable
    dominant = rank_stability(
        _close_race(), draws=3000, seed=7, weights={**WEIGHTS, "zero-retention": 100.0}
    )
    assert dominant is not None and dominant.leader == "a"
    assert dominant.first_share["a"] > 0.99 and dominant.stable


def test_context_fit_reports_the_share_that_fits_and_unknown_windows() -> None:
    exact = CodebaseSize(
        "repo", Interval(400_000, 400_000, 400_000, 1.0), False, RecordRef("case.yaml", "c", "repo")
    )
    assert context_fit(400_000, exact).fit is Fit.FITS
    partly = context_fit(100_000, exact)
    assert partly.fit is Fit.PARTLY and partly.share == pytest.approx(0.25)
    assert context_fit(None, exact).fit is Fit.UNKNOWN
    estimated = CodebaseSize(
        "b", Interval(300_000, 400_000, 500_000, 1.0), True, RecordRef("c", "c", "b")
    )
    assert context_fit(450_000, estimated).fit is Fit.MAY_FIT
