"""Large pilots: the large-sample interval rule, compact evidence, capped row problems,
and a page count that does not grow with the rows."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pypdf import PdfReader

from adoptreport import api
from adoptreport.analysis.evidence import RowRanges
from adoptreport.analysis.stats import (
    BOOTSTRAP_MAX_ROWS,
    bootstrap_ratio,
    delta_ratio,
    ratio_interval,
)
from adoptreport.load.case import load_case
from adoptreport.load.problems import CaseError
from tests.conftest import DEFAULT_CASE, pdf_text
from tests.test_stats import scipy_ratio_bootstrap

pytestmark = pytest.mark.slow  # end to end: real PDFs, processes or many examples


def _minutes(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Skewed, pilot-like minutes: lognormal baselines, net saved a noisy share of them."""
    rng = np.random.default_rng(seed)
    baseline = rng.lognormal(np.log(120), 0.6, n)
    saved = baseline * rng.normal(0.2, 0.5, n)
    return saved, baseline


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_delta_method_agrees_with_the_bootstrap_at_the_threshold(seed: int) -> None:
    saved, baseline = _minutes(BOOTSTRAP_MAX_ROWS, seed)
    delta = delta_ratio(saved, baseline, 0.9)
    # An independent bootstrap: scipy's, paired resampling of rows, percentile method.
    reference = scipy_ratio_bootstrap(saved, baseline, 2000, seed)
    width = reference.high - reference.low
    assert delta.low == pytest.approx(reference.low, abs=0.1 * width)
    assert delta.high == pytest.approx(reference.high, abs=0.1 * width)
    ours = bootstrap_ratio(saved, baseline, 0.9, 2000, seed)
    assert delta.point == ours.point


def test_ratio_interval_switches_method_above_the_threshold() -> None:
    saved, baseline = _minutes(BOOTSTRAP_MAX_ROWS + 1, 7)
    assert ratio_interval(saved, baseline, 0.9, 500, 7) == delta_ratio(saved, baseline, 0.9)
    small = slice(0, BOOTSTRAP_MAX_ROWS)
    assert ratio_interval(saved[small], baseline[small], 0.9, 500, 7) == bootstrap_ratio(
        saved[small], baseline[small], 0.9, 500, 7
    )


def test_methodology_states_the_threshold(full_report: tuple) -> None:
    words = {2_000: "two thousand"}
    assert f"more than {words[BOOTSTRAP_MAX_ROWS]} attempts" in full_report[2]


def test_row_ranges_of_shuffled_rows_stay_one_array() -> None:
    rows = np.random.default_rng(3).permutation(np.arange(2, 200_002))[:150_000]
    ranges = RowRanges.of("pilot.csv", rows)
    assert ranges.count == 150_000
    expanded = np.concatenate([np.arange(a, b + 1) for a, b in ranges.ranges[:1000]])
    assert np.array_equal(expanded, np.sort(rows)[: len(expanded)])
    assert sum(b - a + 1 for a, b in ranges.ranges) == 150_000
    assert RowRanges.of("p", np.array([5, 2, 3, 4])) == RowRanges("p", ((2, 5),), 4)


def _big_case(folder: Path, rows: int) -> pd.DataFrame:
    shutil.copytree(DEFAULT_CASE, folder)
    source = pd.read_csv(DEFAULT_CASE / "pilot.csv", dtype=str, keep_default_na=False)
    pilot = source.iloc[np.random.default_rng(rows).integers(0, len(source), rows)]
    pilot = pilot.reset_index(drop=True).assign(task_id=[f"T{i:07d}" for i in range(rows)])
    pilot.to_csv(folder / "pilot.csv", index=False)
    return pilot


def test_many_bad_rows_give_the_same_messages_capped_with_a_count(tmp_path: Path) -> None:
    pilot = _big_case(tmp_path / "case", 30_000)
    pilot.loc[::3, "review_minutes"] = "-5"  # 10,000 bad rows
    pilot.to_csv(tmp_path / "case" / "pilot.csv", index=False)
    with pytest.raises(CaseError) as caught:
        load_case(tmp_path / "case")
    shown = [str(p) for p in caught.value.problems if p.field == "review_minutes"]
    assert shown[0] == "pilot.csv:2: review_minutes: must be ≥ 0 (got -5)"
    assert shown[1] == "pilot.csv:5: review_minutes: must be ≥ 0 (got -5)"
    assert len(shown) == 21
    assert shown[-1].endswith("… and 9,980 more problems in this column")


def test_page_count_does_not_grow_with_the_rows(tmp_path: Path) -> None:
    pages = []
    for rows in (6_000, 60_000):
        _big_case(tmp_path / f"case{rows}", rows)
        out = tmp_path / f"report{rows}.pdf"
        report = api.build(tmp_path / f"case{rows}", out)
        assert len(report.case.pilot) == rows
        assert f"({rows:,} rows)" in pdf_text(out)
        pages.append(len(PdfReader(out).pages))
    # Ten times the rows decide more kinds of work (narrower intervals), which changes the
    # wording and so the length by a few lines; rows themselves are never listed (the ledger
    # gives ranges), so the report may not grow by more than a page.
    assert pages[1] <= pages[0] + 1, pages
