"""pilot.csv: one row per pilot attempt of a task, with an AI tool or (control arm) without.

The model documents one row and gives the JSON Schema; the loader validates the table
column by column against these same fields, so a large pilot never builds a model per row.
Rules across columns and rows (a control row has no tool, an engineer is named in every row
of a source or in none) are checked by `load.pilot_rules`.
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
    Money,
    Tokens,
)

Hours = Annotated[float, Field(ge=0.0)]


class Outcome(StrEnum):
    MERGED = "merged"
    MERGED_AFTER_REWORK = "merged_after_rework"
    REJECTED = "rejected"
    ABANDONED = "abandoned"
    TESTS_FAILED = "tests_failed"  # a benchmark's tests failed the change: not accepted


class Arm(StrEnum):
    """Whether the engineer worked with an AI tool (`ai`) or without (`control`)."""

    AI = "ai"
    CONTROL = "control"


ACCEPTED_OUTCOMES = frozenset({Outcome.MERGED, Outcome.MERGED_AFTER_REWORK})
TIME_COLUMNS = ("ai_minutes", "human_minutes", "review_minutes", "rework_minutes")


class PilotAttempt(InputModel):
    task_id: Identifier = Field(description="The task tried; (task_id, tool) is unique.")
    tool: Identifier | None = Field(
        default=None,
        description="A tool id declared in vendors.yaml; required when arm is blank (a tool "
        "trial); may be blank in an `ai` row of a study (AI allowed, tool not recorded); blank "
        "in `control` rows.",
    )
    kind_of_work: Identifier = Field(description="A kind of work declared in case.yaml.")
    outcome: Outcome
    arm: Arm | None = Field(
        default=None, description="ai (with a tool) or control (without AI); blank = ai."
    )
    engineer: Identifier | None = Field(
        default=None,
        description="Who did the task (a participant id); named in every row of a source or "
        "in none.",
    )
    ai_minutes: Minutes | None = Field(
        default=None,
        description="Minutes of AI-assisted work by the engineer; blank = not measured; blank "
        "in control rows.",
    )
    human_minutes: Minutes | None = Field(
        default=None,
        description="Minutes an engineer worked on the task without AI (control rows); blank "
        "= not measured.",
    )
    review_minutes: Minutes | None = Field(
        default=None, description="Minutes of review; blank = not measured."
    )
    rework_minutes: Minutes | None = Field(
        default=None, description="Minutes of rework after review (0–10,000); blank = not measured."
    )
    baseline_minutes: (
        Annotated[float, Field(ge=MIN_BASELINE_MINUTES, le=MAX_BASELINE_MINUTES)] | None
    ) = Field(
        default=None,
        description="Minutes a human alone was forecast to need, estimated before the work "
        "(0.01–100,000); blank = not measured.",
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
    cost: Money | None = Field(
        default=None,
        description="Money spent on the attempt (API calls, compute) in the case's currency; "
        "blank = not measured.",
    )
    hours_to_first_review: Hours | None = Field(
        default=None,
        description="Elapsed hours from opening the change to its first review (calendar "
        "time, not effort); blank = not measured.",
    )
    hours_to_merge: Hours | None = Field(
        default=None,
        description="Elapsed hours from opening the change to its merge (calendar time, not "
        "effort); blank = not measured.",
    )
    source: Annotated[str, Field(max_length=200)] | None = Field(
        default=None,
        description="Where the row came from (a study, an import); rows of one source are "
        "checked together, and an import replaces its own rows (same source and tool) and no "
        "others.",
    )
