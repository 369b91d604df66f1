"""Many kinds and tools at once: verdicts kept only where Benjamini–Hochberg keeps them.

Each (tool, kind) cell with enough timed attempts is one comparison: its net time saved
against the policy's assist minimum, with a two-sided p-value read from its interval as a
normal one. Benjamini–Hochberg at a false discovery rate of 1 − the confidence level keeps
the directional calls (automate with review, assist, do not automate) it rejects the null
for; the others become *insufficient evidence*.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from adoptreport.analysis.pilot import Cell
from adoptreport.analysis.stats import Interval, benjamini_hochberg, p_value
from adoptreport.analysis.verdicts import Decision, Reason, Verdict, more_needed
from adoptreport.models.case import Policy

DIRECTIONAL = (Verdict.AUTOMATE_WITH_REVIEW, Verdict.ASSIST, Verdict.DO_NOT_AUTOMATE)


@dataclass(frozen=True)
class Multiplicity:
    comparisons: int  # cells tested against the assist minimum
    rate: float  # the false discovery rate controlled
    withdrawn: int  # directional verdicts the correction turned into insufficient evidence


def correct_decisions(
    tested: list[tuple[Decision, Interval | None, bool]], policy: Policy
) -> tuple[list[Decision], Multiplicity]:
    """(decision, saved interval, whether it counts as a comparison) → corrected decisions."""
    floor = policy.assist.min_saved_fraction
    rate = 1.0 - policy.confidence_level
    index = [i for i, (_, saved, counts) in enumerate(tested) if counts and saved is not None]
    p_values = [p_value(_saved(tested[i][1]), floor) for i in index]
    kept = dict(zip(index, benjamini_hochberg(p_values, rate), strict=True))
    out, withdrawn = [], 0
    for i, (decision, _, _) in enumerate(tested):
        if decision.verdict in DIRECTIONAL and not kept.get(i, False):
            withdrawn += 1
            decision = Decision(Verdict.INSUFFICIENT_EVIDENCE, Reason.NOT_AFTER_CORRECTION, None)
        out.append(decision)
    return out, Multiplicity(len(index), rate, withdrawn)


def correct_cells(cells: tuple[Cell, ...], policy: Policy) -> tuple[tuple[Cell, ...], Multiplicity]:
    """The cells with their decisions corrected across every tool and kind at once."""
    # Every cell with enough timed attempts is a comparison, and so is any cell that makes a
    # directional call on fewer (a time-saved interval wholly below zero decides "do not
    # automate" however few the attempts): a call made is a call counted.
    tested = [
        (
            c.decision,
            c.saved_fraction,
            min(c.attempts, c.timed_attempts) >= policy.min_tasks_per_cell
            or c.decision.verdict in DIRECTIONAL,
        )
        for c in cells
    ]
    decisions, summary = correct_decisions(tested, policy)
    return (
        tuple(
            dataclasses.replace(c, decision=_with_more_needed(c, d, policy))
            for c, d in zip(cells, decisions, strict=True)
        ),
        summary,
    )


def _with_more_needed(cell: Cell, decision: Decision, policy: Policy) -> Decision:
    """A withdrawn call still says how many more attempts would decide it, at the policy's
    power: the correction changes the verdict, not what a longer pilot would show."""
    if decision.reason is not Reason.NOT_AFTER_CORRECTION or cell.saved_fraction is None:
        return decision
    floor = policy.assist.min_saved_fraction
    more = more_needed(cell.timed_attempts, cell.saved_fraction, floor, policy)
    return dataclasses.replace(decision, more_tasks_needed=more)


def _saved(interval: Interval | None) -> Interval:
    assert interval is not None
    return interval
