"""Hallucinations per tool and per kind, and vendors' hallucination claims against the pilot."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

import pandas as pd

from adoptreport.analysis.evidence import RecordRef, RowRanges
from adoptreport.analysis.stats import Interval, poisson_exact, poisson_rate_ratio
from adoptreport.models.folder import SOURCE_ROW
from adoptreport.models.vendors import HallucinationClaim, HallucinationClaimKind


@dataclass(frozen=True)
class KindRate:
    kind: str  # as written in hallucination_kinds, e.g. invented_api
    incidents: int
    rate: Interval  # per attempt


@dataclass(frozen=True)
class ToolHallucinations:
    tool: str
    attempts: int  # attempts with the count recorded: the exposure
    incidents: int
    rate: Interval
    by_kind: tuple[KindRate, ...]  # most frequent first
    evidence: RowRanges


def tool_hallucinations(
    pilot: pd.DataFrame, tool: str, level: float, pilot_file: str
) -> ToolHallucinations | None:
    """Incidents per attempt with an exact Poisson interval, overall and per kind."""
    wanted = (pilot["tool"] == tool) & pilot["hallucinations"].notna()
    rows = pilot.loc[wanted, ["hallucinations", "hallucination_kinds", SOURCE_ROW]]
    if rows.empty:
        return None
    n = len(rows)
    # Split each distinct "a;b" once, not each of a million rows.
    counts: Counter[str] = Counter()
    for text, repeats in rows["hallucination_kinds"].dropna().value_counts().items():
        for kind in str(text).split(";"):
            if kind.strip():
                counts[kind.strip()] += int(repeats)
    by_kind = tuple(
        KindRate(k, c, poisson_exact(c, float(n), level))
        for k, c in sorted(counts.items(), key=lambda kc: (-kc[1], kc[0]))
    )
    incidents = int(rows["hallucinations"].sum())
    return ToolHallucinations(
        tool,
        n,
        incidents,
        poisson_exact(incidents, float(n), level),
        by_kind,
        RowRanges.of(pilot_file, rows[SOURCE_ROW].to_numpy()),
    )


class ClaimVerdict(StrEnum):
    CONSISTENT = "consistent with the pilot"
    CONTRADICTED = "contradicted by the pilot"  # the pilot saw worse than claimed
    EXCEEDED = "better in the pilot than claimed"
    NOT_VERIFIABLE = "not verifiable from local data"


@dataclass(frozen=True)
class ClaimCheck:
    claim: HallucinationClaim
    evidence: RecordRef
    observed: ToolHallucinations | None
    baseline: ToolHallucinations | None
    ratio: Interval | None  # tool rate / baseline rate, for a relative reduction
    claimed: float  # the claimed ratio (1 − reduction) or the claimed rate
    verdict: ClaimVerdict


def check_claim(
    claim: HallucinationClaim,
    evidence: RecordRef,
    rates: dict[str, ToolHallucinations],
    level: float,
) -> ClaimCheck:
    """A reduction is tested by the rate ratio's exact interval; a rate by the rate's interval."""
    observed = rates.get(claim.tool)
    if claim.kind is HallucinationClaimKind.RATE:
        tested = observed.rate if observed else None
        return ClaimCheck(
            claim, evidence, observed, None, None, claim.value, _verdict(tested, claim.value)
        )
    claimed = 1.0 - claim.value
    baseline = rates.get(claim.baseline_tool or "")
    ratio = None
    if observed is not None and baseline is not None:
        ratio = poisson_rate_ratio(
            observed.incidents, observed.attempts, baseline.incidents, baseline.attempts, level
        )
    return ClaimCheck(claim, evidence, observed, baseline, ratio, claimed, _verdict(ratio, claimed))


def _verdict(observed: Interval | None, claimed: float) -> ClaimVerdict:
    if observed is None:
        return ClaimVerdict.NOT_VERIFIABLE
    if observed.contains(claimed):
        return ClaimVerdict.CONSISTENT
    return ClaimVerdict.CONTRADICTED if observed.low > claimed else ClaimVerdict.EXCEEDED
