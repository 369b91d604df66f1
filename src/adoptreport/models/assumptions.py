"""assumptions.yaml: staffing and finance assumptions from a plan, to be tested."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator, model_validator

from adoptreport.models.common import (
    MAX_HEADCOUNT,
    Fraction,
    Identifier,
    InputModel,
    Text,
    duplicates,
)


class Assumption(InputModel):
    id: Identifier
    statement: Text
    teams: list[Identifier] | None = None
    kinds_of_work: list[Identifier] | None = None
    claimed_reduction_fraction: Fraction | None = None
    claimed_fte: Annotated[float, Field(ge=0.0, le=MAX_HEADCOUNT)] | None = None
    horizon: Text | None = None
    source: Text | None = None

    @model_validator(mode="after")
    def _one_claim(self) -> Assumption:
        if (self.claimed_reduction_fraction is None) == (self.claimed_fte is None):
            raise ValueError("give exactly one of claimed_reduction_fraction or claimed_fte")
        return self


class AssumptionsFile(InputModel):
    assumptions: list[Assumption] = []

    @field_validator("assumptions")
    @classmethod
    def _ids_unique(cls, items: list[Assumption]) -> list[Assumption]:
        if repeated := duplicates([a.id for a in items]):
            raise ValueError(f"assumption ids must be unique (repeated: {', '.join(repeated)})")
        return items
