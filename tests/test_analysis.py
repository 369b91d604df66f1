"""Analysis on small hand-computed pilots."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from adoptreport.analysis.evidence import RowRanges
from adoptreport.analysis.mix import WorkMix, mix_acceptance
from adoptreport.analysis.pilot import add_net_minutes, cells
from adoptreport.analysis.stats import z_score
from adoptreport.models import Policy

NAN = float("nan")


def _pilot(rows: list[tuple[str, float, float, float, float]]) -> pd.DataFrame:
    """(outcome, ai, review, rework, baseline) rows of one tool on one kind of work."""
    frame = pd.DataFrame(
        rows,
        columns=["outcome", "ai_minutes", "review_minutes", "rework_minutes", "baseline_minutes"],
    )
    return frame.assign(
        task_id=[f"T{i}" for i in range(len(rows))],
        tool="t",
        kind_of_work="isolated_bugfix",
        hallucinations=np.nan,
        escaped_defects=np.nan,
        source_row=np.arange(2, 2 + len(rows)),
    )


def test_net_minutes_follow_the_rule() -> None:
    pilot = _pilot(
        [
            ("merged", 20, 10, 0, 100),  # 100 − 30 = 70
            ("merged_after_rework", 20, 10, 15, 100),  # 100 − 45 = 55
            ("rejected", 20, 10, 0, 100),  # −30: a person still does the task
            ("abandoned", 5, 0, NAN, 60),  # −5
            ("merged_after_rework", 20, 10, NAN, 100),  # rework not measured: unknown
            ("merged", 20, 10, 0, NAN),  # baseline not measured: unknown
        ]
    )
    net = add_net_minutes(pilot)["net_saved_minutes"].tolist()
    assert net[:4] == [70, 55, -30, -5]
    assert math.isnan(net[4]) and math.isnan(net[5])


def test_cell_counts_and_saved_fraction() -> None:
    rows = [("merged", 20, 10, 0, 100)] * 12 + [("rejected", 30, 10, 0, 100)] * 8
    (cell,) = cells(add_net_minutes(_pilot(rows)), Policy(), "pilot.csv")
    assert (cell.attempts, cell.accepted, cell.clean) == (20, 12, 12)
    assert cell.saved_fraction is not None
    assert cell.saved_fraction.point == pytest.approx((12 * 70 - 8 * 40) / (20 * 100))
    assert cell.evidence == RowRanges("pilot.csv", ((2, 21),), 20)
    assert cell.review_minutes_per_merged is not None
    assert cell.review_minutes_per_merged.point == 10


def test_unmeasured_time_leaves_the_time_figures_not_zero() -> None:
    rows = [("merged", 20, 10, 0, NAN)] * 20
    (cell,) = cells(add_net_minutes(_pilot(rows)), Policy(), "pilot.csv")
    assert cell.saved_fraction is None
    assert cell.timed_attempts == 0
    assert cell.decision.verdict.value == "insufficient evidence"


def test_mix_acceptance_is_the_hours_weighted_stratified_estimate() -> None:
    pilot = pd.concat(
        [
            _pilot([("merged", 1, 1, 0, 10)] * 9 + [("rejected", 1, 1, 0, 10)] * 1),
            _pilot([("merged", 1, 1, 0, 10)] * 2 + [("rejected", 1, 1, 0, 10)] * 8).assign(
                kind_of_work="legacy_change"
            ),
        ]
    )
    result = cells(add_net_minutes(pilot), Policy(), "pilot.csv")
    mix = WorkMix(
        {"isolated_bugfix": 100.0, "legacy_change": 300.0, "ambiguous_requirements": 100.0},
        500.0,
        (),
        RowRanges("w", (), 0),
    )
    estimate = mix_acceptance(list(result), mix, 0.9)
    assert estimate is not None
    point = 0.25 * 0.9 + 0.75 * 0.2
    z2 = z_score(0.9) ** 2
    bugfix, legacy = (9 + z2 / 2) / (10 + z2), (2 + z2 / 2) / (10 + z2)  # Agresti–Coull
    se = math.sqrt(
        0.25**2 * bugfix * (1 - bugfix) / (10 + z2) + 0.75**2 * legacy * (1 - legacy) / (10 + z2)
    )
    assert estimate.acceptance.point == pytest.approx(point)
    assert estimate.acceptance.high - estimate.acceptance.point == pytest.approx(z_score(0.9) * se)
    assert estimate.covered_share == pytest.approx(400 / 500)


def test_mix_interval_keeps_width_when_every_kind_is_all_accepted() -> None:
    (cell,) = cells(add_net_minutes(_pilot([("merged", 1, 1, 0, 10)] * 3)), Policy(), "pilot.csv")
    mix = WorkMix({"isolated_bugfix": 10.0}, 10.0, (), RowRanges("w", (), 0))
    estimate = mix_acceptance([cell], mix, 0.9)
    assert estimate is not None and estimate.acceptance.low < 1.0
