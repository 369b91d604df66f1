"""Shared building blocks of the input models."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Fraction = Annotated[float, Field(ge=0.0, le=1.0)]
Minutes = Annotated[float, Field(ge=0.0)]
Count = Annotated[int, Field(ge=0)]
Money = Annotated[float, Field(ge=0.0)]
Identifier = Annotated[
    str, Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
]
Text = Annotated[str, Field(min_length=1, max_length=2000)]


class InputModel(BaseModel):
    """Base of every input model: unknown fields are an error, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class SourceGrade(StrEnum):
    """How much weight a published figure can bear."""

    OFFICIAL = "official"
    INDEPENDENT = "independent"
    BLOG = "blog"
    ESTIMATE = "estimate"


def duplicates(values: list[str]) -> list[str]:
    """Values that occur more than once, in first-seen order."""
    seen: set[str] = set()
    repeated: list[str] = []
    for value in values:
        if value in seen and value not in repeated:
            repeated.append(value)
        seen.add(value)
    return repeated
