"""The organisation's work mix (from workforce.csv) and the benchmark gap against it."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from adoptreport.analysis.evidence import RecordRef, RowRanges
from adoptreport.analysis.pilot import Cell
from adoptreport.analysis.stats import Interval, z_score
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
    """A tool's acceptance weighted by the organisation's hours, over the kinds it was piloted on."""

    acceptance: Interval
    covered_share: float  # share of the organisation's hours in kinds the tool was piloted on
    kinds: tuple[str, ...]


def mix_acceptance(tool_cells: list[Cell], mix: WorkMix, level: float) -> MixEstimate | None:
    """Stratified estimate Σ w_k p_k with a normal interval.

    The variance Σ w_k² p̃_k(1−p̃_k)/ñ_k uses Agresti–Coull's adjusted p̃ = (k + z²/2)/(n + z²),
    ñ = n + z², so kinds observed at 0% or 100% still carry their uncertainty.
    """
    weighted = [
        (c, mix.hours_by_kind[c.kind]) for c in tool_cells if mix.hours_by_kind.get(c.kind, 0) > 0
    ]
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
    return MixEstimate(interval, covered / mix.total_hours, tuple(c.kind for c, _ in weighted))


@dataclass(frozen=True)
class BenchmarkGap:
    claim: BenchmarkClaim
    scope_cell: Cell | None  # the pilot's result for this tool on the benchmark's kind of work
    scope_hours_share: float | None  # share of the organisation's hours in that kind
    mix: MixEstimate | None
    evidence: RecordRef


def benchmark_gaps(
    claims: list[BenchmarkClaim], all_cells: tuple[Cell, ...], mix: WorkMix, level: float, file: str
) -> tuple[BenchmarkGap, ...]:
    gaps = []
    for index, claim in enumerate(claims):
        tool_cells = [c for c in all_cells if c.tool == claim.tool]
        scope = next((c for c in tool_cells if c.kind == claim.scope), None)
        gaps.append(
            BenchmarkGap(
                claim=claim,
                scope_cell=scope,
                scope_hours_share=mix.share(claim.scope),
                mix=mix_acceptance(tool_cells, mix, level),
                evidence=RecordRef(file, f"claims[{index}]", claim.id),
            )
        )
    return tuple(gaps)


# Source grades, most trustworthy first.
GRADE_ORDER = ("official", "independent", "blog", "estimate")


def headline_gap(gaps: tuple[BenchmarkGap, ...], named: str | None) -> BenchmarkGap | None:
    """The claim the case leads with: the one it names, else the highest score among the
    best-graded claims."""
    chosen = [g for g in gaps if g.claim.id == named]
    if chosen or not gaps:
        return chosen[0] if chosen else None
    return min(gaps, key=lambda g: (GRADE_ORDER.index(g.claim.source_grade.value), -g.claim.score))
