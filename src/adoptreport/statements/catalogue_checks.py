"""Sentence templates of the data checks and of one row's influence (merged into the catalogue).

Kept apart so the catalogue stays one screenful per topic; `catalogue.SENTENCES` holds them all.
"""

from __future__ import annotations

CHECK_SENTENCES: dict[str, str] = {
    "data_check_row": "{file}, row {row}, {field}: {finding}.",
    "data_check_column": "{file}, {field}: {finding}.",
    "data_checks_more": (
        "{more} more data checks are not listed here; `adoptreport validate` lists them all."
    ),
    "influence_kind_one": (
        "{kind}: one attempt, {task} (row {row}), decides this verdict: without it the verdict "
        "would be {without} rather than {verdict}."
    ),
    "influence_kind_many": (
        "{kind}: leaving out any one of {count} attempts ({tasks}) would change this verdict "
        "from {verdict} to {without}."
    ),
    "influence_cell_one": (
        "{tool} on {kind}: one attempt, {task} (row {row}), decides this cell's verdict: "
        "without it the verdict would be {without} rather than {verdict}."
    ),
    "influence_cell_many": (
        "{tool} on {kind}: leaving out any one of {count} attempts ({tasks}) would change this "
        "cell's verdict from {verdict} to {without}."
    ),
    "influence_headline_one": (
        "One attempt, {task} (row {row}, {kind}), moves the headline: without it the hours "
        "freed would be {without} rather than {fte}."
    ),
    "influence_headline_many": (
        "Leaving out any one of {count} attempts ({tasks}) would move the headline from {fte} "
        "to between {low} and {high}."
    ),
}

# What each data check found, in words without numbers (the terminal line carries them).
CHECK_FINDINGS: dict[str, str] = {
    "outlier": "far above the other attempts of its kind of work; a typo is likely",
    "hours_as_minutes": "looks like hours typed into a minutes column",
    "median_under_one": "mostly under one minute; hours or fractions of an hour typed as minutes?",
    "outside_period": "dated outside the pilot period",
    "after_report": "dated after the report date",
    "rework_not_merged": "rework minutes on an attempt that was not merged",
    "hallucination_kinds": "lists more kinds of hallucination than it counts",
    "hours_missing": "no team states weekly hours on this kind of work, so they are not measured",
}
