"""Where a build may write: the format a file name asks for, and paths that must not be touched.

A build writes regular files only (a FIFO, a device or a link is left alone), never over one of
the case's input files, and nowhere inside the case folder unless forced. Every check runs
before anything is written; `OutputError` names the path that failed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from adoptreport.report.formats import OutputFormat

EXTENSIONS = {
    ".pdf": OutputFormat.PDF,
    ".html": OutputFormat.HTML,
    ".htm": OutputFormat.HTML,
    ".json": OutputFormat.JSON,
}


class OutputError(ValueError):
    """An output path that cannot take the build's output; nothing was written."""


@dataclass(frozen=True)
class Outputs:
    """What a build writes: the report (in `format`) and the optional tables and charts folders."""

    report: Path
    format: OutputFormat
    tables: Path | None = None
    charts: Path | None = None


def output_format(path: Path, asked: OutputFormat | None) -> OutputFormat:
    """The format of `path`: its extension's, or `asked` for a name with another extension."""
    known = EXTENSIONS.get(path.suffix.lower())
    if known is None and asked is None:
        raise OutputError(
            f"{path}: cannot tell the format from the name; end it in .pdf, .html or .json, "
            "or give --format pdf, html or json"
        )
    if known is not None and asked is not None and known is not asked:
        raise OutputError(
            f"{path}: the name says {known.value} but --format says {asked.value}; "
            f"name the file .{asked.value}, or leave --format out"
        )
    return known or asked or OutputFormat.PDF


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISREG, "a file"),
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISLNK, "a symbolic link"),
    )
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def check_file_target(path: Path) -> None:
    """`path` is absent or a regular file (a link is refused: replacing it would break it)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise OutputError(f"{path}: cannot be checked: {error.strerror}") from None
    if stat.S_ISDIR(mode):
        raise OutputError(f"{path} is a folder; give a file name, such as {path / 'report.pdf'}")
    if not stat.S_ISREG(mode):
        raise OutputError(f"{path} is {_kind(mode)}, not a regular file; it was left alone")


def check_folder_target(option: str, folder: Path) -> None:
    """A tables or charts folder is absent (it is created) or a folder."""
    try:
        mode = os.stat(folder).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise OutputError(f"{option} {folder}: cannot be checked: {error.strerror}") from None
    if not stat.S_ISDIR(mode):
        raise OutputError(f"{option} {folder} is {_kind(mode)}, not a folder; it was left alone")


def plan_outputs(
    report: Path | str,
    format: OutputFormat | None,
    tables: Path | str | None,
    charts: Path | str | None,
    case_folder: Path | str,
    force: bool = False,
) -> Outputs:
    """Check every output path before the build starts; raises `OutputError`.

    First what each path is (a FIFO, a device, a link are left alone), then whether it lies in
    the case folder, then the format the report's name asks for.
    """
    folders = (("--tables", tables), ("--charts", charts))
    chosen = {option: Path(folder) for option, folder in folders if folder is not None}
    check_file_target(Path(report))
    for option, folder in chosen.items():
        check_folder_target(option, folder)
    if not force:
        _outside_case({"-o": Path(report), **chosen}, Path(case_folder))
    return Outputs(
        Path(report),
        output_format(Path(report), format),
        chosen.get("--tables"),
        chosen.get("--charts"),
    )


def _outside_case(named: dict[str, Path], case_folder: Path) -> None:
    root = case_folder.resolve()
    for option, path in named.items():
        if path.resolve() == root or path.resolve().is_relative_to(root):
            raise OutputError(
                f"{option} {path} is inside the case folder {case_folder}; write the report "
                "elsewhere, or give --force to write inside the case folder"
            )


def check_not_inputs(paths: Iterable[Path], inputs: Iterable[Path]) -> None:
    """No path to be written is one of the case's input files (even with --force)."""
    protected = {path.resolve() for path in inputs}
    for path in paths:
        if path.resolve() in protected:
            raise OutputError(
                f"{path} is one of the case's input files; it was left alone — "
                "write the report elsewhere"
            )
