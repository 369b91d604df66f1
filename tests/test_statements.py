"""Statements: wording rules, and numbers that come from the analysis."""

from __future__ import annotations

import math

import pytest

from adoptreport.analysis.findings import KindVerdict
from adoptreport.analysis.stats import Interval, z_score
from adoptreport.analysis.verdicts import Reason, Verdict, decide
from adoptreport.models import Policy
from adoptreport.statements import catalogue
from adoptreport.statements.catalogue import ExtrapolationError, say
from adoptreport.statements.formatting import percent_interval
from adoptreport.statements.model import Number, Unit

SCORE = Number("claimed_score", 0.887, Unit.BENCHMARK_SCORE, "88.7%")


def test_a_benchmark_score_cannot_sit_beside_workforce_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for wording in (
        "{tool} scores {score}, so {score} of our engineering hours can go.",
        "With {score} on the benchmark, {tool} can replace engineers.",
        "{tool} ({score}) means we need less headcount.",
    ):
        monkeypatch.setitem(catalogue.SENTENCES, "bad", wording)
        with pytest.raises(ExtrapolationError):
            say("bad", {"score": SCORE}, {"tool": "Apex"})


def test_every_catalogue_sentence_that_takes_a_score_passes_the_guard() -> None:
    import string

    with_score = [k for k, t in catalogue.SENTENCES.items() if "{score}" in t]
    assert with_score  # the catalogue does quote scores
    for key in with_score:
        fields = {n for _, n, _, _ in string.Formatter().parse(catalogue.SENTENCES[key]) if n}
        text = say(key, {"score": SCORE}, {f: "x" for f in fields - {"score"}})
        assert "88.7%" in text


def test_sentence_needs_every_placeholder() -> None:
    with pytest.raises(KeyError):
        say("claim", {"score": SCORE}, {"vendor": "V"})


POLICY = Policy()


def _interval(low: float, point: float, high: float) -> Interval:
    return Interval(low, point, high, 0.9)


FLOOR = Policy.model_validate({"assist": {"min_saved_fraction": 0.05}})
GOOD, MIDDLE, POOR = _interval(0.7, 0.8, 0.9), _interval(0.4, 0.5, 0.6), _interval(0.2, 0.3, 0.4)

RULES = [
    # (policy, acceptance, saved interval, verdict, reason)
    (POLICY, GOOD, _interval(0.2, 0.3, 0.4), Verdict.AUTOMATE_WITH_REVIEW, Reason.CLEARS_AUTOMATE),
    (POLICY, GOOD, _interval(0.15, 0.3, 0.4), Verdict.AUTOMATE_WITH_REVIEW, Reason.CLEARS_AUTOMATE),
    (POLICY, MIDDLE, _interval(0.2, 0.3, 0.4), Verdict.ASSIST, Reason.ACCEPTANCE_SHORT),
    (POLICY, GOOD, _interval(0.05, 0.1, 0.2), Verdict.ASSIST, Reason.SAVING_SHORT),
    (POLICY, MIDDLE, _interval(0.05, 0.1, 0.2), Verdict.ASSIST, Reason.BOTH_SHORT),
    (POLICY, POOR, _interval(-0.4, -0.3, -0.1), Verdict.DO_NOT_AUTOMATE, Reason.COSTS_TIME),
    (
        POLICY,
        MIDDLE,
        _interval(-0.1, 0.05, 0.2),
        Verdict.INSUFFICIENT_EVIDENCE,
        Reason.NO_DETECTABLE_DIFFERENCE,
    ),
    (
        POLICY,
        MIDDLE,
        _interval(0.0, 0.05, 0.2),
        Verdict.INSUFFICIENT_EVIDENCE,
        Reason.NO_DETECTABLE_DIFFERENCE,
    ),
    # With a 5% minimum for assisting:
    (FLOOR, MIDDLE, _interval(0.01, 0.02, 0.04), Verdict.DO_NOT_AUTOMATE, Reason.SAVES_TOO_LITTLE),
    (
        FLOOR,
        MIDDLE,
        _interval(0.02, 0.08, 0.15),
        Verdict.INSUFFICIENT_EVIDENCE,
        Reason.UNDECIDED_AGAINST_MINIMUM,
    ),
    (FLOOR, MIDDLE, _interval(0.06, 0.1, 0.15), Verdict.ASSIST, Reason.BOTH_SHORT),
]


@pytest.mark.parametrize(("policy", "acceptance", "saved", "verdict", "reason"), RULES)
def test_verdict_rules(
    policy: Policy, acceptance: Interval, saved: Interval, verdict: Verdict, reason: Reason
) -> None:
    decision = decide(40, 40, acceptance, saved, policy)
    assert (decision.verdict, decision.reason) == (verdict, reason)


