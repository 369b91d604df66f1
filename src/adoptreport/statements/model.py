"""A statement is data: text, the numbers in it, and the evidence behind them."""

from __future__ import annotations

from dataclasses import dataclass, field
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
    DESIGNS = "designs"  # AI arm against control arm, and paired tasks (analysis.arms)
    CLAIMS = "claims"  # the draft deck's sentences, judged (claims.statements, JSON only)
    DECISIONS = "decisions"  # the page after the cover: what the reader is asked to decide


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
    TIME_CHANGE = "change in total time (positive: slower)"
    TIME_RATIO = "ratio of total times"
    HOURS_PER_ATTEMPT = "hours per attempt"
    MONEY_PER_HOUR = "currency per hour"


@dataclass(frozen=True)
class Number:
    """A figure as a statement prints it.

    `text` is exactly what is printed; `figure` and `spread` are its two typed parts — the
    point ("48%") and what stands in brackets after it ("90% CI 40–56%"), "" when nothing
    does — so a table can lay them out in two lines without taking the text apart.
    """

    name: str
    value: float
    unit: Unit
    text: str
    interval: Interval | None = None
    figure: str = field(default="", compare=False)
    spread: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.figure:
            object.__setattr__(self, "figure", self.text)
        elif self.text != (f"{self.figure} ({self.spread})" if self.spread else self.figure):
            raise ValueError(f"{self.name}: {self.text!r} is not its figure and spread")


@dataclass(frozen=True)
class Statement:
    """One sentence of the report, with the numbers it prints and the evidence behind them.

    `lead` is the opening a table shows in columns of its own ("Legacy change: do not
    automate. "), "" when the sentence has none; `body` is the rest.
    """

    id: str
    section: Section
    kind: StatementKind
    audiences: tuple[Audience, ...]
    text: str
    numbers: tuple[Number, ...]
    evidence: tuple[Evidence, ...]
    lead: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.text.startswith(self.lead):
            raise ValueError(f"{self.id}: the lead {self.lead!r} does not open the text")

    @property
    def body(self) -> str:
        return self.text[len(self.lead) :]

    def number(self, name: str) -> Number | None:
        """The number called `name`, or None when the statement does not print one."""
        return next((n for n in self.numbers if n.name == name), None)
