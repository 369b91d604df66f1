"""Shared building blocks of the input models."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

# Bounds from the domain: a value past one is a typo or a unit mistake, never a real case, and
# an unbounded number would reach the statistics and the printed report as inf or 300 digits.
MAX_MINUTES = 10_000  # one attempt: about a month of working time
MAX_BASELINE_MINUTES = 100_000  # a person alone on one task: most of a working year
MIN_BASELINE_MINUTES = 0.01  # a baseline divides time saved: a denormal one would overflow it
MIN_SHARE = 0.001  # the smallest non-zero weight or adoption rate; below, it is a typo
MAX_COUNT = 10_000  # incidents, defects, files or services in one attempt
MAX_TOKENS = 1_000_000_000  # tokens read or written in one attempt; a context window
MAX_MONEY = 10_000.0  # a price or cost per unit (hour, seat-month, million tokens)
MAX_HEADCOUNT = 1_000_000
MAX_WEEKLY_HOURS = 80.0  # per engineer, per kind of work and in total

Fraction = Annotated[float, Field(ge=0.0, le=1.0)]
Minutes = Annotated[float, Field(ge=0.0, le=MAX_MINUTES)]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
Tokens = Annotated[int, Field(ge=0, le=MAX_TOKENS)]
Money = Annotated[float, Field(ge=0.0, le=MAX_MONEY)]
WeeklyHours = Annotated[float, Field(ge=0.0, le=MAX_WEEKLY_HOURS)]
Identifier = Annotated[
    str, Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
]
Text = Annotated[str, Field(min_length=1, max_length=2000)]


class InputModel(BaseModel):
    """Base of every input model: unknown fields are an error, values are immutable and
    finite (inf and nan are refused)."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, allow_inf_nan=False
    )


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
