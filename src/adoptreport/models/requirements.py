"""requirements.yaml: deployment constraints, as gates (must) and weighted wishes (should)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from adoptreport.models.common import (
    MAX_MONEY,
    MAX_TOKENS,
    MIN_SHARE,
    Identifier,
    InputModel,
    Text,
    duplicates,
)


class Attribute(StrEnum):
    """The vendor attribute a requirement tests."""

    CLOUD = "cloud"
    REGION = "region"
    ON_PREM = "on_prem"
    VPC = "vpc"
    MAX_RETENTION_DAYS = "max_retention_days"
    ZERO_RETENTION = "zero_retention"
    CERTIFICATION = "certification"
    SSO = "sso"
    IP_INDEMNITY = "ip_indemnity"
    MIN_CONTEXT_WINDOW = "min_context_window"
    MAX_SEAT_PRICE = "max_seat_price"


RequirementValue = bool | int | float | Text | list[Text]


BOOLEAN = {
    Attribute.ON_PREM,
    Attribute.VPC,
    Attribute.ZERO_RETENTION,
    Attribute.SSO,
    Attribute.IP_INDEMNITY,
}
WHOLE_NUMBER = {Attribute.MAX_RETENTION_DAYS, Attribute.MIN_CONTEXT_WINDOW}
# The largest value each numeric attribute may take (as the vendors' own fields are bounded).
UPPER = {
    Attribute.MAX_RETENTION_DAYS: 36_500,
    Attribute.MIN_CONTEXT_WINDOW: MAX_TOKENS,
    Attribute.MAX_SEAT_PRICE: MAX_MONEY,
}
MIN_WEIGHT = MIN_SHARE
NAMES = {Attribute.CLOUD, Attribute.REGION, Attribute.CERTIFICATION}  # one name, or a list: any of


class Requirement(InputModel):
    id: Identifier
    attribute: Attribute
    value: RequirementValue
    reason: Text | None = None

    @model_validator(mode="after")
    def _value_fits_attribute(self) -> Requirement:
        value, attribute = self.value, self.attribute
        if attribute in BOOLEAN and not isinstance(value, bool):
            raise ValueError(f"value of {attribute.value} must be true or false (got {value!r})")
        if attribute in WHOLE_NUMBER and (
            isinstance(value, bool) or not isinstance(value, int) or value < 0
        ):
            raise ValueError(
                f"value of {attribute.value} must be a whole number ≥ 0 (got {value!r})"
            )
        if attribute is Attribute.MAX_SEAT_PRICE and (
            isinstance(value, bool) or not isinstance(value, int | float) or value < 0
        ):
            raise ValueError(f"value of {attribute.value} must be a price ≥ 0 (got {value!r})")
        upper = UPPER.get(attribute)
        if upper is not None and isinstance(value, int | float) and value > upper:
            raise ValueError(f"value of {attribute.value} must be ≤ {upper:,.0f} (got {value:g})")
        if attribute in NAMES and not isinstance(value, str | list):
            raise ValueError(
                f"value of {attribute.value} must be a name or a list of names (got {value!r})"
            )
        return self


class WeightedRequirement(Requirement):
    weight: Annotated[float, Field(ge=0.0, le=100.0)] = Field(
        description="0 (not counted) or 0.001–100; weights are relative to each other."
    )

    @field_validator("weight")
    @classmethod
    def _weight_counts(cls, weight: float) -> float:
        if 0.0 < weight < MIN_WEIGHT:
            raise ValueError(f"must be 0 or ≥ {MIN_WEIGHT:g} (got {weight:g})")
        return weight


class RequirementsFile(InputModel):
    must: list[Requirement] = []
    should: list[WeightedRequirement] = []

    @model_validator(mode="after")
    def _ids_unique(self) -> RequirementsFile:
        if repeated := duplicates([r.id for r in [*self.must, *self.should]]):
            raise ValueError(f"requirement ids must be unique (repeated: {', '.join(repeated)})")
        return self


_LABELS = {
    Attribute.CLOUD: "Cloud",
    Attribute.REGION: "Data region",
    Attribute.ON_PREM: "On-premises deployment",
    Attribute.VPC: "VPC deployment",
    Attribute.MAX_RETENTION_DAYS: "Data retention",
    Attribute.ZERO_RETENTION: "Zero retention",
    Attribute.CERTIFICATION: "Certification",
    Attribute.SSO: "Single sign-on",
    Attribute.IP_INDEMNITY: "IP indemnity",
    Attribute.MIN_CONTEXT_WINDOW: "Context window",
    Attribute.MAX_SEAT_PRICE: "Seat price",
}


def requirement_label(requirement: Requirement) -> str:
    """What a reader calls a requirement ("Certification SOC 2"); its id stays in the ledger."""
    label = _LABELS[requirement.attribute]
    value = requirement.value
    if requirement.attribute in NAMES:
        names = value if isinstance(value, list) else [str(value)]
        return f"{label} {' or '.join(names)}"
    return label
