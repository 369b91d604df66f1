"""The vendor decision: which vendor to choose (or none yet), its total yearly cost, its gates,
its ranking stability; for procurement, the must-requirements with their reasons and the claim
versions against the tools the pilot ran."""

from __future__ import annotations

from adoptreport.analysis.cost import ToolCost
from adoptreport.analysis.evidence import RecordRef
from adoptreport.analysis.findings import Findings
from adoptreport.analysis.procurement import VendorFindings
from adoptreport.analysis.procurement.gates import GateStatus
from adoptreport.analysis.stats import Interval
from adoptreport.models import Audience
from adoptreport.models.folder import Case
from adoptreport.statements import formatting as fmt
from adoptreport.statements.catalogue import state
from adoptreport.statements.labels import requirement_label
from adoptreport.statements.model import Number, Section, Statement, StatementKind, Unit
from adoptreport.statements.numbers import counted, printed, share
from adoptreport.statements.procurement import offer_text, required_text

PROCUREMENT = (Audience.PROCUREMENT, Audience.FULL)
GATE_STATUS = {
    GateStatus.PASS: "met",
    GateStatus.FAIL: "not met",
    GateStatus.UNVERIFIED: "unverified (not stated, never counted as met)",
}


def vendor_decisions(
    case: Case, findings: Findings, by_id: dict[str, Statement]
) -> list[Statement]:
    totals = [t for t in (_tool_total(c, case, by_id) for c in findings.costs) if t]
    leader = next((v for v in findings.procurement.vendors if v.rank == 1), None)
    if leader is None or leader.fit.tool is None:
        return [
            *totals,
            state(
                "decision.vendor",
                Section.DECISIONS,
                StatementKind.VERDICT,
                "decision_vendor_none",
                {},
                {},
                (),
            ),
        ]
    return [
        *totals,
        _choice(leader, case, findings, by_id),
        *_requirements(leader, case),
        *_claim_versions(case),
    ]


def _or_not_measured(parts: dict[str, Number | None]) -> tuple[dict[str, Number], dict[str, str]]:
    numbers = {k: v for k, v in parts.items() if v is not None}
    return numbers, {k: fmt.NOT_MEASURED for k, v in parts.items() if v is None}


def _total(seats: Number | None, tokens: Number | None, currency: str) -> Number | None:
    """Seats + tokens a year: the token interval shifted by the (fixed) seat cost."""
    if seats is None or tokens is None or tokens.interval is None:
        return None
    t = tokens.interval
    total = Interval(t.low + seats.value, t.point + seats.value, t.high + seats.value, t.level)
    return printed(
        "total_yearly_cost",
        total.point,
        Unit.MONEY_PER_YEAR,
        fmt.money_interval(total, currency),
        total,
    )


def _tool_total(cost: ToolCost, case: Case, by_id: dict[str, Statement]) -> Statement | None:
    """A tool's total yearly cost, seats and tokens together, for the vendor matrix."""
    statement = by_id.get(f"cost.{cost.tool}")
    if statement is None:
        return None
    seats = statement.number("annual_seat_cost")
    tokens = statement.number("annual_token_cost")
    total = _total(seats, tokens, case.case.currency)
    if seats is None or tokens is None or total is None:
        return None
    words = {"tool": case.vendors.tool_names()[cost.tool]}
    numbers = {"total": total, "seat_cost": seats, "tokens": tokens}
    return state(
        f"decision.total.{cost.tool}",
        Section.DECISIONS,
        StatementKind.FINDING,
        "decision_total",
        numbers,
        words,
        statement.evidence,
        PROCUREMENT,
    )


def _choice(
    leader: VendorFindings, case: Case, findings: Findings, by_id: dict[str, Statement]
) -> Statement:
    assert leader.fit.tool is not None
    tool = leader.fit.tool.tool
    cost = by_id.get(f"cost.{tool}")
    seats = cost.number("annual_seat_cost") if cost else None
    tokens = cost.number("annual_token_cost") if cost else None
    stability = findings.procurement.stability
    parts: dict[str, Number | None] = {
        "total": _total(seats, tokens, case.case.currency),
        "seat_cost": seats,
        "tokens": tokens,
        "net": cost.number("net_value") if cost else None,
        "passed": counted(
            "must_requirements_met", sum(g.status is GateStatus.PASS for g in leader.gates)
        ),
        "gates": counted("must_requirements", len(leader.gates)),
        "ranked": counted("vendors_ranked", findings.procurement.ranked),
        "share": share("share_of_draws_first", stability.first_share.get(leader.vendor, 0.0))
        if stability
        else None,
        "draws": counted("draws", stability.draws) if stability else None,
    }
    key = "decision_vendor"
    if stability is not None and not stability.stable:
        key = "decision_vendor_unstable"
        parts = {k: parts[k] for k in ("total", "share", "draws")}
    numbers, words = _or_not_measured(parts)
    words |= {"vendor": leader.name, "tool": case.vendors.tool_names()[tool]}
    evidence = (leader.evidence, *(cost.evidence if cost else ()))
    return state(
        "decision.vendor", Section.DECISIONS, StatementKind.VERDICT, key, numbers, words, evidence
    )


def _requirements(leader: VendorFindings, case: Case) -> list[Statement]:
    """Each must-requirement, its threshold and its reason, against the chosen vendor."""
    currency = case.case.currency
    out = []
    for check in leader.gates:
        r = check.requirement
        parts = {
            "required": required_text(r, currency),
            "offered": offer_text("offered", r.attribute, check.offered, currency),
        }
        numbers = {k: v for k, v in parts.items() if isinstance(v, Number)}
        words = {k: v for k, v in parts.items() if isinstance(v, str)}
        words |= {
            "requirement": requirement_label(r),
            "vendor": leader.name,
            "status": GATE_STATUS[check.status],
            "reason": r.reason or "not stated in requirements.yaml.",
        }
        out.append(
            state(
                f"decision.requirement.{r.id}",
                Section.DECISIONS,
                StatementKind.FINDING,
                "decision_requirement",
                numbers,
                words,
                (leader.evidence,),
                PROCUREMENT,
            )
        )
    return out


def _claim_versions(case: Case) -> list[Statement]:
    """A claim naming a model the pilot did not run under that name: ask the vendor."""
    names = case.vendors.tool_names()
    vendors = {v.id: v.name for v in case.vendors.vendors}
    out = []
    seen: set[tuple[str, str]] = set()
    for index, claim in enumerate(case.benchmarks.claims):
        pair = (claim.model.strip().casefold(), claim.tool)
        if pair[0] == names[claim.tool].strip().casefold() or pair in seen:
            continue
        seen.add(pair)
        words = {
            "vendor": vendors.get(claim.vendor, claim.vendor),
            "model": claim.model,
            "tool": names[claim.tool],
        }
        out.append(
            state(
                f"decision.claim_version.{claim.id}",
                Section.DECISIONS,
                StatementKind.CAVEAT,
                "decision_claim_version",
                {},
                words,
                (RecordRef(case.files["benchmarks"], f"claims[{index}]", claim.id),),
                PROCUREMENT,
            )
        )
    return out
