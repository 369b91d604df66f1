"""Case folder → one validated `Case`. Every problem is collected, with file, row and field."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv
import yaml
from pydantic import BaseModel, ValidationError

from adoptreport.load.columns import validate_table
from adoptreport.load.limits import MAX_HEADER_BYTES, safe_yaml, size_problem
from adoptreport.load.problems import CaseError, Problem, row_problem, shown
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

STRUCTURED_SUFFIXES = (".yaml", ".yml", ".json")
TABLE_SUFFIXES = (".csv", ".xlsx", ".parquet")
MAX_CROSS_REFERENCE_PROBLEMS = 20

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
        path = _find(root, role, STRUCTURED_SUFFIXES, required, problems)
        if path is None:
            return None if required else model()
        files[role] = path.name
        data = _read_structured(path, problems)
        return None if data is None else _validate(model, data, path.name, problems)

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
        problems += _cross_references(
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
    path = _find(root, "claims", (".md",), False, problems)
    return None if path is None else _read_text(path, problems)


def _read_text(path: Path, problems: list[Problem]) -> str | None:
    """A text file within its size limit, as UTF-8 (a BOM dropped); None and a problem if not."""
    if too_big := size_problem(path):
        problems.append(Problem(path.name, "", "", too_big))
        return None
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        problems.append(_not_utf8(path))
    except OSError as error:
        problems.append(Problem(path.name, "", "", f"cannot be read: {error.strerror}"))
    return None


def _find(
    root: Path, role: str, suffixes: tuple[str, ...], required: bool, problems: list[Problem]
) -> Path | None:
    candidates = [root / f"{role}{suffix}" for suffix in suffixes]
    present = [p for p in candidates if p.exists()]
    if len(present) > 1:
        names = ", ".join(p.name for p in present)
        problems.append(Problem(role, "", "", f"more than one file for {role} ({names}); keep one"))
        return None
    if not present:
        if required:
            names = " or ".join(p.name for p in candidates)
            problems.append(
                Problem(candidates[0].name, "", "", f"required file is missing; expected {names}")
            )
        return None
    path = present[0]
    if not path.resolve().is_relative_to(root.resolve()):
        problems.append(
            Problem(
                path.name,
                "",
                "",
                f"is a link to {path.resolve()}, outside the case folder; copy the file into"
                " the case folder",
            )
        )
        return None
    if not path.is_file():
        problems.append(Problem(path.name, "", "", "expected a file, found a folder"))
        return None
    return path


def _read_structured(path: Path, problems: list[Problem]) -> Any:
    text = _read_text(path, problems)
    if text is None:
        return None
    try:
        data = json.loads(text) if path.suffix == ".json" else safe_yaml(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"{mark.line + 1}" if mark is not None else ""
        lines = text.splitlines()
        tabbed = mark is not None and mark.line < len(lines) and "\t" in lines[mark.line]
        hint = "; indent with spaces, not tabs" if tabbed else ""
        problems.append(Problem(path.name, where, "", f"not valid YAML: {error.problem}{hint}"))
        return None
    except RecursionError:
        problems.append(Problem(path.name, "", "", "nested too deeply to be a case file"))
        return None
    except json.JSONDecodeError as error:
        problems.append(
            Problem(
                path.name,
                str(error.lineno),
                "",
                f"not valid JSON: {error.msg.lower()} (at character {error.colno})",
            )
        )
        return None
    except yaml.YAMLError as error:
        problems.append(Problem(path.name, "", "", f"not valid {path.suffix[1:].upper()}: {error}"))
        return None
    if data is None:
        problems.append(Problem(path.name, "", "", "file is empty; expected a mapping of fields"))
        return None
    if not isinstance(data, dict):
        problems.append(
            Problem(
                path.name, "", "", f"expected a mapping of fields, found a {type(data).__name__}"
            )
        )
        return None
    return data


def _validate(model: type[M], data: Any, file: str, problems: list[Problem]) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems.extend(_yaml_problem(file, e) for e in error.errors())
        return None


def _yaml_problem(file: str, error: Any) -> Problem:
    loc = [part for part in error["loc"] if not str(part).startswith("function-")]
    *parents, field = loc or [""]
    path = ""
    for part in parents:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    if isinstance(field, int):
        path, field = f"{path}[{field}]", ""
    # A union's member name (e.g. "bool", "list[str]") is noise in a user's message.
    return Problem(file, path, str(field), _message(error))


def _message(error: Any) -> str:
    kind, ctx, found = error["type"], error.get("ctx", {}), error.get("input")
    got = f" (got {shown(found)})"
    messages: dict[str, Callable[[], str]] = {
        "missing": lambda: "required field is missing",
        "extra_forbidden": lambda: "unknown field; check the spelling against `adoptreport schema`",
        "greater_than_equal": lambda: f"must be ≥ {ctx.get('ge')}{got}",
        "greater_than": lambda: f"must be > {ctx.get('gt')}{got}",
        "less_than_equal": lambda: f"must be ≤ {ctx.get('le')}{got}",
        "less_than": lambda: f"must be < {ctx.get('lt')}{got}",
        "enum": lambda: f"expected one of {ctx.get('expected')}{got}",
        "string_pattern_mismatch": lambda: (
            f"expected an identifier of letters, digits, _ . : -{got}"
        ),
        "value_error": lambda: str(ctx.get("error", error["msg"])),
        "int_parsing": lambda: f"expected a whole number{got}",
        "int_from_float": lambda: f"expected a whole number{got}",
        "float_parsing": lambda: f"expected a number{got}",
        "date_parsing": lambda: f"expected a date as YYYY-MM-DD{got}",
        "date_from_datetime_parsing": lambda: f"expected a date as YYYY-MM-DD{got}",
        "date_from_datetime_inexact": lambda: f"expected a date as YYYY-MM-DD{got}",
        "bool_parsing": lambda: f"expected true or false{got}",
    }
    if kind in messages:
        return messages[kind]()
    return f"{error['msg'][0].lower()}{error['msg'][1:]}{got}"


def _read_table(path: Path, problems: list[Problem]) -> tuple[pd.DataFrame, np.ndarray] | None:
    """The table (strings from CSV and XLSX, native types from Parquet) and each row's number
    as a person sees it in the file: the CSV line or spreadsheet row, header = 1."""
    if too_big := size_problem(path):
        problems.append(Problem(path.name, "", "", too_big))
        return None
    try:
        if path.suffix == ".csv":
            return _read_csv(path)
        if path.suffix == ".xlsx":
            # The table is on the sheet named after the file (pilot, workforce), else the first.
            with pd.ExcelFile(path, engine="openpyxl") as book:
                sheets = {str(name).casefold(): name for name in book.sheet_names}
                sheet = sheets.get(path.stem.casefold(), 0)
                frame = pd.read_excel(book, sheet_name=sheet, dtype=str, keep_default_na=False)
            return _without_blank_rows(frame, np.arange(2, 2 + len(frame)))
        try:
            frame = pd.read_parquet(path)
        except pa.ArrowInvalid:
            raise ValueError("not a Parquet file; save the table as Parquet, CSV or XLSX") from None
        return frame, np.arange(1, 1 + len(frame))
    except UnicodeDecodeError:
        problems.append(_not_utf8(path))
    except CaseError as error:
        problems.extend(error.problems)
    except pd.errors.EmptyDataError:
        problems.append(
            Problem(path.name, "", "", "file is empty; expected a header row and data rows")
        )
    except (pd.errors.ParserError, ValueError, OSError) as error:
        reason = " ".join(str(error).split())
        problems.append(Problem(path.name, "", "", f"cannot be read as a table: {reason}"))
    return None


def _read_csv(path: Path) -> tuple[pd.DataFrame, np.ndarray]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = handle.readline(MAX_HEADER_BYTES + 1)
    if len(header) > MAX_HEADER_BYTES:
        raise ValueError(
            f"the first line is over {MAX_HEADER_BYTES:,} characters; expected a header row"
            " of column names"
        )
    separator = ";" if header.count(";") > header.count(",") else ","
    fast = _read_regular_csv(path, separator)
    if fast is not None:
        return fast
    if ragged := _ragged_rows(path, separator):
        raise CaseError(ragged)
    frame = pd.read_csv(
        path,
        sep=separator,
        dtype=str,
        keep_default_na=False,
        encoding="utf-8-sig",
        skip_blank_lines=False,
    )
    # A quoted value may span lines; count them so every row keeps its real line number.
    extra = np.zeros(len(frame), dtype=np.int64)
    for column in frame.columns:
        values = frame[column]
        if values.str.contains("\n", regex=False).any():
            extra += values.str.count("\n").fillna(0).to_numpy(np.int64)
    lines = 2 + np.arange(len(frame)) + np.concatenate(([0], np.cumsum(extra)[:-1]))
    return _without_blank_rows(frame, lines)


def _ragged_rows(path: Path, separator: str) -> list[Problem]:
    """Rows with more or fewer values than the header has columns (pandas would shift them)."""
    problems: list[Problem] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter=separator)
        width = len(next(reader, []))
        start = reader.line_num + 1
        for values in reader:
            if values and len(values) != width:
                problems.append(
                    row_problem(
                        path.name,
                        start,
                        "",
                        f"row has {len(values)} values, expected {width} (one per header column);"
                        f" check for a stray {separator!r} or a missing quote",
                    )
                )
                if len(problems) == MAX_CROSS_REFERENCE_PROBLEMS:
                    break
            start = reader.line_num + 1
    return problems


def _read_regular_csv(path: Path, separator: str) -> tuple[pd.DataFrame, np.ndarray] | None:
    """pyarrow's multithreaded reader, for the usual file: one line per row, every row whole.

    None for anything irregular (blank lines, values over several lines, ragged rows, repeated
    column names, bytes that are not UTF-8): pandas reads those, keeping each row's line
    number and giving the messages a person can act on.
    """
    try:
        table = pa_csv.read_csv(
            path,
            parse_options=pa_csv.ParseOptions(delimiter=separator, newlines_in_values=True),
            convert_options=pa_csv.ConvertOptions(
                column_types=_all_text(path, separator), strings_can_be_null=False
            ),
        )
    except (pa.ArrowException, OSError, ValueError):
        return None
    names = table.column_names
    if len(set(names)) != len(names) or table.num_rows == 0:
        return None
    if _physical_lines(path) != table.num_rows + 1:
        return None
    frame = table.to_pandas(
        types_mapper={pa.string(): pd.StringDtype("pyarrow", na_value=np.nan)}.get
    )
    return frame, np.arange(2, 2 + len(frame))


def _all_text(path: Path, separator: str) -> dict[str, pa.DataType]:
    """Every column as text: the validator, not the reader, decides what a value means."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle, delimiter=separator), [])
    return {name: pa.string() for name in header}


