"""Column-wise validation of a table against a pydantic row model.

A pilot can hold millions of rows; building a model per row is what makes validation slow,
so each column is checked once, vectorised, against the constraints the row model declares.
"""

from __future__ import annotations

import datetime as dt
import re
import types
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Union, get_args, get_origin

import annotated_types
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import BaseModel

from adoptreport.load import messages as say
from adoptreport.load.problems import Problem, row_problem

MAX_PROBLEMS_PER_COLUMN = 20

ISO_DATE = re.compile(r"\d{4}-?\d{2}-?\d{2}(?:$|[T ])")


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    kind: type  # str, int, float, dt.date or a StrEnum subclass
    required: bool
    minimum: float | None = None
    exclusive_minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None
    max_length: int | None = None


def column_specs(model: type[BaseModel]) -> list[ColumnSpec]:
    """The column constraints a row model declares, one spec per field."""
    specs = []
    for name, info in model.model_fields.items():
        kind, nested = _base_type(info.annotation)
        limits: dict[str, Any] = {}
        for meta in [*info.metadata, *nested]:
            if isinstance(meta, annotated_types.Ge):
                limits["minimum"] = float(meta.ge)  # type: ignore[arg-type]
            elif isinstance(meta, annotated_types.Gt):
                limits["exclusive_minimum"] = float(meta.gt)  # type: ignore[arg-type]
            elif isinstance(meta, annotated_types.Le):
                limits["maximum"] = float(meta.le)  # type: ignore[arg-type]
            elif isinstance(meta, annotated_types.MaxLen):
                limits["max_length"] = meta.max_length
            elif getattr(meta, "pattern", None) is not None:
                limits["pattern"] = meta.pattern
        specs.append(ColumnSpec(name, kind, info.is_required(), **limits))
    return specs


def _base_type(annotation: Any) -> tuple[type, list[Any]]:
    """The plain type under Optional[...] and Annotated[...], with Annotated's constraints."""
    if get_origin(annotation) in (Union, types.UnionType):
        annotation = next(a for a in get_args(annotation) if a is not type(None))
    metadata: list[Any] = []
    if get_origin(annotation) is Annotated:
        annotation, *extras = get_args(annotation)
        for extra in extras:
            metadata.extend(getattr(extra, "metadata", [extra]))
    if not isinstance(annotation, type):
        raise TypeError(f"unsupported column annotation {annotation!r}")
    return annotation, metadata


@dataclass(frozen=True)
class ColumnResult:
    values: pd.Series
    problems: list[Problem]


def validate_table(
    frame: pd.DataFrame, model: type[BaseModel], file: str, rows: np.ndarray
) -> tuple[pd.DataFrame, list[Problem]]:
    """Typed columns and every problem; `rows` holds the file row of each of frame's rows."""
    specs = column_specs(model)
    known = {s.name for s in specs}
    problems = [
        Problem(file, "", str(col), f"unknown column; expected one of: {', '.join(sorted(known))}")
        for col in frame.columns
        if col not in known
    ]
    typed: dict[str, pd.Series] = {}
    for spec in specs:
        if spec.name not in frame.columns:
            if spec.required:
                problems.append(Problem(file, "", spec.name, say.REQUIRED_COLUMN))
            # A column left out is blank in every row: NaN for numbers, so sums stay numeric.
            typed[spec.name] = (
                pd.Series(np.nan, index=range(len(frame)), dtype=float)
                if spec.kind in (int, float)
                else pd.Series([None] * len(frame), dtype=object)
            )
            continue
        result = _validate_column(frame[spec.name].reset_index(drop=True), spec, file, rows)
        typed[spec.name] = result.values
        problems.extend(result.problems)
    return pd.DataFrame(typed), problems


def _blank(raw: pd.Series) -> pd.Series:
    if raw.dtype == object or pd.api.types.is_string_dtype(raw):
        return raw.isna() | (raw.astype(str).str.strip() == "")
    return raw.isna()


