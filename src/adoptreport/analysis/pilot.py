"""Outcome rates, time saved and review burden per (tool, kind of work)."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from adoptreport.analysis.evidence import RowRanges
from adoptreport.analysis.stats import Interval, poisson_exact, ratio_interval, wilson
from adoptreport.analysis.verdicts import Decision, decide
from adoptreport.models import ACCEPTED_OUTCOMES, Outcome
from adoptreport.models.case import Policy
from adoptreport.models.folder import SOURCE_ROW
from adoptreport.models.pilot import Arm


@dataclass(frozen=True)
class Cell:
    """What the pilot observed for one tool on one kind of work."""

    tool: str
    kind: str
    attempts: int
    accepted: int
    clean: int
    acceptance: Interval
    clean_acceptance: Interval
    escaped_defect_rate: Interval | None  # accepted changes with an escaped defect
    timed_attempts: int  # attempts whose minutes are all measured
    saved_fraction: Interval | None  # Σ net minutes saved / Σ baseline minutes
    saved_minutes_per_attempt: float | None
    review_minutes_per_merged: Interval | None
    hallucinations_per_attempt: Interval | None
    decision: Decision
    evidence: RowRanges


def tool_attempts(pilot: pd.DataFrame) -> pd.DataFrame:
    """The rows tried with a named AI tool: control rows (worked without AI) and a study's
    AI rows that name no tool are left out (analysis.arms compares those)."""
    if "arm" not in pilot.columns:
        return pilot
    control = pilot["arm"].eq(Arm.CONTROL.value).fillna(False).astype(bool)
    return pilot[~control & pilot["tool"].notna()]


def add_net_minutes(pilot: pd.DataFrame) -> pd.DataFrame:
    """The tool attempts (`tool_attempts`) with `accepted` and `net_saved_minutes` (NaN where
    a needed minute is missing: an outcome-only pilot has none).

    Merged: baseline − (AI + review + rework). Not merged: −(AI + review), since a person
    still does the task.
    """
    pilot = tool_attempts(pilot)
    accepted = pilot["outcome"].isin([o.value for o in ACCEPTED_OUTCOMES])
    rework = pilot["rework_minutes"].where(
        pilot["outcome"] == Outcome.MERGED_AFTER_REWORK.value, pilot["rework_minutes"].fillna(0.0)
    )
    spent = pilot["ai_minutes"] + pilot["review_minutes"]
    merged_net = pilot["baseline_minutes"] - (spent + rework)
    not_merged_net = -spent.where(pilot["baseline_minutes"].notna())
    return pilot.assign(
        accepted=accepted, net_saved_minutes=merged_net.where(accepted, not_merged_net)
    )


def cells(
    pilot: pd.DataFrame, policy: Policy, pilot_file: str, kinds: Sequence[str] = ()
) -> tuple[Cell, ...]:
    """One `Cell` per (tool, kind of work) that has attempts, sorted by tool, then kind in
    the order `kinds` (case.yaml's) declares; `pilot` carries `add_net_minutes`' columns."""
    # Only the columns a cell reads: splitting a million rows of task ids into groups is slow.
    used = ["tool", "kind_of_work", "outcome", "escaped_defects", "baseline_minutes"]
    used += ["review_minutes", "hallucinations", "accepted", "net_saved_minutes", SOURCE_ROW]
    order = {kind: i for i, kind in enumerate(kinds)}
    groups = [
        (str(tool), str(kind), group)
        for (tool, kind), group in pilot[used].groupby(["tool", "kind_of_work"], sort=True)
    ]
    groups.sort(key=lambda g: (g[0], order.get(g[1], len(order)), g[1]))
    return tuple(_cell(tool, kind, group, policy, pilot_file) for tool, kind, group in groups)


def _cell(tool: str, kind: str, group: pd.DataFrame, policy: Policy, pilot_file: str) -> Cell:
    level = policy.confidence_level
    n = len(group)
    accepted = int(group["accepted"].sum())
    clean = int((group["outcome"] == Outcome.MERGED.value).sum())
    merged = group[group["accepted"]]
    defects_known = merged["escaped_defects"].dropna()
    escaped = (
        wilson(int((defects_known > 0).sum()), len(defects_known), level)
        if len(defects_known)
        else None
    )
    timed = group[group["net_saved_minutes"].notna()]
    seed = _cell_seed(policy.seed, tool, kind)
    saved = (
        ratio_interval(
            timed["net_saved_minutes"].to_numpy(float),
            timed["baseline_minutes"].to_numpy(float),
            level,
            policy.bootstrap_draws,
            seed,
        )
        if len(timed) and timed["baseline_minutes"].sum() > 0
        else None
    )
    review = merged["review_minutes"].dropna().to_numpy(float)
    review_interval = (
        ratio_interval(review, np.ones_like(review), level, policy.bootstrap_draws, seed + 1)
        if len(review)
        else None
    )
    hallucinations = group["hallucinations"].dropna()
    hallucination_rate = (
        poisson_exact(int(hallucinations.sum()), float(len(hallucinations)), level)
        if len(hallucinations)
        else None
    )
    acceptance = wilson(accepted, n, level)
    return Cell(
        tool=tool,
        kind=kind,
        attempts=n,
        accepted=accepted,
        clean=clean,
        acceptance=acceptance,
        clean_acceptance=wilson(clean, n, level),
        escaped_defect_rate=escaped,
        timed_attempts=len(timed),
        saved_fraction=saved,
        saved_minutes_per_attempt=float(timed["net_saved_minutes"].mean()) if len(timed) else None,
        review_minutes_per_merged=review_interval,
        hallucinations_per_attempt=hallucination_rate,
        decision=decide(n, len(timed), acceptance, saved, policy),
        evidence=RowRanges.of(pilot_file, group[SOURCE_ROW].to_numpy()),
    )


def _cell_seed(seed: int, tool: str, kind: str) -> int:
    # Stable across processes (unlike hash()), so the same case gives the same intervals.
    return seed + zlib.crc32(f"{tool}\x00{kind}".encode())
