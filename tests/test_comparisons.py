"""Like-for-like comparisons: Mantel–Haenszel rate ratios, Benjamini–Hochberg, power, joint
workforce intervals and benchmark mixes, each against an independent implementation."""

from __future__ import annotations

import math
import zlib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from statsmodels.stats.contingency_tables import StratifiedTable
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower

from adoptreport import api
from adoptreport.analysis.evidence import RecordRef, RowRanges
from adoptreport.analysis.findings import analyse
from adoptreport.analysis.multiplicity import correct_decisions
from adoptreport.analysis.pilot import Cell
from adoptreport.analysis.procurement.hallucination import (
    VendorClaimVerdict,
    check_claim,
    tool_hallucinations,
)
from adoptreport.analysis.stats import (
    Interval,
    benjamini_hochberg,
    benjamini_hochberg_adjusted,
    delta_ratio,
    mantel_haenszel_rate_ratio,
    minimum_detectable_effect,
    power_to_decide,
    tasks_to_decide,
    wilson,
    z_score,
)
from adoptreport.analysis.verdicts import Verdict, decide
from adoptreport.analysis.workforce import Basis
from adoptreport.load.problems import CaseError
from adoptreport.models import Policy
from adoptreport.models.vendors import HallucinationClaim
from adoptreport.statements.build import build_statements
from tests.conftest import DEFAULT_CASE, collapse


def _strata(seed: int) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    k = int(rng.integers(2, 8))
    ta, tb = rng.integers(5, 60, k).astype(float), rng.integers(5, 60, k).astype(float)
    rates = rng.uniform(0.05, 0.9, k)
    a = rng.binomial(ta.astype(int), rates * 0.7).astype(float)
    b = rng.binomial(tb.astype(int), rates).astype(float)
    return a, ta, b, tb


@pytest.mark.parametrize("seed", range(20))
def test_mantel_haenszel_point_matches_statsmodels_stratified_table(seed: int) -> None:
    a, ta, b, tb = _strata(seed)
    ours = mantel_haenszel_rate_ratio(a, ta, b, tb, 0.9)
    assert ours is not None
    # Each stratum as a 2×2 table [[events, non-events], …] of attempts: the pooled
    # (Mantel–Haenszel) risk ratio is then Σ a·t_b/t ÷ Σ b·t_a/t, the person-time rate ratio.
    tables = [np.array([[a[i], ta[i] - a[i]], [b[i], tb[i] - b[i]]]) for i in range(len(a))]
    assert ours.point == pytest.approx(StratifiedTable(tables).riskratio_pooled, abs=1e-9)


@pytest.mark.parametrize("seed", range(20))
def test_mantel_haenszel_interval_matches_the_greenland_robins_variance(seed: int) -> None:
    a, ta, b, tb = _strata(seed)
    ours = mantel_haenszel_rate_ratio(a, ta, b, tb, 0.9)
    assert ours is not None
    # Greenland & Robins (1985), eq. 12, written stratum by stratum.
    r = s = v = 0.0
    for ai, tai, bi, tbi in zip(a, ta, b, tb, strict=True):
        t = tai + tbi
        r += ai * tbi / t
        s += bi * tai / t
        v += (ai + bi) * tai * tbi / t**2
    se = math.sqrt(v / (r * s))
    z = 1.6448536269514722  # the 95% normal quantile, for a 90% interval
    assert ours.low == pytest.approx(r / s * math.exp(-z * se), abs=1e-9)
    assert ours.high == pytest.approx(r / s * math.exp(z * se), abs=1e-9)


def _attempts(tool: str, kind: str, events: list[int], start: int = 0) -> list[dict[str, object]]:
    return [
        {
            "tool": tool,
            "kind_of_work": kind,
            "task_id": f"{kind}-{start + i}",
            "hallucinations": n,
            "hallucination_kinds": ";".join(["invented_api"] * n) or None,
            "source_row": start + i + 2,
        }
        for i, n in enumerate(events)
    ]


