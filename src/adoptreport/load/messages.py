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


def at_least(bound: object, found: str) -> str:
    return f"must be ≥ {bound}{found}"


def above(bound: object, found: str) -> str:
    return f"must be > {bound}{found}"


def at_most(bound: object, found: str) -> str:
    return f"must be ≤ {bound}{found}"


def below(bound: object, found: str) -> str:
    return f"must be < {bound}{found}"


def too_long(limit: int) -> str:
    return f"expected at most {limit} characters"


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