def _validate_column(raw: pd.Series, spec: ColumnSpec, file: str, rows: np.ndarray) -> ColumnResult:
    blank = _blank(raw)
    bad: list[tuple[int, str]] = []  # (position, message)
    if spec.required:
        bad += [(int(i), say.REQUIRED_VALUE) for i in np.flatnonzero(blank.to_numpy())]

    if spec.kind in (int, float):
        values = _numbers(raw, blank, spec, bad)
    elif spec.kind is dt.date:
        values = _dates(raw, blank, bad)
    else:
        text = raw.astype(str).str.strip()
        values = text.where(~blank)
        if issubclass(spec.kind, StrEnum):
            allowed = [m.value for m in spec.kind]
            wrong = ~blank & ~text.isin(allowed)
            expected = ", ".join(allowed)
            for i in np.flatnonzero(wrong.to_numpy()):
                bad.append((int(i), say.one_of(expected, say.got(raw.iloc[i]))))
        if spec.pattern is not None:
            wrong = ~blank & ~text.str.fullmatch(spec.pattern).fillna(False).astype(bool)
            for i in np.flatnonzero(wrong.to_numpy()):
                bad.append((int(i), say.identifier(say.got(raw.iloc[i]))))
        if spec.max_length is not None:
            for i in np.flatnonzero((~blank & (text.str.len() > spec.max_length)).to_numpy()):
                bad.append((int(i), say.too_long(spec.max_length)))
    bad.sort()
    problems = [
        row_problem(file, int(rows[i]), spec.name, msg) for i, msg in bad[:MAX_PROBLEMS_PER_COLUMN]
    ]
    if len(bad) > MAX_PROBLEMS_PER_COLUMN:
        rest = len(bad) - MAX_PROBLEMS_PER_COLUMN
        problems.append(
            row_problem(
                file,
                int(rows[bad[MAX_PROBLEMS_PER_COLUMN][0]]),
                spec.name,
                f"… and {rest:,} more problems in this column",
            )
        )
    return ColumnResult(values, problems)


def _cast_to_float(raw: pd.Series, blank: pd.Series) -> pd.Series | None:
    """The column as floats in one vectorised cast (NaN where blank); None if any value fails."""
    if pd.api.types.is_numeric_dtype(raw) and not pd.api.types.is_bool_dtype(raw):
        return raw.astype(float)
    if not pd.api.types.is_string_dtype(raw):
        return None
    text = pa.array(raw.where(~blank, None).astype(str), from_pandas=True)
    try:
        values = pc.cast(pc.utf8_trim_whitespace(text), pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    return pd.Series(values.to_numpy(zero_copy_only=False), index=raw.index, dtype=float)


def _dates(raw: pd.Series, blank: pd.Series, bad: list[tuple[int, str]]) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(raw.dtype):
        parsed = raw  # a typed column (Parquet) holds dates already; no text to read
    else:
        text = raw.where(~blank, None).astype(object)
        parsed = pd.to_datetime(text, format="ISO8601", errors="coerce")
        # pandas reads "-0", "12" or "0000-01-01" as dates in year 0; a date starts with a year.
        calendar = raw.astype(str).str.strip().str.match(ISO_DATE).fillna(False).astype(bool)
        parsed = parsed.where(calendar.to_numpy() & (parsed.dt.year >= 1).to_numpy())
        for i in np.flatnonzero((parsed.isna() & ~blank).to_numpy()):
            bad.append((int(i), say.date(say.got(raw.iloc[i]))))
    dates: pd.Series = parsed.dt.date.where(~blank, None).astype(object)
    return dates


def _numbers(
    raw: pd.Series, blank: pd.Series, spec: ColumnSpec, bad: list[tuple[int, str]]
) -> pd.Series:
    numeric = _cast_to_float(raw, blank)
    if numeric is None:  # some value is not a number: pandas finds which, row by row
        numeric = pd.to_numeric(raw.where(~blank, None), errors="coerce").astype(float)
    not_a_number = say.whole_number if spec.kind is int else say.number
    infinite = ~np.isfinite(numeric.fillna(0.0).to_numpy())
    not_number = (numeric.isna() & ~blank) | infinite
    for i in np.flatnonzero(not_number.to_numpy()):
        wording = say.finite if infinite[i] else not_a_number
        bad.append((int(i), wording(say.got(raw.iloc[i]))))
    ok = ~blank & ~not_number
    if spec.kind is int:
        fractional = ok & (numeric != np.floor(numeric))
        for i in np.flatnonzero(fractional.to_numpy()):
            bad.append((int(i), say.whole_number(say.got(raw.iloc[i]))))
    if spec.minimum is not None:
        low = ok & (numeric < spec.minimum)
        for i in np.flatnonzero(low.to_numpy()):
            bad.append((int(i), say.at_least(spec.minimum, f" (got {numeric.iloc[i]:.15g})")))
    if spec.exclusive_minimum is not None:
        low = ok & (numeric <= spec.exclusive_minimum)
        for i in np.flatnonzero(low.to_numpy()):
            bad.append(
                (int(i), say.above(spec.exclusive_minimum, f" (got {numeric.iloc[i]:.15g})"))
            )
    if spec.maximum is not None:
        high = ok & (numeric > spec.maximum)
        for i in np.flatnonzero(high.to_numpy()):
            bad.append((int(i), say.at_most(spec.maximum, f" (got {numeric.iloc[i]:.15g})")))
    return numeric.where(ok)  # NaN where blank or bad: missing stays missing
