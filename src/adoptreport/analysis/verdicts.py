"""Verdict per (tool, kind of work) by the case's policy."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from adoptreport.analysis.stats import Interval, tasks_to_decide, z_score
from adoptreport.models.case import Policy


class Verdict(StrEnum):
    AUTOMATE_WITH_REVIEW = "automate with review"
    ASSIST = "assist"
    DO_NOT_AUTOMATE = "do not automate"
    INSUFFICIENT_EVIDENCE = "insufficient evidence"


# Best first: when several tools were piloted on a kind, the kind gets the best verdict.
VERDICT_ORDER = (
    Verdict.AUTOMATE_WITH_REVIEW,
    Verdict.ASSIST,
    Verdict.INSUFFICIENT_EVIDENCE,
    Verdict.DO_NOT_AUTOMATE,
)


class Reason(StrEnum):
    TOO_FEW_ATTEMPTS = "too few attempts"
    NO_TIME_MEASURED = "no time measurements"
    COSTS_TIME = "costs time"
    CLEARS_AUTOMATE = "clears the automate thresholds"
    SAVES_TIME = "saves time"
    NO_DETECTABLE_DIFFERENCE = "no detectable difference"


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    reason: Reason
    more_tasks_needed: int | None  # only for insufficient evidence; None = not decidable


def decide(
    attempts: int, timed_attempts: int, acceptance: Interval, saved: Interval | None, policy: Policy
) -> Decision:
    """Apply the policy to interval ends; see the methodology section for the rules."""
    automate = policy.automate_with_review
    assist_floor = policy.assist.min_saved_fraction
    if (
        attempts < policy.min_tasks_per_cell
        or saved is None
        or timed_attempts < policy.min_tasks_per_cell
    ):
        shortfall = policy.min_tasks_per_cell - min(attempts, timed_attempts)
        needed = _more_needed(timed_attempts, saved, assist_floor, policy.confidence_level)
        reason = Reason.NO_TIME_MEASURED if saved is None else Reason.TOO_FEW_ATTEMPTS
        more = max(shortfall, needed) if needed is not None else shortfall
        return Decision(Verdict.INSUFFICIENT_EVIDENCE, reason, more)
    if saved.high < assist_floor:
        return Decision(Verdict.DO_NOT_AUTOMATE, Reason.COSTS_TIME, None)
    if acceptance.low >= automate.min_acceptance and saved.low >= automate.min_saved_fraction:
        return Decision(Verdict.AUTOMATE_WITH_REVIEW, Reason.CLEARS_AUTOMATE, None)
    if saved.low > assist_floor:
        return Decision(Verdict.ASSIST, Reason.SAVES_TIME, None)
    needed = _more_needed(timed_attempts, saved, assist_floor, policy.confidence_level)
    return Decision(Verdict.INSUFFICIENT_EVIDENCE, Reason.NO_DETECTABLE_DIFFERENCE, needed)


def _more_needed(n: int, saved: Interval | None, threshold: float, level: float) -> int | None:
    if saved is None or n == 0:
        return None
    # Per-attempt spread recovered from the interval's width (normal approximation).
    z_width = saved.high - saved.low
    spread = z_width / 2.0 * math.sqrt(n) / z_score(level)
    total = tasks_to_decide(saved.point, spread, threshold, level)
    return None if total is None else max(0, total - n)


def best(verdicts: list[Verdict]) -> Verdict:
    return min(verdicts, key=VERDICT_ORDER.index)
