"""One table of problem wordings for both paths that check values: pydantic's errors (case
files, workforce rows) and the column validator (pilot tables of any size).

Each wording takes what was expected and a `found` suffix, ' (got …)', already quoted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from adoptreport.load.problems import shown

REQUIRED_FIELD = "required field is missing"
REQUIRED_VALUE = "required value is blank"
REQUIRED_COLUMN = "required column is missing"
UNKNOWN_FIELD = "unknown field; check the spelling against `adoptreport schema`"


def duplicate_key(first_line: int) -> str:
    return (
        f"duplicate key; first on line {first_line}, and only one value can count;"
        " keep one of the two"
    )


def got(value: object) -> str:
    return f" (got {shown(value)})"


def whole_number(found: str) -> str:
    return f"expected a whole number{found}"


def number(found: str) -> str:
    return f"expected a number{found}"


def date(found: str) -> str:
    return f"expected a date as YYYY-MM-DD{found}"


def identifier(found: str) -> str:
    return f"expected an identifier of letters, digits, _ . : -{found}"


def one_of(expected: object, found: str) -> str:
    return f"expected one of {expected}{found}"


def finite(found: str) -> str:
    return f"expected a finite number{found}"


def bound(value: object) -> str:
    """A bound as a message gives it: 10,000 and 1,000,000,000 written out, 0.999 as is."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"
    return str(value)


def at_least(limit: object, found: str) -> str:
    return f"must be ≥ {bound(limit)}{found}"


def above(limit: object, found: str) -> str:
    return f"must be > {bound(limit)}{found}"


def at_most(limit: object, found: str) -> str:
    return f"must be ≤ {bound(limit)}{found}"


def below(limit: object, found: str) -> str:
    return f"must be < {bound(limit)}{found}"


def too_long(limit: int) -> str:
    return f"expected at most {limit} characters"


# Data checks (load/checks.py): valid values that look wrong. Printed after `file:row: field: `.
WARNING = "warning: "


def _minutes(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def median_under_one(median: float) -> str:
    return (
        f"the median of its non-zero values is {_minutes(median)} minutes, under one minute; were hours or fractions"
        " of an hour typed into a minutes column?"
    )


def looks_like_hours(value: float, kind: str, median: float) -> str:
    return (
        f"{_minutes(value)} minutes where {kind}'s median is {_minutes(median)}; read as hours it"
        f" would be {_minutes(value * 60)} minutes: were hours typed into a minutes column?"
    )


def outlier(value: float, kind: str, median: float, z: float) -> str:
    return (
        f"{_minutes(value)} minutes is {z:,.0f} robust deviations above {kind}'s median of"
        f" {_minutes(median)}; check it for a typo (an extra digit, hours or seconds)"
    )


def outside_period(value: object, start: object, end: object) -> str:
    period = f"{start or 'the start'} to {end or 'the end'}"
    return f"dated {value}, outside the pilot period ({period}) in case.yaml"


def after_report(value: object, report: object) -> str:
    return f"dated {value}, after the report date ({report}) in case.yaml"


def rework_not_merged(minutes: float, outcome: str) -> str:
    return (
        f"{_minutes(minutes)} rework minutes on an attempt that was {outcome}; rework follows"
        " a review that merges, so it is left out of the time figures"
    )


def hallucination_kinds(count: int, kinds: int) -> str:
    return (
        f"lists {kinds} kind{'' if kinds == 1 else 's'} of hallucination but hallucinations"
        f" counts {count};"
        " a count should be at least the kinds it lists"
    )


def hours_missing(kind: str) -> str:
    return (
        f"no team states weekly hours on {kind}; its hours are not measured and it is left out"
        " of the work mix"
    )


# pydantic's error type → the wording, from its context (`ctx`) and the found suffix.
PYDANTIC: dict[str, Callable[[dict[str, Any], str], str]] = {
    "missing": lambda ctx, found: REQUIRED_FIELD,
    "extra_forbidden": lambda ctx, found: UNKNOWN_FIELD,
    "greater_than_equal": lambda ctx, found: at_least(ctx.get("ge"), found),
    "greater_than": lambda ctx, found: above(ctx.get("gt"), found),
    "less_than_equal": lambda ctx, found: at_most(ctx.get("le"), found),
    "less_than": lambda ctx, found: below(ctx.get("lt"), found),
    "enum": lambda ctx, found: one_of(ctx.get("expected"), found),
    "string_pattern_mismatch": lambda ctx, found: identifier(found),
    "int_parsing": lambda ctx, found: whole_number(found),
    "int_from_float": lambda ctx, found: whole_number(found),
    "float_parsing": lambda ctx, found: number(found),
    "finite_number": lambda ctx, found: finite(found),
    "date_parsing": lambda ctx, found: date(found),
    "date_from_datetime_parsing": lambda ctx, found: date(found),
    "date_from_datetime_inexact": lambda ctx, found: date(found),
    "bool_parsing": lambda ctx, found: f"expected true or false{found}",
}


def pydantic_message(error: Any) -> str:
    """One pydantic error in the project's wording, with the value found."""
    kind, ctx = error["type"], error.get("ctx", {})
    found = got(error.get("input"))
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind in PYDANTIC:
        return PYDANTIC[kind](ctx, found)
    return f"{error['msg'][0].lower()}{error['msg'][1:]}{found}"
