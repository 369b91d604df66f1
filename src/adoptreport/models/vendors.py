"""vendors.yaml: what each vendor offers, and the tools the pilot used."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from adoptreport.models.common import (
    MAX_COUNT,
    Identifier,
    InputModel,
    Money,
    SourceGrade,
    Text,
    Tokens,
    duplicates,
)

MAX_RETENTION_DAYS = 36_500  # a hundred years: longer is "kept for ever", not a number of days


class Deployment(InputModel):
    clouds: list[Text] | None = None
    regions: list[Text] | None = None
    on_prem: bool | None = None
    vpc: bool | None = None


class Pricing(InputModel):
    """Prices per unit, each 0–10,000 in the case's currency."""

    seat_per_month: Money | None = None
    input_per_million_tokens: Money | None = None
    output_per_million_tokens: Money | None = None


class Tool(InputModel):
    id: Identifier
    name: Text
    model: Text | None = None
    pricing: Pricing | None = Field(
        default=None,
        description="This tool's (model's) own prices, where they differ from the vendor's; "
        "a price left out here is the vendor's.",
    )


class HallucinationClaimKind(StrEnum):
    RELATIVE_REDUCTION = "relative_reduction"
    RATE = "rate"


class HallucinationClaim(InputModel):
    tool: Identifier
    kind: HallucinationClaimKind
    value: Annotated[float, Field(ge=0.0, le=MAX_COUNT)] = Field(
        description="A fraction ≤ 1 (relative_reduction) or incidents per attempt (≤ 10,000)."
    )
    baseline_tool: Identifier | None = None
    hallucination_kinds: list[Identifier] | None = Field(
        default=None,
        description="The kinds of hallucination the claim is about (as pilot.csv names "
        "them); blank = every kind.",
    )
    text: Text
    source: Text
    source_date: dt.date | None = None
    source_grade: SourceGrade

    @model_validator(mode="after")
    def _reduction_needs_baseline(self) -> HallucinationClaim:
        if self.kind is HallucinationClaimKind.RELATIVE_REDUCTION:
            if self.baseline_tool is None:
                raise ValueError(
                    "a relative_reduction claim needs baseline_tool (reduced against what?)"
                )
            if self.value > 1:
                raise ValueError(f"a relative_reduction is a fraction ≤ 1 (got {self.value})")
        return self


class Vendor(InputModel):
    id: Identifier
    name: Text
    tools: list[Tool]
    deployment: Deployment = Deployment()
    data_retention_days: Annotated[int, Field(ge=0, le=MAX_RETENTION_DAYS)] | None = Field(
        default=None, description="Days the vendor keeps prompts and code (0–36,500)."
    )
    zero_retention: bool | None = None
    certifications: list[Text] | None = None
    context_window_tokens: Tokens | None = Field(
        default=None, description="Tokens the model reads at once (≤ 10⁹)."
    )
    sso: bool | None = None
    ip_indemnity: bool | None = None
    pricing: Pricing = Pricing()
    hallucination_claims: list[HallucinationClaim] = []

    def prices_for(self, tool_id: str) -> Pricing:
        """A tool's prices: its own where it states them, else the vendor's."""
        own = next((t.pricing for t in self.tools if t.id == tool_id), None)
        if own is None:
            return self.pricing
        stated = own.model_dump(exclude_none=True)
        return self.pricing.model_copy(update=stated)


class VendorsFile(InputModel):
    vendors: list[Vendor]

    @field_validator("vendors")
    @classmethod
    def _ids_unique(cls, vendors: list[Vendor]) -> list[Vendor]:
        if repeated := duplicates([v.id for v in vendors]):
            raise ValueError(f"vendor ids must be unique (repeated: {', '.join(repeated)})")
        if repeated := duplicates([t.id for v in vendors for t in v.tools]):
            raise ValueError(f"tool ids must be unique (repeated: {', '.join(repeated)})")
        return vendors

    def tool_ids(self) -> list[str]:
        return [t.id for v in self.vendors for t in v.tools]

    def tool_names(self) -> dict[str, str]:
        """Tool id → the name the report prints."""
        return {t.id: t.name for v in self.vendors for t in v.tools}
