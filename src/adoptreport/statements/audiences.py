"""Which statements each audience's report prints: sections, the short form, the headline."""

from __future__ import annotations

from adoptreport.analysis.findings import Findings
from adoptreport.models import Audience
from adoptreport.statements.model import Statement

# Which sections each audience gets, in order: the one place that decides it. Within a
# section, a statement shows only to the audiences it names (the per-cell table, for
# instance, is detail the board's verdict map already carries).
# fmt: off
SECTIONS: dict[Audience, tuple[str, ...]] = {
    Audience.BOARD: ("cover", "decisions", "summary", "changes", "benchmark", "verdicts",
                     "review", "workforce", "assumptions", "methodology", "ledger"),
    Audience.PROCUREMENT: ("cover", "decisions", "vendors_cover", "summary", "vendors",
                           "vendor_pages", "changes", "benchmark", "verdicts", "review", "cost",
                           "methodology", "ledger"),
    Audience.FINANCE: ("cover", "decisions", "assumptions", "workforce", "cost", "changes",
                       "summary", "verdicts", "designs", "methodology", "ledger"),
    Audience.FULL: ("cover", "decisions", "summary", "changes", "benchmark", "verdicts", "designs",
                    "review",
                    "vendors", "vendor_pages", "workforce", "assumptions", "cost", "claims",
                    "methodology", "ledger"),
}
# fmt: on
# Audiences that get the short form: each benchmark claim in the chart rather than in prose,
# the methodology's essentials, and the ledger as a compact two-column list. The claims review
# (a draft deck on trial) is for whoever writes the deck, so it stays out of the board's cut.
BRIEF: frozenset[Audience] = frozenset({Audience.BOARD})


# The decisions page in each audience's order: the group its reader came for first.
# (staffing: the plan's assumptions; vendor: choice, requirements, claim versions; pilot:
# the extension that would settle undecided kinds; basis: how hours become money.)
DECISION_GROUPS: dict[Audience, tuple[str, ...]] = {
    Audience.BOARD: ("staffing", "vendor", "pilot"),
    Audience.PROCUREMENT: ("vendor", "pilot", "staffing"),
    Audience.FINANCE: ("staffing", "basis", "vendor", "pilot"),
    Audience.FULL: ("vendor", "staffing", "pilot"),
}


def headline_ids(findings: Findings) -> tuple[str, ...]:
    """The statements the summary quotes about the headline benchmark claim."""
    if findings.headline is None:
        return ()
    claim = findings.headline.claim
    parts = tuple(f"benchmark.{claim.id}.{part}" for part in ("claim", "scope", "mix"))
    return (*parts, f"benchmark.scope.{claim.scope}.meaning")


def printed_statements(
    findings: Findings, statements: tuple[Statement, ...], audience: Audience
) -> tuple[Statement, ...]:
    """The statements an audience's report prints (or plots): its evidence ledger."""
    shown = set(SECTIONS[audience])
    quoted = set(headline_ids(findings))
    return tuple(
        s
        for s in statements
        if audience in s.audiences and (s.section.value in shown or s.id in quoted)
    )
