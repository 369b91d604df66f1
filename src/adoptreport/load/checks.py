"""Data checks: values that are valid but implausible, reported as warnings (`--strict`: errors).

A warning names the file, row and field like an error does, and says what looks wrong and
why. Each check is vectorised over the pilot table; none builds a model per row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pandas as pd

from adoptreport.load import messages as say
from adoptreport.load.problems import MAX_LISTED, Problem
from adoptreport.models import Outcome, PilotAttempt
from adoptreport.models.folder import SOURCE_ROW, Case
from adoptreport.models.workforce import HOURS_PREFIX

# A value this many robust deviations (0.6745·|x − median| / MAD) from its kind of work's
# median is flagged. The default case's largest is about 12; a value typed with two extra
# digits is in the hundreds.
OUTLIER_Z = 20.0
# A fractional minutes value under this fraction of its kind's median that, read as hours,
# falls within the kind's range looks like hours typed into a minutes column.
HOURS_FRACTION = 1 / 20
MINUTES_PER_HOUR = 60.0
MIN_FOR_SPREAD = 5  # values a kind needs before its spread means anything


class Check(StrEnum):
    """What a data check found; the report's "Data checks" names each in words."""

    OUTLIER = "outlier"
    HOURS_AS_MINUTES = "hours_as_minutes"
    MEDIAN_UNDER_ONE = "median_under_one"
    OUTSIDE_PERIOD = "outside_period"
    AFTER_REPORT = "after_report"
    REWORK_NOT_MERGED = "rework_not_merged"
    HALLUCINATION_KINDS = "hallucination_kinds"
    HOURS_MISSING = "hours_missing"


@dataclass(frozen=True)
class DataCheck:
    """One warning: where, which check, and the message with the values that tripped it."""

    file: str
    row: int | None  # None: the whole column or file
    field: str
    check: Check
    message: str

    @property
    def problem(self) -> Problem:
        """As an error (`--strict`), or as the line `validate` prints: `…: warning: …`."""
        where = "" if self.row is None else str(self.row)
        key = (self.row or 0, self.field)
        return Problem(self.file, where, self.field, f"{say.WARNING}{self.message}", key)


def minute_columns() -> list[str]:
    """Every minutes column the pilot model declares (new ones are checked too)."""
    return [name for name in PilotAttempt.model_fields if name.endswith("_minutes")]


def data_checks(case: Case) -> tuple[DataCheck, ...]:
    """Every warning for a validated case, sorted by file, row and field."""
    pilot_file = case.files.get("pilot", "pilot.csv")
    found = [
        *_minutes_checks(case.pilot, pilot_file),
        *_date_checks(case, pilot_file),
        *_row_consistency(case.pilot, pilot_file),
        *_hours_columns(case),
    ]
    return tuple(sorted(found, key=lambda c: (c.file, c.row or 0, c.field, c.message)))


def _minutes_checks(pilot: pd.DataFrame, file: str) -> Iterator[DataCheck]:
    for column in minute_columns():
        if column not in pilot.columns:
            continue
        values = pd.to_numeric(pilot[column], errors="coerce").astype(float)
        spent = values[values > 0]  # rework is mostly zero, and rightly so
        if len(spent) >= MIN_FOR_SPREAD and float(spent.median()) < 1.0:
            message = say.median_under_one(float(spent.median()))
            yield DataCheck(file, None, column, Check.MEDIAN_UNDER_ONE, message)
            continue  # every row would look odd; the column-wide warning says why
        yield from _kind_outliers(values, pilot, file, column)


