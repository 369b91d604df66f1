"""What changed between two periods' cases: per kind of work, tools, vendors and assumptions.

A change in a rate is *detectable* when both periods meet the policy's minimum of attempts on
the kind, the confidence interval for the difference (new minus old) excludes zero, and the
change survives a Benjamini–Hochberg correction over every change compared at once: Newcombe's
hybrid score interval for a difference of two proportions (Newcombe 1998, method 10) for
acceptance, and a seeded percentile bootstrap of the difference of two ratios of sums (each
period resampled on its own) for net time saved, which must clear zero by more than its own
Monte Carlo error. Two intervals that merely overlap are not taken as "no change".
"""

from __future__ import annotations

import dataclasses
import zlib
from dataclasses import dataclass

import numpy as np
import pandas as pd

from adoptreport.analysis import stats
from adoptreport.analysis.assumptions import AssumptionVerdict
from adoptreport.analysis.evidence import RowRanges
from adoptreport.analysis.findings import Findings
from adoptreport.analysis.pilot import add_net_minutes
from adoptreport.analysis.stats import (
    Interval,
    benjamini_hochberg,
    bootstrap_ratios,
    p_value,
    ratio_interval,
    wilson,
)
from adoptreport.analysis.verdicts import Verdict
from adoptreport.models import Policy
from adoptreport.models.folder import SOURCE_ROW, Case


@dataclass(frozen=True)
class RateChange:
    """One rate in both periods and the interval for new − old; None where unmeasured."""

    old: Interval | None
    new: Interval | None
    difference: Interval | None
    # None: no difference, or too few attempts in a period to call one; else the call after
    # the Monte Carlo margin and the Benjamini–Hochberg correction.
    detectable: bool | None = None
    margin: float = 0.0  # the interval's own Monte Carlo error (0 for Newcombe's)
    enough: bool = True  # both periods meet the policy's minimum of attempts

    def clears_zero(self) -> bool:
        d = self.difference
        return d is not None and (d.low > self.margin or d.high < -self.margin)


@dataclass(frozen=True)
class KindChange:
    kind: str
    label: str
    old_attempts: int
    new_attempts: int
    acceptance: RateChange  # over every tool piloted on the kind in each period
    saved_fraction: RateChange
    old_verdict: Verdict | None  # None: the kind is not in that period's case
    new_verdict: Verdict | None
    old_evidence: RowRanges
    new_evidence: RowRanges

    @property
    def verdict_changed(self) -> bool:
        return self.old_verdict != self.new_verdict


@dataclass(frozen=True)
class AssumptionChange:
    id: str
    old: AssumptionVerdict | None  # None: the assumption is new (or dropped, for `new`)
    new: AssumptionVerdict | None


@dataclass(frozen=True)
class PeriodDiff:
    old_period: str
    new_period: str
    level: float
    kinds: tuple[KindChange, ...]
    tools_added: tuple[str, ...]  # names, as the new case gives them
    tools_dropped: tuple[str, ...]  # names, as the old case gave them
    vendors_added: tuple[str, ...]
    vendors_dropped: tuple[str, ...]
    assumptions: tuple[AssumptionChange, ...]  # only those whose verdict changed
    minimum: int = 1  # the policy's minimum of attempts for a change to be called


def newcombe_difference(
    old_successes: int, old_trials: int, new_successes: int, new_trials: int, level: float
) -> Interval:
    """new − old proportion with Newcombe's hybrid score (Wilson) interval."""
    return stats.newcombe_difference(new_successes, new_trials, old_successes, old_trials, level)


def bootstrap_ratio_difference(
    old: tuple[np.ndarray, np.ndarray],
    new: tuple[np.ndarray, np.ndarray],
    level: float,
    draws: int,
    seed: int,
) -> Interval:
    """Σa/Σb (new) − Σa/Σb (old), percentile bootstrap resampling each period's rows (seeded)."""
    return bootstrap_ratio_difference_with_error(old, new, level, draws, seed)[0]


# The bootstrap's Monte Carlo error of an interval end: the spread of that end over this many
# equal batches of the draws, divided by √batches.
MC_BATCHES = 10


def bootstrap_ratio_difference_with_error(
    old: tuple[np.ndarray, np.ndarray],
    new: tuple[np.ndarray, np.ndarray],
    level: float,
    draws: int,
    seed: int,
) -> tuple[Interval, float]:
    """The bootstrap interval of new − old and the larger Monte Carlo error of its two ends."""
    rng = np.random.default_rng(seed)
    point = float(new[0].sum() / new[1].sum() - old[0].sum() / old[1].sum())
    differences = bootstrap_ratios(*new, draws, rng) - bootstrap_ratios(*old, draws, rng)
    alpha = 1.0 - level
    low, high = np.quantile(differences, [alpha / 2, 1 - alpha / 2])
    batches = np.array_split(differences, MC_BATCHES)
    ends = np.array([np.quantile(b, [alpha / 2, 1 - alpha / 2]) for b in batches])
    error = float(ends.std(axis=0, ddof=1).max() / np.sqrt(MC_BATCHES))
    return Interval(float(low), point, float(high), level), error


