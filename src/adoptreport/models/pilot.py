"""pilot.csv: one row per pilot attempt of a task with an AI tool.

The model documents one row and gives the JSON Schema; the loader validates the table
column by column against these same fields, so a large pilot never builds a model per row.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from adoptreport.models.common import (
    MAX_BASELINE_MINUTES,
    MIN_BASELINE_MINUTES,
    Count,
    Identifier,
    InputModel,
    Minutes,
    Tokens,
)


class Outcome(StrEnum):
    MERGED = "merged"
    MERGED_AFTER_REWORK = "merged_after_rework"
    REJECTED = "rejected"
    ABANDONED = "abandoned"


ACCEPTED_OUTCOMES = frozenset({Outcome.MERGED, Outcome.MERGED_AFTER_REWORK})


class PilotAttempt(InputModel):
    task_id: Identifier = Field(description="The task tried; (task_id, tool) is unique.")
    tool: Identifier = Field(description="A tool id declared in vendors.yaml.")
    kind_of_work: Identifier = Field(description="A kind of work declared in case.yaml.")
    outcome: Outcome
    ai_minutes: Minutes = Field(
        description="Minutes of AI-assisted work by the engineer (0–10,000)."
    )
    review_minutes: Minutes = Field(description="Minutes of review (0–10,000).")
    rework_minutes: Minutes | None = Field(
        default=None, description="Minutes of rework after review (0–10,000); blank = not measured."
    )
    baseline_minutes: (
        Annotated[float, Field(ge=MIN_BASELINE_MINUTES, le=MAX_BASELINE_MINUTES)] | None
    ) = Field(
        default=None,
        description="Estimated minutes for a human alone (0.01–100,000); blank = not measured.",
    )
    input_tokens: Tokens | None = Field(
        default=None,
        description="Tokens the tool read for this attempt (≤ 10⁹); blank = not measured.",
    )
    output_tokens: Tokens | None = Field(
        default=None,
        description="Tokens the tool wrote for this attempt (≤ 10⁹); blank = not measured.",
    )
    hallucinations: Count | None = Field(
        default=None, description="Incidents in this attempt (0–10,000); blank = not measured."
    )
    hallucination_kinds: str | None = Field(
        default=None, description="Semicolon-separated kinds, e.g. invented_api;nonexistent_file."
    )
    escaped_defects: Count | None = Field(default=None, description="0–10,000.")
    files_touched: Count | None = Field(default=None, description="0–10,000.")
    services_touched: Count | None = Field(default=None, description="0–10,000.")
    date: dt.date | None = None
