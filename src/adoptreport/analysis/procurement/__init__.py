"""Procurement: gates, weighted fit, ranking stability, context fit and hallucination claims."""

from __future__ import annotations

from dataclasses import dataclass

from adoptreport.analysis.evidence import RecordRef, RowRanges
from adoptreport.analysis.mix import BenchmarkGap, WorkMix
from adoptreport.analysis.pilot import Cell
from adoptreport.analysis.procurement.context import (
    CodebaseSize,
    ContextFit,
    codebase_sizes,
    context_fit,
)
from adoptreport.analysis.procurement.fit import (
    MeasuredTool,
    Stability,
    VendorFit,
    measure_tool,
    rank_stability,
    vendor_fit,
)
from adoptreport.analysis.procurement.gates import GateCheck, GateStatus, check_gates, gate_status
from adoptreport.analysis.procurement.hallucination import (
    ClaimCheck,
    ToolHallucinations,
    check_claim,
    tool_hallucinations,
)
from adoptreport.models import BenchmarkClaim
from adoptreport.models.folder import Case

__all__ = ["GateStatus", "Procurement", "VendorFindings", "procurement"]


@dataclass(frozen=True)
class VendorFindings:
    vendor: str
    name: str
    evidence: RecordRef  # the vendor's record in vendors.yaml
    gates: tuple[GateCheck, ...]
    status: GateStatus  # fail: excluded
    fit: VendorFit
    rank: int | None  # 1 = best fit among vendors not excluded; None: excluded or unscored
    measured: tuple[MeasuredTool, ...]  # every tool of the vendor the pilot measured
    context: tuple[ContextFit, ...]
    hallucinations: tuple[ToolHallucinations, ...]
    claims: tuple[ClaimCheck, ...]
    top_claim: BenchmarkClaim | None  # the vendor's highest benchmark score

    @property
    def excluded(self) -> bool:
        return self.status is GateStatus.FAIL


@dataclass(frozen=True)
class Procurement:
    vendors: tuple[VendorFindings, ...]
    ranked: int  # vendors with a fit score that no gate excludes
    stability: Stability | None
    codebases: tuple[CodebaseSize, ...]
    headline: BenchmarkClaim | None  # the report's headline claim (best grade, highest score)


def procurement(
    case: Case,
    all_cells: tuple[Cell, ...],
    mix: WorkMix,
    headline: BenchmarkGap | None,
    tool_rows: dict[str, RowRanges],
) -> Procurement:
    """Every vendor against the requirements and the pilot; never against its benchmark claims.

    `tool_rows`: each piloted tool's pilot rows, as the tool summaries cite them.
    """
    policy = case.case.policy
    level = policy.confidence_level
    vendors_file, pilot_file = case.files["vendors"], case.files["pilot"]
    codebases = codebase_sizes(case.case.codebases, case.files["case"])
    rates = {
        t: r
        for t in case.vendors.tool_ids()
        if (r := tool_hallucinations(case.pilot, t, level, pilot_file)) is not None
    }
    drafts = []
    for index, vendor in enumerate(case.vendors.vendors):
        measured = []
        for tool in vendor.tools:
            if tool.id not in tool_rows:
                continue  # not piloted
            m = measure_tool(tool.id, all_cells, mix, level, tool_rows[tool.id])
            if m is not None:
                measured.append(m)
        gates = check_gates(vendor, case.requirements.must)
        ref = RecordRef(vendors_file, f"vendors[{index}]", vendor.id)
        claims = tuple(
            check_claim(
                c,
                RecordRef(vendors_file, f"vendors[{index}].hallucination_claims[{i}]", c.tool),
                rates,
                case.pilot,
                level,
            )
            for i, c in enumerate(vendor.hallucination_claims)
        )
        own_claims = [c for c in case.benchmarks.claims if c.vendor == vendor.id]
        drafts.append(
            VendorFindings(
                vendor=vendor.id,
                name=vendor.name,
                evidence=ref,
                gates=gates,
                status=gate_status(gates),
                fit=vendor_fit(vendor, case.requirements.should, measured),
                rank=None,
                measured=tuple(measured),
                context=tuple(context_fit(vendor.context_window_tokens, c) for c in codebases),
                hallucinations=tuple(rates[t.id] for t in vendor.tools if t.id in rates),
                claims=claims,
                top_claim=max(own_claims, key=lambda c: c.score, default=None),
            )
        )
    eligible = [v for v in drafts if not v.excluded and v.fit.score is not None]
    order = sorted(eligible, key=lambda v: -(v.fit.score or 0.0))
    ranks = {v.vendor: i + 1 for i, v in enumerate(order)}
    ranked = tuple(VendorFindings(**{**v.__dict__, "rank": ranks.get(v.vendor)}) for v in drafts)
    stability = rank_stability([v.fit for v in eligible], seed=policy.seed)
    # The claim a reader has heard: the summary's headline.
    return Procurement(
        ranked, len(order), stability, codebases, headline.claim if headline else None
    )
