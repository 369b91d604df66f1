"""Verdict per (tool, kind of work) by the case's policy."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from adoptreport.analysis.stats import Interval, spread_from_interval, tasks_to_decide
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
    SAVES_TOO_LITTLE = "saves less than the assist minimum"
    CLEARS_AUTOMATE = "clears the automate thresholds"
    ACCEPTANCE_SHORT = "saves time; acceptance short of automate"
    SAVING_SHORT = "saves time; saving short of automate"
    BOTH_SHORT = "saves time; acceptance and saving short of automate"
    NO_DETECTABLE_DIFFERENCE = "no detectable difference"
    UNDECIDED_AGAINST_MINIMUM = "saves time; undecided against the assist minimum"
    AUTOMATE_RULED_OUT = "acceptance rules out automate; time undecided"
    NOT_AFTER_CORRECTION = "not significant once corrected for many comparisons"


# Beyond this many times the policy's minimum, "more attempts would decide it" stops being
# a plan: the observed effect is too close to the threshold for any practical pilot.
PRACTICAL_MULTIPLE = 50
# A bootstrap interval from one attempt has no spread: a loss needs two timed attempts.
MIN_TIMED_FOR_LOSS = 2


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    reason: Reason
    more_tasks_needed: int | None  # only for insufficient evidence; None = no practical number


def decide(
    attempts: int, timed_attempts: int, acceptance: Interval, saved: Interval | None, policy: Policy
) -> Decision:
    """Apply the policy to interval ends; the methodology section states the same rules.

    Partial evidence decides what it can: a time-saved interval wholly below zero is *do not
    automate* however few the attempts (from two timed attempts: one has no spread), and an
    acceptance interval wholly below the automate minimum rules automating out even when time
    was not measured or too few attempts were timed.
    """
    automate = policy.automate_with_review
    floor = policy.assist.min_saved_fraction
    if saved is not None and timed_attempts >= MIN_TIMED_FOR_LOSS and saved.high < 0:
        return Decision(Verdict.DO_NOT_AUTOMATE, Reason.COSTS_TIME, None)
    if saved is None or min(attempts, timed_attempts) < policy.min_tasks_per_cell:
        shortfall = policy.min_tasks_per_cell - min(attempts, timed_attempts)
        if acceptance.high < automate.min_acceptance:
            more = None if saved is None else shortfall
            return Decision(Verdict.INSUFFICIENT_EVIDENCE, Reason.AUTOMATE_RULED_OUT, more)
        reason = Reason.NO_TIME_MEASURED if saved is None else Reason.TOO_FEW_ATTEMPTS
        return Decision(Verdict.INSUFFICIENT_EVIDENCE, reason, shortfall)
    if saved.high < floor:
        return Decision(Verdict.DO_NOT_AUTOMATE, Reason.SAVES_TOO_LITTLE, None)
    if saved.low > floor:
        acceptance_ok = acceptance.low >= automate.min_acceptance
        saving_ok = saved.low >= automate.min_saved_fraction
        if acceptance_ok and saving_ok:
            return Decision(Verdict.AUTOMATE_WITH_REVIEW, Reason.CLEARS_AUTOMATE, None)
        reason = (
            Reason.SAVING_SHORT
            if acceptance_ok
            else Reason.ACCEPTANCE_SHORT
            if saving_ok
            else Reason.BOTH_SHORT
        )
        return Decision(Verdict.ASSIST, reason, None)
    reason = (
        Reason.NO_DETECTABLE_DIFFERENCE if saved.contains(0.0) else Reason.UNDECIDED_AGAINST_MINIMUM
    )
    return Decision(
        Verdict.INSUFFICIENT_EVIDENCE, reason, more_needed(timed_attempts, saved, floor, policy)
    )


def more_needed(n: int, saved: Interval, threshold: float, policy: Policy) -> int | None:
    """More attempts that would decide against `threshold` with the policy's power, if the
    true saved fraction equals the current estimate; None beyond a practical pilot."""
    spread = spread_from_interval(saved, n)
    total = tasks_to_decide(saved.point, spread, threshold, policy.confidence_level, policy.power)
    if total is None or total - n > PRACTICAL_MULTIPLE * policy.min_tasks_per_cell:
        return None
    return max(1, total - n)


def best(verdicts: list[Verdict]) -> Verdict:
    return min(verdicts, key=VERDICT_ORDER.index)
