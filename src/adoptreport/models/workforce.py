"""workforce.csv: one row per team.

Columns: team, role, headcount, loaded_hourly_cost, then one `hours_<kind of work>` column
per kind: weekly hours one engineer of the team spends on that kind.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from adoptreport.models.common import Identifier, InputModel, Text

HOURS_PREFIX = "hours_"


class Team(InputModel):
    team: Identifier
    role: Text
    headcount: Annotated[float, Field(ge=0.0)]
    loaded_hourly_cost: Annotated[float, Field(ge=0.0)] | None = None
    hours_by_kind: dict[Identifier, Annotated[float, Field(ge=0.0, le=168.0)]] = Field(
        description="Weekly hours per engineer by kind of work (CSV columns hours_<kind>)."
    )
