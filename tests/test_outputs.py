"""Where a build may write: formats from names, nodes and inputs left alone, honest errors."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from adoptreport.cli.app import app
from adoptreport.report.files import WriteError, write_all
from tests.conftest import DEFAULT_CASE

runner = CliRunner()


def _build(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["build", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


def _node(path: Path) -> tuple[int, int, int]:
    info = os.lstat(path)
    return info.st_mode, info.st_ino, info.st_rdev


def test_a_fifo_named_by_o_survives(tmp_path: Path) -> None:
    fifo = tmp_path / "report.pdf"
    os.mkfifo(fifo)
    before = _node(fifo)
    code, _, stderr = _build(str(DEFAULT_CASE), "-o", str(fifo))
    assert code == 2
    assert stderr == (
        f"{fifo} is a named pipe (FIFO), not a regular file; it was left alone; "
        "nothing was written.\n"
    )
    assert _node(fifo) == before and stat.S_ISFIFO(before[0])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]  # no temporary left


def _device(tmp_path: Path) -> Path:
    """A character device to aim at: a copy of /dev/null's node made with mknod as root (so a
    bug replaces the copy, never /dev/null), else /dev/null itself, which only root can replace."""
    device = tmp_path / "null.pdf"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.stat("/dev/null").st_rdev)
    except PermissionError:
        return Path("/dev/null")
    return device


def test_a_character_device_named_by_o_survives(tmp_path: Path) -> None:
    device = _device(tmp_path)
    before = _node(device)
    code, _, stderr = _build(str(DEFAULT_CASE), "-o", str(device), "--format", "pdf")
    assert code == 2
    assert stderr.startswith(f"{device} is a character device, not a regular file; it was left")
    assert _node(device) == before and stat.S_ISCHR(before[0])
    assert _node(Path("/dev/null"))[0] & stat.S_IFCHR


def test_a_link_named_by_o_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "kept.pdf"
    target.write_bytes(b"mine")
    link = tmp_path / "report.pdf"
    link.symlink_to(target)
    code, _, stderr = _build(str(DEFAULT_CASE), "-o", str(link))
    assert code == 2 and "is a symbolic link, not a regular file" in stderr
    assert link.is_symlink() and target.read_bytes() == b"mine"


@pytest.mark.parametrize("force", [False, True])
def test_an_input_file_named_by_o_is_untouched(case_copy: Path, force: bool) -> None:
    pilot = case_copy / "pilot.csv"
    before = pilot.read_bytes()
    code, _, stderr = _build(
        str(case_copy), "-o", str(pilot), "--format", "json", *(["--force"] if force else [])
    )
    assert code == 2
    if force:
        assert stderr == (
            f"{pilot} is one of the case's input files; it was left alone — write the report "
            "elsewhere; nothing was written.\n"
        )
    else:
        assert stderr == (
            f"-o {pilot} is inside the case folder {case_copy}; write the report elsewhere, or "
            "give --force to write inside the case folder; nothing was written.\n"
        )
    assert pilot.read_bytes() == before
    code, _, stderr = _build(str(case_copy), "-o", str(pilot))  # what it is comes first
    assert code == 2 and stderr.startswith(f"-o {pilot} is inside the case folder")
    assert pilot.read_bytes() == before


def test_schema_output_leaves_a_fifo_alone(tmp_path: Path) -> None:
    fifo = tmp_path / "schema.json"
    os.mkfifo(fifo)
    result = runner.invoke(app, ["schema", "-o", str(fifo)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"cannot write {fifo}: it is not a regular file, and was left alone; nothing was written.\n"
    )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_force_writes_inside_the_case_folder_but_not_over_inputs(case_copy: Path) -> None:
    out = case_copy / "out" / "report.json"
    code, _, stderr = _build(str(case_copy), "-o", str(out), "--tables", str(case_copy), "--force")
    assert code == 0, stderr
    assert json.loads(out.read_text())["format"] == "adoptreport.statements/1"
    assert (case_copy / "teams.csv").is_file()  # the tables beside the inputs, by request
    code, _, stderr = _build(str(case_copy), "-o", str(out), "--tables", str(case_copy / "x"))
    assert code == 2 and stderr.startswith(f"-o {out} is inside the case folder")


@pytest.mark.parametrize(
    ("name", "starts"), [("report.html", b"<!DOCTYPE html>"), ("report.json", b"{\n")]
)
def test_html_and_json_names_get_their_formats(tmp_path: Path, name: str, starts: bytes) -> None:
    out = tmp_path / name
    code, stdout, stderr = _build(str(DEFAULT_CASE), "-o", str(out))
    assert code == 0, stderr
    assert out.read_bytes().startswith(starts)
    assert not out.read_bytes().startswith(b"%PDF")
    assert stdout.startswith(f"wrote {out} (")


def test_another_name_needs_format_and_a_contradicting_format_is_an_error(
    tmp_path: Path,
) -> None:
    odd = tmp_path / "report.out"
    code, _, stderr = _build(str(DEFAULT_CASE), "-o", str(odd))
    assert code == 2 and stderr == (
        f"{odd}: cannot tell the format from the name; end it in .pdf, .html or .json, or give "
        "--format pdf, html or json; nothing was written.\n"
    )
    pdf = tmp_path / "x.pdf"
    code, _, stderr = _build(str(DEFAULT_CASE), "-o", str(pdf), "--format", "json")
    assert code == 2 and stderr == (
        f"{pdf}: the name says pdf but --format says json; name the file .json, or leave "
        "--format out; nothing was written.\n"
    )
    assert sorted(tmp_path.iterdir()) == []
    code, _, _ = _build(str(DEFAULT_CASE), "-o", str(odd), "--format", "json")
    assert code == 0 and json.loads(odd.read_text())["audience"] == "board"


def test_an_unwritable_tables_file_names_itself_and_nothing_is_written(tmp_path: Path) -> None:
    tables = tmp_path / "tables"
    tables.mkdir()
    os.mkfifo(tables / "teams.csv")
    out = tmp_path / "report.json"
    code, _, stderr = _build(str(DEFAULT_CASE), "-o", str(out), "--tables", str(tables))
    assert code == 1
    assert stderr == (
        f"cannot write {tables / 'teams.csv'}: it is not a regular file, and was left alone; "
        "nothing was written.\n"
    )
    assert not out.exists() and stat.S_ISFIFO(os.lstat(tables / "teams.csv").st_mode)
    assert sorted(p.name for p in tables.iterdir()) == ["teams.csv"]  # no temporaries left


def test_a_tables_path_that_is_a_file_is_refused_before_building(tmp_path: Path) -> None:
    tables = tmp_path / "tables"
    tables.write_text("mine")
    out = tmp_path / "report.json"
    code, _, stderr = _build(str(DEFAULT_CASE), "-o", str(out), "--tables", str(tables))
    assert code == 2
    assert stderr == (
        f"--tables {tables} is a file, not a folder; it was left alone; nothing was written.\n"
    )
    assert tables.read_text() == "mine" and not out.exists()


def test_a_failure_after_some_files_says_what_was_written(tmp_path: Path) -> None:
    """Renaming into place can fail after others were renamed: the error lists both."""
    first, second = tmp_path / "a.txt", tmp_path / "b" / "c.txt"
    (tmp_path / "b").mkdir()
    original = os.replace

    def replace(source: str, target: Path) -> None:
        if Path(target) == second:
            raise OSError(28, "No space left on device")
        original(source, target)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "replace", replace)
        with pytest.raises(WriteError) as raised:
            write_all([(first, b"1"), (second, b"2")])
    assert str(raised.value) == (
        f"cannot write {second}: No space left on device; written: {first}; not written: {second}"
    )
    assert first.read_bytes() == b"1" and list((tmp_path / "b").iterdir()) == []
