"""benchmarks.yaml: what vendors say their tools score on public benchmarks."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, WithJsonSchema, field_validator, model_validator

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


ScopeWeight = Annotated[float, Field(gt=0.0)]
# `scope` is written as one kind of work or as kinds with task counts or shares; the model
# keeps the kind with the most weight in `scope` and the whole mapping in `scope_mix`.
Scope = Annotated[
    Identifier,
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "additionalProperties": {"type": "number", "exclusiveMinimum": 0},
                },
            ],
            "description": "The kind of work the benchmark's tasks resemble, or its mix: "
            "kinds of work with task counts or shares.",
        }
    ),
]


class BenchmarkClaim(InputModel):
    id: Identifier
    vendor: Identifier
    tool: Identifier
    model: Text
    benchmark: Text
    score: Fraction
    tasks: Annotated[int, Field(ge=0, le=1_000_000)] | None = None
    scope: Scope
    scope_mix: dict[Identifier, ScopeWeight] | None = None
    conditions: BenchmarkConditions = BenchmarkConditions()
    source: Text
    reported_by: Text | None = Field(
        default=None,
        description="Who published the figure (a leaderboard, a paper) when not the vendor "
        "itself; blank = the vendor.",
    )
    source_date: dt.date | None = None
    source_grade: SourceGrade

    @model_validator(mode="before")
    @classmethod
    def _scope_as_mix(cls, data: object) -> object:
        if isinstance(data, dict) and isinstance(data.get("scope"), dict) and data["scope"]:
            mix = data["scope"]
            weights = [w for w in mix.values() if isinstance(w, int | float)]
            if len(weights) == len(mix):
                return {**data, "scope": max(mix, key=lambda k: mix[k]), "scope_mix": mix}
        return data

    def mix(self) -> dict[str, float]:
        """Each kind of work's share of the benchmark's tasks (one kind: all of them)."""
        weights = self.scope_mix or {self.scope: 1.0}
        total = sum(weights.values())
        return {kind: weight / total for kind, weight in weights.items()}


class BenchmarksFile(InputModel):
    claims: list[BenchmarkClaim] = []

    @field_validator("claims")
    @classmethod
    def _ids_unique(cls, claims: list[BenchmarkClaim]) -> list[BenchmarkClaim]:
        if repeated := duplicates([c.id for c in claims]):
            raise ValueError(f"claim ids must be unique (repeated: {', '.join(repeated)})")
        return claims
