"""Statements for procurement: gates, fit, ranking stability, context fit, hallucination claims."""

from __future__ import annotations

from adoptreport.analysis.evidence import Evidence, RecordRef
from adoptreport.analysis.findings import Findings
from adoptreport.analysis.procurement import Procurement, VendorFindings
from adoptreport.analysis.procurement.context import (
    BYTES_PER_TOKEN,
    BYTES_PER_TOKEN_HIGH,
    BYTES_PER_TOKEN_LOW,
    CodebaseSize,
    ContextFit,
    Fit,
)
from adoptreport.analysis.procurement.fit import (
    MEASURED_SHARE,
    PERTURBATION,
    STABILITY_DRAWS,
    STABLE_SHARE,
)
from adoptreport.analysis.procurement.gates import GateCheck, GateStatus, Offer, required_names
from adoptreport.models.folder import Case
from adoptreport.models.requirements import Attribute, Requirement, requirement_label
from adoptreport.statements import formatting as fmt
from adoptreport.statements.model import Number, Statement, StatementKind, Unit
from adoptreport.statements.numbers import counted, proportion, share, with_interval
from adoptreport.statements.vendor_claims import (
    Values,
    Words,
    hallucination_statements,
    kind_words,
    vendor_statement,
)

__all__ = ["kind_words", "offer_text", "procurement_statements", "required_text"]

ATTRIBUTE_WORDS = {
    Attribute.CLOUD: "clouds",
    Attribute.REGION: "regions",
    Attribute.ON_PREM: "on-premises deployment",
    Attribute.VPC: "VPC deployment",
    Attribute.MAX_RETENTION_DAYS: "data retention",
    Attribute.ZERO_RETENTION: "zero retention",
    Attribute.CERTIFICATION: "certifications",
    Attribute.SSO: "single sign-on",
    Attribute.IP_INDEMNITY: "IP indemnity",
    Attribute.MIN_CONTEXT_WINDOW: "context window",
    Attribute.MAX_SEAT_PRICE: "seat price",
}


def procurement_statements(case: Case, findings: Findings) -> list[Statement]:
    result = findings.procurement
    names = case.vendors.tool_names()
    out = _headline(result, case)
    for vendor in result.vendors:
        out += _gates(vendor, case)
        out += _fit(vendor, result, names)
        out += _context(vendor, result.codebases)
        out += hallucination_statements(vendor, names)
    out += _stability(result, case)
    out += _weights(case)
    out += _method(case)
    return out


def _weights(case: Case) -> list[Statement]:
    return [
        vendor_statement(
            f"procurement.weight.{r.id}",
            "should_weight",
            {"weight": Number("weight", r.weight, Unit.COUNT, f"{r.weight:g}")},
            {"requirement": requirement_label(r)},
            (RecordRef(case.file("requirements"), f"should[{i}]", r.id),),
        )
        for i, r in enumerate(case.requirements.should)
    ]


def offer_text(
    name: str, attribute: Attribute, value: Offer | list[str] | str | int, currency: str
) -> Number | str:
    """A gate's value as printed: a Number for days, tokens and prices; words otherwise."""
    if isinstance(value, bool):
        return ATTRIBUTE_WORDS[attribute] if value else f"no {ATTRIBUTE_WORDS[attribute]}"
    if isinstance(value, int | float):
        if attribute is Attribute.MAX_RETENTION_DAYS:
            return Number(name, float(value), Unit.DAYS, fmt.days(value))
        if attribute is Attribute.MIN_CONTEXT_WINDOW:
            return Number(name, float(value), Unit.TOKENS, fmt.tokens(value))
        return Number(
            name, float(value), Unit.MONEY_PER_MONTH, fmt.money_per_month(value, currency)
        )
    if value is None:
        return fmt.NOT_MEASURED
    names = list(value) if isinstance(value, tuple | list) else [value]
    return ", ".join(names)


