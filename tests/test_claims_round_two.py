"""check-claims, round two of issue 15: the readers that make the rules generalise, each with
exact results — numbers in words and units, score references in any spelling, the broader
people-and-work (staffing) reader, per-engineer and per-team scope, days never hours, plan
assumptions and their verdict words, certainty about what the evidence establishes.

Run against the frozen case tests/cases/claims_blind_case.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from adoptreport import api
from adoptreport.analysis.assumptions import AssumptionVerdict
from adoptreport.analysis.findings import analyse
from adoptreport.claims import assumptions, readers, rules, scope, staffing
from adoptreport.claims.check import review
from adoptreport.claims.evidence import CaseFigures
from adoptreport.claims.parse import ParsedSentence, Sentence, parse
from adoptreport.statements import build_statements

CASE = Path(__file__).parent / "cases" / "claims_blind_case"


@pytest.fixture(scope="module")
def evidence() -> CaseFigures:
    case = api.validate(CASE)
    findings = analyse(case)
    return CaseFigures.of(case, findings, build_statements(case, findings))


def read(text: str, evidence: CaseFigures) -> ParsedSentence:
    return parse(Sentence(1, text), evidence.lexicon)


# ---------------------------------------------------------------- numbers in words and units


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("thirty-two minutes", [("minutes", 32)]),
        ("two full-time equivalents", [("FTE", 2)]),
        ("eighty-nine percent", [("share", 0.89)]),
        ("443 of the 500 tasks", [("share", 0.886)]),
        ("133 days of engineering time", [("days", 133)]),
        ("it frees a full working week", [("days", 5)]),
        ("near-90% on SWE-bench", [("share", 0.9)]),
        ("a 400,000-token window", [("tokens", 400_000)]),
        ("EUR 124k a year", [("money", 124_000)]),
    ],
)
def test_number_reader_round_two(
    text: str, found: list[tuple[str, float]], evidence: CaseFigures
) -> None:
    quantities = read(text, evidence).quantities
    assert [(q.kind.value, pytest.approx(q.value)) for q in quantities] == found


def test_a_round_fraction_grounds_loosely_but_is_judged_as_written(evidence: CaseFigures) -> None:
    (q,) = read("seven in eight", evidence).quantities
    assert (q.low, q.high, q.slack) == pytest.approx((0.87, 0.88, 0.0625))
    assert evidence.grounds(q)  # 87% acceptance on isolated bug fixes is "seven in eight"
    assert not any(k.value == pytest.approx(26 / 30) for k in evidence.grounds(q, loose=False))


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("half an hour of review at most", 0.0, 30.0),
        ("ten hours or more", 600.0, float("inf")),
        ("about 30 minutes", 27.0, 33.0),
    ],
)
def test_one_sided_after_the_number(
    text: str, low: float, high: float, evidence: CaseFigures
) -> None:
    (q,) = read(text, evidence).quantities
    assert (q.low, q.high) == pytest.approx((low, high))


def test_a_word_fraction_stated_as_a_level_is_a_finding(evidence: CaseFigures) -> None:
    stated = read(
        "SWE-bench measures bug fixes, which are about a sixth of our engineering hours.", evidence
    )
    handed = read("SWE-bench means a sixth of our engineering hours can be automated.", evidence)
    found = [readers.mapped_quantity(s, evidence) for s in (stated, handed)]
    assert [q.text if q else None for q in found] == [None, "a sixth"]


def test_near_is_an_approximation_not_an_id(evidence: CaseFigures) -> None:
    (q,) = read("near-90%", evidence).quantities
    assert (q.low, q.high) == pytest.approx((0.87, 0.93))


# ---------------------------------------------------------------- score references


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Apex Coder 5's score implies more.", True),
        ("Brightline's public results show it.", True),
        ("The 88.7 from the launch post.", True),
        ("Apex AI's launch materials say so.", True),
        ("A near-90% success rate.", True),
        ("The agent fixed 443 of the 500 tasks.", True),
        ("The data team frees about one FTE (90% CI 0.6–1.5).", False),  # an interval's end
        ("Brightline Dev's changes were accepted 61% of the time.", False),
    ],
)
def test_score_reference_reader(text: str, mentions: bool, evidence: CaseFigures) -> None:
    assert bool(readers.benchmark_mentions(read(text, evidence), evidence)) is mentions


# ---------------------------------------------------------------- staffing and capacity


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("we need not backfill leavers", [("hiring", "backfill"), ("hiring", "leavers")]),
        ("offshore spend can be wound down", [("spend on people", "offshore")]),
        ("the SRE rotation", [("people", "SRE"), ("capacity", "rotation")]),
        ("Data engineers", [("organisation", "Data engineers"), ("people", "engineers")]),
        ("We should not plan on fewer contractors", []),  # negated, and not itself a cut
        ("no new hires", [("hiring", "new hires")]),  # a negation that is itself a cut
        ("its SWE-bench claim", []),
    ],
)
def test_staffing_reader(text: str, found: list[tuple[str, str]], evidence: CaseFigures) -> None:
    words = staffing.staffing_words(read(text, evidence), evidence)
    assert [(w.family, w.text) for w in words] == found


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        ("The benchmark figure means we need not backfill leavers.", "backfill"),
        ("Given the vendor's score, outsourcing can be halved.", "outsourcing"),
        ("We measured 53% acceptance against its 88.7% headline score on our work.", None),
        (
            "Apex Coder 5 scored 88.7% on SWE-bench Verified, while the evidence supports 8.7 FTE.",
            None,
        ),
        ("The HumanEval result makes the case for merging the QA and backend teams.", "backend"),
    ],
)
def test_staffing_link(text: str, linked: str | None, evidence: CaseFigures) -> None:
    s = read(text, evidence)
    found = readers.staffing_consequence(s, evidence, readers.benchmark_mentions(s, evidence))
    assert (found.text if found else None) == linked


# ---------------------------------------------------------------- scope: per head, per team, days


@pytest.mark.parametrize(
    ("text", "value", "heads", "every_team", "days"),
    [
        (
            "Each platform engineer gets back about 3.6 hours a week.",
            3.6 * 60 * 16,
            16,
            False,
            False,
        ),
        ("The tools free 20 hours per engineer per week.", 20 * 60 * 92, 92, False, False),
        ("Roughly 12 FTE per team is freed.", 12, 0, True, False),
        ("Backend frees 133 days a week.", 133 * 480, 0, False, True),
        ("Backend frees 144 h a week.", 144 * 60, 0, False, False),
    ],
)
def test_scope_reader(
    text: str, value: float, heads: float, every_team: bool, days: bool, evidence: CaseFigures
) -> None:
    s = read(text, evidence)
    found = scope.scope_of(s, s.quantities[0], evidence)
    assert (found.quantity.value, found.heads, found.every_team, found.days) == (
        pytest.approx(value),
        heads,
        every_team,
        days,
    )


def test_days_are_never_hours(evidence: CaseFigures) -> None:
    (q,) = read("40 days", evidence).quantities
    minutes = scope.in_minutes(q)
    assert (minutes.kind.value, minutes.low, minutes.high) == (
        "minutes",
        40 * 480 - 240,
        40.5 * 1440,
    )


# ---------------------------------------------------------------- plan assumptions


@pytest.mark.parametrize(
    ("text", "named", "said"),
    [
        ("The backend-30 assumption is supported by the pilot.", ["backend-30"], "supported"),
        ("The pilot supports the discovery-20 assumption.", ["discovery-20"], "supported"),
        ("discovery-20 cannot be tested.", ["discovery-20"], "not testable"),
        ("The 30 FTE cut in the draft budget is not supported.", ["cut-30-fte"], "not supported"),
        ("The fixes-features-25 assumption is plausible.", ["fixes-features-25"], "plausible"),
        ("The evidence supports 9.4 FTE.", [], None),
    ],
)
def test_assumption_reader(
    text: str, named: list[str], said: str | None, evidence: CaseFigures
) -> None:
    s = read(text, evidence)
    found = [a.assumption.id for a in assumptions.named_assumptions(s, evidence)]
    verdict = assumptions.said_verdict(s) if found else None
    assert (found, verdict[0].value if verdict else None) == (named, said)


def test_plan_figures_are_quoted_not_claimed(evidence: CaseFigures) -> None:
    s = read("Backend frees 3.6 FTE, far short of the 30 FTE the board pre-read assumed.", evidence)
    assert [assumptions.plan_figure(s, q) for q in s.quantities] == [False, True]


# ---------------------------------------------------------------- every new behaviour, exactly

CASES = [
    ("The backend-30 assumption is supported by the pilot.", "blocked-contradicted", "assumption_verdict",
     "calls the assumption supported ('supported'); the report's verdict is backend-30: not supported"),
    ("The tests-docs-10 assumption is not supported by the pilot.", "blocked-contradicted", "assumption_verdict",
     "calls the assumption not supported ('is not supported'); the report's verdict is tests-docs-10: supported"),
    ("The backend-30 assumption is not supported by the pilot.", "ok", None,
     "rejects the claim it quotes; nothing is asserted"),
    ("The fixes-features-25 assumption is plausible.", "ok", "assumption_verdict",
     "consistent with the evidence; supported by assumption.fixes-features-25"),
    ("Data engineers each get back about 20 hours a week.", "blocked-contradicted", "measured_value",
     "the freed hours per week measured rules it out (workforce.team.data: 40 h (90% CI 30–50)); "
     "stated per engineer, it is that figure times 12 engineers"),
    ("Web and mobile frees roughly 133 days of engineering time a week.", "blocked-contradicted", "measured_value",
     "the freed hours per week measured rules it out (workforce.team.web-mobile: 124 h (90% CI 85–160)); "
     "a figure in days is not the same figure in hours (a day is 8 to 24 h)"),
    ("Each platform engineer gets back about 3.3 hours a week.", "ok", "measured_value",
     "consistent with the evidence; supported by workforce.team.platform"),
    ("The benchmark figure means we need not backfill leavers in the backend team this year.",
     "blocked-extrapolation", "benchmark_onto_our_work",
     "maps benchmark or vendor evidence onto our hiring ('backfill'); a benchmark measures its own "
     "tasks, not our people or our work"),
    ("It is certain that route-planner fits whole in Apex AI's 400,000-token context window.", "ok", None,
     "no number or checkable claim about the evidence"),
    ("It is a certainty that the tools free 9.4 FTE.", "blocked-contradicted", "certainty_against_interval",
     "'a certainty' claims certainty where the report states a measured range"),
    ("Platform saves about 1.4 FTE.", "ok", "measured_value",
     "consistent with the evidence; supported by workforce.team.platform"),
    ("Review of each accepted Apex Coder 5 change took thirty-two minutes on average.", "ok", "measured_value",
     "consistent with the evidence; supported by review.apex-coder-5"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "verdict", "rule", "reason"), CASES)
def test_round_two_verdict_and_reason(
    text: str, verdict: str, rule: str | None, reason: str, evidence: CaseFigures
) -> None:
    result = review(Sentence(1, text), evidence)
    assert (result.verdict.value, result.rules[0] if result.rules else None, result.reason) == (
        verdict,
        rule,
        reason,
    )


def test_established_reader(evidence: CaseFigures) -> None:
    fits = read(
        "It is certain that route-planner fits whole in Apex AI's context window.", evidence
    )
    saves = read("It is certain that Apex Coder 5 saves time.", evidence)
    assert (rules.established(fits, evidence), rules.established(saves, evidence)) == (True, False)


def test_verdict_words_cover_every_verdict() -> None:
    assert {v for v, _ in assumptions.VERDICT_WORDS} == set(AssumptionVerdict)
