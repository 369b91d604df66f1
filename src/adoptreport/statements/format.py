"""Numbers as the report prints them. Every printed number is made here, once."""

from __future__ import annotations

from adoptreport.analysis.stats import Interval

NOT_MEASURED = "not measured"


def percent_number(value: float) -> float:
    """A fraction as the percentage the report prints: whole, or one decimal under 10%."""
    scaled = value * 100
    if abs(scaled) < 10 and round(scaled, 1) != round(scaled):
        return round(scaled, 1)
    return float(round(scaled))


def percent(value: float) -> str:
    """0.623 → '62%'; keeps one decimal under 10% so small rates do not read as 0%."""
    number = percent_number(value)
    text = f"{number:.1f}" if number != round(number) else f"{number:.0f}"
    return f"{text}%".replace("-", "−")


def level(interval: Interval) -> str:
    return f"{interval.level * 100:g}% CI"


def percent_interval(interval: Interval) -> str:
    """'62% (90% CI 51–72%)'; with a negative end, '−15% (90% CI −28% to −2.5%)'."""
    low, high = percent(interval.low), percent(interval.high)
    span = f"{low} to {high}" if interval.low < 0 else f"{low.rstrip('%')}–{high}"
    return f"{percent(interval.point)} ({level(interval)} {span})"


def score(value: float) -> str:
    """A published score as published: 0.887 → '88.7%'."""
    return f"{value * 100:.1f}%".replace(".0%", "%")


def minutes(value: float) -> str:
    return f"{value:.0f} min".replace("-", "−")


def minutes_interval(interval: Interval) -> str:
    return f"{interval.point:.0f} min ({level(interval)} {interval.low:.0f}–{interval.high:.0f})"


def rate_interval(interval: Interval) -> str:
    """Incidents per attempt: '0.42 (90% CI 0.35–0.50)'."""
    return f"{interval.point:.2f} ({level(interval)} {interval.low:.2f}–{interval.high:.2f})"


def points(value: float) -> str:
    """A difference of two proportions, in percentage points."""
    return f"{abs(value) * 100:.0f} percentage points"


def count(value: int) -> str:
    return f"{value:,}"


def hours(value: float) -> str:
    return f"{value:,.0f} h".replace("-", "−")


def hours_interval(interval: Interval) -> str:
    """'378 h a week (90% CI 218–514)'."""
    return f"{interval.point:,.0f} h ({level(interval)} {interval.low:,.0f}–{interval.high:,.0f})"


def fte(value: float) -> str:
    return f"{value:,.1f} FTE"


def fte_interval(interval: Interval) -> str:
    return f"{interval.point:,.1f} FTE ({level(interval)} {interval.low:,.1f}–{interval.high:,.1f})"


def money(value: float, currency: str) -> str:
    """Whole thousands: 'EUR 412,000'; a loss reads 'EUR −40,000'."""
    rounded = round(value, -3)
    return f"{currency} {rounded:,.0f}".replace("-", "−")


def money_interval(interval: Interval, currency: str) -> str:
    low, high = money(interval.low, currency), money(interval.high, currency)
    return f"{money(interval.point, currency)} ({level(interval)} {low} to {high})"


def signed_points(value: float) -> str:
    """A change in a proportion, in percentage points with its sign: '+12', '−3.5'."""
    number = percent_number(value)
    text = f"{number:+.1f}" if number != round(number) else f"{number:+.0f}"
    return text.replace("-", "−").replace("+0", "0") if number == 0 else text.replace("-", "−")


def points_interval(interval: Interval) -> str:
    """'+12 points (90% CI 3 to 21)': a difference of proportions, new minus old."""
    low, high = (signed_points(v).lstrip("+") for v in (interval.low, interval.high))
    return f"{signed_points(interval.point)} points ({level(interval)} {low} to {high})"
