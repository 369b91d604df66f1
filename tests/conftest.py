"""Shared fixtures: the default case, one real build of it, and its extracted text."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from adoptreport import api

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CASE = ROOT / "inputs"


def collapse(text: str) -> str:
    """Whitespace collapsed; a line broken after a dash (73–⏎94%, multi-⏎file) rejoined."""
    return re.sub(r"\s+", " ", re.sub(r"(?<=\S)([–-])\n\s*", r"\1", text)).strip()


def pdf_text(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
    )
    return collapse(out.stdout.decode("utf-8"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--big-hypothesis",
        action="store_true",
        help="Run the property tests with 20 times as many examples (random, not derandomized).",
    )


def pytest_configure(config: pytest.Config) -> None:
    # Read by tests/test_properties.py when it is imported, after this hook.
    if config.getoption("--big-hypothesis"):
        os.environ["ADOPTREPORT_BIG_HYPOTHESIS"] = "1"


@pytest.fixture
def case_copy(tmp_path: Path) -> Path:
    """A writable copy of the default case."""
    target = tmp_path / "case"
    shutil.copytree(DEFAULT_CASE, target)
    return target


@pytest.fixture(scope="session")
def default_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[api.Report, Path, str]:
    """The default case built once: the report, the PDF path, and its collapsed text."""
    out = tmp_path_factory.mktemp("build") / "report.pdf"
    report = api.build(DEFAULT_CASE, out)
    return report, out, pdf_text(out)


@pytest.fixture(scope="session")
def full_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[api.Report, Path, str]:
    """The default case built once for the full audience."""
    from adoptreport.models import Audience

    out = tmp_path_factory.mktemp("build-full") / "full.pdf"
    report = api.build(DEFAULT_CASE, out, Audience.FULL)
    return report, out, pdf_text(out)