def _claim(value: float = 0.6, kinds: list[str] | None = None) -> HallucinationClaim:
    return HallucinationClaim(
        tool="new",
        kind="relative_reduction",
        value=value,
        baseline_tool="old",
        hallucination_kinds=kinds,
        text="fewer",
        source="post",
        source_grade="official",
    )


def _check(rows: list[dict[str, object]], claim: HallucinationClaim) -> object:
    data = pd.DataFrame(rows)
    rates = {t: tool_hallucinations(data, t, 0.9, "pilot.csv") for t in data["tool"].unique()}
    return check_claim(claim, RecordRef("vendors.yaml", "x", "new"), rates, data, 0.9)  # type: ignore[arg-type]


def test_simpsons_paradox_gets_the_stratified_verdict() -> None:
    # Within each kind, "new" has 40% of "old"'s rate; but "new" was tried mostly on the hard
    # kind, so pooled it looks worse than "old".
    rows = (
        _attempts("new", "easy", [1] + [0] * 9)  # 0.1 per attempt
        + _attempts("old", "easy", [1] * 100 + [0] * 300, 100)  # 0.25
        + _attempts("new", "hard", [1] * 156 + [0] * 234, 600)  # 0.4
        + _attempts("old", "hard", [1] * 10, 1000)  # 1.0
    )
    check = _check(rows, _claim(0.6))
    assert check.crude is not None and check.crude.low > 1.0  # pooled: new looks worse
    assert check.stratified is not None
    assert check.stratified.ratio.point == pytest.approx(0.4, abs=0.02)
    assert check.stratified.strata == 2
    assert check.verdict is VendorClaimVerdict.CONSISTENT  # the crude ratio would contradict it


def test_no_shared_kind_is_not_comparable_and_shared_tasks_are_paired() -> None:
    apart = _attempts("new", "easy", [1, 0, 2]) + _attempts("old", "hard", [1, 1, 1], 10)
    assert _check(apart, _claim()).verdict is VendorClaimVerdict.NOT_COMPARABLE
    # The same three tasks tried by both tools: paired on them.
    shared = _attempts("new", "easy", [0, 1, 0]) + _attempts("old", "easy", [2, 1, 2])
    paired = _check(shared, _claim()).paired
    assert paired is not None and paired.strata == 3
    assert paired.ratio.point == pytest.approx(1 / 5)


def test_a_claim_about_some_hallucination_kinds_counts_only_those() -> None:
    rows = _attempts("new", "easy", [0] * 10) + _attempts("old", "easy", [0] * 10, 20)
    for row, kinds in zip(rows, ["invented_api;wrong_config_key"] * 5 + [None] * 15, strict=True):
        row["hallucination_kinds"] = kinds
        row["hallucinations"] = 2 if kinds else 0
    rate_claim = HallucinationClaim(
        tool="new",
        kind="rate",
        value=0.3,
        hallucination_kinds=["wrong_config_key"],
        text="few",
        source="blog",
        source_grade="blog",
    )
    check = _check(rows, rate_claim)
    assert check.observed is not None
    assert (check.observed.incidents, check.observed.attempts) == (5, 10)


@pytest.mark.parametrize("seed", range(10))
def test_benjamini_hochberg_matches_statsmodels(seed: int) -> None:
    rng = np.random.default_rng(seed)
    p = np.concatenate([rng.uniform(0, 1, 30), rng.uniform(0, 0.01, 10), [0.02, 0.02]]).tolist()
    rejected, corrected, _, _ = multipletests(p, alpha=0.1, method="fdr_bh")
    assert benjamini_hochberg_adjusted(p) == pytest.approx(corrected.tolist(), abs=1e-9)
    assert benjamini_hochberg(p, 0.1) == rejected.tolist()