def _kind_outliers(
    values: pd.Series, pilot: pd.DataFrame, file: str, column: str
) -> Iterator[DataCheck]:
    """Robust z-scores within each kind of work, vectorised over the whole column."""
    by_kind = values.groupby(pilot["kind_of_work"])
    median = by_kind.transform("median")
    mad = (values - median).abs().groupby(pilot["kind_of_work"]).transform("median")
    enough = by_kind.transform("count") >= MIN_FOR_SPREAD
    z = 0.6745 * (values - median) / mad.where(mad > 0)
    as_minutes = values * MINUTES_PER_HOUR
    hours = (
        enough
        & (values % 1 != 0)  # 1.5 (hours), where minutes are whole
        & (values > 0)
        & (values < median * HOURS_FRACTION)
        & (as_minutes >= by_kind.transform("min"))
        & (as_minutes <= by_kind.transform("max"))
    )
    outlier = enough & ~hours & (z > OUTLIER_Z)
    rows = pilot[SOURCE_ROW].to_numpy()
    kinds = pilot["kind_of_work"].to_numpy()
    value, middle, score = (s.to_numpy(float) for s in (values, median, z))
    for i in np.flatnonzero(hours.to_numpy())[:MAX_LISTED]:
        message = say.looks_like_hours(value[i], str(kinds[i]), middle[i])
        yield DataCheck(file, int(rows[i]), column, Check.HOURS_AS_MINUTES, message)
    for i in np.flatnonzero(outlier.to_numpy())[:MAX_LISTED]:
        message = say.outlier(value[i], str(kinds[i]), middle[i], score[i])
        yield DataCheck(file, int(rows[i]), column, Check.OUTLIER, message)


def _date_checks(case: Case, file: str) -> Iterator[DataCheck]:
    if "date" not in case.pilot.columns:
        return
    dates = case.pilot["date"]
    start, end, report = case.case.period_start, case.case.period_end, case.case.report_date
    listed = 0
    for position, value in dates.dropna().items():
        if not isinstance(value, dt.date) or listed >= MAX_LISTED:
            continue
        row = _row(case.pilot, position)
        if (start is not None and value < start) or (end is not None and value > end):
            listed += 1
            message = say.outside_period(value, start, end)
            yield DataCheck(file, row, "date", Check.OUTSIDE_PERIOD, message)
        elif value > report:
            listed += 1
            yield DataCheck(file, row, "date", Check.AFTER_REPORT, say.after_report(value, report))


def _row_consistency(pilot: pd.DataFrame, file: str) -> Iterator[DataCheck]:
    not_merged = pilot["outcome"].isin([Outcome.REJECTED.value, Outcome.ABANDONED.value])
    rework = pd.to_numeric(pilot["rework_minutes"], errors="coerce").fillna(0.0)
    for position in pilot.index[not_merged & (rework > 0)][:MAX_LISTED]:
        row = _row(pilot, position)
        message = say.rework_not_merged(float(rework[position]), str(pilot.at[position, "outcome"]))
        yield DataCheck(file, row, "rework_minutes", Check.REWORK_NOT_MERGED, message)
    listed = pilot["hallucination_kinds"]
    kinds = listed.map({text: _listed_kinds(text) for text in listed.dropna().unique()}).fillna(0)
    counts = pd.to_numeric(pilot["hallucinations"], errors="coerce")
    disagree = counts.notna() & (kinds > counts.fillna(0))
    for position in pilot.index[disagree.to_numpy()][:MAX_LISTED]:
        row = _row(pilot, position)
        message = say.hallucination_kinds(int(counts[position]), int(kinds[position]))
        yield DataCheck(file, row, "hallucination_kinds", Check.HALLUCINATION_KINDS, message)


def _row(pilot: pd.DataFrame, position: Hashable) -> int:
    """The file row of the pilot row labelled `position`."""
    return int(pilot.at[position, SOURCE_ROW])  # type: ignore[arg-type]


def _listed_kinds(text: object) -> int:
    if not isinstance(text, str):
        return 0
    return len({part.strip() for part in text.split(";") if part.strip()})


def _hours_columns(case: Case) -> Iterator[DataCheck]:
    file = case.files.get("workforce", "workforce.csv")
    stated = {kind for team in case.workforce for kind in team.hours_by_kind}
    for kind in case.case.kind_ids():
        if kind not in stated:
            yield DataCheck(
                file, None, f"{HOURS_PREFIX}{kind}", Check.HOURS_MISSING, say.hours_missing(kind)
            )


def as_problems(checks: tuple[DataCheck, ...]) -> list[Problem]:
    return [c.problem for c in checks]
