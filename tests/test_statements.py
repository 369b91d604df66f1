"""Statements: wording rules, and numbers that come from the analysis."""

from __future__ import annotations

import pytest

from adoptreport.analysis.stats import Interval
from adoptreport.analysis.verdicts import Reason, Verdict, decide
from adoptreport.models import Policy
from adoptreport.statements import catalogue
from adoptreport.statements.catalogue import ExtrapolationError, say
from adoptreport.statements.format import percent_interval
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


def test_no_catalogue_sentence_with_a_score_uses_workforce_words() -> None:
    # The real catalogue passes its own guard for every sentence that takes a score.
    assert "{score}" in catalogue.SENTENCES["claim"]
    text = say(
        "claim",
        {"score": SCORE},
        {k: "x" for k in ("vendor", "benchmark", "model", "grade", "source", "scope")},
    )
    assert "88.7%" in text


def test_sentence_needs_every_placeholder() -> None:
    with pytest.raises(KeyError):
        say("claim", {"score": SCORE}, {"vendor": "V"})


POLICY = Policy()


def _interval(low: float, point: float, high: float) -> Interval:
    return Interval(low, point, high, 0.9)


@pytest.mark.parametrize(
    ("attempts", "acceptance", "saved", "verdict", "reason"),
    [
        (
            40,
            _interval(0.7, 0.8, 0.9),
            _interval(0.2, 0.3, 0.4),
            Verdict.AUTOMATE_WITH_REVIEW,
            Reason.CLEARS_AUTOMATE,
        ),
        (
            40,
            _interval(0.4, 0.5, 0.6),
            _interval(0.05, 0.1, 0.2),
            Verdict.ASSIST,
            Reason.SAVES_TIME,
        ),
        (
            40,
            _interval(0.2, 0.3, 0.4),
            _interval(-0.4, -0.3, -0.1),
            Verdict.DO_NOT_AUTOMATE,
            Reason.COSTS_TIME,
        ),
        (
            40,
            _interval(0.4, 0.5, 0.6),
            _interval(-0.1, 0.05, 0.2),
            Verdict.INSUFFICIENT_EVIDENCE,
            Reason.NO_DETECTABLE_DIFFERENCE,
        ),
        (
            5,
            _interval(0.7, 0.9, 0.99),
            _interval(0.3, 0.4, 0.5),
            Verdict.INSUFFICIENT_EVIDENCE,
            Reason.TOO_FEW_ATTEMPTS,
        ),
    ],
)
def test_verdict_rules(
    attempts: int, acceptance: Interval, saved: Interval, verdict: Verdict, reason: Reason
) -> None:
    decision = decide(attempts, attempts, acceptance, saved, POLICY)
    assert (decision.verdict, decision.reason) == (verdict, reason)


def test_insufficient_evidence_says_how_many_more() -> None:
    few = decide(5, 5, _interval(0.7, 0.9, 0.99), _interval(0.3, 0.4, 0.5), POLICY)
    assert few.more_tasks_needed == POLICY.min_tasks_per_cell - 5
    unclear = decide(40, 40, _interval(0.4, 0.5, 0.6), _interval(-0.1, 0.05, 0.2), POLICY)
    assert unclear.more_tasks_needed is not None and unclear.more_tasks_needed > 0


def test_negative_interval_reads_with_to() -> None:
    assert percent_interval(_interval(-0.28, -0.15, -0.025)) == "−15% (90% CI −28% to −2.5%)"
    assert percent_interval(_interval(0.51, 0.62, 0.72)) == "62% (90% CI 51–72%)"
