"""`validate` is the contract of `build`: on every subset of a case's files, and with extreme
finite values in every numeric field, both accept or both refuse with the same problems —
never a traceback — and what builds prints no inf, nan or over-wide number."""

from __future__ import annotations

import copy
import itertools
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml
from pydantic import BaseModel

from adoptreport import api
from adoptreport.load.problems import CaseError
from adoptreport.report.formats import OutputFormat
from adoptreport.statements.formatting import MAX_FIGURE_WIDTH
from tests.case_patches import keep_rows, set_value
from tests.conftest import DEFAULT_CASE
from tests.test_properties import PATHS, STRUCTURED, _models_in, _set

FILES = sorted(p.name for p in DEFAULT_CASE.iterdir())
SUBSETS = [
    frozenset(kept)
    for size in range(len(FILES) + 1)
    for kept in itertools.combinations(FILES, size)
]
EXTREMES = [1.7976931348623157e308, -1e308, 5e-324, 0.5000000001]
WHOLE_COLUMN = [1.7976931348623157e308, 5e-324]  # every row at once: sums overflow, or vanish
NUMERIC_COLUMNS = {
    "pilot.csv": [
        "ai_minutes",
        "review_minutes",
        "rework_minutes",
        "baseline_minutes",
        "input_tokens",
        "output_tokens",
        "hallucinations",
        "escaped_defects",
        "files_touched",
        "services_touched",
    ],
    "workforce.csv": ["headcount", "loaded_hourly_cost", "hours_small_feature"],
}


def _outcome(folder: Path, output: Path) -> tuple[str, list[str]]:
    """What validate says, and what build says: ("ok", []) or ("refused", problems)."""
    try:
        api.validate(folder)
        said = ("ok", [])
    except CaseError as error:
        said = ("refused", [str(p) for p in error.problems])
    try:
        report = api.build(folder, output, format=OutputFormat.JSON)
        built = ("ok", [])
    except CaseError as error:
        built = ("refused", [str(p) for p in error.problems])
    assert said == built
    if built[0] == "ok":
        _prints_only_finite_figures(report.content.decode("utf-8"))
    return said


def _prints_only_finite_figures(content: str) -> None:
    for statement in json.loads(content)["statements"]:
        assert not re.search(r"\b(inf|nan|infinity)\b", statement["text"], re.IGNORECASE)
        for number in statement["numbers"]:
            for part in re.split(r"[ ()–]+", number["text"]):
                assert len(part) <= MAX_FIGURE_WIDTH, number["text"]


@pytest.fixture(scope="module")
def small_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("contract") / "case"
    shutil.copytree(DEFAULT_CASE, folder)
    keep_rows(folder, "pilot.csv", 30)
    set_value(folder, "case.yaml", "policy.bootstrap_draws", 200)  # the policy's least: fast
    return folder


@pytest.mark.parametrize("kept", SUBSETS, ids=lambda kept: "+".join(sorted(kept)) or "none")
def test_every_subset_of_case_files(kept: frozenset[str], small_case: Path, tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    for name in kept:
        shutil.copy(small_case / name, folder / name)
    verdict, problems = _outcome(folder, tmp_path / "report.json")
    required = {"case.yaml", "vendors.yaml", "pilot.csv", "workforce.csv"}
    assert (verdict == "ok") == required.issubset(kept), problems
    for name in sorted(required - kept):
        assert any(p.startswith(f"{name}: required file is missing") for p in problems)


def _is_number(model: type[BaseModel], path: str) -> bool:
    """Whether the field at `path` (as `field_paths` writes it) holds a number."""
    parts = re.findall(r"[A-Za-z_]+", path)
    info = None
    for part in parts:
        if part not in model.model_fields:
            return False
        info = model.model_fields[part]
        inner = _models_in(info.annotation)
        model = inner[0] if inner else model
    text = str(info.annotation if info else "")
    return bool(re.search(r"\b(int|float)\b", text)) and "str" not in text


NUMERIC_PATHS = [(file, path) for file, path in PATHS if _is_number(STRUCTURED[file], path)]


def test_the_numeric_fields_are_found() -> None:
    paths = {path for _, path in NUMERIC_PATHS}
    assert {
        "policy.confidence_level",
        "vendors[0].pricing.seat_per_month",
        "should[0].weight",
    } <= paths
    assert {"working_weeks_per_year", "claims[0].score", "assumptions[0].claimed_fte"} <= paths
    assert len(NUMERIC_PATHS) >= 20


@pytest.mark.parametrize("target", NUMERIC_PATHS, ids=lambda t: f"{t[0]}:{t[1]}")
def test_extreme_values_in_every_numeric_field(
    small_case: Path, tmp_path: Path, target: tuple[str, str]
) -> None:
    file, path = target
    folder = tmp_path / "case"
    shutil.copytree(small_case, folder)
    original = yaml.safe_load((small_case / file).read_text(encoding="utf-8"))
    for value in EXTREMES:
        data = _set(copy.deepcopy(original), path, value)
        (folder / file).write_text(yaml.safe_dump(data), encoding="utf-8")
        _outcome(folder, tmp_path / "report.json")


CELLS = [(file, column) for file, columns in NUMERIC_COLUMNS.items() for column in columns]


@pytest.mark.parametrize("target", CELLS, ids=lambda t: f"{t[0]}:{t[1]}")
def test_extreme_values_in_every_numeric_column(
    small_case: Path, tmp_path: Path, target: tuple[str, str]
) -> None:
    file, column = target
    folder = tmp_path / "case"
    shutil.copytree(small_case, folder)
    original = pd.read_csv(small_case / file, dtype=str, keep_default_na=False)
    for value, whole_column in [
        *((v, False) for v in EXTREMES),
        *((v, True) for v in WHOLE_COLUMN),
    ]:
        frame = original.copy()
        if whole_column:
            frame[column] = repr(value)
        else:
            frame.loc[1, column] = repr(value)
        frame.to_csv(folder / file, index=False)
        _outcome(folder, tmp_path / "report.json")
