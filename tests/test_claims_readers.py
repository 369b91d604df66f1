"""check-claims, reader by reader and rule by rule, with the exact verdict and reason; the
report's own sentences fed back; speed; the blind corpus's score; JSON, terminal and starter.

Run against a frozen copy of the default case (tests/cases/claims_blind_case), so other
changes to inputs/ do not move these expectations.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from adoptreport import api
from adoptreport.analysis.findings import analyse
from adoptreport.claims import readers
from adoptreport.claims.check import RULES, check_text, review
from adoptreport.claims.evidence import CaseFigures
from adoptreport.claims.parse import Sentence, parse, split_sentences
from adoptreport.claims.values import _measure_of
from adoptreport.cli.app import app
from adoptreport.models import Audience
from adoptreport.statements import build_statements
from adoptreport.statements.audiences import printed_statements
from tests.claims_score import labelled, score

HERE = Path(__file__).parent
CASE = HERE / "cases" / "claims_blind_case"
runner = CliRunner()

# The blind corpus, scored before any rule saw it (commit d8ad5c1) and after the fixes it
# taught (README, "check-claims"). The test holds the "after" level so it cannot regress.
BLIND_BEFORE = {"recall": 80 / 117, "honest_blocked": 9 / 92, "honest_warned": 3 / 92}
# Issue 13 moved the default figures (one option's joint interval, 348 h; assumptions against
# it): two misleading sentences now round to a printed figure about our work and read as
# measured — "one in ten" to the freed share's low end (9.7%), "about 30%" to tests-docs-10's
# supported 29% — so they pass. A reader change for issue 15, not a rule change here.
BLIND_AFTER = {"recall": 115 / 117, "honest_blocked": 0 / 92, "honest_warned": 0 / 92}


@pytest.fixture(scope="module")
def evidence() -> CaseFigures:
    case = api.validate(CASE)
    findings = analyse(case)
    return CaseFigures.of(case, findings, build_statements(case, findings))


def read(text: str, evidence: CaseFigures):  # type: ignore[no-untyped-def]
    return parse(Sentence(1, text), evidence.lexicon)


# ---------------------------------------------------------------- the number reader


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("GPT-5.5 and Claude 3.5 Sonnet were not piloted.", []),
        ("Brightline holds SOC 2 and ISO 27001.", []),
        ("Version 2.3.1 of the importer, PR #412, in FY27 and Q3.", []),
        ("Apex Coder 5 and Brightline Dev 3 on FeatureBench v2.", []),
        ("nearly nine in ten tickets", [("share", 0.9)]),
        ("four-fifths of our backlog", [("share", 0.8)]),
        ("a fraction of our staff", [("share", 0.5)]),
        ("the majority of tickets", [("share", 0.75)]),
        ("0.887 of what our engineers do", [("number", 0.887)]),
        ("fewer than half of the changes", [("share", 0.275)]),
        ("less than once every two tasks", [("share", 0.5)]),
        ("EUR 1.2 million and EUR 1,200,000", [("money", 1.2e6), ("money", 1.2e6)]),
        ("378 hours and 378 h", [("minutes", 22680), ("minutes", 22680)]),
        ("a quarter of an hour", [("minutes", 15)]),
        ("9.4 FTE of capacity", [("FTE", 9.4)]),
        ("net time saved at −40%", [("share", -0.4)]),
    ],
)
def test_number_reader(text: str, found: list[tuple[str, float]], evidence: CaseFigures) -> None:
    quantities = read(text, evidence).quantities
    assert [(q.kind.value, pytest.approx(q.value)) for q in quantities] == found


def test_interval_ends_are_marked(evidence: CaseFigures) -> None:
    text = "It frees 378 h (90% CI 218–514), between 5.4 and 12.9 FTE."
    ends = [q.text for q in read(text, evidence).quantities if q.interval_end]
    assert ends == ["218", "514", "5.4", "12.9 FTE"]


def test_units_ground_by_quantity_not_spelling(evidence: CaseFigures) -> None:
    for text in ("348 hours a week", "EUR 1.27 million", "0.58"):
        (quantity,) = read(text, evidence).quantities
        assert evidence.grounds(quantity), text
    (share,) = read("58% of the weight", evidence).quantities
    assert not any(k.name == "fit_score" for k in evidence.grounds(share))  # a fit is not a share


# ---------------------------------------------------------------- the other readers


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Apex Coder 5 scores 88.7% on SWE-bench Verified.", True),
        ("Given Apex's published score, we expect more.", True),
        ("Taking the launch-post score at face value.", True),
        ("Apex AI says its model resolves most issues.", True),
        ("A 0.887 result.", True),  # a claimed score, read as a share
        ("Not the benchmark, but the pilot decides.", False),
        ("On our bug fixes 88% were accepted.", False),
    ],
)
def test_benchmark_reader(text: str, mentions: bool, evidence: CaseFigures) -> None:
    assert bool(readers.benchmark_mentions(read(text, evidence), evidence)) is mentions


@pytest.mark.parametrize(
    ("text", "owned"),
    [
        ("what our engineers do", ["what our engineers do"]),
        ("the engineering org", ["engineering", "org"]),
        ("the backend team's workload", ["backend", "team"]),
        ("the web and mobile team", ["web and mobile"]),
        ("our bug fixes", ["bug fixes"]),
        ("bug fixes in open-source projects", []),
    ],
)
def test_people_and_work_reader(text: str, owned: list[str], evidence: CaseFigures) -> None:
    s = read(text, evidence)
    found = [s.text[t.start : t.end] for t in readers.people_and_work(s, evidence) if t.owned]
    assert found == owned


@pytest.mark.parametrize(
    ("text", "rejects"),
    [
        ("Cutting 30 engineers on SWE-bench is not supported by the pilot.", True),
        ("The claim is contradicted by the pilot.", True),
        ("A bug-fix benchmark cannot speak for the rest.", True),
        ("The pilot cannot tell whether it saves time.", True),
        ("We will cut 30 engineers.", False),
    ],
)
def test_rejection_reader(text: str, rejects: bool, evidence: CaseFigures) -> None:
    assert readers.rejected(read(text, evidence)) is rejects


@pytest.mark.parametrize(
    ("text", "mapped"),
    [
        ("88.7% on SWE-bench means 88.7% of our tickets.", "88.7%"),
        ("SWE-bench at 88.7% means the majority of the backlog.", "the majority"),
        ("The benchmark shows the size of the org can come down by about a third.", "a third"),
        ("Given SWE-bench, isolated bug fixes are 16% of our engineering hours.", None),
        ("SWE-bench 88.7%; on our own bug fixes 88% of its changes were accepted.", None),
        ("SWE-bench does not mean 88.7% of our tickets.", None),
    ],
)
def test_link_reader(text: str, mapped: str | None, evidence: CaseFigures) -> None:
    found = readers.mapped_quantity(read(text, evidence), evidence)
    assert (found.text if found else None) == mapped


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Only 2% of accepted changes needed rework.", "rework_share_of_accepted"),
        ("Review took 15 minutes per accepted change.", "review_minutes_per_accepted"),
        ("Tokens cost EUR 5 per merged change.", "engineer_cost_per_merged_change"),
        ("It frees 250 hours a week.", "freed_hours_per_week"),
        ("Acceptance 61% and net time saved 13%.", "acceptance"),
        ("If it reaches 80% acceptance, it breaks even.", None),
    ],
)
def test_measure_reader(text: str, measure: str | None, evidence: CaseFigures) -> None:
    s = read(text, evidence)
    found = _measure_of(s, s.quantities[0])
    assert (sorted(found.names)[0] if found else None) == measure


# ---------------------------------------------------------------- every rule, exactly

RULE_CASES = [
    ("assumption_verdict", "The pilot supports the discovery-20 assumption.", "blocked-contradicted",
     "calls the assumption supported ('supports the discovery-20 assumption'); the report's verdict is discovery-20: not supported"),
    ("benchmark_onto_our_work", "With a SWE-bench Verified result of 0.887, the model should absorb 0.887 of what our engineers do.", "blocked-extrapolation",
     "maps benchmark or vendor evidence onto a share or count of our people or work ('0.887'); a benchmark measures its own tasks, not our people or our work"),
    ("benchmark_onto_our_work", "A model that tops SWE-bench can take over the data team's workload.", "blocked-extrapolation",
     "maps benchmark or vendor evidence onto our people or work ('take over'); a benchmark measures its own tasks, not our people or our work"),
    ("benchmark_onto_our_work", "SWE-bench shows the model is right 887 times in 1000, so the same holds for our tickets.", "blocked-extrapolation",
     "maps benchmark or vendor evidence onto our people or work ('tickets'); a benchmark measures its own tasks, not our people or our work"),
    ("workforce_reduction", "We don't need to hire the 12 engineers planned for FY27.", "blocked-extrapolation",
     'turns AI results into headcount (need fewer: "don\'t need to hire the 12 engineers"); the evidence measures time and acceptance per kind of work, not jobs'),
    ("engineering_automated", "Software engineering can now be fully automated.", "blocked-extrapolation",
     "says engineering as a whole can be automated (engineering can be automated: 'Software engineering can now be fully automated'); the evidence gives a verdict per kind of work"),
    ("time_saved", "Brightline Dev saves 45% of the time on legacy changes.", "blocked-contradicted",
     "the time saved measured rules it out (cell.brightline-dev.legacy_change: 20% (90% CI 7.8–29%))"),
    ("time_saved", "Apex Coder 4 saved time on small features.", "blocked-contradicted",
     "asserts a gain where the report finds no detectable difference (cell.apex-coder-4.small_feature: −0.9% (90% CI −21% to 17%))"),
    ("acceptance_share", "With Brightline Dev, nine in ten small-feature changes were accepted.", "blocked-contradicted",
     "the acceptance measured rules it out (cell.brightline-dev.small_feature: 64% (90% CI 49–77%))"),
    ("share_of_our_work", "AI can now do nine in ten of our coding tasks.", "blocked-contradicted",
     "the acceptance across our work measured rules it out (vendor.apex-ai.fit: 53% (90% CI 48–59%); vendor.brightline.fit: 61% (90% CI 55–67%); vendor.cobalt.fit: 55% (90% CI 40–71%))"),
    ("automate_kind", "We can automate legacy changes with Apex Coder 5.", "blocked-contradicted",
     "the verdict is not to automate (cell.apex-coder-5.legacy_change: do not automate)"),
    ("automate_kind", "Brightline Dev is cleared to automate multi-file refactors.", "blocked-contradicted",
     "the verdict is that the evidence cannot decide yet (cell.brightline-dev.multi_file_refactor: insufficient evidence)"),
    ("hallucination_comparison", "Apex Coder 5 makes 60% fewer hallucinations than Apex Coder 4.", "blocked-contradicted",
     "the pilot's rates (0.79 (90% CI 0.67–0.91) and 0.66 (90% CI 0.49–0.86) incidents per attempt) do not allow that ratio"),
    ("measured_value", "AI will free more than 250 hours a week for the backend team.", "blocked-contradicted",
     "the freed hours per week measured rules it out (workforce.team.backend: 132 h (90% CI 99–165))"),
    ("measured_value", "Apex Coder 5 hallucinates less than once every two tasks.", "blocked-contradicted",
     "the hallucinations per attempt measured rules it out (hallucinations.apex-coder-5: 0.79 (90% CI 0.67–0.91))"),
    ("measured_value", "Cobalt Assist's review takes just 10 minutes per accepted change.", "blocked-contradicted",
     "the review minutes per accepted measured rules it out (review.cobalt-assist: 26 min (90% CI 21–30))"),
    ("certainty_against_interval", "It is proven that Apex Coder 5 saves time on isolated bug fixes.", "blocked-contradicted",
     "'proven' claims certainty where the report states a measured range"),
    ("ungrounded_number", "Developers using Brightline Dev merged 57 pull requests a week.", "warning-ungrounded",
     "'57' appears nowhere in the evidence or the case's recorded claims"),
    ("certainty", "Our new review process is guaranteed to help.", "warning-overclaim",
     "'guaranteed' claims a certainty that measured rates with intervals cannot give"),
    ("point_as_fact", "Cobalt Assist saved 15% of baseline time.", "warning-overclaim",
     "'15%' is a point estimate whose interval includes zero; state the interval"),
]  # fmt: skip


def test_every_rule_has_an_exact_case() -> None:
    assert {rule.__name__ for rule in RULES} == {name for name, *_ in RULE_CASES}


@pytest.mark.parametrize(("rule", "text", "verdict", "reason"), RULE_CASES)
def test_rule_verdict_and_reason(
    rule: str, text: str, verdict: str, reason: str, evidence: CaseFigures
) -> None:
    result = review(Sentence(1, text), evidence)
    assert (result.verdict.value, result.rules[0], result.reason) == (verdict, rule, reason)


def test_a_rejection_is_not_judged(evidence: CaseFigures) -> None:
    result = review(
        Sentence(1, "The plan to halve backend is not supported by the pilot."), evidence
    )
    assert (result.verdict.value, result.reason) == (
        "ok",
        "rejects the claim it quotes; nothing is asserted",
    )


# ---------------------------------------------------------------- the report, fed back


@pytest.mark.parametrize("audience", list(Audience))
def test_no_sentence_the_report_prints_is_blocked_or_warned(audience: Audience) -> None:
    for folder in (CASE, HERE.parent / "inputs"):
        case = api.validate(folder)
        findings = analyse(case)
        statements = build_statements(case, findings)
        printed = printed_statements(findings, statements, audience)
        # The decisions page quotes the plan's own words (“…” (source) — verdict), which
        # check-claims does not yet read as quoted: left out until it does (issue 15).
        text = "\n\n".join(s.text for s in printed if s.section.value != "decisions")
        flagged = [
            (r.sentence, r.verdict.value, r.reason)
            for r in check_text(text, case, findings, statements, "report").reviews
            if r.verdict.value != "ok"
        ]
        assert flagged == [], folder


# ---------------------------------------------------------------- the blind corpus


def test_blind_corpus_holds_its_recorded_score(evidence: CaseFigures) -> None:
    blind = yaml.safe_load((HERE / "claims_blind.yaml").read_text("utf-8"))
    result = score(labelled(blind), evidence)
    assert (result.misleading, result.honest) == (117, 92)
    assert result.recall >= BLIND_AFTER["recall"], result.summary()
    assert result.honest_blocked <= BLIND_AFTER["honest_blocked"], result.summary()
    assert result.honest_warned <= BLIND_AFTER["honest_warned"], result.summary()


def test_second_blind_set_holds_its_measured_score(evidence: CaseFigures) -> None:
    """Nobody tuned on this set: its score is what the rules do on unseen text. It must not
    fall (a regression), and a rise found by tuning on it would no longer be blind."""
    blind = yaml.safe_load((HERE / "claims_blind2.yaml").read_text("utf-8"))
    result = score(labelled(blind), evidence)
    assert (result.misleading, result.honest) == (118, 94)
    assert result.recall >= 103 / 118, result.summary()
    assert result.honest_blocked <= 3 / 94, result.summary()
    assert result.honest_warned <= 9 / 94, result.summary()


@pytest.mark.parametrize(
    "name", ["claims_corpus.yaml", "claims_dev2.yaml", "claims_dev3.yaml", "claims_dev4.yaml"]
)
def test_development_corpus_score(name: str, evidence: CaseFigures) -> None:
    corpus = yaml.safe_load((HERE / name).read_text("utf-8"))
    result = score(labelled(corpus), evidence)
    assert (result.recall, result.honest_blocked, result.honest_warned) == (1.0, 0.0, 0.0)


# ---------------------------------------------------------------- JSON, terminal, starter


def test_json_export_carries_the_claims_review(tmp_path: Path) -> None:
    out = tmp_path / "full.json"
    api.build(CASE, out, Audience.FULL, format=api.OutputFormat.JSON)
    claims = [
        s for s in json.loads(out.read_text("utf-8"))["statements"] if s["section"] == "claims"
    ]
    assert [s["id"] for s in claims] == [f"claims.{i}" for i in range(1, 7)]
    assert claims[0]["kind"] == "warning" and claims[0]["numbers"] == []
    assert claims[0]["evidence"] == [
        {"type": "record", "file": "claims.md", "path": "line 3", "id": "claims.1"}
    ]
    assert claims[0]["text"].startswith(
        "blocked-extrapolation: line 3, “Apex Coder 5 scores 88.7% on SWE-bench Verified, so we "
        "can automate most of our engineering.” Why: "
    )
    board = tmp_path / "board.json"
    api.build(CASE, board, Audience.BOARD, format=api.OutputFormat.JSON)
    assert not any(
        s["id"].startswith("claims.") for s in json.loads(board.read_text())["statements"]
    )


def test_terminal_table_shows_control_characters(tmp_path: Path) -> None:
    draft = tmp_path / "deck.md"
    draft.write_text("- AI \x1b[31mwill\x1b[0m cut \u202eevil 30 engineers.\n", encoding="utf-8")
    result = runner.invoke(app, ["check-claims", str(CASE), str(draft)], terminal_width=100)
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    shown = " ".join(result.stdout.split())  # the table wraps at the terminal's width
    assert "AI [U+001B][31mwill[U+001B][0m cut [U+202E]evil 30 engineers." in shown


def test_starter_instructions_are_not_judged(tmp_path: Path) -> None:
    target = tmp_path / "starter"
    assert runner.invoke(app, ["init", str(target)]).exit_code == 0
    text = (target / "claims.md").read_text("utf-8")
    assert "One sentence per bullet" in text
    assert [s.text for s in split_sentences(text)] == [
        "Example Coder scores 72% on SWE-bench Verified, so it can do most of our engineering.",
        "In our pilot, Example Coder helped with isolated bug fixes.",
    ]
