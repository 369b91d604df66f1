"""Case folder → one validated `Case`. Every problem is collected, with file, row and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd
from pydantic import BaseModel, ValidationError

from adoptreport.load.columns import validate_table
from adoptreport.load.files import (
    STRUCTURED_SUFFIXES,
    TABLE_SUFFIXES,
    find,
    read_structured,
    read_text,
    validate,
)
from adoptreport.load.messages import pydantic_message
from adoptreport.load.pilot_rules import pilot_rule_problems
from adoptreport.load.problems import CaseError, Problem, row_problem, shown
from adoptreport.load.references import cross_references
from adoptreport.load.tables import read_table
from adoptreport.models import (
    AssumptionsFile,
    BenchmarksFile,
    CaseFile,
    PilotAttempt,
    RequirementsFile,
    Team,
    VendorsFile,
)
from adoptreport.models.folder import SOURCE_ROW, Case
from adoptreport.models.workforce import HOURS_PREFIX

M = TypeVar("M", bound=BaseModel)


def load_case(folder: Path | str) -> Case:
    """Read and validate a case folder; raise `CaseError` listing every problem."""
    root = Path(folder)
    if not root.is_dir():
        found = "a file" if root.exists() else "nothing"
        raise CaseError([Problem(str(root), "", "", f"expected a case folder, found {found}")])
    problems: list[Problem] = []
    files: dict[str, str] = {}

    def structured(role: str, model: type[M], required: bool) -> M | None:
        path = find(root, role, STRUCTURED_SUFFIXES, required, problems)
        if path is None:
            return None if required else model()
        files[role] = path.name
        data = read_structured(path, problems)
        return None if data is None else validate(model, data, path.name, problems)

    case_file = structured("case", CaseFile, required=True)
    vendors = structured("vendors", VendorsFile, required=True)
    benchmarks = structured("benchmarks", BenchmarksFile, required=False)
    requirements = structured("requirements", RequirementsFile, required=False)
    assumptions = structured("assumptions", AssumptionsFile, required=False)
    pilot = _load_pilot(root, files, problems)
    loaded_workforce = _load_workforce(root, files, problems)
    workforce, workforce_rows, team_names = loaded_workforce or (None, (), set())
    claims_text = _read_claims(root, problems)

    if case_file is not None and vendors is not None:
        problems += cross_references(
            case_file,
            vendors,
            benchmarks,
            assumptions,
            pilot,
            (workforce, workforce_rows, team_names),
            files,
        )
    if problems:
        raise CaseError(problems)
    assert case_file and vendors and benchmarks and requirements and assumptions
    assert pilot is not None and workforce is not None
    return Case(
        root=root,
        case=case_file,
        benchmarks=benchmarks,
        vendors=vendors,
        requirements=requirements,
        workforce=workforce,
        workforce_rows=workforce_rows,
        assumptions=assumptions,
        pilot=pilot,
        files=files,
        claims_text=claims_text,
    )


def _read_claims(root: Path, problems: list[Problem]) -> str | None:
    path = find(root, "claims", (".md",), False, problems)
    return None if path is None else read_text(path, problems)


def _required_table(
    root: Path, role: str, each: str, files: dict[str, str], problems: list[Problem]
) -> tuple[Path, pd.DataFrame, np.ndarray] | None:
    """A required table with at least one row, and each row's number in the file; None (and
    the problem) when it is missing, unreadable or has a header only."""
    path = find(root, role, TABLE_SUFFIXES, True, problems)
    if path is None:
        return None
    files[role] = path.name
    read = read_table(path, problems)
    if read is None:
        return None
    raw, rows = read
    if raw.empty:
        problems.append(
            Problem(path.name, "", "", f"has a header but no rows; expected one row per {each}")
        )
        return None
    return path, raw, rows


def _load_pilot(root: Path, files: dict[str, str], problems: list[Problem]) -> pd.DataFrame | None:
    table = _required_table(root, "pilot", "attempt", files, problems)
    if table is None:
        return None
    path, raw, rows = table
    frame, found = validate_table(raw, PilotAttempt, path.name, rows)
    frame[SOURCE_ROW] = rows
    problems.extend(found + pilot_rule_problems(frame, path.name, raw))
    return frame


def _load_workforce(
    root: Path, files: dict[str, str], problems: list[Problem]
) -> tuple[tuple[Team, ...], tuple[int, ...], set[str]] | None:
    """The teams that validated, the file row of each, and every team named in the file
    (valid row or not, so a bad headcount does not make the team unknown elsewhere)."""
    table = _required_table(root, "workforce", "team", files, problems)
    if table is None:
        return None
    path, raw, rows = table
    base = {name for name in Team.model_fields if name != "hours_by_kind"}
    for column in raw.columns:
        if column not in base and not str(column).startswith(HOURS_PREFIX):
            expected = ", ".join(sorted(base)) + f", {HOURS_PREFIX}<kind of work>"
            problems.append(
                Problem(path.name, "", str(column), f"unknown column; expected one of: {expected}")
            )
    teams: list[Team] = []
    team_rows: list[int] = []
    first_seen: dict[str, int] = {}
    for row, record in zip(rows.tolist(), raw.to_dict(orient="records"), strict=True):
        data: dict[str, Any] = {"hours_by_kind": {}}
        for key, value in record.items():
            if _is_blank(value):
                continue
            name = str(key)
            if name.startswith(HOURS_PREFIX):
                data["hours_by_kind"][name.removeprefix(HOURS_PREFIX)] = value
            elif name in base:
                data[name] = value
        team_id = str(data.get("team", "")).strip()
        if team_id and team_id in first_seen:
            problems.append(
                row_problem(
                    path.name,
                    row,
                    "team",
                    f"duplicate team {shown(team_id)}; first on row {first_seen[team_id]}",
                )
            )
        first_seen.setdefault(team_id, row)
        try:
            teams.append(Team.model_validate(data))
            team_rows.append(row)
        except ValidationError as error:
            for e in error.errors():
                loc = [str(p) for p in e["loc"]] or [f"{HOURS_PREFIX}*"]  # the whole week
                field = (
                    f"{HOURS_PREFIX}{loc[1]}"
                    if loc[0] == "hours_by_kind" and len(loc) > 1
                    else loc[0]
                )
                problems.append(row_problem(path.name, row, field, pydantic_message(e)))
    return tuple(teams), tuple(team_rows), set(first_seen) - {""}


def _is_blank(value: object) -> bool:
    return (
        value is None or (isinstance(value, float) and np.isnan(value)) or str(value).strip() == ""
    )
