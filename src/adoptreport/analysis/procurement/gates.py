"""Must-requirements as gates: each vendor passes, fails (with what it offers) or is unverified."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from adoptreport.models import Vendor
from adoptreport.models.requirements import Attribute, Requirement, RequirementValue

# What a vendor offers for one attribute: names, a yes/no, a number, or None (not stated).
Offer = tuple[str, ...] | bool | float | None


class GateStatus(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    UNVERIFIED = "unverified"  # the vendor does not state the attribute; never a pass


@dataclass(frozen=True)
class GateCheck:
    requirement: Requirement
    status: GateStatus
    offered: Offer


def offer(vendor: Vendor, attribute: Attribute) -> Offer:
    """The vendor's stated value of an attribute; None when vendors.yaml leaves it out."""
    deployment, pricing = vendor.deployment, vendor.pricing
    match attribute:
        case Attribute.CLOUD:
            return None if deployment.clouds is None else tuple(deployment.clouds)
        case Attribute.REGION:
            return None if deployment.regions is None else tuple(deployment.regions)
        case Attribute.CERTIFICATION:
            return None if vendor.certifications is None else tuple(vendor.certifications)
        case Attribute.ON_PREM:
            return deployment.on_prem
        case Attribute.VPC:
            return deployment.vpc
        case Attribute.ZERO_RETENTION:
            return vendor.zero_retention
        case Attribute.SSO:
            return vendor.sso
        case Attribute.IP_INDEMNITY:
            return vendor.ip_indemnity
        case Attribute.MAX_RETENTION_DAYS:
            if vendor.data_retention_days is None and vendor.zero_retention:
                return 0.0
            return _number(vendor.data_retention_days)
        case Attribute.MIN_CONTEXT_WINDOW:
            return _number(vendor.context_window_tokens)
        case Attribute.MAX_SEAT_PRICE:
            return _number(pricing.seat_per_month)


def _number(value: int | float | None) -> float | None:
    return None if value is None else float(value)


def required_names(value: RequirementValue) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, list) else (str(value),)


def satisfies(requirement: Requirement, offered: Offer) -> GateStatus:
    """Pass or fail on a stated offer; unverified when the vendor does not state it."""
    attribute, value = requirement.attribute, requirement.value
    if isinstance(value, bool) and value is False:
        return GateStatus.PASS  # "need not have it" holds whatever the vendor offers
    if offered is None:
        return GateStatus.UNVERIFIED
    if isinstance(offered, tuple):
        wanted = {n.casefold() for n in required_names(value)}
        ok = any(n.casefold() in wanted for n in offered)  # any of the names listed
    elif isinstance(offered, bool):
        ok = offered is True
    elif attribute is Attribute.MIN_CONTEXT_WINDOW:
        ok = offered >= float(value)  # type: ignore[arg-type]
    else:  # a maximum: retention days, seat price
        ok = offered <= float(value)  # type: ignore[arg-type]
    return GateStatus.PASS if ok else GateStatus.FAIL


def check_gates(vendor: Vendor, musts: Sequence[Requirement]) -> tuple[GateCheck, ...]:
    checks = []
    for requirement in musts:
        offered = offer(vendor, requirement.attribute)
        checks.append(GateCheck(requirement, satisfies(requirement, offered), offered))
    return tuple(checks)


def gate_status(checks: Sequence[GateCheck]) -> GateStatus:
    """Fail if any must fails; else unverified if any is unverified; else pass."""
    statuses = {c.status for c in checks}
    for status in (GateStatus.FAIL, GateStatus.UNVERIFIED):
        if status in statuses:
            return status
    return GateStatus.PASS
