"""Weighted fit: should-requirements and measured pilot results, and how stable the ranking is.

The score of a vendor is a weighted mean of item scores in [0, 1]: one item per `should`
requirement (1 if met, 0 if not met or not stated) and two measured items from the pilot,
acceptance and net time saved across the organisation's hours-weighted work mix. The two
measured items together weigh as much as all `should` weights together, so neither side can
be ignored. Benchmark claims never enter the score.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from adoptreport.analysis.evidence import RowRanges
from adoptreport.analysis.mix import MixEstimate, WorkMix, mix_acceptance
from adoptreport.analysis.pilot import Cell
from adoptreport.analysis.procurement.gates import GateStatus, offer, satisfies
from adoptreport.analysis.stats import Interval, z_score
from adoptreport.models import Vendor
from adoptreport.models.requirements import WeightedRequirement

MEASURED_SHARE = 0.5  # of the total weight, split evenly between acceptance and time saved
ACCEPTANCE_ITEM = "measured_acceptance"
SAVED_ITEM = "measured_saved_fraction"
PERTURBATION = 0.25  # each weight × Uniform(1 − 0.25, 1 + 0.25), independently
STABILITY_DRAWS = 4000
STABLE_SHARE = 0.9  # the leader must rank first in at least this share of draws


@dataclass(frozen=True)
class MeasuredTool:
    """A tool's pilot results across the organisation's work mix."""

    tool: str
    acceptance: MixEstimate
    saved_fraction: Interval
    evidence: RowRanges

    @property
    def score(self) -> float:
        return (self.acceptance.acceptance.point + clip(self.saved_fraction.point)) / 2


@dataclass(frozen=True)
class FitItem:
    id: str  # a should-requirement id, or one of the measured items
    weight: float
    score: float  # in [0, 1]; what enters the weighted mean
    status: GateStatus | None  # for a requirement: met (pass), not met (fail), not stated


@dataclass(frozen=True)
class VendorFit:
    vendor: str
    tool: MeasuredTool | None  # the vendor's best-measured tool; None: nothing measured
    items: tuple[FitItem, ...]
    score: float | None  # None when the pilot measured none of the vendor's tools


@dataclass(frozen=True)
class Stability:
    draws: int
    spread: float
    seed: int
    first_share: dict[str, float]  # vendor id → share of draws in which it ranks first
    leader: str  # the vendor first at the stated weights
    stable: bool  # the leader ranks first in at least STABLE_SHARE of draws


def clip(value: float) -> float:
    return min(1.0, max(0.0, value))


def mix_saved_fraction(tool_cells: Sequence[Cell], mix: WorkMix, level: float) -> Interval | None:
    """Σ w_k · saved_k over the kinds the tool was timed on, w_k its share of those hours.

    Normal interval; each kind's standard error is its bootstrap interval's half-width / z.
    """
    timed = [
        (c, c.saved_fraction, mix.hours_by_kind[c.kind])
        for c in tool_cells
        if c.saved_fraction is not None and mix.hours_by_kind.get(c.kind, 0) > 0
    ]
    covered = sum(h for _, _, h in timed)
    if covered <= 0:
        return None
    z = z_score(level)
    point = sum(h / covered * s.point for _, s, h in timed)
    variance = sum((h / covered) ** 2 * ((s.high - s.low) / (2 * z)) ** 2 for _, s, h in timed)
    half = z * math.sqrt(variance)
    return Interval(point - half, point, point + half, level)


def measure_tool(
    tool: str, all_cells: Sequence[Cell], mix: WorkMix, level: float, evidence: RowRanges
) -> MeasuredTool | None:
    own = [c for c in all_cells if c.tool == tool]
    acceptance = mix_acceptance(own, mix, level)
    saved = mix_saved_fraction(own, mix, level)
    if acceptance is None or saved is None:
        return None
    return MeasuredTool(tool, acceptance, saved, evidence)


def base_weights(shoulds: Sequence[WeightedRequirement]) -> dict[str, float]:
    """Should weights as stated, plus the two measured items at half the total each."""
    total = sum(r.weight for r in shoulds) or 1.0
    measured = total * MEASURED_SHARE / (1 - MEASURED_SHARE) / 2
    return {**{r.id: r.weight for r in shoulds}, ACCEPTANCE_ITEM: measured, SAVED_ITEM: measured}


def vendor_fit(
    vendor: Vendor, shoulds: Sequence[WeightedRequirement], measured: Sequence[MeasuredTool]
) -> VendorFit:
    """A vendor's fit, scored by its best-measured tool.

    Best-measured: the tool measured on the largest share of our engineering hours, and
    among equals the higher mean of measured acceptance and time saved; a tool tried on a
    few easy kinds of work does not stand in for the vendor.
    """
    weights = base_weights(shoulds)
    items = []
    for r in shoulds:
        status = satisfies(r, offer(vendor, r.attribute))
        items.append(FitItem(r.id, r.weight, 1.0 if status is GateStatus.PASS else 0.0, status))
    best = max(measured, key=lambda m: (m.acceptance.covered_share, m.score), default=None)
    if best is None:
        return VendorFit(vendor.id, None, tuple(items), None)
    items.append(
        FitItem(ACCEPTANCE_ITEM, weights[ACCEPTANCE_ITEM], best.acceptance.acceptance.point, None)
    )
    items.append(FitItem(SAVED_ITEM, weights[SAVED_ITEM], clip(best.saved_fraction.point), None))
    return VendorFit(vendor.id, best, tuple(items), _weighted(items))


def _weighted(items: Sequence[FitItem]) -> float:
    return sum(i.weight * i.score for i in items) / sum(i.weight for i in items)


def rank_stability(
    fits: Sequence[VendorFit],
    draws: int = STABILITY_DRAWS,
    seed: int = 0,
    spread: float = PERTURBATION,
    weights: dict[str, float] | None = None,
) -> Stability | None:
    """Share of seeded weight perturbations in which each scored vendor ranks first.

    `weights` overrides the stated weights by item id (to ask "what if legal's weight ruled?").
    """
    scored = [f for f in fits if f.score is not None]
    if len(scored) < 2:
        return None
    ids = [i.id for i in scored[0].items]
    base = np.array([(weights or {}).get(i.id, i.weight) for i in scored[0].items])
    scores = np.array(
        [[next(i.score for i in f.items if i.id == id) for id in ids] for f in scored]
    )
    rng = np.random.default_rng(seed)
    perturbed = base * rng.uniform(1 - spread, 1 + spread, size=(draws, len(ids)))
    totals = perturbed @ scores.T / perturbed.sum(axis=1, keepdims=True)
    firsts = np.bincount(totals.argmax(axis=1), minlength=len(scored)) / draws
    leader = scored[int(np.argmax(scores @ base))].vendor
    share = {f.vendor: float(s) for f, s in zip(scored, firsts, strict=True)}
    return Stability(draws, spread, seed, share, leader, share[leader] >= STABLE_SHARE)
