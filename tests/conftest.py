"""Shared fixtures: the default case, one real build of it, and its extracted text."""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from adoptreport import api
from adoptreport.models import Audience

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


class _Warnings(logging.Handler):
    """What WeasyPrint logged at WARNING or above, in any test or session fixture."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


WEASYPRINT_WARNINGS = _Warnings()
logging.getLogger("weasyprint").addHandler(WEASYPRINT_WARNINGS)


@pytest.fixture(autouse=True)
def weasyprint_warned_nothing() -> Iterator[None]:
    """A user's build tolerates the font-subsetting fallback and prints a note; the test suite
    fails on it, as on every other WeasyPrint warning (install libharfbuzz-subset0)."""
    yield
    messages = list(WEASYPRINT_WARNINGS.messages)
    WEASYPRINT_WARNINGS.messages.clear()
    assert not messages, f"WeasyPrint warned: {messages}"


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


Built = tuple[api.Report, Path, str]  # the report, the PDF's path, its collapsed text


class DefaultBuilds:
    """The default case's PDFs, each audience built once per test session (with its tables
    beside it), for the many tests that only read them."""

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        self.factory = factory
        self.built: dict[Audience, Built] = {}

    def __call__(self, audience: Audience | None = None) -> Built:
        audience = audience or api.validate(DEFAULT_CASE).case.default_audience
        if audience not in self.built:
            folder = self.factory.mktemp(f"built-{audience}")
            out = folder / "report.pdf"
            report = api.build(DEFAULT_CASE, out, audience, folder / "tables")
            self.built[audience] = (report, out, pdf_text(out))
        return self.built[audience]


@pytest.fixture(scope="session")
def default_builds(tmp_path_factory: pytest.TempPathFactory) -> DefaultBuilds:
    return DefaultBuilds(tmp_path_factory)


@pytest.fixture(scope="session")
def default_report(default_builds: DefaultBuilds) -> Built:
    """The default case built once for its default audience."""
    return default_builds()


@pytest.fixture(scope="session")
def full_report(default_builds: DefaultBuilds) -> Built:
    """The default case built once for the full audience."""
    return default_builds(Audience.FULL)
