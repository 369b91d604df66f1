"""Rules across a pilot row's columns and across rows, after each column is validated.

- a tool trial (arm blank) names its tool; a study's `ai` row may leave it blank (AI allowed,
  the tool not recorded); a `control` row has no tool, no `ai_minutes`, and its engineer's own
  time goes in `human_minutes`;
- within one `source` (rows with a blank source form one), an engineer is named in every
  row or in none: a partly filled column cannot be clustered by engineer.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from adoptreport.load import messages as say
from adoptreport.load.problems import Problem, row_problem, shown
from adoptreport.models.folder import SOURCE_ROW
from adoptreport.models.pilot import Arm

MAX_PROBLEMS_PER_RULE = 20
NO_SOURCE = "\x00"  # the group of rows whose source is blank


def control_mask(pilot: pd.DataFrame) -> pd.Series:
    """True for rows of the control arm (worked without AI)."""
    return pilot["arm"].eq(Arm.CONTROL.value).fillna(False).astype(bool)


def pilot_rule_problems(pilot: pd.DataFrame, file: str, raw: pd.DataFrame) -> list[Problem]:
    """Every breach of the rules above; `raw` holds the cells as written, for messages."""
    control = control_mask(pilot)
    ai = ~control & ~_bad(raw, "arm", pilot)
    trial = ai & pilot["arm"].isna()  # no arm given: a tool trial, which names its tool
    if "tool" not in raw.columns and trial.any():
        return [Problem(file, "", "tool", say.REQUIRED_COLUMN)]
    rules = (
        (
            trial & pilot["tool"].isna() & ~_bad(raw, "tool", pilot),
            "tool",
            say.REQUIRED_VALUE,
        ),
        (
            control & pilot["tool"].notna(),
            "tool",
            "a control row has no tool (got {value}); leave it blank, or set arm to ai",
        ),
        (
            control & pilot["ai_minutes"].notna(),
            "ai_minutes",
            "a control row has no AI-assisted minutes (got {value}); put the engineer's own "
            "minutes in human_minutes, or set arm to ai",
        ),
        (
            ai & pilot["human_minutes"].notna(),
            "human_minutes",
            "an ai row's minutes go in ai_minutes (got {value}); human_minutes is for control rows",
        ),
    )
    problems: list[Problem] = []
    for mask, field, message in rules:
        for i in np.flatnonzero(mask.to_numpy())[:MAX_PROBLEMS_PER_RULE]:
            value = shown(raw[field].iloc[i]) if field in raw.columns else ""
            problems.append(
                row_problem(
                    file, int(pilot[SOURCE_ROW].iloc[i]), field, message.format(value=value)
                )
            )
    return problems + _engineer_problems(pilot, file)


def _bad(raw: pd.DataFrame, column: str, pilot: pd.DataFrame) -> pd.Series:
    """Cells written but refused by the column check (already reported there)."""
    if column not in raw.columns:
        return pd.Series(False, index=pilot.index)
    written = raw[column].reset_index(drop=True).astype(str).str.strip().ne("")
    written &= raw[column].reset_index(drop=True).notna()
    return (written & pilot[column].isna()).set_axis(pilot.index)


def _engineer_problems(pilot: pd.DataFrame, file: str) -> list[Problem]:
    source = pilot["source"].fillna(NO_SOURCE)
    named = pilot["engineer"].notna()
    per_source = named.groupby(source).transform("sum")
    blank = ~named & (per_source > 0)
    problems = []
    for i in np.flatnonzero(blank.to_numpy())[:MAX_PROBLEMS_PER_RULE]:
        where = source.iloc[i]
        rows = "other rows" if where == NO_SOURCE else f"other rows of source {shown(where)}"
        problems.append(
            row_problem(
                file,
                int(pilot[SOURCE_ROW].iloc[i]),
                "engineer",
                f"blank, but {int(per_source.iloc[i]):,} {rows} name an engineer; name the "
                "engineer in every row or in none",
            )
        )
    return problems
