"""requirements.yaml: deployment constraints, as gates (must) and weighted wishes (should)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, field_validator

from adoptreport.models.common import Identifier, InputModel, Text, duplicates


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


class Requirement(InputModel):
    id: Identifier
    attribute: Attribute
    value: RequirementValue
    reason: Text | None = None


class WeightedRequirement(Requirement):
    weight: Annotated[float, Field(gt=0.0, le=100.0)]


class RequirementsFile(InputModel):
    must: list[Requirement] = []
    should: list[WeightedRequirement] = []

    @field_validator("should")
    @classmethod
    def _ids_unique(cls, should: list[WeightedRequirement]) -> list[WeightedRequirement]:
        if repeated := duplicates([r.id for r in should]):
            raise ValueError(f"requirement ids must be unique (repeated: {', '.join(repeated)})")
        return should
