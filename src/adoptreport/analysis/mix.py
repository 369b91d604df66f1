"""The organisation's work mix (from workforce.csv), and benchmark claims against the pilot.

A claim is compared kind by kind with the claiming tool's acceptance on each kind of work its
`scope` names, and with the pilot reweighted to the claim's own mix of kinds — never with the
organisation's whole work mix, which the benchmark says nothing about. A claim with a task
count carries its own Wilson interval; two claims on one benchmark whose intervals overlap
are tied, not ranked.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from adoptreport.analysis.evidence import RecordRef, RowRanges
from adoptreport.analysis.pilot import Cell
from adoptreport.analysis.stats import Interval, wilson, z_score
from adoptreport.models import BenchmarkClaim, Team


@dataclass(frozen=True)
class WorkMix:
    """Engineering hours per week by kind of work, summed over teams (headcount × hours)."""

    hours_by_kind: dict[str, float]  # only kinds every team states hours for
    total_hours: float  # over those kinds
    unmeasured: tuple[str, ...]  # kinds some team left blank: not measured, not zero
    evidence: RowRanges

    def share(self, kind: str) -> float | None:
        if self.total_hours <= 0 or kind not in self.hours_by_kind:
            return None
        return self.hours_by_kind[kind] / self.total_hours


def work_mix(
    teams: tuple[Team, ...], kinds: list[str], workforce_file: str, rows: tuple[int, ...]
) -> WorkMix:
    measured = [k for k in kinds if all(k in t.hours_by_kind for t in teams)]
    hours = {k: sum(t.headcount * t.hours_by_kind[k] for t in teams) for k in measured}
    unmeasured = tuple(
        k for k in kinds if k not in hours and any(k in t.hours_by_kind for t in teams)
    )
    evidence = RowRanges.of(workforce_file, np.array(rows, dtype=np.int64))
    return WorkMix(hours, sum(hours.values()), unmeasured, evidence)


@dataclass(frozen=True)
class MixEstimate:
    """A tool's acceptance weighted by a mix of kinds (hours or a benchmark's tasks), over the
    kinds it was piloted on."""

    acceptance: Interval
    covered_share: float  # share of the mix's weight in kinds the tool was piloted on
    kinds: tuple[str, ...]


def mix_acceptance(
    tool_cells: list[Cell], mix: WorkMix | dict[str, float], level: float
) -> MixEstimate | None:
    """Stratified estimate Σ w_k p_k with a normal interval, over the kinds piloted; `mix`
    is the organisation's hours (vendor fit) or a benchmark's own shares of tasks.

    The variance Σ w_k² p̃_k(1−p̃_k)/ñ_k uses Agresti–Coull's adjusted p̃ = (k + z²/2)/(n + z²),
    ñ = n + z², so kinds observed at 0% or 100% still carry their uncertainty.
    """
    weights = mix.hours_by_kind if isinstance(mix, WorkMix) else mix
    whole = mix.total_hours if isinstance(mix, WorkMix) else sum(mix.values())
    weighted = [(c, weights[c.kind]) for c in tool_cells if weights.get(c.kind, 0) > 0]
    covered = sum(h for _, h in weighted)
    if not weighted or covered <= 0:
        return None
    point = sum(h / covered * c.acceptance.point for c, h in weighted)
    z2 = z_score(level) ** 2
    variance = 0.0
    for c, h in weighted:
        adjusted = (c.accepted + z2 / 2) / (c.attempts + z2)
        variance += (h / covered) ** 2 * adjusted * (1 - adjusted) / (c.attempts + z2)
    half = math.sqrt(z2 * variance)
    interval = Interval(max(0.0, point - half), point, min(1.0, point + half), level)
    return MixEstimate(interval, covered / whole, tuple(c.kind for c, _ in weighted))


class Position(StrEnum):
    CONSISTENT = "consistent"
    BELOW = "below"  # the pilot observed less than claimed
    ABOVE = "above"


@dataclass(frozen=True)
class KindComparison:
    kind: str
    weight: float  # the kind's share of the benchmark's tasks
    cell: Cell | None  # the claiming tool's cell on this kind; None: not piloted
    difference: Interval | None  # observed − claimed (Newcombe's hybrid of the two intervals)

    @property
    def position(self) -> Position | None:
        return position(self.difference)


@dataclass(frozen=True)
class BenchmarkGap:
    claim: BenchmarkClaim
    scope_cell: Cell | None  # the pilot's result for this tool on the claim's main kind of work
    scope_hours_share: float | None  # share of the organisation's hours in the claim's kinds
    mix: MixEstimate | None  # the pilot reweighted to the claim's mix; None for a single kind
    evidence: RecordRef
    claimed: Interval | None = None  # the claim's own interval, from its task count
    kinds: tuple[KindComparison, ...] = ()
    mix_difference: Interval | None = None  # reweighted acceptance − claimed score

    @property
    def mix_position(self) -> Position | None:
        return position(self.mix_difference)


def position(difference: Interval | None) -> Position | None:
    if difference is None:
        return None
    if difference.contains(0.0):
        return Position.CONSISTENT
    return Position.BELOW if difference.high < 0 else Position.ABOVE


def claim_interval(claim: BenchmarkClaim, level: float) -> Interval | None:
    """The claim's own Wilson interval over its tasks; None when it states no task count."""
    if not claim.tasks:
        return None
    return wilson(round(claim.score * claim.tasks), claim.tasks, level)


