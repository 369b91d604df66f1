"""A claims review as statements, so the JSON export carries it like every other section.

One statement per draft sentence, id `claims.<n>` in reading order: its text says the verdict,
the line, the sentence as drafted (its numbers are the draft's, on trial, not evidence), why,
and what to say instead; the evidence is the draft's line.
"""

from __future__ import annotations

from adoptreport.analysis.evidence import RecordRef
from adoptreport.claims.check import ClaimReview, ClaimsReview
from adoptreport.claims.verdict import ClaimVerdict
from adoptreport.models import Audience
from adoptreport.statements import Section, Statement
from adoptreport.statements.model import StatementKind

# The claims review is for whoever writes the deck: the full report carries it.
AUDIENCES = (Audience.FULL,)


def review_statements(review: ClaimsReview | None) -> tuple[Statement, ...]:
    """Each reviewed sentence as a statement of the claims section."""
    if review is None:
        return ()
    return tuple(_statement(r, i, review.source) for i, r in enumerate(review.reviews, start=1))


def _statement(r: ClaimReview, index: int, source: str) -> Statement:
    return Statement(
        id=f"claims.{index}",
        section=Section.CLAIMS,
        kind=_KIND[r.verdict],
        audiences=AUDIENCES,
        text=review_text(r),
        numbers=(),
        evidence=(RecordRef(source, f"line {r.line}", f"claims.{index}"),),
    )


def review_text(r: ClaimReview) -> str:
    """'blocked-extrapolation: line 3, “…” Why: …. Say instead: ….'"""
    text = f"{r.verdict.value}: line {r.line}, “{r.sentence}” Why: {r.reason}."
    return f"{text} Say instead: {r.replacement}" if r.replacement else text


_KIND = {
    ClaimVerdict.BLOCKED_EXTRAPOLATION: StatementKind.WARNING,
    ClaimVerdict.BLOCKED_CONTRADICTED: StatementKind.WARNING,
    ClaimVerdict.WARNING_UNGROUNDED: StatementKind.CAVEAT,
    ClaimVerdict.WARNING_OVERCLAIM: StatementKind.CAVEAT,
    ClaimVerdict.OK: StatementKind.FINDING,
}
