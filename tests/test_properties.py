"""Property tests: whatever a case's fields and tables hold, the CLI answers 0 or 2, never a
traceback. Values are drawn for every field of every input model (paths derived from the
pydantic models), for every table cell, and as whole arbitrary CSV files.

`pytest --big-hypothesis` (or ADOPTREPORT_BIG_HYPOTHESIS=1) runs 20 times as many examples.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import os
import shutil
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from typer.testing import CliRunner

from adoptreport.cli.app import app
from adoptreport.models import (
    AssumptionsFile,
    BenchmarksFile,
    CaseFile,
    PilotAttempt,
    RequirementsFile,
    Team,
    VendorsFile,
)
from tests.case_patches import keep_rows
from tests.conftest import DEFAULT_CASE

pytestmark = pytest.mark.slow  # end to end: real PDFs, processes or many examples

SCALE = 20 if os.environ.get("ADOPTREPORT_BIG_HYPOTHESIS") == "1" else 1
STRUCTURED = {
    "case.yaml": CaseFile,
    "vendors.yaml": VendorsFile,
    "benchmarks.yaml": BenchmarksFile,
    "requirements.yaml": RequirementsFile,
    "assumptions.yaml": AssumptionsFile,
}
TABLES = {"pilot.csv": PilotAttempt, "workforce.csv": Team}
PILOT_ROWS = 30


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models a field holds directly, in a list, or in an optional/union."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        args = typing.get_args(annotation)
        return [
            m for a in (args[:1] if origin is typing.Annotated else args) for m in _models_in(a)
        ]
    return []


def field_paths(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    """Every field path of a model, a list item standing for its list (`vendors[0].name`)."""
    for name, info in model.model_fields.items():
        path = f"{prefix}.{name}" if prefix else name
        yield path
        listed = typing.get_origin(info.annotation) is list or "list[" in str(info.annotation)
        for inner in _models_in(info.annotation):
            yield from field_paths(inner, f"{path}[0]" if listed else path)


def _known_words() -> list[str]:
    case = yaml.safe_load((DEFAULT_CASE / "case.yaml").read_text())
    vendors = yaml.safe_load((DEFAULT_CASE / "vendors.yaml").read_text())
    words = [v["id"] for v in vendors["vendors"]] + [
        t["id"] for v in vendors["vendors"] for t in v["tools"]
    ]
    words += ["isolated_bugfix", "small_feature", "platform", "backend", "merged", "rejected"]
    return [*words, str(case["report_date"]), "board", "full", "official", "region", "eu-west"]


KNOWN = _known_words()
TEXT = st.text(max_size=40)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-2, max_value=2),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-1.5, max_value=1.5),
    TEXT,
    st.dates(min_value=dt.date(1, 1, 1)),
    st.sampled_from(KNOWN),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)
CELLS = st.one_of(
    TEXT,
    st.integers().map(str),
    st.floats().map(str),
    st.sampled_from(["", " ", "NaN", "inf", "-0", "1e400", "1,5", "١٢", "１２", "0x1F", "TRUE"]),
    st.sampled_from(KNOWN),
)


def _set(data: Any, path: str, value: Any) -> Any:
    """`data` with the value at `path` replaced, intermediate mappings and items created."""
    parts: list[str | int] = []
    for piece in path.replace("]", "").replace("[", ".").split("."):
        parts.append(int(piece) if piece.isdigit() else piece)
    root = data if isinstance(data, dict) else {}
    node: Any = root
    for part, following in itertools.pairwise(parts):
        blank: Any = [] if isinstance(following, int) else {}
        if isinstance(part, int):
            while len(node) <= part:
                node.append(blank)
            if not isinstance(node[part], type(blank)):
                node[part] = blank
        elif not isinstance(node.get(part), type(blank)):
            node[part] = blank
        node = node[part]
    if isinstance(parts[-1], int):
        while len(node) <= parts[-1]:
            node.append(None)
    node[parts[-1]] = value
    return root


@pytest.fixture(scope="module")
def small_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default case with a 30-row pilot: each example costs tens of milliseconds."""
    folder = tmp_path_factory.mktemp("property") / "case"
    shutil.copytree(DEFAULT_CASE, folder)
    keep_rows(folder, "pilot.csv", PILOT_ROWS)
    return folder


