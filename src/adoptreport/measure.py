"""Estimate a checkout's size in tokens from its text files, for case.yaml's codebases.

Method: bytes of every counted text file ÷ 4 (range ÷ 5 to ÷ 3; see
analysis.procurement.context). Skipped: files git ignores (.gitignore files at any depth,
read with `pathspec`'s git semantics), vendored and generated folders, and binary files
(a NUL byte in the first 8 KiB).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pathspec

from adoptreport.analysis.procurement.context import tokens_from_bytes
from adoptreport.analysis.stats import Interval

VENDORED = frozenset(
    {
        ".git", ".hg", ".svn", "node_modules", "vendor", "third_party", "third-party",
        "bower_components", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache",
        ".pytest_cache", "dist", "build", "target",
    }
)  # fmt: skip
SNIFF_BYTES = 8192


@dataclass(frozen=True)
class RepoSize:
    root: Path
    text_bytes: int
    tokens: Interval  # a stated range, not a confidence interval
    files_counted: int
    skipped_binary: int
    skipped_ignored: int  # files matched by a .gitignore
    skipped_vendored: int  # files inside vendored or generated folders

    def yaml_snippet(self, name: str) -> str:
        return f"codebases:\n- name: {name}\n  tokens: {round(self.tokens.point)}\n"


def _is_binary(path: Path) -> bool:
    with path.open("rb") as handle:
        return b"\0" in handle.read(SNIFF_BYTES)


def _count_files(folder: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(folder))


def _ignored(specs: list[tuple[Path, pathspec.GitIgnoreSpec]], path: Path, is_dir: bool) -> bool:
    """Whether any .gitignore above `path` matches it (a folder is tested with a trailing /)."""
    for base, spec in specs:
        if spec.match_file(path.relative_to(base).as_posix() + ("/" if is_dir else "")):
            return True
    return False


def measure_repo(root: Path | str) -> RepoSize:
    """Walk `root`, honouring .gitignore files at every level; never follows symlinks."""
    top = Path(root)
    if not top.is_dir():
        raise NotADirectoryError(f"{top} is not a folder")
    size = counted = binary = ignored = vendored = 0
    specs: list[tuple[Path, pathspec.GitIgnoreSpec]] = []
    for folder, dirs, files in os.walk(top):
        here = Path(folder)
        specs = [(base, spec) for base, spec in specs if here.is_relative_to(base)]
        gitignore = here / ".gitignore"
        if gitignore.is_file():
            lines = gitignore.read_text(encoding="utf-8", errors="replace").splitlines()
            specs.append((here, pathspec.GitIgnoreSpec.from_lines(lines)))

        for name in sorted(dirs):
            if name in VENDORED:
                vendored += _count_files(here / name)
                dirs.remove(name)
            elif _ignored(specs, here / name, True):
                ignored += _count_files(here / name)
                dirs.remove(name)
        dirs.sort()
        for name in sorted(files):
            path = here / name
            if path.is_symlink() or not path.is_file():
                continue
            if name in VENDORED:  # a worktree's .git is a file
                vendored += 1
            elif _ignored(specs, path, False):
                ignored += 1
            elif _is_binary(path):
                binary += 1
            else:
                size += path.stat().st_size
                counted += 1
    return RepoSize(top, size, tokens_from_bytes(size), counted, binary, ignored, vendored)