def difference(observed: Interval, claimed: Interval | None, score: float) -> Interval:
    """observed − claimed with Newcombe's hybrid of the two intervals (a claim without a task
    count is taken as exact)."""
    claim = claimed or Interval(score, score, score, observed.level)
    d = observed.point - claim.point
    low = d - math.hypot(observed.point - observed.low, claim.high - claim.point)
    high = d + math.hypot(observed.high - observed.point, claim.point - claim.low)
    return Interval(low, d, high, observed.level)


def benchmark_gaps(
    claims: list[BenchmarkClaim],
    all_cells: tuple[Cell, ...],
    mix: WorkMix,
    level: float,
    file: str,
    minimum: int,
) -> tuple[BenchmarkGap, ...]:
    """Each claim against the claiming tool's cells on the claim's kinds; a kind with fewer
    than `minimum` attempts is shown but not compared."""
    return tuple(
        _gap(claim, index, all_cells, mix, level, file, minimum)
        for index, claim in enumerate(claims)
    )


def _gap(
    claim: BenchmarkClaim,
    index: int,
    all_cells: tuple[Cell, ...],
    mix: WorkMix,
    level: float,
    file: str,
    minimum: int,
) -> BenchmarkGap:
    claimed = claim_interval(claim, level)
    weights = claim.mix()
    tool_cells = {c.kind: c for c in all_cells if c.tool == claim.tool}
    kinds = tuple(
        KindComparison(
            kind,
            weight,
            cell := tool_cells.get(kind),
            None
            if cell is None or cell.attempts < minimum
            else difference(cell.acceptance, claimed, claim.score),
        )
        for kind, weight in weights.items()
    )
    reweighted = None
    if len(weights) > 1:
        compared = [tool_cells[k] for k in weights if k in tool_cells]
        reweighted = mix_acceptance(compared, weights, level)
    shares = [mix.share(k) for k in weights]
    return BenchmarkGap(
        claim=claim,
        scope_cell=tool_cells.get(claim.scope),
        scope_hours_share=None if None in shares else sum(s or 0.0 for s in shares),
        mix=reweighted,
        evidence=RecordRef(file, f"claims[{index}]", claim.id),
        claimed=claimed,
        kinds=kinds,
        mix_difference=None
        if reweighted is None
        else difference(reweighted.acceptance, claimed, claim.score),
    )


@dataclass(frozen=True)
class ClaimPair:
    """Two claims on one benchmark, next to each other in score order."""

    higher: BenchmarkGap
    lower: BenchmarkGap
    tied: bool  # their own intervals overlap: neither ranks above the other


def claim_pairs(gaps: tuple[BenchmarkGap, ...]) -> tuple[ClaimPair, ...]:
    """Neighbouring claims on each benchmark that both give a task count."""
    out = []
    benchmarks = dict.fromkeys(g.claim.benchmark for g in gaps)
    for benchmark in benchmarks:
        ranked = sorted(
            (g for g in gaps if g.claim.benchmark == benchmark and g.claimed is not None),
            key=lambda g: -g.claim.score,
        )
        for higher, lower in itertools.pairwise(ranked):
            assert higher.claimed is not None and lower.claimed is not None
            out.append(ClaimPair(higher, lower, higher.claimed.low <= lower.claimed.high))
    return tuple(out)


# Source grades, most trustworthy first.
GRADE_ORDER = ("official", "independent", "blog", "estimate")


def headline_gap(gaps: tuple[BenchmarkGap, ...], named: str | None) -> BenchmarkGap | None:
    """The claim the case leads with: the one it names, else the highest score among the
    best-graded claims."""
    chosen = [g for g in gaps if g.claim.id == named]
    if chosen or not gaps:
        return chosen[0] if chosen else None
    return min(gaps, key=lambda g: (GRADE_ORDER.index(g.claim.source_grade.value), -g.claim.score))
