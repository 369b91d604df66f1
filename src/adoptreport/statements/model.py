"""A statement is data: text, the numbers in it, and the evidence behind them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from adoptreport.analysis.evidence import Evidence
from adoptreport.analysis.stats import Interval
from adoptreport.models import Audience


class Section(StrEnum):
    """Where a statement is printed: each value is the name of a section in `view.SECTIONS`."""

    SUMMARY = "summary"
    BENCHMARK = "benchmark"
    VERDICTS = "verdicts"
    REVIEW = "review"
    WORKFORCE = "workforce"
    ASSUMPTIONS = "assumptions"
    COST = "cost"
    METHODOLOGY = "methodology"
    VENDORS = "vendors"
    CHANGES = "changes"  # since the previous period (analysis.diff)


class StatementKind(StrEnum):
    FINDING = "finding"
    VERDICT = "verdict"
    CAVEAT = "caveat"
    WARNING = "warning"


class Unit(StrEnum):
    BENCHMARK_SCORE = "benchmark score"
    PROPORTION = "proportion"
    SAVED_FRACTION = "share of baseline time"
    HOURS_SHARE = "share of engineering hours"
    PERCENTAGE_POINTS = "percentage points"
    MINUTES = "minutes"
    HOURS_PER_WEEK = "hours per week"
    HOURS = "engineer hours"
    FTE = "full-time equivalents"
    MONEY_PER_YEAR = "currency per year"
    MONEY_PER_CHANGE = "currency per merged change"
    HOURS_PER_CHANGE = "hours per merged change"
    COUNT_PER_YEAR = "count per year"
    PER_ATTEMPT = "incidents per attempt"
    COUNT = "count"
    CONFIDENCE = "confidence level"
    DAYS = "days"
    TOKENS = "tokens"
    MONEY_PER_MONTH = "currency per month"
    FIT_SCORE = "weighted fit score (0 to 1)"
    RATE_RATIO = "rate ratio"


@dataclass(frozen=True)
class Number:
    name: str
    value: float
    unit: Unit
    text: str  # exactly as printed
    interval: Interval | None = None


@dataclass(frozen=True)
class Statement:
    id: str
    section: Section
    kind: StatementKind
    audiences: tuple[Audience, ...]
    text: str
    numbers: tuple[Number, ...]
    evidence: tuple[Evidence, ...]