def required_text(requirement: Requirement, currency: str) -> Number | str:
    attribute = requirement.attribute
    value = requirement.value
    if attribute in (Attribute.CLOUD, Attribute.REGION, Attribute.CERTIFICATION):
        names = required_names(value)
        return names[0] if len(names) == 1 else "any of " + ", ".join(names)
    shown = offer_text("required", attribute, value, currency)
    if attribute is Attribute.MIN_CONTEXT_WINDOW and isinstance(shown, Number):
        return Number(shown.name, shown.value, shown.unit, "at least " + shown.text)
    if attribute in (Attribute.MAX_RETENTION_DAYS, Attribute.MAX_SEAT_PRICE) and isinstance(
        shown, Number
    ):
        return Number(shown.name, shown.value, shown.unit, "at most " + shown.text)
    return shown


def _split(parts: dict[str, Number | str]) -> tuple[Values, Words]:
    numbers = {k: v for k, v in parts.items() if isinstance(v, Number)}
    words = {k: v for k, v in parts.items() if isinstance(v, str)}
    return numbers, words


def _gate_parts(check: GateCheck, vendor: VendorFindings, currency: str) -> dict[str, Number | str]:
    requirement = check.requirement
    return {
        "requirement": requirement_label(requirement),
        "vendor": vendor.name,
        "offered": offer_text("offered", requirement.attribute, check.offered, currency),
        "required": required_text(requirement, currency),
    }


def _gate_refs(check: GateCheck, vendor: VendorFindings, case: Case) -> tuple[Evidence, ...]:
    index = case.requirements.must.index(check.requirement)
    return (
        vendor.evidence,
        RecordRef(case.file("requirements"), f"must[{index}]", check.requirement.id),
    )


def _gates(vendor: VendorFindings, case: Case) -> list[Statement]:
    currency = case.case.currency
    out = []
    for check in vendor.gates:
        parts = _gate_parts(check, vendor, currency)
        if check.status is GateStatus.UNVERIFIED:
            parts = {k: v for k, v in parts.items() if k != "offered"}
            parts["attribute"] = ATTRIBUTE_WORDS[check.requirement.attribute]
        numbers, words = _split(parts)
        kind = StatementKind.FINDING if check.status is GateStatus.PASS else StatementKind.WARNING
        out.append(
            vendor_statement(
                f"vendor.{vendor.vendor}.gate.{check.requirement.id}",
                f"gate_{check.status.value}",
                numbers,
                words,
                _gate_refs(check, vendor, case),
                kind,
            )
        )
    failed = [c for c in vendor.gates if c.status is GateStatus.FAIL]
    unstated = [c for c in vendor.gates if c.status is GateStatus.UNVERIFIED]
    if failed:
        first = failed[0]
        others = [requirement_label(c.requirement) for c in failed[1:]]
        parts = _gate_parts(first, vendor, currency)
        parts["others"] = f"; it also fails {', '.join(others)}" if others else ""
        numbers, words = _split(parts)
        out.append(
            vendor_statement(
                f"vendor.{vendor.vendor}.status",
                "vendor_excluded",
                numbers,
                words,
                tuple(r for c in failed for r in _gate_refs(c, vendor, case)),
                StatementKind.VERDICT,
            )
        )
    elif unstated:
        out.append(
            vendor_statement(
                f"vendor.{vendor.vendor}.status",
                "vendor_unverified",
                {},
                {
                    "vendor": vendor.name,
                    "requirements": ", ".join(
                        ATTRIBUTE_WORDS[c.requirement.attribute] for c in unstated
                    ),
                },
                tuple(r for c in unstated for r in _gate_refs(c, vendor, case)),
                StatementKind.WARNING,
            )
        )
    return out


