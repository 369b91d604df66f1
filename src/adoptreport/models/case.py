"""case.yaml: the organisation, the reporting period, the policy and the kinds of work."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from adoptreport.models.common import MIN_SHARE, Fraction, Identifier, InputModel, Text, duplicates


class Audience(StrEnum):
    BOARD = "board"
    PROCUREMENT = "procurement"
    FINANCE = "finance"
    FULL = "full"


DEFAULT_KINDS_OF_WORK: tuple[tuple[str, str, str], ...] = (
    ("isolated_bugfix", "Isolated bug fix", "A well-scoped defect in one place, with a test."),
    ("small_feature", "Small feature", "A contained addition within one component."),
    ("tests_and_docs", "Tests and docs", "New or improved tests and documentation."),
    ("multi_file_refactor", "Multi-file refactor", "A structural change across many files."),
    ("cross_service_change", "Cross-service change", "A change spanning several services."),
    ("legacy_change", "Legacy change", "A change in old, thinly tested code."),
    ("ambiguous_requirements", "Ambiguous requirements", "Work whose goal must be worked out."),
)


class KindOfWork(InputModel):
    id: Identifier
    label: Text
    description: str | None = None


def default_kinds_of_work() -> list[KindOfWork]:
    return [KindOfWork(id=i, label=label, description=d) for i, label, d in DEFAULT_KINDS_OF_WORK]


class AutomatePolicy(InputModel):
    """Both lower interval ends must clear these for *automate with review*."""

    min_acceptance: Fraction = 0.6
    min_saved_fraction: Fraction = 0.15


class AssistPolicy(InputModel):
    """The saved-fraction interval must lie above this for *assist*."""

    min_saved_fraction: Fraction = 0.0


class Policy(InputModel):
    confidence_level: Annotated[float, Field(gt=0.5, le=0.999)] = Field(
        default=0.90, description="Level of every interval (> 0.5, ≤ 0.999)."
    )
    min_tasks_per_cell: Annotated[int, Field(ge=1, le=10_000)] = Field(
        default=15, description="Attempts a (tool, kind) cell needs for a verdict (1–10,000)."
    )
    automate_with_review: AutomatePolicy = AutomatePolicy()
    assist: AssistPolicy = AssistPolicy()
    bootstrap_draws: Annotated[int, Field(ge=200, le=100_000)] = 2000
    seed: Annotated[int, Field(ge=0, le=2**32 - 1)] = 20261124
    power: Annotated[float, Field(gt=0.5, lt=1.0)] = Field(
        default=0.80,
        description="Chance a further pilot of the stated size decides a verdict, if the true "
        "value equals the current estimate.",
    )

    @model_validator(mode="after")
    def _thresholds_ordered(self) -> Policy:
        if self.assist.min_saved_fraction > self.automate_with_review.min_saved_fraction:
            raise ValueError(
                "assist.min_saved_fraction must not exceed automate_with_review.min_saved_fraction"
            )
        return self


class PilotDesign(StrEnum):
    """How the pilot's tasks were assigned to working with or without AI."""

    RANDOMISED = "randomised"  # each task randomly assigned to an arm, per engineer
    OBSERVATIONAL = "observational"  # tools tried on chosen tasks, against an estimate


class PilotFlow(InputModel):
    """How many tasks reached the pilot, and why the others did not; blank = not given."""

    eligible: Annotated[int, Field(ge=0)] | None = Field(
        default=None, description="Tasks that met the pilot's criteria."
    )
    withheld: Annotated[int, Field(ge=0)] | None = Field(
        default=None, description="Eligible tasks participants kept out of the pilot."
    )
    opted_out: Annotated[int, Field(ge=0)] | None = Field(
        default=None, description="Tasks left out because their engineer opted out."
    )
    dropped: Annotated[int, Field(ge=0)] | None = Field(
        default=None, description="Tasks started but dropped from the analysis."
    )
    why: Text | None = Field(default=None, description="Why tasks were withheld or dropped.")

    @model_validator(mode="after")
    def _parts_within_eligible(self) -> PilotFlow:
        parts = [self.withheld, self.opted_out, self.dropped]
        if self.eligible is not None and sum(p or 0 for p in parts) > self.eligible:
            raise ValueError("withheld + opted_out + dropped must not exceed eligible")
        return self


