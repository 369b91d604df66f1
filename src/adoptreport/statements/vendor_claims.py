"""Vendor statements on hallucinations: rates by kind, and vendors' claims against the pilot."""

from __future__ import annotations

from adoptreport.analysis.evidence import Evidence
from adoptreport.analysis.procurement import VendorFindings
from adoptreport.analysis.procurement.hallucination import ClaimCheck, VendorClaimVerdict
from adoptreport.analysis.stats import Interval
from adoptreport.models import Audience
from adoptreport.models.vendors import HallucinationClaimKind
from adoptreport.statements import formatting as fmt
from adoptreport.statements.catalogue import state
from adoptreport.statements.model import Number, Section, Statement, StatementKind, Unit
from adoptreport.statements.numbers import counted, per_attempt, share, with_interval

PROCUREMENT = (Audience.PROCUREMENT, Audience.FULL)
Values = dict[str, Number]
Words = dict[str, str]

KIND_WORDS = {
    "invented_api": "invented API",
    "nonexistent_file": "nonexistent file",
    "false_test_claim": "false claim that tests pass",
    "wrong_config_key": "wrong configuration key",
}

POSITION = {
    VendorClaimVerdict.CONSISTENT: "inside",
    VendorClaimVerdict.CONTRADICTED: "below",
    VendorClaimVerdict.EXCEEDED: "above",
}


def kind_words(kind: str) -> str:
    return KIND_WORDS.get(kind, kind.replace("_", " "))


def vendor_statement(
    id: str,
    key: str,
    numbers: Values,
    words: Words,
    evidence: tuple[Evidence, ...],
    kind: StatementKind = StatementKind.FINDING,
) -> Statement:
    return state(id, Section.VENDORS, kind, key, numbers, words, evidence, PROCUREMENT)


def hallucination_statements(vendor: VendorFindings, names: dict[str, str]) -> list[Statement]:
    out = []
    for tool in vendor.hallucinations:
        for rate in tool.by_kind:
            out.append(
                vendor_statement(
                    f"vendor.{vendor.vendor}.hallucinations.{tool.tool}.{rate.kind}",
                    "hallucination_kind",
                    {
                        "rate": per_attempt("hallucinations_per_attempt", rate.rate),
                        "incidents": counted("incidents", rate.incidents),
                        "attempts": counted("attempts_with_count", tool.attempts),
                    },
                    {"tool": names[tool.tool], "kind": kind_words(rate.kind)},
                    (tool.evidence,),
                )
            )
    for index, check in enumerate(vendor.claims):
        out += _claim(vendor, check, index, names)
    return out


def _which(check: ClaimCheck) -> str:
    """' (invented API and nonexistent file)' for a claim about some kinds; '' for all."""
    kinds = check.claim.hallucination_kinds
    if not kinds:
        return ""
    shown = [kind_words(k) for k in kinds]
    listed = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
    return f" ({listed})"


def _claim(
    vendor: VendorFindings, check: ClaimCheck, index: int, names: dict[str, str]
) -> list[Statement]:
    claim = check.claim
    words = {
        "vendor": vendor.name,
        "tool": names.get(claim.tool, claim.tool),
        "grade": claim.source_grade.value,
        "source": claim.source,
        "which": _which(check),
    }
    id = f"vendor.{vendor.vendor}.claim.{index}"
    evidence: tuple[Evidence, ...] = (check.evidence,)
    if check.observed is None:
        del words["which"]
        return [
            vendor_statement(
                id, "hallucination_claim_not_piloted", {}, words, evidence, StatementKind.CAVEAT
            )
        ]
    evidence += (check.observed.evidence,)
    rate = per_attempt("observed_hallucinations_per_attempt", check.observed.rate)
    if claim.kind is HallucinationClaimKind.RATE:
        numbers = {
            "claimed": Number("claimed_rate", claim.value, Unit.PER_ATTEMPT, f"{claim.value:.2f}"),
            "rate": rate,
        }
        words["verdict"] = check.verdict.value
        return [
            vendor_statement(
                id, "hallucination_rate_claim", numbers, words, evidence, StatementKind.VERDICT
            )
        ]
    words["baseline"] = names.get(claim.baseline_tool or "", claim.baseline_tool or "")
    numbers = {"reduction": share("claimed_reduction", claim.value), "rate": rate}
    if check.baseline is None:
        return [
            vendor_statement(
                id,
                "hallucination_reduction_untested",
                numbers,
                words,
                evidence,
                StatementKind.CAVEAT,
            )
        ]
    evidence += (check.baseline.evidence,)
    del numbers["rate"]
    if check.stratified is None:
        return [
            vendor_statement(
                id,
                "hallucination_not_comparable",
                numbers,
                words,
                evidence,
                StatementKind.CAVEAT,
            )
        ]
    return _tested(id, check, numbers, words, evidence)


def _tested(
    id: str, check: ClaimCheck, numbers: Values, words: Words, evidence: tuple[Evidence, ...]
) -> list[Statement]:
    """The stratified (and, on shared tasks, paired) ratio against the claim; the crude
    ratio apart, as what the like-for-like comparison replaces."""
    stratified = check.stratified
    assert stratified is not None
    numbers["kinds"] = counted("kinds_of_work_compared", stratified.strata)
    numbers["attempts"] = counted("attempts_compared", stratified.attempts)
    numbers["ratio"] = _rate_ratio("stratified_rate_ratio", stratified.ratio)
    key = "hallucination_reduction_stratified"
    if check.paired is not None:
        key += "_paired"
        numbers["tasks"] = counted("shared_tasks", check.paired.strata)
        numbers["paired"] = _rate_ratio("paired_rate_ratio", check.paired.ratio)
    numbers["claimed"] = Number(
        "claimed_rate_ratio", check.claimed, Unit.RATE_RATIO, f"{check.claimed:.2f}"
    )
    words["position"] = POSITION[check.verdict]
    words["verdict"] = check.verdict.value
    out = [vendor_statement(id, key, numbers, words, evidence, StatementKind.VERDICT)]
    if check.crude is not None:
        out.append(
            vendor_statement(
                f"{id}.crude",
                "hallucination_crude",
                {"crude": _rate_ratio("crude_rate_ratio", check.crude)},
                {"tool": words["tool"], "baseline": words["baseline"]},
                evidence,
                StatementKind.CAVEAT,
            )
        )
    return out


def _rate_ratio(name: str, ratio: Interval) -> Number:
    return with_interval(name, Unit.RATE_RATIO, ratio, fmt.ratio_interval(ratio))
