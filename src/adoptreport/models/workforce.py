"""workforce.csv: one row per team.

Columns: team, role, headcount, loaded_hourly_cost, then one `hours_<kind of work>` column
per kind: weekly hours one engineer of the team spends on that kind.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from adoptreport.models.common import (
    MAX_HEADCOUNT,
    MAX_WEEKLY_HOURS,
    Identifier,
    InputModel,
    Money,
    Text,
    WeeklyHours,
)

HOURS_PREFIX = "hours_"


class Team(InputModel):
    team: Identifier
    role: Text
    headcount: Annotated[float, Field(ge=0.0, le=MAX_HEADCOUNT)] = Field(
        description="Engineers in the team (0–1,000,000)."
    )
    loaded_hourly_cost: Money | None = Field(
        default=None, description="Cost of one engineer-hour, all in (0–10,000)."
    )
    hours_by_kind: dict[Identifier, WeeklyHours] = Field(
        description="Weekly hours per engineer by kind of work (CSV columns hours_<kind>), "
        "0–80 each and at most 80 in total."
    )

    @model_validator(mode="after")
    def _week_fits(self) -> Team:
        total = sum(self.hours_by_kind.values())
        if total > MAX_WEEKLY_HOURS:
            raise ValueError(
                f"weekly hours per engineer add up to {total:g}; must be ≤ {MAX_WEEKLY_HOURS:g}"
            )
        return self
