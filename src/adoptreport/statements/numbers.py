"""The Number constructors every statement module shares: one way to print each kind of figure."""

from __future__ import annotations

from adoptreport.analysis.stats import Interval
from adoptreport.statements import formatting as fmt
from adoptreport.statements.model import Number, Unit


def proportion(name: str, interval: Interval, unit: Unit = Unit.PROPORTION) -> Number:
    """A fraction with its interval: '62% (90% CI 51–72%)'."""
    return Number(name, interval.point, unit, fmt.percent_interval(interval), interval)


def share(name: str, value: float, unit: Unit = Unit.PROPORTION) -> Number:
    """A fraction without an interval (a stated rate, a threshold): '62%'."""
    return Number(name, value, unit, fmt.percent(value))


def counted(name: str, value: int) -> Number:
    return Number(name, value, Unit.COUNT, fmt.count(value))


def per_attempt(name: str, interval: Interval) -> Number:
    """Incidents per attempt with its interval: '0.42 (90% CI 0.35–0.50)'."""
    return Number(name, interval.point, Unit.PER_ATTEMPT, fmt.rate_interval(interval), interval)


def hours_number(name: str, interval: Interval) -> Number:
    return Number(name, interval.point, Unit.HOURS_PER_WEEK, fmt.hours_interval(interval), interval)


def fte_number(name: str, interval: Interval) -> Number:
    return Number(name, interval.point, Unit.FTE, fmt.fte_interval(interval), interval)