def test_too_few_attempts_asks_for_the_policy_shortfall() -> None:
    few = decide(5, 5, GOOD, _interval(0.3, 0.4, 0.5), POLICY)
    assert (few.verdict, few.reason) == (Verdict.INSUFFICIENT_EVIDENCE, Reason.TOO_FEW_ATTEMPTS)
    assert few.more_tasks_needed == POLICY.min_tasks_per_cell - 5


def test_more_attempts_reach_the_policy_power() -> None:
    # Interval half-width 0.15 at n = 40 → per-attempt spread σ = 0.15·√40/z. From a point of
    # 0.1, the attempts in all are the smallest n at which a two-sided z-test of effect
    # 0.1/σ has 80% power at α = 10%: statsmodels' power solver, independently.
    from statsmodels.stats.power import NormalIndPower

    spread = 0.15 * math.sqrt(40) / z_score(0.9)
    solved = NormalIndPower().solve_power(
        effect_size=0.1 / spread, alpha=0.1, power=0.8, ratio=0, alternative="two-sided"
    )
    unclear = decide(40, 40, MIDDLE, _interval(-0.05, 0.1, 0.25), POLICY)
    assert unclear.more_tasks_needed == math.ceil(solved) - 40
    hopeless = decide(40, 40, MIDDLE, _interval(-0.2, 0.001, 0.2), POLICY)
    assert hopeless.more_tasks_needed is None  # far beyond any practical pilot


def _sentence_for(policy: Policy, acceptance: Interval, saved: Interval) -> str:
    from adoptreport.analysis.evidence import RowRanges
    from adoptreport.analysis.pilot import Cell
    from adoptreport.statements.build import _kind_verdict

    decision = decide(40, 40, acceptance, saved, policy)
    cell = Cell(
        "t",
        "k",
        40,
        20,
        10,
        acceptance,
        acceptance,
        None,
        40,
        saved,
        1.0,
        None,
        None,
        decision,
        RowRanges("p", (), 0),
    )
    kv = KindVerdict("k", "Kind", decision.verdict, cell, None)
    return _kind_verdict(kv, {"t": "Tool"}, policy, 1, {("t", "k"): 30.0}).text


@pytest.mark.parametrize(("policy", "acceptance", "saved", "verdict", "reason"), RULES)
def test_verdict_sentence_matches_its_reason(
    policy: Policy, acceptance: Interval, saved: Interval, verdict: Verdict, reason: Reason
) -> None:
    text = _sentence_for(policy, acceptance, saved)
    assert text.startswith(f"Kind: {verdict.value}.")
    expected_words = {
        Reason.ACCEPTANCE_SHORT: "lower end of acceptance falls short",
        Reason.SAVING_SHORT: "lower end of time saved falls short",
        Reason.BOTH_SHORT: "lower end of both acceptance and time saved falls short",
        Reason.COSTS_TIME: "AI cost time",
        Reason.SAVES_TOO_LITTLE: "below the policy's minimum for assisting",
        Reason.NO_DETECTABLE_DIFFERENCE: "no detectable difference",
        Reason.UNDECIDED_AGAINST_MINIMUM: "not clearly above the policy's minimum",
    }
    if reason in expected_words:
        assert expected_words[reason] in text
    if not saved.contains(0.0):
        assert "no detectable difference" not in text


def test_negative_interval_reads_with_to() -> None:
    assert percent_interval(_interval(-0.28, -0.15, -0.025)).text == "−15% (90% CI −28% to −2.5%)"
    assert percent_interval(_interval(0.51, 0.62, 0.72)).text == "62% (90% CI 51–72%)"


def test_a_count_of_one_takes_the_singular() -> None:
    from adoptreport.statements.numbers import counted

    words = {"kind": "Legacy change", "tool": "Apex"}
    one = say(
        "verdict_too_few", {"attempts": counted("attempts", 1), "more": counted("more", 1)}, words
    )
    assert one == (
        "Legacy change: insufficient evidence. Only 1 attempt with time measured for Apex; the "
        "policy asks for 1 more before giving a verdict."
    )
    many = say(
        "cell_no_difference",
        {
            "attempts": counted("attempts", 12),
            **{k: Number(k, 0.5, Unit.PROPORTION, "50%") for k in ("acceptance", "clean", "saved")},
        },
        {"tool": "Apex", "kind": "legacy change", "verdict": "assist"},
    )
    assert many.startswith("Apex on legacy change: 12 attempts, accepted 50%")
    assert "1 attempts" not in say(
        "change_kind_unmatched",
        {"old_attempts": counted("old_attempts", 1), "new_attempts": counted("new_attempts", 3)},
        {"kind": "Legacy change", "old_period": "H1", "new_period": "H2"},
    )
