"""Staffing assumptions checked against the hours the evidence supports freeing."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from adoptreport.analysis.evidence import RecordRef
from adoptreport.analysis.stats import Interval
from adoptreport.analysis.workforce import KindSupport, team_hours, total_hours
from adoptreport.models import Assumption, Team

# An assumption whose scope is mostly in kinds with insufficient evidence cannot be tested.
MAX_UNKNOWN_SHARE = 0.5


class AssumptionVerdict(StrEnum):
    SUPPORTED = "supported"  # claim ≤ the low end of the supported range
    PLAUSIBLE = "plausible"  # low end < claim ≤ high end (unknown kinds at their best)
    NOT_SUPPORTED = "not supported"  # claim > that high end
    NOT_TESTABLE = "not testable"  # no hours in scope, or mostly unknown kinds


class ClaimUnit(StrEnum):
    FRACTION = "share of hours"
    FTE = "FTE"


@dataclass(frozen=True)
class AssumptionCheck:
    assumption: Assumption
    unit: ClaimUnit
    claimed: float
    supported: Interval | None  # in `unit`; None: no hours in scope, or none measured
    scope_hours: float
    unknown_share: float | None
    verdict: AssumptionVerdict
    evidence: RecordRef
    # The high end with kinds of insufficient evidence counted at the best their pilot
    # intervals allow (all their hours where nothing was measured): never as zero.
    ceiling: float | None = None

    @property
    def miss(self) -> float | None:
        """How far the claim lies above the high end, unknown kinds at their best (0: within)."""
        if self.supported is None or self.verdict is AssumptionVerdict.NOT_TESTABLE:
            return None
        return max(0.0, self.claimed - max(self.supported.high, self.ceiling or 0.0))


def check_assumption(
    assumption: Assumption,
    index: int,
    file: str,
    teams: tuple[Team, ...],
    support: tuple[KindSupport, ...],
    adoption: float,
    fte_hours: float,
    level: float,
) -> AssumptionCheck:
    scoped = _scope(assumption, teams)
    hours = tuple(team_hours(t, None, support, adoption, fte_hours, level) for t in scoped)
    total = total_hours(hours, fte_hours, level)
    scope_hours, unknown = total.engineering_hours, total.unknown_hours
    freed = total.freed_hours  # None: every hour in scope is in a kind without evidence
    if assumption.claimed_fte is not None:
        unit, claimed, divisor = ClaimUnit.FTE, assumption.claimed_fte, fte_hours
    else:
        assert assumption.claimed_reduction_fraction is not None
        unit, claimed, divisor = (
            ClaimUnit.FRACTION,
            assumption.claimed_reduction_fraction,
            scope_hours,
        )
    supported = (
        Interval(freed.low / divisor, freed.point / divisor, freed.high / divisor, level)
        if scope_hours > 0 and freed is not None
        else None
    )
    ceiling = total.ceiling_hours / divisor if scope_hours > 0 else None
    unknown_share = unknown / scope_hours if scope_hours > 0 else None
    verdict = _verdict(claimed, supported, unknown_share, ceiling)
    return AssumptionCheck(
        assumption,
        unit,
        claimed,
        supported,
        scope_hours,
        unknown_share,
        verdict,
        RecordRef(file, f"assumptions[{index}]", assumption.id),
        ceiling,
    )


def _scope(assumption: Assumption, teams: tuple[Team, ...]) -> list[Team]:
    """The teams in scope, each cut down to the kinds of work in scope."""
    chosen = [t for t in teams if assumption.teams is None or t.team in assumption.teams]
    if assumption.kinds_of_work is None:
        return chosen
    kinds = set(assumption.kinds_of_work)
    return [
        t.model_copy(
            update={"hours_by_kind": {k: h for k, h in t.hours_by_kind.items() if k in kinds}}
        )
        for t in chosen
    ]


def _verdict(
    claimed: float,
    supported: Interval | None,
    unknown_share: float | None,
    ceiling: float | None = None,
) -> AssumptionVerdict:
    if supported is None or unknown_share is None or unknown_share > MAX_UNKNOWN_SHARE:
        return AssumptionVerdict.NOT_TESTABLE
    if claimed <= supported.low:
        return AssumptionVerdict.SUPPORTED
    if claimed <= max(supported.high, ceiling or 0.0):
        return AssumptionVerdict.PLAUSIBLE
    return AssumptionVerdict.NOT_SUPPORTED