def compare(old_case: Case, old: Findings, new_case: Case, new: Findings) -> PeriodDiff:
    """The changes from `old_case` to `new_case`, at the new case's confidence level."""
    policy = new_case.case.policy
    old_pilot, new_pilot = add_net_minutes(old_case.pilot), add_net_minutes(new_case.pilot)
    old_verdicts = {k.kind: k.verdict for k in old.kinds}
    new_verdicts = {k.kind: k.verdict for k in new.kinds}
    labels = {k.id: k.label for k in old_case.case.kinds_of_work}
    labels |= {k.id: k.label for k in new_case.case.kinds_of_work}
    kinds: list[KindChange] = []
    for kind in [
        *new_case.case.kind_ids(),
        *(k for k in old_case.case.kind_ids() if k not in new_verdicts),
    ]:
        before = old_pilot[old_pilot["kind_of_work"] == kind]
        after = new_pilot[new_pilot["kind_of_work"] == kind]
        seed = policy.seed + zlib.crc32(f"diff\x00{kind}".encode())
        kinds.append(
            KindChange(
                kind,
                labels[kind],
                len(before),
                len(after),
                _acceptance(before, after, policy.confidence_level, policy.min_tasks_per_cell),
                _saved(before, after, policy, seed),
                old_verdicts.get(kind),
                new_verdicts.get(kind),
                RowRanges.of(
                    f"{old_case.root.name}/{old_case.files['pilot']}", before[SOURCE_ROW].to_numpy()
                ),
                RowRanges.of(new_case.files["pilot"], after[SOURCE_ROW].to_numpy()),
            )
        )
    old_tools, new_tools = old_case.vendors.tool_names(), new_case.vendors.tool_names()
    old_vendors, new_vendors = _vendors(old_case), _vendors(new_case)
    old_checks = {c.assumption.id: c.verdict for c in old.assumptions}
    new_checks = {c.assumption.id: c.verdict for c in new.assumptions}
    return PeriodDiff(
        old_case.case.period,
        new_case.case.period,
        policy.confidence_level,
        _corrected(kinds, 1.0 - policy.confidence_level),
        tuple(new_tools[t] for t in sorted(new_tools.keys() - old_tools.keys())),
        tuple(old_tools[t] for t in sorted(old_tools.keys() - new_tools.keys())),
        tuple(new_vendors[v] for v in sorted(new_vendors.keys() - old_vendors.keys())),
        tuple(old_vendors[v] for v in sorted(old_vendors.keys() - new_vendors.keys())),
        tuple(
            AssumptionChange(a, old_checks.get(a), new_checks.get(a))
            for a in sorted(old_checks.keys() | new_checks.keys())
            if old_checks.get(a) != new_checks.get(a)
        ),
        policy.min_tasks_per_cell,
    )


def _corrected(kinds: list[KindChange], rate: float) -> tuple[KindChange, ...]:
    """Every change's call, with Benjamini–Hochberg over all changes compared at once."""
    changes = [(i, name, getattr(k, name)) for i, k in enumerate(kinds) for name in RATES]
    tested = [(i, n, c) for i, n, c in changes if c.difference is not None and c.enough]
    kept = benjamini_hochberg([p_value(c.difference, 0.0) for _, _, c in tested], rate)
    calls = {(i, n): c.clears_zero() and k for (i, n, c), k in zip(tested, kept, strict=True)}
    return tuple(
        dataclasses.replace(
            k,
            **{n: dataclasses.replace(getattr(k, n), detectable=calls.get((i, n))) for n in RATES},
        )
        for i, k in enumerate(kinds)
    )


RATES = ("acceptance", "saved_fraction")


def _acceptance(
    before: pd.DataFrame, after: pd.DataFrame, level: float, minimum: int
) -> RateChange:
    old = wilson(int(before["accepted"].sum()), len(before), level) if len(before) else None
    new = wilson(int(after["accepted"].sum()), len(after), level) if len(after) else None
    difference = (
        newcombe_difference(
            int(before["accepted"].sum()),
            len(before),
            int(after["accepted"].sum()),
            len(after),
            level,
        )
        if old is not None and new is not None
        else None
    )
    return RateChange(old, new, difference, enough=min(len(before), len(after)) >= minimum)


def _saved(before: pd.DataFrame, after: pd.DataFrame, policy: Policy, seed: int) -> RateChange:
    """Net time saved as a share of baseline; attempts missing a needed minute are left out."""
    level, draws = policy.confidence_level, policy.bootstrap_draws
    old, new = _timed(before), _timed(after)
    if old is None or new is None:
        return RateChange(
            None if old is None else ratio_interval(*old, level, draws, seed + 1),
            None if new is None else ratio_interval(*new, level, draws, seed + 2),
            None,
        )
    difference, margin = bootstrap_ratio_difference_with_error(old, new, level, draws, seed)
    return RateChange(
        ratio_interval(*old, level, draws, seed + 1),
        ratio_interval(*new, level, draws, seed + 2),
        difference,
        margin=margin,
        enough=min(len(old[0]), len(new[0])) >= policy.min_tasks_per_cell,
    )


def _timed(rows: pd.DataFrame) -> tuple[np.ndarray, np.ndarray] | None:
    timed = rows[rows["net_saved_minutes"].notna()]
    if not len(timed) or timed["baseline_minutes"].sum() <= 0:
        return None
    return timed["net_saved_minutes"].to_numpy(float), timed["baseline_minutes"].to_numpy(float)


def _vendors(case: Case) -> dict[str, str]:
    return {v.id: v.name for v in case.vendors.vendors}
