"""benchmarks.yaml: what vendors say their tools score on public benchmarks."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, field_validator

from adoptreport.models.common import (
    Fraction,
    Identifier,
    InputModel,
    SourceGrade,
    Text,
    duplicates,
)


class BenchmarkConditions(InputModel):
    scaffold: Text | None = None
    attempts: Annotated[int, Field(ge=1, le=10_000)] | None = None
    notes: Text | None = None


class BenchmarkClaim(InputModel):
    id: Identifier
    vendor: Identifier
    tool: Identifier
    model: Text
    benchmark: Text
    score: Fraction
    tasks: Annotated[int, Field(ge=0, le=1_000_000)] | None = None
    scope: Identifier
    conditions: BenchmarkConditions = BenchmarkConditions()
    source: Text
    source_date: dt.date | None = None
    source_grade: SourceGrade


class BenchmarksFile(InputModel):
    claims: list[BenchmarkClaim] = []

    @field_validator("claims")
    @classmethod
    def _ids_unique(cls, claims: list[BenchmarkClaim]) -> list[BenchmarkClaim]:
        if repeated := duplicates([c.id for c in claims]):
            raise ValueError(f"claim ids must be unique (repeated: {', '.join(repeated)})")
        return claims
