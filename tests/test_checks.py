"""Data checks (warnings) and the influence of one row, on the default case and the typo case
(one row's baseline_minutes 206 → 20600), down to the real PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from adoptreport import api
from adoptreport.analysis.findings import analyse
from adoptreport.analysis.influence import influence
from adoptreport.analysis.pilot import add_net_minutes
from adoptreport.analysis.stats import delta_ratio, wilson
from adoptreport.analysis.verdicts import Verdict, decide
from adoptreport.cli.app import app
from adoptreport.load.checks import data_checks
from adoptreport.models.folder import SOURCE_ROW
from tests.case_patches import cell
from tests.conftest import DEFAULT_CASE

TYPO_ROW = 9  # NW-6350, Brightline Dev on a multi-file refactor: baseline 206 minutes
TYPO_WARNING = (
    "pilot.csv:9: baseline_minutes: warning: 20,600 minutes is 176 robust deviations above"
    " multi_file_refactor's median of 220; check it for a typo (an extra digit, hours or seconds)"
)


@pytest.fixture(scope="module")
def typo_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("typo") / "case"
    shutil.copytree(DEFAULT_CASE, folder)
    assert (folder / "pilot.csv").read_text().splitlines()[TYPO_ROW - 1].startswith("NW-6350,")
    cell(folder, "pilot.csv", TYPO_ROW, "baseline_minutes", "20600")
    return folder


def test_the_default_case_gives_no_warning() -> None:
    assert data_checks(api.validate(DEFAULT_CASE)) == ()
    result = CliRunner().invoke(app, ["validate", str(DEFAULT_CASE), "--strict"])
    assert result.exit_code == 0
    assert "warning" not in result.output


def test_the_typo_is_warned_by_validate_and_build(typo_case: Path, tmp_path: Path) -> None:
    checked = CliRunner().invoke(app, ["validate", str(typo_case)])
    assert checked.exit_code == 0
    assert f"{typo_case}/{TYPO_WARNING}" in checked.output.splitlines()
    built = CliRunner().invoke(
        app, ["build", str(typo_case), "-o", str(tmp_path / "r.json"), "--format", "json"]
    )
    assert built.exit_code == 0
    assert f"{typo_case}/{TYPO_WARNING}" in built.output.splitlines()
    strict = CliRunner().invoke(
        app, ["build", str(typo_case), "-o", str(tmp_path / "s.json"), "--strict"]
    )
    assert strict.exit_code == 2
    assert not (tmp_path / "s.json").exists()


def test_one_attempt_decides_the_typo_case(typo_case: Path) -> None:
    case = api.validate(typo_case)
    findings = analyse(case)
    found = influence(case, findings)
    (kind,) = [p for p in found.kinds if p.kind == "multi_file_refactor"]
    assert (kind.row, kind.task_id) == (TYPO_ROW, "NW-6350")
    assert (kind.verdict, kind.without) == (Verdict.ASSIST, Verdict.INSUFFICIENT_EVIDENCE)
    (headline,) = found.headline
    assert headline.row == TYPO_ROW
    assert headline.fte.point == pytest.approx(14.37, abs=0.01)
    # Without the row the kind is unsupported, so the headline is the default case's own.
    assert headline.fte_without == pytest.approx(
        analyse(api.validate(DEFAULT_CASE)).workforce.total.freed_fte.point
    )


def test_the_report_names_the_row_and_the_change(typo_case: Path, tmp_path: Path) -> None:
    output = tmp_path / "typo.pdf"
    api.build(typo_case, output)
    text = subprocess.run(
        ["pdftotext", str(output), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = re.sub(r"\s+", " ", text)
    assert "Data checks" in flat
    assert (
        "pilot.csv, row 9, baseline_minutes: far above the other attempts of its kind of work;"
        " a typo is likely." in flat
    )
    assert (
        "Multi-file refactor: one attempt, NW-6350 (row 9), decides this verdict: without it the"
        " verdict would be insufficient evidence rather than assist." in flat
    )
    assert (
        "One attempt, NW-6350 (row 9, multi-file refactor), moves the headline: without it the"
        " hours freed would be 8.7 FTE rather than 14.4 FTE" in flat
    )


def test_leave_one_out_matches_recomputing_without_the_row(typo_case: Path) -> None:
    """The closed forms against the brute force: drop each row, recompute the cell's acceptance
    (Wilson) and its saved fraction's delta-method interval from the remaining rows."""
    case = api.validate(typo_case)
    findings = analyse(case)
    policy = case.case.policy
    found = influence(case, findings)
    flagged = {(p.tool, p.row) for p in found.cells}
    pilot = add_net_minutes(case.pilot)
    for c in findings.cells:
        group = pilot[(pilot["tool"] == c.tool) & (pilot["kind_of_work"] == c.kind)]
        if c.saved_fraction is None or c.timed_attempts < 3:
            continue
        timed = group[group["net_saved_minutes"].notna()]
        y, x = timed["net_saved_minutes"].to_numpy(float), timed["baseline_minutes"].to_numpy(float)
        full = delta_ratio(y, x, policy.confidence_level)
        reported = c.saved_fraction
        for i in range(len(timed)):
            keep = np.arange(len(timed)) != i
            without = delta_ratio(y[keep], x[keep], policy.confidence_level)
            scale = (without.high - without.point) / (full.high - full.point)
            low = without.point - (reported.point - reported.low) * scale
            high = without.point + (reported.high - reported.point) * scale
            accepted = c.accepted - int(timed["accepted"].iloc[i])
            acceptance = wilson(accepted, c.attempts - 1, policy.confidence_level)
            n, m = c.attempts - 1, c.timed_attempts - 1
            interval = type(reported)(low, without.point, high, reported.level)
            verdict = decide(n, m, acceptance, interval, policy).verdict
            row = int(timed[SOURCE_ROW].iloc[i])
            at_minimum = min(n, m) < policy.min_tasks_per_cell
            expected = not at_minimum and verdict is not c.decision.verdict
            assert ((c.tool, row) in flagged) == expected, (c.tool, c.kind, row)


def test_a_previous_period_elsewhere_is_named_once(tmp_path: Path) -> None:
    """A missing --previous folder is named as given, never joined to the case's path."""
    missing = tmp_path / "elsewhere" / "previous"
    result = CliRunner().invoke(app, ["validate", str(DEFAULT_CASE), "--previous", str(missing)])
    assert result.exit_code == 2
    assert result.output.splitlines()[0] == f"{missing}: expected a case folder, found nothing"


def test_the_previous_periods_problems_name_its_files(tmp_path: Path) -> None:
    previous = tmp_path / "old"
    shutil.copytree(DEFAULT_CASE, previous)
    cell(previous, "pilot.csv", 14, "review_minutes", "-5")
    for command in (["validate"], ["build", "-o", str(tmp_path / "r.json"), "--format", "json"]):
        result = CliRunner().invoke(app, [*command, str(DEFAULT_CASE), "--previous", str(previous)])
        assert result.exit_code == 2
        assert result.output.splitlines()[0] == (
            f"{previous}/pilot.csv:14: review_minutes: must be ≥ 0 (got -5)"
        )