class Codebase(InputModel):
    name: Text
    tokens: Annotated[int, Field(ge=0, le=10**12)] | None = None
    bytes: Annotated[int, Field(ge=0, le=10**13)] | None = None

    @model_validator(mode="after")
    def _has_a_size(self) -> Codebase:
        if self.tokens is None and self.bytes is None:
            raise ValueError("give the codebase's size as tokens or bytes")
        return self


class Portfolio(InputModel):
    """Several tools bought together; each kind of work uses the best-supported of them."""

    id: Identifier
    name: Text
    tools: Annotated[list[Identifier], Field(min_length=2)]


class Plan(InputModel):
    tool: Identifier | None = Field(
        default=None,
        description="The tool (or portfolio id) the plan would buy: the headline option for "
        "hours, FTE and value; blank = the procurement leader's tool.",
    )


class CaseFile(InputModel):
    """The whole of case.yaml."""

    organisation: Text
    title: Text = "What AI can take on in our engineering work"
    period: Text
    report_date: dt.date
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] = "USD"
    audiences: list[Audience] = [Audience.BOARD]
    default_audience: Audience = Audience.BOARD
    policy: Policy = Policy()
    kinds_of_work: list[KindOfWork] = Field(default_factory=default_kinds_of_work)
    adoption_rate: Fraction | None = Field(
        default=None,
        description="Share of engineers who will actually use the tool (0 or 0.001–1); "
        "blank = assume all.",
    )
    fte_hours_per_week: Annotated[float, Field(ge=1.0, le=80.0)] = Field(
        default=40.0, description="Hours one full-time engineer works in a week (1–80)."
    )
    working_weeks_per_year: Annotated[float, Field(ge=1.0, le=53.0)] = Field(
        default=46.0, description="Weeks a year an engineer works, for annual values (1–53)."
    )
    period_start: dt.date | None = Field(
        default=None, description="First day of the pilot; attempts dated before it are warned."
    )
    period_end: dt.date | None = Field(
        default=None, description="Last day of the pilot; attempts dated after it are warned."
    )
    codebases: list[Codebase] = []
    pilot_design: PilotDesign = Field(
        default=PilotDesign.OBSERVATIONAL,
        description="randomised: tasks were assigned to the ai or control arm at random; "
        "observational (default): tools were tried on chosen tasks.",
    )
    pilot_flow: PilotFlow | None = Field(
        default=None, description="Tasks eligible, withheld, opted out and dropped, and why."
    )
    plan: Plan = Plan()
    portfolios: list[Portfolio] = []
    previous_case: str | None = None
    headline_claim: Identifier | None = Field(
        default=None,
        description="The benchmark claim the summary leads with (an id in benchmarks.yaml); "
        "by default the highest-scoring claim of the best source grade.",
    )

    @field_validator("kinds_of_work")
    @classmethod
    def _kinds_unique(cls, kinds: list[KindOfWork]) -> list[KindOfWork]:
        if not kinds:
            raise ValueError("at least one kind of work is needed")
        if repeated := duplicates([k.id for k in kinds]):
            raise ValueError(f"kind of work ids must be unique (repeated: {', '.join(repeated)})")
        return kinds

    @field_validator("adoption_rate")
    @classmethod
    def _adoption_counts(cls, rate: float | None) -> float | None:
        if rate is not None and 0.0 < rate < MIN_SHARE:
            raise ValueError(f"must be 0 or ≥ {MIN_SHARE:g} (got {rate:g})")
        return rate

    @model_validator(mode="after")
    def _default_audience_listed(self) -> CaseFile:
        if self.default_audience not in self.audiences:
            raise ValueError(
                f"default_audience {self.default_audience.value!r} must be one of audiences "
                f"({', '.join(a.value for a in self.audiences)})"
            )
        if self.period_start and self.period_end and self.period_start > self.period_end:
            raise ValueError(
                f"period_start {self.period_start} must not be after period_end {self.period_end}"
            )
        if repeated := duplicates([c.name for c in self.codebases]):
            raise ValueError(f"codebase names must be unique (repeated: {', '.join(repeated)})")
        return self

    def kind_ids(self) -> list[str]:
        return [k.id for k in self.kinds_of_work]

    def kind_label(self, kind_id: str) -> str:
        return next((k.label for k in self.kinds_of_work if k.id == kind_id), kind_id)
