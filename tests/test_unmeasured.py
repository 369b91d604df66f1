"""Unknown is never zero: with time columns blank, no figure prints as 0 with an interval 0–0,
and the finance and full reports say "not measured"."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adoptreport import api
from adoptreport.analysis.findings import analyse
from adoptreport.load.case import load_case
from adoptreport.models import Audience
from adoptreport.statements import build_statements
from tests.conftest import DEFAULT_CASE, pdf_text

TIME_COLUMNS = (
    "ai_minutes",
    "human_minutes",
    "review_minutes",
    "rework_minutes",
    "baseline_minutes",
)
# Every time figure needs AI-assisted minutes and review: each attempt's net time, review per
# change, hours per change, and the AI arm's total time.
NEEDED_BY_EVERY_TIME = ("ai_minutes", "review_minutes")
ZERO = r"[^\d()]*0(?:\.0+)?[^\d()]*"
ZERO_ZERO = re.compile(rf"(?:^|\s|\(){ZERO}\(\d+% CI {ZERO}(?:–| to ){ZERO}\)")


def _blank(case: Path, columns: tuple[str, ...]) -> None:
    pilot = pd.read_csv(case / "pilot.csv", dtype=str, keep_default_na=False)
    for column in columns:
        pilot[column] = ""
    pilot.to_csv(case / "pilot.csv", index=False)


def _zero_zero(texts: list[str]) -> list[str]:
    return [t for t in texts if ZERO_ZERO.search(t)]


def test_the_pattern_finds_zero_intervals() -> None:
    found = [
        "freeing 0 h (90% CI 0–0) a week",
        "EUR 0.00 (90% CI 0.00–0.00)",
        "took 0 min (90% CI 0–0)",
    ]
    kept = ["0.42 (90% CI 0.35–0.50)", "+1.4% (90% CI −9% to +13%)", "0% (90% CI 0–12%)"]
    assert _zero_zero(found) == found and _zero_zero(kept) == []


@pytest.fixture(scope="module")
def case_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("unmeasured") / "case"
    shutil.copytree(DEFAULT_CASE, target)
    return target


@settings(
    max_examples=8,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.tuples(st.sampled_from(NEEDED_BY_EVERY_TIME), st.sets(st.sampled_from(TIME_COLUMNS))).map(
        lambda drawn: {drawn[0], *drawn[1]}
    )
)
def test_no_unmeasured_figure_prints_as_zero(case_folder: Path, blank: set[str]) -> None:
    """With a column every time figure needs left blank (and any others), no figure that
    rests on time is measured, so none may print as 0 (0–0)."""
    shutil.copy(DEFAULT_CASE / "pilot.csv", case_folder / "pilot.csv")
    _blank(case_folder, tuple(sorted(blank)))
    case = load_case(case_folder)
    statements = build_statements(case, analyse(case))
    numbers = [n.text for s in statements for n in s.numbers if n.interval is not None]
    assert _zero_zero(numbers) == []
    assert _zero_zero([s.text for s in statements]) == []


@pytest.mark.slow  # end to end: real PDFs
@pytest.mark.parametrize("audience", [Audience.FINANCE, Audience.FULL])
def test_reports_without_any_time_say_not_measured(tmp_path: Path, audience: Audience) -> None:
    case = tmp_path / "case"
    shutil.copytree(DEFAULT_CASE, case)
    _blank(case, TIME_COLUMNS)
    out = tmp_path / "report.pdf"
    api.build(case, out, audience)
    text = pdf_text(out)
    assert _zero_zero([text]) == []
    assert "The hours the evidence supports freeing are not measured" in text
    assert "No time was measured for" in text or "Automate with review is ruled out" in text
    assert "freeing 0 h" not in text and "0 min (90% CI 0–0)" not in text