def test_null_pilots_make_few_directional_calls_after_correction() -> None:
    """200 seeded pilots of 7 kinds × 4 tools, no true difference in time saved."""
    policy = Policy()
    rng = np.random.default_rng(20261124)
    calls = uncorrected = cells = 0
    for _ in range(200):
        tested = []
        for _ in range(28):
            baseline = rng.uniform(30, 180, 20)
            saved = baseline * rng.normal(0.0, 0.4, 20)
            # The delta-method interval the analysis uses for large cells: fast, no resampling.
            interval = delta_ratio(saved, baseline, 0.9)
            tested.append((decide(20, 20, interval, interval, policy), interval, True))
        decisions, summary = correct_decisions(tested, policy)
        assert summary.comparisons == 28
        directional = (Verdict.ASSIST, Verdict.AUTOMATE_WITH_REVIEW, Verdict.DO_NOT_AUTOMATE)
        uncorrected += sum(d.verdict in directional for d, _, _ in tested)
        calls += sum(d.verdict in directional for d in decisions)
        cells += 28
    assert calls / cells <= 0.05
    assert uncorrected / cells > 0.05  # without the correction, about one cell in ten


@pytest.mark.parametrize(("gap", "spread", "n"), [(0.1, 0.6, 50), (0.05, 0.3, 120), (0.2, 1.1, 9)])
def test_power_matches_statsmodels(gap: float, spread: float, n: int) -> None:
    ours = power_to_decide(n, gap, spread, 0.9)
    theirs = NormalIndPower().power(
        effect_size=gap / spread, nobs1=n, alpha=0.1, ratio=0, alternative="two-sided"
    )
    assert ours == pytest.approx(theirs, abs=1e-9)
    needed = tasks_to_decide(0.3 + gap, spread, 0.3, 0.9, 0.8)
    solved = NormalIndPower().solve_power(
        effect_size=gap / spread, alpha=0.1, power=0.8, ratio=0, alternative="two-sided"
    )
    assert needed == math.ceil(solved - 1e-9)
    mde = minimum_detectable_effect(n, spread, 0.9, 0.8)
    assert mde == pytest.approx((z_score(0.9) + 0.8416212335729143) * spread / math.sqrt(n))


def test_verdict_more_attempts_use_power_not_a_coin_flip() -> None:
    saved = Interval(-0.015, 0.15, 0.31, 0.9)
    decision = decide(24, 24, saved, saved, Policy())
    spread = (0.31 + 0.015) / 2 * math.sqrt(24) / z_score(0.9)
    coin_flip = math.ceil((z_score(0.9) * spread / 0.15) ** 2) - 24
    assert decision.more_tasks_needed is not None and decision.more_tasks_needed > 2 * coin_flip


def test_default_case_headline_is_one_option_with_a_joint_interval(
    full_report: tuple[api.Report, Path, str],
) -> None:
    report, _, text = full_report
    work = report.findings.workforce
    assert work.headline is not None and work.headline.tools == ("brightline-dev",)
    # Independently: each supported kind's bootstrap of Σ net ÷ Σ baseline over its timed
    # attempts (same seed as its cell), weighted by our hours on it, summed draw by draw.
    pilot = pd.read_csv(DEFAULT_CASE / "pilot.csv")
    teams = pd.read_csv(DEFAULT_CASE / "workforce.csv")
    accepted = pilot["outcome"].isin(["merged", "merged_after_rework"])
    rework = pilot["rework_minutes"].where(
        pilot["outcome"] == "merged_after_rework", pilot["rework_minutes"].fillna(0)
    )
    spent = pilot["ai_minutes"] + pilot["review_minutes"]
    net = (pilot["baseline_minutes"] - spent - rework).where(accepted, -spent)
    pilot = pilot.assign(net=net.where(pilot["baseline_minutes"].notna()))
    policy = report.case.case.policy
    adoption = report.case.case.adoption_rate
    total = np.zeros(policy.bootstrap_draws)
    point = low_ends = 0.0
    for entry in work.support:
        if entry.saved is None:
            continue
        rows = pilot[(pilot["tool"] == entry.tool) & (pilot["kind_of_work"] == entry.kind)]
        rows = rows[rows["net"].notna()]
        seed = policy.seed + zlib.crc32(f"{entry.tool}\x00{entry.kind}".encode())
        index = np.random.default_rng(seed).integers(
            0, len(rows), (policy.bootstrap_draws, len(rows))
        )
        draws = rows["net"].to_numpy()[index].sum(1) / rows["baseline_minutes"].to_numpy()[
            index
        ].sum(1)
        hours = float((teams["headcount"] * teams[f"hours_{entry.kind}"]).sum()) * adoption
        total += hours * draws
        point += hours * rows["net"].sum() / rows["baseline_minutes"].sum()
        low_ends += hours * entry.saved.low
    low, high = np.quantile(total, [0.05, 0.95])
    freed = work.total.freed_hours
    assert (freed.low, freed.point, freed.high) == pytest.approx((low, point, high), abs=1e-9)
    assert freed.low > low_ends  # joint, not a sum of interval ends
    sentence = collapse(next(s.text for s in report.statements if s.id == "workforce.total"))
    assert sentence.startswith(
        "With Brightline Dev (the procurement leader) and 80% of engineers using it"
    )
    assert f"{freed.point:,.0f} h (90% CI {freed.low:,.0f}–{freed.high:,.0f})" in sentence
    assert sentence in text