def _physical_lines(path: Path) -> int:
    """Lines in the file, a last line without its newline included, read in chunks."""
    count, last = 0, b"\n"
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 24):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def _without_blank_rows(frame: pd.DataFrame, rows: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
    """Drop rows with every cell blank (spreadsheets leave them), keeping the others' numbers."""
    if frame.empty:
        return frame, rows
    blank = np.ones(len(frame), dtype=bool)
    for column in frame.columns:
        blank &= (frame[column].fillna("").astype(str).str.strip() == "").to_numpy()
    if not blank.any():
        return frame, rows
    return frame[~blank].reset_index(drop=True), rows[~blank]


def _not_utf8(path: Path) -> Problem:
    """Where a file stops being UTF-8, and the byte found there (Latin-1 and Windows-1252
    files are refused rather than guessed: the same bytes mean different letters in each)."""
    hint = ' (in Excel: "CSV UTF-8")' if path.suffix == ".csv" else ""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as error:
                column = len(line[: error.start].decode("utf-8")) + 1
                found = line[error.start : error.start + 1].hex().upper()
                return Problem(
                    path.name,
                    str(number),
                    "",
                    f"not UTF-8 text: found byte 0x{found} at character {column};"
                    f" expected UTF-8, so save the file as UTF-8{hint}",
                )
    return Problem(path.name, "", "", "not UTF-8 text; save the file as UTF-8")


def _load_pilot(root: Path, files: dict[str, str], problems: list[Problem]) -> pd.DataFrame | None:
    path = _find(root, "pilot", TABLE_SUFFIXES, True, problems)
    if path is None:
        return None
    files["pilot"] = path.name
    read = _read_table(path, problems)
    if read is None:
        return None
    raw, rows = read
    if raw.empty:
        problems.append(
            Problem(path.name, "", "", "has a header but no rows; expected one row per attempt")
        )
        return None
    frame, found = validate_table(raw, PilotAttempt, path.name, rows)
    problems.extend(found)
    frame[SOURCE_ROW] = rows
    return frame


def _load_workforce(
    root: Path, files: dict[str, str], problems: list[Problem]
) -> tuple[tuple[Team, ...], tuple[int, ...], set[str]] | None:
    """The teams that validated, the file row of each, and every team named in the file
    (valid row or not, so a bad headcount does not make the team unknown elsewhere)."""
    path = _find(root, "workforce", TABLE_SUFFIXES, True, problems)
    if path is None:
        return None
    files["workforce"] = path.name
    read = _read_table(path, problems)
    if read is None:
        return None
    raw, rows = read
    if raw.empty:
        problems.append(
            Problem(path.name, "", "", "has a header but no rows; expected one row per team")
        )
        return None
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
                loc = [str(p) for p in e["loc"]]
                field = (
                    f"{HOURS_PREFIX}{loc[1]}"
                    if loc[0] == "hours_by_kind" and len(loc) > 1
                    else loc[0]
                )
                problems.append(row_problem(path.name, row, field, _message(e)))
    return tuple(teams), tuple(team_rows), set(first_seen) - {""}


def _is_blank(value: object) -> bool:
    return (
        value is None or (isinstance(value, float) and np.isnan(value)) or str(value).strip() == ""
    )


def _cross_references(
    case_file: CaseFile,
    vendors: VendorsFile,
    benchmarks: BenchmarksFile | None,
    assumptions: AssumptionsFile | None,
    pilot: pd.DataFrame | None,
    loaded_workforce: tuple[tuple[Team, ...] | None, tuple[int, ...], set[str]],
    files: dict[str, str],
) -> list[Problem]:
    workforce, workforce_rows, teams = loaded_workforce
    kinds, tools = set(case_file.kind_ids()), set(vendors.tool_ids())
    vendor_tools = {v.id: {t.id for t in v.tools} for v in vendors.vendors}
    problems: list[Problem] = []

    def unknown(file: str, where: str, field: str, value: str, what: str, known: set[str]) -> None:
        expected = ", ".join(sorted(known)) or "none declared"
        problems.append(
            Problem(
                file, where, field, f"unknown {what} {shown(value)}; expected one of {expected}"
            )
        )

    for vi, vendor in enumerate(vendors.vendors):
        for ci, claim in enumerate(vendor.hallucination_claims):
            where = f"vendors[{vi}].hallucination_claims[{ci}]"
            if claim.tool not in vendor_tools[vendor.id]:
                unknown(
                    files["vendors"],
                    where,
                    "tool",
                    claim.tool,
                    f"tool of vendor {vendor.id}",
                    vendor_tools[vendor.id],
                )
            if claim.baseline_tool is not None and claim.baseline_tool not in tools:
                unknown(
                    files["vendors"], where, "baseline_tool", claim.baseline_tool, "tool", tools
                )
    if benchmarks is not None and "benchmarks" in files:
        for i, bench in enumerate(benchmarks.claims):
            where = f"claims[{i}]"
            if bench.vendor not in vendor_tools:
                unknown(
                    files["benchmarks"], where, "vendor", bench.vendor, "vendor", set(vendor_tools)
                )
            elif bench.tool not in vendor_tools[bench.vendor]:
                unknown(
                    files["benchmarks"],
                    where,
                    "tool",
                    bench.tool,
                    f"tool of vendor {bench.vendor}",
                    vendor_tools[bench.vendor],
                )
            for kind in bench.scope_mix or (bench.scope,):
                if kind not in kinds:
                    unknown(files["benchmarks"], where, "scope", kind, "kind of work", kinds)
    for pi, portfolio in enumerate(case_file.portfolios):
        for tool in portfolio.tools:
            if tool not in tools:
                unknown(files["case"], f"portfolios[{pi}]", "tools", tool, "tool", tools)
    options = tools | {p.id for p in case_file.portfolios}
    if case_file.plan.tool is not None and case_file.plan.tool not in options:
        unknown(files["case"], "plan", "tool", case_file.plan.tool, "tool or portfolio", options)
    claim_ids = {c.id for c in benchmarks.claims} if benchmarks is not None else set()
    if case_file.headline_claim is not None and case_file.headline_claim not in claim_ids:
        unknown(
            files["case"],
            "",
            "headline_claim",
            case_file.headline_claim,
            "benchmark claim",
            claim_ids,
        )
    if workforce is not None:
        for row, team in zip(workforce_rows, workforce, strict=True):
            for kind in team.hours_by_kind:
                if kind not in kinds:
                    problems.append(
                        row_problem(
                            files["workforce"],
                            row,
                            f"{HOURS_PREFIX}{kind}",
                            f"unknown kind of work {shown(kind)}; expected one of "
                            + ", ".join(sorted(kinds)),
                        )
                    )
    if assumptions is not None and "assumptions" in files:
        for i, assumption in enumerate(assumptions.assumptions):
            where = f"assumptions[{i}]"
            for j, team_id in enumerate(assumption.teams or []):
                if teams and team_id not in teams:  # no teams read: workforce is reported
                    unknown(files["assumptions"], where, f"teams[{j}]", team_id, "team", teams)
            for j, kind in enumerate(assumption.kinds_of_work or []):
                if kind not in kinds:
                    unknown(
                        files["assumptions"],
                        where,
                        f"kinds_of_work[{j}]",
                        kind,
                        "kind of work",
                        kinds,
                    )
    if pilot is not None:
        problems += _pilot_references(pilot, kinds, tools, files["pilot"])
    return problems


def _pilot_references(
    pilot: pd.DataFrame, kinds: set[str], tools: set[str], file: str
) -> list[Problem]:
    problems: list[Problem] = []
    for column, known, what in (("tool", tools, "tool"), ("kind_of_work", kinds, "kind of work")):
        values = pilot[column]
        wrong = values.notna() & ~values.isin(list(known))
        expected = ", ".join(sorted(known))
        for i in np.flatnonzero(wrong.to_numpy())[:MAX_CROSS_REFERENCE_PROBLEMS]:
            problems.append(
                row_problem(
                    file,
                    int(pilot[SOURCE_ROW].iloc[i]),
                    column,
                    f"unknown {what} {shown(values.iloc[i])}; expected one of {expected}",
                )
            )
    keyed = pilot[pilot["task_id"].notna() & pilot["tool"].notna()]
    repeated = keyed[keyed.duplicated(["task_id", "tool"], keep=False)]
    if not repeated.empty:
        first = repeated.groupby(["task_id", "tool"], sort=False)[SOURCE_ROW].transform("min")
        later = repeated[repeated[SOURCE_ROW] != first]
        for (_, row), first_row in list(zip(later.iterrows(), first[later.index], strict=True))[
            :MAX_CROSS_REFERENCE_PROBLEMS
        ]:
            problems.append(
                row_problem(
                    file,
                    int(row[SOURCE_ROW]),
                    "task_id",
                    f"duplicate attempt ({row['task_id']}, {row['tool']}); first on row {int(first_row)}",
                )
            )
    return problems
