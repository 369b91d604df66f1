"""The CLI through typer's runner: exit codes and the exact messages a user sees."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from adoptreport.cli.app import app
from tests.conftest import DEFAULT_CASE

runner = CliRunner()


def test_validate_default_case() -> None:
    result = runner.invoke(app, ["validate", str(DEFAULT_CASE)])
    assert result.exit_code == 0, result.output
    assert "valid" in result.stdout


def test_validate_broken_case_lists_every_problem(case_copy: Path) -> None:
    frame = pd.read_csv(case_copy / "pilot.csv", dtype=str, keep_default_na=False)
    frame.loc[12, "review_minutes"] = "-5"
    frame.loc[30, "kind_of_work"] = "astrology"
    frame.to_csv(case_copy / "pilot.csv", index=False)
    result = runner.invoke(app, ["validate", str(case_copy)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert f"{case_copy}/pilot.csv:14: review_minutes: must be ≥ 0 (got -5)" in lines
    assert any(
        line.startswith(f"{case_copy}/pilot.csv:32: kind_of_work: unknown kind of work 'astrology'")
        for line in lines
    )
    assert lines[-1] == f"2 problems in {case_copy}."  # validate never writes, so never says so
    assert "Traceback" not in result.output


def test_build_on_bad_input_writes_nothing(case_copy: Path, tmp_path: Path) -> None:
    (case_copy / "case.yaml").write_text("organisation: [\n")
    out = tmp_path / "out" / "report.pdf"
    result = runner.invoke(app, ["build", str(case_copy), "-o", str(out)])
    assert result.exit_code == 2
    assert not out.exists()
    assert not out.parent.exists() or not any(out.parent.iterdir())


def test_missing_case_folder() -> None:
    result = runner.invoke(app, ["validate", "no/such/case"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "no/such/case: expected a case folder, found nothing"


def test_init_writes_a_case_that_validates(tmp_path: Path) -> None:
    target = tmp_path / "starter"
    result = runner.invoke(app, ["init", str(target)])
    assert result.exit_code == 0, result.output
    assert {"case.yaml", "pilot.csv", "vendors.yaml", "workforce.csv"} <= {
        p.name for p in target.iterdir()
    }
    assert "#" in (target / "case.yaml").read_text()  # commented for a newcomer
    validated = runner.invoke(app, ["validate", str(target)])
    assert validated.exit_code == 0, validated.output


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_init_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    (tmp_path / "case.yaml").write_text("organisation: my own work\n")
    before = _snapshot(tmp_path)
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"{tmp_path} is not empty; use --force to write into it\n"
    assert _snapshot(tmp_path) == before  # nothing written, nothing removed


def test_init_force_writes_the_starter_case_into_a_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    (tmp_path / "case.yaml").write_text("organisation: my own work\n")
    result = runner.invoke(app, ["init", "--force", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "keep.txt").read_text() == "mine"  # files of other names stay
    assert "my own work" not in (tmp_path / "case.yaml").read_text()
    assert runner.invoke(app, ["validate", str(tmp_path)]).exit_code == 0


def test_init_refuses_a_file_in_place_of_the_folder(tmp_path: Path) -> None:
    (tmp_path / "case").write_text("a file")
    result = runner.invoke(app, ["init", str(tmp_path / "case")])
    assert result.exit_code == 2
    assert result.stderr == f"{tmp_path / 'case'} exists and is not a folder\n"
    assert (tmp_path / "case").read_text() == "a file"


def test_schema_covers_every_input_file() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schemas = json.loads(result.stdout)
    assert set(schemas) == {
        "case.yaml",
        "benchmarks.yaml",
        "vendors.yaml",
        "requirements.yaml",
        "assumptions.yaml",
        "pilot.csv",
        "workforce.csv",
    }
    assert "review_minutes" in schemas["pilot.csv"]["properties"]


COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_the_command_list_is_read_from_the_app() -> None:
    assert {"validate", "build", "diff", "hash", "check-claims", "init", "schema"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.stdout


def test_build_full_audience_adds_the_cell_table(tmp_path: Path, default_report: tuple) -> None:
    from tests.conftest import pdf_text

    out = tmp_path / "full.pdf"
    result = runner.invoke(app, ["build", str(DEFAULT_CASE), "-o", str(out), "--audience", "full"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"wrote {out}")
    full, board = pdf_text(out), default_report[2]
    assert "Audience full" in full and "Audience board" in board
    assert "No rework" in full and "No rework" not in board
    assert [p.name for p in out.parent.iterdir()] == ["full.pdf"]  # no temporary file left


def test_build_into_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(DEFAULT_CASE), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{tmp_path} is a folder; give a file name")
    assert list(tmp_path.iterdir()) == []


def test_version_option_prints_the_version() -> None:
    from adoptreport import __version__

    for args in (["--version"], ["version"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0 and result.stdout == f"{__version__}\n"


def test_a_wrong_choice_reads_plainly() -> None:
    result = runner.invoke(app, ["build", str(DEFAULT_CASE), "--audience", "ceo"])
    assert result.exit_code == 2
    text = " ".join(result.stderr.replace("│", " ").split())
    assert (
        "Invalid value for '--audience': 'ceo' is not one of board, procurement, finance, full"
        in text
    )
    assert "Value error" not in result.output


@pytest.mark.parametrize("audience", ["board", "full"])
def test_build_status_says_what_the_audience_file_holds(tmp_path: Path, audience: str) -> None:
    out = tmp_path / "report.json"
    result = runner.invoke(
        app, ["build", str(DEFAULT_CASE), "-o", str(out), "--audience", audience]
    )
    assert result.exit_code == 0, result.output
    held = len(json.loads(out.read_text())["statements"])
    size = out.stat().st_size
    assert result.stdout == (
        f"wrote {out} ({size:,} bytes; the {audience} report, {held} statements)\n"
    )


def test_init_hint_repeats_the_command_as_it_was_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.argv", [".venv/bin/adoptreport", "init", "my-case"])
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # no adoptreport on PATH
    result = runner.invoke(app, ["init", str(tmp_path / "my-case")])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"wrote 9 files to {tmp_path / 'my-case'}; next: .venv/bin/adoptreport validate "
        f"{tmp_path / 'my-case'}\n"
    )
    assert (tmp_path / "my-case" / "pilot-columns.md").is_file()


def test_one_sentence_is_one_sentence() -> None:
    result = runner.invoke(
        app, ["check-claims", str(DEFAULT_CASE), "-"], input="The pilot ran in 2026.\n"
    )
    assert result.stdout.rstrip().endswith("stdin: 1 sentence — 1 ok."), result.stdout
