"""Hallucinations per tool and per kind, and vendors' hallucination claims against the pilot."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

import pandas as pd

from adoptreport.analysis.evidence import RecordRef, RowRanges
from adoptreport.analysis.stats import (
    Interval,
    mantel_haenszel_rate_ratio,
    poisson_exact,
    poisson_rate_ratio,
)
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


class VendorClaimVerdict(StrEnum):
    CONSISTENT = "consistent with the pilot"
    CONTRADICTED = "contradicted by the pilot"  # the pilot saw worse than claimed
    EXCEEDED = "better in the pilot than claimed"
    NOT_VERIFIABLE = "not verifiable from local data"
    NOT_COMPARABLE = "not comparable from this pilot"  # the two tools share no kind of work


@dataclass(frozen=True)
class RateComparison:
    """A rate ratio over strata both tools were tried in (kinds of work, or tasks)."""

    ratio: Interval
    strata: int  # kinds of work or tasks both tools were tried on
    attempts: int  # both tools' attempts in those strata


@dataclass(frozen=True)
class ClaimCheck:
    claim: HallucinationClaim
    evidence: RecordRef
    observed: ToolHallucinations | None  # of the claim's hallucination kinds only
    baseline: ToolHallucinations | None
    ratio: Interval | None  # the ratio judged: stratified by kind of work over shared kinds
    claimed: float  # the claimed ratio (1 − reduction) or the claimed rate
    verdict: VendorClaimVerdict
    stratified: RateComparison | None = None  # Mantel–Haenszel by kind of work
    paired: RateComparison | None = None  # Mantel–Haenszel by task, on tasks both tried
    crude: Interval | None = None  # all attempts pooled, kinds ignored


def claim_counts(pilot: pd.DataFrame, claim: HallucinationClaim) -> pd.DataFrame:
    """Attempts with the claim's incidents in `events`: every incident, or only those of the
    claim's `hallucination_kinds`. An attempt whose incidents have no kinds recorded is left
    out of a kinds-restricted count (unknown, not zero)."""
    rows = pilot[pilot["hallucinations"].notna()]
    if claim.hallucination_kinds is None:
        return rows.assign(events=rows["hallucinations"].astype(float))
    wanted = {k.strip() for k in claim.hallucination_kinds}
    listed = rows["hallucination_kinds"].fillna("").astype(str)
    known = (rows["hallucinations"] == 0) | (listed.str.strip() != "")
    counts = {
        text: float(sum(1 for k in text.split(";") if k.strip() in wanted))
        for text in listed[known].unique()
    }
    kept = rows[known]
    return kept.assign(events=listed[known].map(counts).astype(float))


def check_claim(
    claim: HallucinationClaim,
    evidence: RecordRef,
    rates: dict[str, ToolHallucinations],
    pilot: pd.DataFrame,
    level: float,
) -> ClaimCheck:
    """A rate is tested by its exact interval; a reduction by the rate ratio stratified by
    kind of work over the kinds both tools were tried on (Mantel–Haenszel), with the ratio
    paired on shared tasks beside it."""
    counts = claim_counts(pilot, claim)
    observed = _restricted(rates.get(claim.tool), counts, claim, level)
    if claim.kind is HallucinationClaimKind.RATE:
        tested = observed.rate if observed else None
        return ClaimCheck(
            claim, evidence, observed, None, None, claim.value, _verdict(tested, claim.value)
        )
    claimed = 1.0 - claim.value
    baseline = _restricted(rates.get(claim.baseline_tool or ""), counts, claim, level)
    if observed is None or baseline is None:
        return ClaimCheck(
            claim, evidence, observed, baseline, None, claimed, VendorClaimVerdict.NOT_VERIFIABLE
        )
    mine = counts[counts["tool"] == claim.tool]
    theirs = counts[counts["tool"] == claim.baseline_tool]
    stratified = compare_rates(mine, theirs, "kind_of_work", level)
    paired = compare_rates(mine, theirs, "task_id", level)
    crude = poisson_rate_ratio(
        int(mine["events"].sum()), len(mine), int(theirs["events"].sum()), len(theirs), level
    )
    if stratified is None:
        verdict = VendorClaimVerdict.NOT_COMPARABLE
    else:
        verdict = _verdict(stratified.ratio, claimed)
    return ClaimCheck(
        claim,
        evidence,
        observed,
        baseline,
        stratified.ratio if stratified else None,
        claimed,
        verdict,
        stratified,
        paired,
        crude,
    )


def compare_rates(
    mine: pd.DataFrame, theirs: pd.DataFrame, stratum: str, level: float
) -> RateComparison | None:
    """Mantel–Haenszel rate ratio of `events` per attempt over the strata both frames share."""
    a = mine.groupby(stratum)["events"].agg(["sum", "count"])
    b = theirs.groupby(stratum)["events"].agg(["sum", "count"])
    shared = a.index.intersection(b.index)
    if shared.empty:
        return None
    a, b = a.loc[shared], b.loc[shared]
    ratio = mantel_haenszel_rate_ratio(
        a["sum"].to_numpy(float),
        a["count"].to_numpy(float),
        b["sum"].to_numpy(float),
        b["count"].to_numpy(float),
        level,
    )
    if ratio is None:
        return None
    return RateComparison(ratio, len(shared), int(a["count"].sum() + b["count"].sum()))


def _restricted(
    rates: ToolHallucinations | None,
    counts: pd.DataFrame,
    claim: HallucinationClaim,
    level: float,
) -> ToolHallucinations | None:
    """The tool's rates, or for a kinds-restricted claim its incidents of those kinds only."""
    if rates is None or claim.hallucination_kinds is None:
        return rates
    rows = counts[counts["tool"] == rates.tool]
    if rows.empty:
        return None
    incidents = int(rows["events"].sum())
    wanted = {k.strip() for k in claim.hallucination_kinds}
    return ToolHallucinations(
        rates.tool,
        len(rows),
        incidents,
        poisson_exact(incidents, float(len(rows)), level),
        tuple(k for k in rates.by_kind if k.kind in wanted),
        rates.evidence,
    )


def _verdict(observed: Interval | None, claimed: float) -> VendorClaimVerdict:
    if observed is None:
        return VendorClaimVerdict.NOT_VERIFIABLE
    if observed.contains(claimed):
        return VendorClaimVerdict.CONSISTENT
    return VendorClaimVerdict.CONTRADICTED if observed.low > claimed else VendorClaimVerdict.EXCEEDED
