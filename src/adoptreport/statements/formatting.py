"""Numbers as the report prints them. Every printed number is made here, once."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

from adoptreport.analysis.stats import Interval

NOT_MEASURED = "not measured"
# Input bounds keep every figure finite; should one not be (a bug), the report says so in
# words rather than printing "inf" or "nan".
NOT_COMPUTABLE = "not computable"
# No printed figure is wider than this many characters (the widest bounded one, 1,000,000
# engineers × 80 hours × 53 weeks × 10,000 a hour, is 18 wide); past it, the words above.
MAX_FIGURE_WIDTH = 24


def _fits(text: str, value: float) -> str:
    return text if math.isfinite(value) and len(text) <= MAX_FIGURE_WIDTH else NOT_COMPUTABLE


class Printed(NamedTuple):
    """A figure and what stands in brackets after it: '62%' and '90% CI 51–72%'."""

    figure: str
    spread: str = ""

    @property
    def text(self) -> str:
        return f"{self.figure} ({self.spread})" if self.spread else self.figure


def percent_number(value: float) -> float:
    """A fraction as the percentage the report prints: whole, or one decimal under 10%."""
    scaled = value * 100
    if abs(scaled) < 10 and round(scaled, 1) != round(scaled):
        return round(scaled, 1)
    return float(round(scaled))


def percent(value: float) -> str:
    """0.623 → '62%'; keeps one decimal under 10% so small rates do not read as 0%."""
    if not math.isfinite(value):
        return NOT_COMPUTABLE
    number = percent_number(value)
    text = f"{number:.1f}" if number != round(number) else f"{number:.0f}"
    return _fits(f"{text}%".replace("-", "−"), value)


def level(interval: Interval) -> str:
    return f"{interval.level * 100:g}% CI"


def percent_interval(interval: Interval) -> Printed:
    """'62% (90% CI 51–72%)'; with a negative end, '−15% (90% CI −28% to −2.5%)'."""
    low, high = percent(interval.low), percent(interval.high)
    span = f"{low} to {high}" if interval.low < 0 else f"{low.rstrip('%')}–{high}"
    return Printed(percent(interval.point), f"{level(interval)} {span}")


def score(value: float) -> str:
    """A published score as published: 0.887 → '88.7%'."""
    return f"{value * 100:.1f}%".replace(".0%", "%")


def minutes(value: float) -> str:
    return _fits(f"{value:.0f} min".replace("-", "−"), value)


def _span_of(interval: Interval, spec: str, unit: str = "") -> Printed:
    """'<point><unit> (<level> <low>–<high>)', each end formatted with `spec`."""
    point, low, high = (
        _fits(format(v, spec), v) for v in (interval.point, interval.low, interval.high)
    )
    return Printed(f"{point}{unit}", f"{level(interval)} {low}–{high}")


def minutes_interval(interval: Interval) -> Printed:
    return _span_of(interval, ".0f", " min")


def rate_interval(interval: Interval) -> Printed:
    """Incidents per attempt: '0.42 (90% CI 0.35–0.50)'."""
    return _span_of(interval, ".2f")


def points(value: float) -> str:
    """A difference of two proportions, in percentage points."""
    return f"{abs(value) * 100:.0f} percentage points"


def count(value: int) -> str:
    return f"{value:,}"


def hours(value: float) -> str:
    return _fits(f"{value:,.0f} h".replace("-", "−"), value)


def hours_interval(interval: Interval) -> Printed:
    """'378 h a week (90% CI 218–514)'."""
    return _span_of(interval, ",.0f", " h")


def fte(value: float) -> str:
    return _fits(f"{value:,.1f} FTE", value)


def fte_interval(interval: Interval) -> Printed:
    return _span_of(interval, ",.1f", " FTE")


def money_number(value: float) -> float:
    """A yearly amount as the report prints it: to whole thousands."""
    return float(round(value, -3))


def money(value: float, currency: str) -> str:
    """Whole thousands: 'EUR 412,000'; a loss reads 'EUR −40,000'."""
    if not math.isfinite(value):
        return NOT_COMPUTABLE
    return _fits(f"{currency} {money_number(value):,.0f}".replace("-", "−"), value)


def _money_range(interval: Interval, currency: str, amount: Callable[[float, str], str]) -> Printed:
    """The currency once, at the point; ends joined by '–', or ' to ' when one is negative."""
    low, high = (
        amount(x, currency).removeprefix(f"{currency} ") for x in (interval.low, interval.high)
    )
    span = f"{low} to {high}" if interval.low < 0 else f"{low}–{high}"
    return Printed(amount(interval.point, currency), f"{level(interval)} {span}")


def money_interval(interval: Interval, currency: str) -> Printed:
    """'EUR 124,000 (90% CI 101,000–149,000)'."""
    return _money_range(interval, currency, money)


def money_each_number(value: float) -> float:
    """A unit cost as the report prints it: to the cent under 100, whole above."""
    return round(value, 2) if abs(value) < 100 else float(round(value))


def money_each(value: float, currency: str) -> str:
    """A unit cost: to the cent under 100 ('EUR 7.20'), whole above ('EUR 338')."""
    if not math.isfinite(value):
        return NOT_COMPUTABLE
    number = money_each_number(value)
    text = f"{number:,.2f}" if abs(value) < 100 else f"{number:,.0f}"
    return _fits(f"{currency} {text}".replace("-", "−"), value)


def money_each_interval(interval: Interval, currency: str) -> Printed:
    """'EUR 20.32 (90% CI 17.00–24.34)'."""
    return _money_range(interval, currency, money_each)


def hours_each_interval(interval: Interval) -> Printed:
    """Hours of one piece of work, to a tenth: '3.5 h (90% CI 2.9–4.1)'."""
    return _span_of(interval, ",.1f", " h")


def days(value: float) -> str:
    return f"{value:,.0f} days" if value != 1 else "1 day"


def tokens(value: float) -> str:
    """'400,000 tokens'; estimates round to the thousand so they do not look counted."""
    return f"{value:,.0f} tokens"


def tokens_estimate(interval: Interval) -> Printed:
    """'180,000 tokens (estimated 144,000–240,000)': a size converted from bytes."""
    low, point, high = (round(v, -3) for v in (interval.low, interval.point, interval.high))
    return Printed(f"{point:,.0f} tokens", f"estimated {low:,.0f}–{high:,.0f}")


def money_per_month(value: float, currency: str) -> str:
    return f"{currency} {value:,.2f}".removesuffix(".00") + " a month"


def fit_score(value: float) -> str:
    """A weighted fit in [0, 1], two decimals: '0.58'."""
    return f"{value:.2f}"


def ratio_interval(interval: Interval) -> Printed:
    """A rate ratio: '1.20 (90% CI 0.88–1.66)'; an unbounded end reads 'no upper limit'."""
    high = "no upper limit" if interval.high == float("inf") else f"{interval.high:.2f}"
    point = "unbounded" if interval.point == float("inf") else f"{interval.point:.2f}"
    return Printed(point, f"{level(interval)} {interval.low:.2f}–{high}")


def signed_points(value: float) -> str:
    """A change in a proportion, in percentage points with its sign: '+12', '−3.5'."""
    number = percent_number(value)
    text = f"{number:+.1f}" if number != round(number) else f"{number:+.0f}"
    return text.replace("-", "−").replace("+0", "0") if number == 0 else text.replace("-", "−")


def points_interval(interval: Interval) -> Printed:
    """'+12 points (90% CI 3 to 21)': a difference of proportions, new minus old."""
    low, high = (signed_points(v).lstrip("+") for v in (interval.low, interval.high))
    return Printed(f"{signed_points(interval.point)} points", f"{level(interval)} {low} to {high}")


def signed_percent(value: float) -> str:
    """A change as a signed percentage: '+12%', '−3.5%', '0%'."""
    text = percent(value)
    return text if text.startswith("−") or percent_number(value) == 0 else f"+{text}"


def signed_percent_interval(interval: Interval) -> Printed:
    """A change with its interval: '+1.4% (90% CI −9% to +13%)'."""
    low, high = signed_percent(interval.low), signed_percent(interval.high)
    return Printed(signed_percent(interval.point), f"{level(interval)} {low} to {high}")


def ratio_plain_interval(interval: Interval) -> Printed:
    """A ratio of two totals: '1.17 (90% CI 0.95–1.45)'."""
    return _span_of(interval, ".2f")


def points_change_interval(interval: Interval) -> Printed:
    """A difference of two proportions with its interval's ends as signed percentages:
    '−17 percentage points (90% CI −30% to −2.4%)'."""
    low, high = signed_percent(interval.low), signed_percent(interval.high)
    figure = f"{signed_percent(interval.point).removesuffix('%')} percentage points"
    return Printed(figure, f"{level(interval)} {low} to {high}")
