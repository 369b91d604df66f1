"""The Number constructors every statement module shares: one way to print each kind of figure."""

from __future__ import annotations

from adoptreport.analysis.stats import Interval
from adoptreport.statements import formatting as fmt
from adoptreport.statements.model import Number, Unit


def printed(
    name: str, value: float, unit: Unit, shown: fmt.Printed, interval: Interval | None = None
) -> Number:
    """A number whose printed form has a figure and a bracket: its interval, or a qualifier."""
    return Number(name, value, unit, shown.text, interval, shown.figure, shown.spread)


def with_interval(name: str, unit: Unit, interval: Interval, shown: fmt.Printed) -> Number:
    """A point estimate printed with its interval."""
    return printed(name, interval.point, unit, shown, interval)


def proportion(name: str, interval: Interval, unit: Unit = Unit.PROPORTION) -> Number:
    """A fraction with its interval: '62% (90% CI 51–72%)'."""
    return with_interval(name, unit, interval, fmt.percent_interval(interval))


def share(name: str, value: float, unit: Unit = Unit.PROPORTION) -> Number:
    """A fraction without an interval (a stated rate, a threshold): '62%'."""
    return Number(name, value, unit, fmt.percent(value))


def counted(name: str, value: int) -> Number:
    return Number(name, value, Unit.COUNT, fmt.count(value))


def per_attempt(name: str, interval: Interval) -> Number:
    """Incidents per attempt with its interval: '0.42 (90% CI 0.35–0.50)'."""
    return with_interval(name, Unit.PER_ATTEMPT, interval, fmt.rate_interval(interval))


def hours_number(name: str, interval: Interval) -> Number:
    return with_interval(name, Unit.HOURS_PER_WEEK, interval, fmt.hours_interval(interval))


def fte_number(name: str, interval: Interval) -> Number:
    return with_interval(name, Unit.FTE, interval, fmt.fte_interval(interval))