def _fit(vendor: VendorFindings, result: Procurement, names: dict[str, str]) -> list[Statement]:
    fit, tool = vendor.fit, vendor.fit.tool
    id = f"vendor.{vendor.vendor}.fit"
    if tool is None or fit.score is None:
        return [
            vendor_statement(
                id,
                "fit_not_measured",
                {},
                {"vendor": vendor.name},
                (vendor.evidence,),
                StatementKind.CAVEAT,
            )
        ]
    measured = {
        "acceptance": proportion("mix_acceptance", tool.acceptance.acceptance),
        "saved": proportion("mix_saved_fraction", tool.saved_fraction, Unit.SAVED_FRACTION),
    }
    words = {"vendor": vendor.name, "tool": names[tool.tool]}
    evidence: tuple[Evidence, ...] = (vendor.evidence, tool.evidence)
    out = []
    if vendor.rank is None:
        out.append(vendor_statement(id, "fit_excluded", measured, words, evidence))
    else:
        requirements = [i for i in fit.items if i.status is not None]
        total = sum(i.weight for i in requirements)
        met = sum(i.weight * i.score for i in requirements) / total if total else 0.0
        numbers = {
            "rank": counted("rank", vendor.rank),
            "ranked": counted("vendors_ranked", result.ranked),
            "score": Number("fit_score", fit.score, Unit.FIT_SCORE, fmt.fit_score(fit.score)),
            "met": share("should_weight_met", met),
            **measured,
        }
        out.append(vendor_statement(id, "fit_ranked", numbers, words, evidence))
    if len(vendor.measured) > 1:
        covered = tool.acceptance.covered_share
        out.append(
            vendor_statement(
                f"vendor.{vendor.vendor}.tool_choice",
                "fit_tool_choice",
                {
                    "covered": Number(
                        "covered_share", covered, Unit.HOURS_SHARE, fmt.percent(covered)
                    )
                },
                words,
                evidence,
                StatementKind.CAVEAT,
            )
        )
    return out


def _size(codebase: CodebaseSize) -> Number:
    tokens = codebase.tokens
    if codebase.estimated:
        return with_interval("codebase_tokens", Unit.TOKENS, tokens, fmt.tokens_estimate(tokens))
    return Number("codebase_tokens", tokens.point, Unit.TOKENS, fmt.tokens(tokens.point))


def _context(vendor: VendorFindings, codebases: tuple[CodebaseSize, ...]) -> list[Statement]:
    out = []
    for fit in vendor.context:
        out.append(_context_one(vendor, fit))
    if not codebases:
        return out
    window = vendor.context[0].window
    id = f"vendor.{vendor.vendor}.context"
    if window is None:
        out.append(
            vendor_statement(
                id, "context_summary_unknown", {}, {"vendor": vendor.name}, (vendor.evidence,)
            )
        )
    else:
        whole = sum(1 for f in vendor.context if f.fit is Fit.FITS)
        numbers = {
            "window": Number("context_window", window, Unit.TOKENS, fmt.tokens(window)),
            "whole": counted("codebases_fitting_whole", whole),
            "codebases": counted("codebases", len(codebases)),
        }
        out.append(
            vendor_statement(
                id,
                "context_summary",
                numbers,
                {"vendor": vendor.name},
                (vendor.evidence, *(c.evidence for c in codebases)),
            )
        )
    return out


def _context_one(vendor: VendorFindings, fit: ContextFit) -> Statement:
    numbers: Values = {"size": _size(fit.codebase)}
    if fit.window is not None:
        numbers["window"] = Number(
            "context_window", fit.window, Unit.TOKENS, fmt.tokens(fit.window)
        )
    if fit.fit is Fit.PARTLY and fit.share is not None:
        numbers["share"] = share("share_of_codebase_in_window", fit.share)
    key = {
        Fit.FITS: "context_fits",
        Fit.PARTLY: "context_partly",
        Fit.MAY_FIT: "context_may_fit",
        Fit.UNKNOWN: "context_unknown",
    }[fit.fit]
    return vendor_statement(
        f"vendor.{vendor.vendor}.context.{fit.codebase.name}",
        key,
        numbers,
        {"vendor": vendor.name, "codebase": fit.codebase.name},
        (vendor.evidence, fit.codebase.evidence),
    )


