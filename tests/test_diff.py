"""Period diff: the statistics against independent implementations, the CLI, the PDF section."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from scipy import stats as scipy_stats
from statsmodels.stats.proportion import confint_proportions_2indep
from typer.testing import CliRunner

from adoptreport import api
from adoptreport.analysis.diff import bootstrap_ratio_difference, newcombe_difference
from adoptreport.analysis.verdicts import Verdict
from adoptreport.cli.app import app
from adoptreport.models import Audience
from tests.conftest import DEFAULT_CASE, pdf_text

runner = CliRunner()
VERDICT_CHANGE = (
    "Tests and docs: the verdict went from insufficient evidence in FY26 H1 pilot to "
    "automate with review."
)


def _earlier_period(folder: Path) -> Path:
    """The default case as an earlier period: no tests-and-docs attempts yet, one plan fewer."""
    shutil.copytree(DEFAULT_CASE, folder)
    pilot = pd.read_csv(folder / "pilot.csv")
    pilot[pilot["kind_of_work"] != "tests_and_docs"].to_csv(folder / "pilot.csv", index=False)
    case = yaml.safe_load((folder / "case.yaml").read_text())
    case["period"] = "FY26 H1 pilot"
    (folder / "case.yaml").write_text(yaml.safe_dump(case, sort_keys=False))
    plans = yaml.safe_load((folder / "assumptions.yaml").read_text())
    plans["assumptions"] = plans["assumptions"][1:]
    (folder / "assumptions.yaml").write_text(yaml.safe_dump(plans, sort_keys=False))
    return folder


def _set_previous(case: Path, previous: str) -> None:
    data = yaml.safe_load((case / "case.yaml").read_text())
    data["previous_case"] = previous
    (case / "case.yaml").write_text(yaml.safe_dump(data, sort_keys=False))


@pytest.mark.parametrize(
    ("old", "new"), [((40, 100), (55, 100)), ((3, 20), (9, 18)), ((0, 15), (15, 15))]
)
def test_newcombe_difference_matches_statsmodels(
    old: tuple[int, int], new: tuple[int, int]
) -> None:
    ours = newcombe_difference(*old, *new, level=0.9)
    low, high = confint_proportions_2indep(
        new[0], new[1], old[0], old[1], method="newcomb", compare="diff", alpha=0.1
    )
    assert (ours.low, ours.high) == pytest.approx((low, high), abs=1e-9)
    assert ours.point == pytest.approx(new[0] / new[1] - old[0] / old[1])


def test_bootstrap_difference_agrees_with_scipy_bootstrap() -> None:
    rng = np.random.default_rng(7)
    old_base, new_base = rng.uniform(30, 120, 60), rng.uniform(30, 120, 80)
    old_saved = old_base * rng.normal(0.05, 0.3, 60)
    new_saved = new_base * rng.normal(0.25, 0.3, 80)
    ours = bootstrap_ratio_difference(
        (old_saved, old_base), (new_saved, new_base), level=0.9, draws=4000, seed=1
    )

    def statistic(i: np.ndarray, j: np.ndarray) -> float:
        i, j = i.astype(int), j.astype(int)
        return float(
            new_saved[j].sum() / new_base[j].sum() - old_saved[i].sum() / old_base[i].sum()
        )

    theirs = scipy_stats.bootstrap(
        (np.arange(60), np.arange(80)),
        statistic,
        vectorized=False,
        paired=False,
        n_resamples=4000,
        confidence_level=0.9,
        method="percentile",
        rng=np.random.default_rng(2),
    ).confidence_interval
    assert ours.point == pytest.approx(statistic(np.arange(60), np.arange(80)))
    assert ours.low == pytest.approx(theirs.low, abs=0.02)
    assert ours.high == pytest.approx(theirs.high, abs=0.02)
    again = bootstrap_ratio_difference(
        (old_saved, old_base), (new_saved, new_base), level=0.9, draws=4000, seed=1
    )
    assert again == ours


def test_a_case_against_itself_changes_nothing() -> None:
    changes = api.diff(DEFAULT_CASE, DEFAULT_CASE)
    assert not changes.tools_added and not changes.tools_dropped and not changes.assumptions
    for kind in changes.kinds:
        assert not kind.verdict_changed
        assert kind.acceptance.difference is not None
        assert kind.acceptance.difference.point == 0 and kind.acceptance.detectable is False


def test_diff_reports_the_verdict_change_it_was_given(tmp_path: Path) -> None:
    old = _earlier_period(tmp_path / "h1")
    changes = api.diff(old, DEFAULT_CASE)
    tests_and_docs = next(k for k in changes.kinds if k.kind == "tests_and_docs")
    assert tests_and_docs.old_verdict is Verdict.INSUFFICIENT_EVIDENCE
    assert tests_and_docs.new_verdict is Verdict.AUTOMATE_WITH_REVIEW
    assert tests_and_docs.acceptance.difference is None  # nothing to compare it with
    assert ("tests-docs-10", None) in [(a.id, a.old) for a in changes.assumptions]

    result = runner.invoke(app, ["diff", str(old), str(DEFAULT_CASE)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert VERDICT_CHANGE in text
    assert "tests-docs-10: not in the case in FY26 H1 pilot, supported now." in text
    assert "Tests and docs: 0 attempts in FY26 H1 pilot and" in text
    assert "a change needs attempts in both periods" in text
    assert "excludes zero" in text  # the rule is stated


@pytest.mark.parametrize("columns", [80, 100])
def test_diff_fits_the_terminal(tmp_path: Path, columns: int) -> None:
    old = _earlier_period(tmp_path / "h1")
    result = runner.invoke(
        app, ["diff", str(old), str(DEFAULT_CASE)], env={"COLUMNS": str(columns)}
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert max(len(line) for line in lines) <= columns
    # No column is cut off: every table line closes with its border, and the header rows
    # carry all eight columns (kind of work repeated when the table is split in two).
    table_lines = [line.rstrip() for line in lines if line and line[0] in "┏┃┡│├└"]
    assert table_lines and all(line[-1] in "┓┃┩│┤┘" for line in table_lines)
    headers = " ".join(line for line in lines if line.startswith("┃"))
    for word in ("Kind", "Accepted", "then", "now", "Change", "Time saved", "Verdict"):
        assert word in headers
    assert VERDICT_CHANGE in " ".join(result.output.split())


def test_pdf_has_a_changes_section_when_case_names_the_previous_period(
    case_copy: Path, tmp_path: Path
) -> None:
    _earlier_period(case_copy / "previous")
    _set_previous(case_copy, "previous")
    out = tmp_path / "full.pdf"
    report = api.build(case_copy, out, Audience.FULL)
    text = pdf_text(out)
    assert "What changed since FY26 H1 pilot" in text
    assert VERDICT_CHANGE in text
    assert report.diff is not None
    ledger = text[text.index("Evidence ledger Each statement") :]
    assert "change.kind.small_feature" in ledger and "previous/pilot.csv rows" in ledger
    # The previous period is part of what the stamp's hash covers.
    assert report.input_hash == api.case_hash(case_copy) != api.input_hash(api.validate(case_copy))


def test_previous_case_outside_the_case_folder_is_refused(case_copy: Path, tmp_path: Path) -> None:
    outside = _earlier_period(tmp_path / "h1")
    _set_previous(case_copy, "../h1")
    out = tmp_path / "r.pdf"
    result = runner.invoke(app, ["build", str(case_copy), "-o", str(out)])
    assert result.exit_code == 2
    assert f"case.yaml: previous_case: '../h1' leads outside the case folder (to {outside})" in (
        result.output
    )
    assert "give it on the command line with --previous" in result.output
    assert not out.exists()
    # A symbolic link inside the folder that points out is refused the same way.
    (case_copy / "link").symlink_to(outside)
    _set_previous(case_copy, "link")
    result = runner.invoke(app, ["build", str(case_copy), "-o", str(out)])
    assert result.exit_code == 2 and "'link' leads outside the case folder" in result.output
    # Given on the command line, the same folder is used.
    result = runner.invoke(
        app, ["build", str(case_copy), "-o", str(out), "--previous", str(outside)]
    )
    assert result.exit_code == 0, result.output
    assert VERDICT_CHANGE in pdf_text(out)


def test_diff_of_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = runner.invoke(app, ["diff", str(missing), str(DEFAULT_CASE)])
    assert result.exit_code == 2
    assert f"{missing}: expected a case folder, found nothing" in result.output