def test_default_case_apex_claim_is_stratified_and_paired(
    full_report: tuple[api.Report, Path, str],
) -> None:
    report, _, text = full_report
    (check,) = [
        c
        for v in report.findings.procurement.vendors
        for c in v.claims
        if c.claim.tool == "apex-coder-5"
    ]
    assert check.stratified is not None and check.paired is not None
    sentence = next(s.text for s in report.statements if s.id == "vendor.apex-ai.claim.0")
    assert "the rate ratio is 0.70 (90% CI 0.48–1.01)" in sentence
    assert (
        "stratified by kind of work over the 3 kinds both were tried on (143 attempts" in sentence
    )
    assert "paired on the 39 tasks both tried 0.52 (90% CI 0.28–0.97)" in sentence
    assert collapse(sentence) in text


def test_default_case_apex_value_agrees_with_its_time_saved(
    full_report: tuple[api.Report, Path, str],
) -> None:
    report, _, text = full_report
    (cost,) = [c for c in report.findings.costs if c.tool == "apex-coder-5"]
    assert cost.excluded_kinds == ("legacy_change", "cross_service_change")
    assert cost.saved_share is not None and cost.annual_value is not None
    # Value and time saved come from the same draws: value ÷ time saved is one constant
    # (our hours on the kinds valued × adoption × loaded cost × weeks) at every end.
    ratios = [
        v / s
        for v, s in zip(
            (cost.annual_value.low, cost.annual_value.point, cost.annual_value.high),
            (cost.saved_share.low, cost.saved_share.point, cost.saved_share.high),
            strict=True,
        )
    ]
    assert max(ratios) == pytest.approx(min(ratios), rel=0.02)
    sentence = collapse(next(s.text for s in report.statements if s.id == "cost.apex-coder-5"))
    assert (
        "Legacy change and cross-service change, ruled out by the pilot, are left out." in sentence
    )
    assert sentence in text


def test_claim_mix_reweights_the_pilot_and_close_claims_tie() -> None:
    from adoptreport.analysis.mix import WorkMix, benchmark_gaps, claim_pairs
    from adoptreport.models import BenchmarkClaim

    def cell(kind: str, accepted: int, attempts: int) -> Cell:
        acceptance = wilson(accepted, attempts, 0.9)
        decision = decide(attempts, 0, acceptance, None, Policy())
        return Cell(
            "t",
            kind,
            attempts,
            accepted,
            accepted,
            acceptance,
            acceptance,
            None,
            0,
            None,
            None,
            None,
            None,
            decision,
            RowRanges("p", (), 0),
        )

    claims = [
        BenchmarkClaim.model_validate(
            {
                "id": i,
                "vendor": "v",
                "tool": "t",
                "model": "m",
                "benchmark": "B",
                "score": s,
                "tasks": 500,
                "scope": {"a": 194, "b": 261, "c": 42},
                "source": "x",
                "source_grade": "official",
            }
        )
        for i, s in (("one", 0.70), ("two", 0.69), ("three", 0.55))
    ]
    cells = (cell("a", 18, 20), cell("b", 10, 20))
    empty = WorkMix({}, 0.0, (), RowRanges("w", (), 0))
    gaps = benchmark_gaps(claims, cells, empty, 0.9, "benchmarks.yaml", 15)
    mix = gaps[0].mix
    assert mix is not None
    # Reweighted to the claim's own mix over the kinds piloted: (194·0.9 + 261·0.5) / 455.
    assert mix.acceptance.point == pytest.approx((194 * 0.9 + 261 * 0.5) / 455)
    assert mix.covered_share == pytest.approx(455 / 497)
    pairs = claim_pairs(gaps)
    assert [(p.higher.claim.id, p.lower.claim.id, p.tied) for p in pairs] == [
        ("one", "two", True),
        ("two", "three", False),
    ]