def _headline(result: Procurement, case: Case) -> list[Statement]:
    claim = result.headline
    if claim is None:
        return []
    vendor = next(v for v in result.vendors if v.vendor == claim.vendor)
    index = case.benchmarks.claims.index(claim)
    evidence: tuple[Evidence, ...] = (
        RecordRef(case.files.get("benchmarks", "benchmarks.yaml"), f"claims[{index}]", claim.id),
        vendor.evidence,
    )
    words = {
        "vendor": vendor.name,
        "grade": claim.source_grade.value,
        "benchmark": claim.benchmark,
        "model": claim.model,
    }
    numbers: Values = {
        "score": Number("claimed_score", claim.score, Unit.BENCHMARK_SCORE, fmt.score(claim.score))
    }
    if vendor.excluded:
        key = "headline_excluded"
    elif vendor.rank == 1:
        key = "headline_best"
    elif vendor.rank is not None:
        best = next(v for v in result.vendors if v.rank == 1)
        key = "headline_not_best"
        words["best"] = best.name
        numbers["rank"] = counted("rank", vendor.rank)
        numbers["ranked"] = counted("vendors_ranked", result.ranked)
    else:
        return []
    return [
        vendor_statement(
            "procurement.headline", key, numbers, words, evidence, StatementKind.VERDICT
        )
    ]


def _stability(result: Procurement, case: Case) -> list[Statement]:
    stability = result.stability
    if stability is None:
        return []
    leader = next(v for v in result.vendors if v.vendor == stability.leader)
    refs: tuple[Evidence, ...] = (
        RecordRef(case.file("requirements"), "should", "weights"),
        *(
            v.fit.tool.evidence
            for v in result.vendors
            if v.fit.tool is not None and v.rank is not None
        ),
    )
    numbers = {
        "draws": counted("draws", stability.draws),
        "low": Number("factor_low", 1 - stability.spread, Unit.COUNT, f"{1 - stability.spread:g}"),
        "high": Number(
            "factor_high", 1 + stability.spread, Unit.COUNT, f"{1 + stability.spread:g}"
        ),
        "share": share("share_of_draws_first", stability.first_share[leader.vendor]),
    }
    key = "stability_stable"
    if not stability.stable:
        key = "stability_unstable"
        numbers["threshold"] = share("stable_threshold", STABLE_SHARE)
    out = [
        vendor_statement(
            "procurement.stability",
            key,
            numbers,
            {"leader": leader.name},
            refs,
            StatementKind.VERDICT if stability.stable else StatementKind.WARNING,
        )
    ]
    for vendor in result.vendors:
        if vendor.vendor in stability.first_share:
            out.append(
                vendor_statement(
                    f"vendor.{vendor.vendor}.first_share",
                    "stability_share",
                    {"share": share("share_of_draws_first", stability.first_share[vendor.vendor])},
                    {"vendor": vendor.name},
                    refs,
                )
            )
    return out


def _method(case: Case) -> list[Statement]:
    refs: tuple[Evidence, ...] = (
        RecordRef(case.file("requirements"), "should", "weights"),
        RecordRef(case.files["case"], "policy", "seed"),
    )
    spread = PERTURBATION
    numbers = {
        "measured": share("measured_share_of_weight", MEASURED_SHARE),
        "low": Number("factor_low", 1 - spread, Unit.COUNT, f"{1 - spread:g}"),
        "high": Number("factor_high", 1 + spread, Unit.COUNT, f"{1 + spread:g}"),
        "draws": counted("draws", STABILITY_DRAWS),
        "seed": Number("seed", case.case.policy.seed, Unit.COUNT, str(case.case.policy.seed)),
        "threshold": share("stable_threshold", STABLE_SHARE),
    }
    out = [vendor_statement("method.fit", "fit_method", numbers, {}, refs, StatementKind.CAVEAT)]
    if any(c.bytes is not None and c.tokens is None for c in case.case.codebases):
        out.append(
            vendor_statement(
                "method.tokens",
                "tokens_method",
                {
                    "per_token": Number(
                        "bytes_per_token", BYTES_PER_TOKEN, Unit.COUNT, f"{BYTES_PER_TOKEN:g}"
                    ),
                    "low": Number(
                        "bytes_per_token_low",
                        BYTES_PER_TOKEN_LOW,
                        Unit.COUNT,
                        f"{BYTES_PER_TOKEN_LOW:g}",
                    ),
                    "high": Number(
                        "bytes_per_token_high",
                        BYTES_PER_TOKEN_HIGH,
                        Unit.COUNT,
                        f"{BYTES_PER_TOKEN_HIGH:g}",
                    ),
                },
                {},
                (RecordRef(case.files["case"], "codebases", "sizes"),),
                StatementKind.CAVEAT,
            )
        )
    return out
