"""The broken-case corpus (tests/broken_cases.yaml): every problem named, or a stated acceptance."""

from __future__ import annotations

import shutil
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml
from typer.testing import CliRunner

from adoptreport import api
from adoptreport.cli.app import app
from adoptreport.load.problems import CaseError
from adoptreport.models.folder import SOURCE_ROW, Case
from tests.case_patches import apply
from tests.conftest import DEFAULT_CASE

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "broken_cases.yaml").read_text(encoding="utf-8")
)
MAX_SECONDS = 5.0  # every case, the 200 MB ones included, is answered well within this


@pytest.fixture(scope="module")
def default_case() -> Case:
    return api.validate(DEFAULT_CASE)


def _same_data(loaded: Case, default: Case) -> None:
    pd.testing.assert_frame_equal(
        loaded.pilot.drop(columns=SOURCE_ROW),
        default.pilot.drop(columns=SOURCE_ROW),
        check_dtype=False,
    )
    assert loaded.workforce == default.workforce
    assert loaded.vendors == default.vendors


def test_the_corpus_is_large_and_names_are_unique() -> None:
    names = [case["name"] for case in CASES]
    assert len(names) >= 150
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_broken_case(
    case: dict[str, Any], case_copy: Path, default_case: Case, tmp_path: Path
) -> None:
    apply(case_copy, case["patches"])
    start = time.perf_counter()
    strict = ["--strict"] if case.get("strict") else []
    result = CliRunner().invoke(app, ["validate", str(case_copy), *strict])
    assert time.perf_counter() - start < MAX_SECONDS
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    lines = [line.removeprefix(f"{case_copy}/") for line in result.output.splitlines()]
    if "accepted" in case:
        assert result.exit_code == 0, result.output
        assert lines[:-1] == case.get("warnings", [])  # warnings precede the summary line
        if case.get("same_as_default"):
            _same_data(api.validate(case_copy), default_case)
        if "same_as" in case:  # read as the default case with these patches alone
            reference = tmp_path / "reference"
            shutil.copytree(DEFAULT_CASE, reference)
            apply(reference, case["same_as"])
            _same_data(api.validate(case_copy), api.validate(reference))
        return
    assert result.exit_code == 2
    assert lines[:-1] == case["problems"]
    count = len(case["problems"])
    assert lines[-1] == f"{count} problem{'s' if count != 1 else ''} in {case_copy}."


def test_an_alias_bomb_is_refused_in_bounded_memory(case_copy: Path) -> None:
    (bomb,) = (case for case in CASES if case["name"] == "case anchor bomb")
    apply(case_copy, bomb["patches"])
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(CaseError, match="aliases"):
        api.validate(case_copy)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 1.0
    assert peak < 20_000_000  # a billion values written out would need tens of gigabytes
