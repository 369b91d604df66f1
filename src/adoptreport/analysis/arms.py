"""The pilot's designs applied: AI arm against control arm, and tasks tried on both sides.

The arm comparison uses the rows of every source that holds control rows (the whole pilot
when no row names a source): a study's own AI and control rows, not the tool trials beside it.
Total time per row = (ai_minutes or human_minutes) + review_minutes + rework_minutes; a
component blank in every row is not recorded and left out of the total; a component blank in
some rows only takes the mean of the row's arm there (the rule the published randomised study
used for missing rework), and the estimate without those rows is reported beside it.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import pandas as pd

from adoptreport.analysis.designs import (
    PairedTasks,
    TimeEffect,
    log_time_effect,
    paired_tasks,
    total_to_forecast,
)
from adoptreport.analysis.evidence import RowRanges
from adoptreport.analysis.stats import Interval, newcombe_difference, wilson
from adoptreport.models import ACCEPTED_OUTCOMES, Outcome, Policy
from adoptreport.models.case import PilotDesign
from adoptreport.models.folder import SOURCE_ROW
from adoptreport.models.pilot import Arm

COMPONENTS = ("review_minutes", "rework_minutes")
NO_SOURCE = "\x00"
UNNAMED_TOOL = "\x00ai"


@dataclass(frozen=True)
class ArmComparison:
    """Work with AI against work without it, on the rows of the study that holds both arms."""

    design: PilotDesign
    ai_rows: int
    control_rows: int
    time: TimeEffect | None  # None: no row of an arm has its total time measured
    without_filled: TimeEffect | None  # rows the missing-value rule filled left out instead
    filled_rows: int  # rows whose blank review or rework took their arm's mean
    not_recorded: tuple[str, ...]  # components blank in every row: left out of the total
    untimed_rows: int  # rows with neither AI nor human minutes: out of the time comparison
    acceptance_ai: Interval
    acceptance_control: Interval
    acceptance_difference: Interval  # AI − control, Newcombe's hybrid score interval
    ai_to_forecast: Interval | None  # Σ AI-arm total / Σ forecast − 1
    control_to_forecast: Interval | None  # Σ control total / Σ forecast − 1
    evidence: RowRanges


@dataclass(frozen=True)
class PairedComparison:
    """Two tools, or the AI arm and the control arm, on the tasks both tried."""

    first: str  # a tool id, or "ai"
    second: str  # a tool id, or "control"
    arms: bool
    result: PairedTasks
    evidence: RowRanges


def _is_control(pilot: pd.DataFrame) -> pd.Series:
    return pilot["arm"].eq(Arm.CONTROL.value).fillna(False).astype(bool)


def _accepted(pilot: pd.DataFrame) -> pd.Series:
    return pilot["outcome"].isin([o.value for o in ACCEPTED_OUTCOMES])


def study_rows(pilot: pd.DataFrame) -> pd.DataFrame:
    """The rows of the sources that hold control rows (empty when there are none)."""
    control = _is_control(pilot)
    if not control.any():
        return pilot.iloc[0:0]
    source = pilot["source"].fillna(NO_SOURCE)
    return pilot[source.isin(source[control].unique())]


def arm_comparison(
    pilot: pd.DataFrame, design: PilotDesign, policy: Policy, file: str
) -> ArmComparison | None:
    """None when the pilot has no control rows, or its study has no AI rows."""
    rows = study_rows(pilot)
    control = _is_control(rows)
    if rows.empty or control.all():
        return None
    level = policy.confidence_level
    ai = (~control).to_numpy()
    main = rows["ai_minutes"].where(~control, rows["human_minutes"]).to_numpy(float)
    not_recorded = tuple(c for c in COMPONENTS if rows[c].isna().all())
    total = main.copy()
    filled = np.zeros(len(rows), dtype=bool)
    for column in COMPONENTS:
        if column in not_recorded:
            continue
        values = rows[column].to_numpy(float)
        blank = np.isnan(values)
        arm_means = {
            side: np.nanmean(values[ai == side]) if (~blank & (ai == side)).any() else np.nan
            for side in (True, False)
        }
        total += np.where(blank, np.where(ai, arm_means[True], arm_means[False]), values)
        filled |= blank & ~np.isnan(main)
    timed = ~np.isnan(total) & (total > 0)
    effect = _effect(rows, total, ai, timed, level)
    accepted = _accepted(rows).to_numpy()
    n_ai, n_control = int(ai.sum()), int((~ai).sum())
    k_ai, k_control = int(accepted[ai].sum()), int(accepted[~ai].sum())
    forecast = rows["baseline_minutes"].to_numpy(float)
    seed = policy.seed + zlib.crc32(b"arms")
    return ArmComparison(
        design=design,
        ai_rows=n_ai,
        control_rows=n_control,
        time=effect,
        without_filled=_effect(rows, total, ai, timed & ~filled, level) if filled.any() else None,
        filled_rows=int((filled & timed).sum()),
        not_recorded=not_recorded,
        untimed_rows=int(np.isnan(main).sum()),
        acceptance_ai=wilson(k_ai, n_ai, level),
        acceptance_control=wilson(k_control, n_control, level),
        acceptance_difference=newcombe_difference(k_ai, n_ai, k_control, n_control, level),
        ai_to_forecast=_to_forecast(total, forecast, ai, policy, seed),
        control_to_forecast=_to_forecast(total, forecast, ~ai, policy, seed + 1),
        evidence=RowRanges.of(file, rows[SOURCE_ROW].to_numpy()),
    )


def _effect(
    rows: pd.DataFrame, total: np.ndarray, ai: np.ndarray, use: np.ndarray, level: float
) -> TimeEffect | None:
    if not (use & ai).any() or not (use & ~ai).any():
        return None
    forecast = rows["baseline_minutes"].to_numpy(float)[use]
    codes, _ = pd.factorize(rows["engineer"])  # −1 where no engineer is named
    engineer = codes[use]
    return log_time_effect(
        total[use],
        ai[use].astype(int),
        engineer if (engineer >= 0).all() else None,
        forecast if not np.isnan(forecast).any() else None,
        level,
    )


def _to_forecast(
    total: np.ndarray, forecast: np.ndarray, side: np.ndarray, policy: Policy, seed: int
) -> Interval | None:
    return total_to_forecast(
        total[side], forecast[side], policy.confidence_level, policy.bootstrap_draws, seed
    )


def row_totals(pilot: pd.DataFrame) -> pd.Series:
    """(AI or human minutes) + review + rework per row; NaN where a recorded part is blank.

    Rework blank on a row that needed none (any outcome but merged after rework) is none; a
    component blank in every row is not recorded and left out.
    """
    control = _is_control(pilot)
    total = pilot["ai_minutes"].where(~control, pilot["human_minutes"]).astype(float)
    if pilot["review_minutes"].notna().any():
        total = total + pilot["review_minutes"].astype(float)
    if pilot["rework_minutes"].notna().any():
        needed = pilot["outcome"] == Outcome.MERGED_AFTER_REWORK.value
        rework = pilot["rework_minutes"].astype(float)
        total = total + rework.where(needed, rework.fillna(0.0))
    return total


def paired_comparisons(
    pilot: pd.DataFrame, policy: Policy, file: str
) -> tuple[PairedComparison, ...]:
    """Every pair of tools that tried a task in common, then the AI arm against the control
    arm on tasks done in both; one row per task and side (the first in the file)."""
    pilot = pilot[pilot["task_id"].duplicated(keep=False)]  # only tasks tried more than once
    if pilot.empty:
        return ()
    control = _is_control(pilot)
    # An AI row without a tool (a study's "AI allowed") joins the arms pair, no tool pair.
    side = pilot["tool"].where(~control, Arm.CONTROL.value).fillna(UNNAMED_TOOL)
    frame = pd.DataFrame(
        {
            "task": pilot["task_id"],
            "side": side,
            "ai": ~control,
            "total": row_totals(pilot),
            "accepted": _accepted(pilot),
            "row": pilot[SOURCE_ROW],
        }
    )
    sides_per_task = frame.groupby("task", sort=False)["side"].nunique()
    shared = frame[frame["task"].isin(sides_per_task.index[sides_per_task > 1])]
    out: list[PairedComparison] = []
    tools = sorted(set(shared.loc[shared["ai"], "side"]) - {UNNAMED_TOOL})
    for first, second in combinations(tools, 2):
        out += _pair(
            shared, shared["side"] == first, shared["side"] == second, (first, second), policy, file
        )
    out += _pair(
        shared, shared["ai"], ~shared["ai"], (Arm.AI.value, Arm.CONTROL.value), policy, file
    )
    return tuple(out)


def _pair(
    shared: pd.DataFrame,
    first: pd.Series,
    second: pd.Series,
    names: tuple[str, str],
    policy: Policy,
    file: str,
) -> list[PairedComparison]:
    a = shared[first].sort_values("row").drop_duplicates("task").set_index("task")
    b = shared[second].sort_values("row").drop_duplicates("task").set_index("task")
    both = a.merge(b, how="inner", left_index=True, right_index=True, suffixes=("_a", "_b"))
    if both.empty:
        return []
    result = paired_tasks(
        both["total_a"].to_numpy(float),
        both["total_b"].to_numpy(float),
        both["accepted_a"].to_numpy(bool),
        both["accepted_b"].to_numpy(bool),
        policy.confidence_level,
        policy.bootstrap_draws,
        policy.seed + zlib.crc32("\x00".join(names).encode()),
    )
    rows = np.concatenate([both["row_a"].to_numpy(), both["row_b"].to_numpy()])
    arms = names == (Arm.AI.value, Arm.CONTROL.value)
    return [PairedComparison(names[0], names[1], arms, result, RowRanges.of(file, rows))]