def test_a_change_from_one_attempt_is_never_detectable() -> None:
    from adoptreport.analysis.diff import _acceptance

    one = pd.DataFrame({"accepted": [True]})
    three = pd.DataFrame({"accepted": [False] * 3})
    change = _acceptance(three, one, 0.9, 15)
    assert change.difference is not None and change.difference.low > 0
    assert not change.enough


def test_a_declared_portfolio_named_by_the_plan_heads_the_figures(case_copy: Path) -> None:
    case = yaml.safe_load((case_copy / "case.yaml").read_text(encoding="utf-8"))
    case["portfolios"] = [
        {"id": "apex-pair", "name": "Apex pair", "tools": ["apex-coder-5", "apex-coder-4"]}
    ]
    case["plan"] = {"tool": "apex-pair"}
    (case_copy / "case.yaml").write_text(yaml.safe_dump(case), encoding="utf-8")
    loaded = api.validate(case_copy)
    findings = analyse(loaded)
    work = findings.workforce
    assert work.headline is not None and work.headline.portfolio
    assert work.headline_basis is Basis.PLAN
    # Each kind uses the pair's better tool: tests and docs from Apex Coder 4 (50% saved).
    by_kind = {s.kind: s for s in work.support}
    assert by_kind["tests_and_docs"].tool == "apex-coder-4"
    assert by_kind["small_feature"].tool == "apex-coder-5"
    statements = {s.id: s for s in build_statements(loaded, findings)}
    assert statements["workforce.total"].text.startswith("With Apex pair (the plan's choice)")


def test_an_unknown_plan_tool_or_claim_kind_is_refused(case_copy: Path) -> None:
    case = yaml.safe_load((case_copy / "case.yaml").read_text(encoding="utf-8"))
    case["plan"] = {"tool": "nobody"}
    (case_copy / "case.yaml").write_text(yaml.safe_dump(case), encoding="utf-8")
    benchmarks = yaml.safe_load((case_copy / "benchmarks.yaml").read_text(encoding="utf-8"))
    benchmarks["claims"][0]["scope"] = {"isolated_bugfix": 194, "moon_landing": 3}
    (case_copy / "benchmarks.yaml").write_text(yaml.safe_dump(benchmarks), encoding="utf-8")
    with pytest.raises(CaseError) as caught:
        api.validate(case_copy)
    problems = [str(p) for p in caught.value.problems]
    assert any("plan: tool: unknown tool or portfolio 'nobody'" in p for p in problems), problems
    assert any("scope: unknown kind of work 'moon_landing'" in p for p in problems), problems


def test_blank_weekly_hours_are_reported_as_a_share_of_headcount(case_copy: Path) -> None:
    workforce = pd.read_csv(case_copy / "workforce.csv", dtype=str, keep_default_na=False)
    workforce.loc[workforce["team"] == "platform", "hours_legacy_change"] = ""
    workforce.to_csv(case_copy / "workforce.csv", index=False)
    loaded = api.validate(case_copy)
    findings = analyse(loaded)
    assert findings.workforce.total.unstated_headcount == 16
    statements = {s.id: s for s in build_statements(loaded, findings)}
    unstated = statements["workforce.unstated"]
    assert unstated.numbers[0].value == pytest.approx(16 / 92)
    assert "Teams holding 17% of our engineers leave" in unstated.text