def _answers_cleanly(folder: Path, file: str, content: bytes, command: str = "validate") -> int:
    """Run the CLI with `file` replaced by `content`; assert it answered 0 or 2; restore."""
    original = (folder / file).read_bytes()
    (folder / file).write_bytes(content)
    try:
        arguments = [command, str(folder)]
        if command == "build":
            arguments += ["--output", str(folder.parent / "out" / "report.pdf")]
        result = CliRunner().invoke(app, arguments)
    finally:
        (folder / file).write_bytes(original)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 2), result.output
    return result.exit_code


@functools.cache
def _table(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


PATHS = [(file, path) for file, model in STRUCTURED.items() for path in field_paths(model)]


def test_every_field_of_every_model_is_drawn() -> None:
    paths = {path for _, path in PATHS}
    assert {"organisation", "policy.confidence_level", "vendors[0].pricing.seat_per_month"} <= paths
    assert {"claims[0].conditions.attempts", "must[0].reason", "assumptions[0].teams"} <= paths
    assert len(PATHS) > 90


FIELD_SETTINGS = settings(
    max_examples=500 * SCALE,
    deadline=None,
    derandomize=SCALE == 1,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FIELD_SETTINGS
@given(target=st.sampled_from(PATHS), value=VALUES)
def test_any_value_in_any_field(small_case: Path, target: tuple[str, str], value: Any) -> None:
    file, path = target
    data = yaml.safe_load((small_case / file).read_text(encoding="utf-8"))
    changed = _set(data, path, value)
    _answers_cleanly(small_case, file, yaml.safe_dump(changed, allow_unicode=True).encode())


@settings(FIELD_SETTINGS, max_examples=300 * SCALE)
@given(file=st.sampled_from(sorted(TABLES)), data=st.data())
def test_any_value_in_any_cell(small_case: Path, file: str, data: st.DataObject) -> None:
    frame = _table(small_case / file).copy()
    column = data.draw(st.sampled_from([*frame.columns, "hours_frontend", "notes"]))
    row = data.draw(st.integers(min_value=0, max_value=len(frame)))
    frame.loc[row, column] = data.draw(CELLS)
    _answers_cleanly(small_case, file, frame.fillna("").to_csv(index=False).encode())


CSV_PIECES = st.sampled_from([",", ";", '"', "\n", "\r\n", "\t", "\ufeff", "-", ".", "1", " "])
CSV_TEXT = st.lists(st.one_of(CSV_PIECES, CELLS), max_size=40).map("".join)


@settings(FIELD_SETTINGS, max_examples=600 * SCALE)
@given(
    file=st.sampled_from(sorted(TABLES)),
    body=st.one_of(CSV_TEXT, st.binary(max_size=200).map(lambda b: b.decode("latin-1"))),
    keep_header=st.booleans(),
    encoding=st.sampled_from(["utf-8", "latin-1", "utf-16"]),
)
def test_any_csv_text(
    small_case: Path, file: str, body: str, keep_header: bool, encoding: str
) -> None:
    header = (small_case / file).read_text(encoding="utf-8").split("\n", 1)[0]
    text = f"{header}\n{body}" if keep_header else body
    _answers_cleanly(small_case, file, text.encode(encoding, errors="replace"))


@settings(FIELD_SETTINGS, max_examples=3 * SCALE)
@given(target=st.sampled_from(PATHS), value=st.sampled_from([None, 0, 1, 0.5, "", "x", True]))
def test_any_value_in_any_field_builds_or_is_refused(
    small_case: Path, target: tuple[str, str], value: Any
) -> None:
    file, path = target
    data = yaml.safe_load((small_case / file).read_text(encoding="utf-8"))
    changed = _set(data, path, value)
    content = yaml.safe_dump(changed, allow_unicode=True).encode()
    _answers_cleanly(small_case, file, content, command="build")
