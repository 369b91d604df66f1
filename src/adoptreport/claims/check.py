"""Draft sentences → one review per sentence: verdict, reason, support, grounded replacement."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from adoptreport.analysis.findings import Findings
from adoptreport.claims import assumptions, measured, rules, values
from adoptreport.claims.evidence import CaseFigures
from adoptreport.claims.parse import Sentence, parse, split_sentences
from adoptreport.claims.readers import rejected
from adoptreport.claims.verdict import SEVERITY, ClaimVerdict, Hit, Rule
from adoptreport.models.folder import Case
from adoptreport.statements import Statement

# Every rule, each small and named; the order only sets the order reasons are listed in.
RULES: tuple[Rule, ...] = (
    assumptions.assumption_verdict,
    rules.benchmark_onto_our_work,
    rules.workforce_reduction,
    rules.engineering_automated,
    measured.time_saved,
    measured.acceptance_share,
    measured.share_of_our_work,
    measured.automate_kind,
    measured.hallucination_comparison,
    values.measured_value,
    values.certainty_against_interval,
    rules.ungrounded_number,
    rules.certainty,
    rules.point_as_fact,
)

REJECTS = "rejects the claim it quotes; nothing is asserted"
# A replacement quotes at most this many statements, so it stays a sentence or two on a slide.
REPLACEMENT_STATEMENTS = 2


@dataclass(frozen=True)
class ClaimReview:
    """The verdict on one draft sentence."""

    line: int
    sentence: str
    verdict: ClaimVerdict
    reason: str
    rules: tuple[str, ...]  # the rules that fired, most severe first
    supported_by: tuple[str, ...]  # statement ids, for an ok sentence
    replacement: str | None  # for a blocked or warned sentence: the case's own statements
    replacement_from: tuple[str, ...]  # the statement ids the replacement quotes

    @property
    def blocked(self) -> bool:
        return self.verdict.blocked


@dataclass(frozen=True)
class ClaimsReview:
    """Every sentence of one draft, in order."""

    source: str
    reviews: tuple[ClaimReview, ...]

    @property
    def blocked(self) -> bool:
        return any(r.blocked for r in self.reviews)

    def counts(self) -> dict[ClaimVerdict, int]:
        return {v: sum(r.verdict is v for r in self.reviews) for v in SEVERITY}

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data, for `--format json` and for the report's view."""
        return {
            "source": self.source,
            "blocked": self.blocked,
            "counts": {v.value: n for v, n in self.counts().items()},
            "sentences": [
                {
                    "line": r.line,
                    "sentence": r.sentence,
                    "verdict": r.verdict.value,
                    "reason": r.reason,
                    "rules": list(r.rules),
                    "supported_by": list(r.supported_by),
                    "replacement": r.replacement,
                    "replacement_from": list(r.replacement_from),
                }
                for r in self.reviews
            ],
        }


def check_text(
    text: str, case: Case, findings: Findings, statements: tuple[Statement, ...], source: str
) -> ClaimsReview:
    """Judge every sentence of `text` against the case's evidence."""
    evidence = CaseFigures.of(case, findings, statements)
    return ClaimsReview(
        source, tuple(review(sentence, evidence) for sentence in split_sentences(text))
    )


def claims_review(
    case: Case, findings: Findings, statements: tuple[Statement, ...]
) -> ClaimsReview | None:
    """The review of the case's claims.md, for a "Claims review" section; None without one."""
    if case.claims_text is None:
        return None
    return check_text(case.claims_text, case, findings, statements, "claims.md")


def review(sentence: Sentence, evidence: CaseFigures) -> ClaimReview:
    """Run every rule; the most severe verdict wins, and its reasons are the ones given."""
    parsed = parse(sentence, evidence.lexicon)
    if rejected(parsed):  # "… is not supported by the pilot": the claim is quoted to reject it
        # …unless what it rejects is what the report finds ("tests-docs-10 is not supported").
        hits = [
            h for h in [assumptions.assumption_verdict(parsed, evidence)] if h and h.verdict.blocked
        ]
        if not hits:
            return ClaimReview(
                sentence.line, sentence.text, ClaimVerdict.OK, REJECTS, (), (), None, ()
            )
    else:
        hits = [hit for rule in RULES if (hit := rule(parsed, evidence)) is not None]
    hits.sort(key=lambda h: SEVERITY.index(h.verdict))
    verdict = hits[0].verdict if hits else ClaimVerdict.OK
    worst = [h for h in hits if h.verdict is verdict]
    ok = verdict is ClaimVerdict.OK
    support = tuple(dict.fromkeys(i for h in hits for i in h.statements)) if ok else ()
    quoted = () if ok else _replacement_ids(worst, hits, evidence)
    return ClaimReview(
        line=sentence.line,
        sentence=sentence.text,
        verdict=verdict,
        reason=_ok_reason(hits, support)
        if ok
        else "; ".join(dict.fromkeys(h.reason for h in worst)),
        rules=tuple(dict.fromkeys(h.rule for h in hits)),
        supported_by=support,
        replacement=" ".join(evidence.statements[i].text for i in quoted) or None,
        replacement_from=quoted,
    )


def _ok_reason(hits: list[Hit], support: tuple[str, ...]) -> str:
    if support:
        return f"consistent with the evidence; supported by {', '.join(support)}"
    if hits:
        return "; ".join(h.reason for h in hits)
    return "no number or checkable claim about the evidence"


def _replacement_ids(worst: list[Hit], hits: list[Hit], evidence: CaseFigures) -> tuple[str, ...]:
    # The statements behind the verdict first, then any the milder rules pointed at.
    ordered = [i for h in worst + hits for i in h.statements if i in evidence.statements]
    return tuple(dict.fromkeys(ordered))[:REPLACEMENT_STATEMENTS]
