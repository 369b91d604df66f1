"""Finding a case's files and reading its structured ones (YAML or JSON) and text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from adoptreport.load import messages as say
from adoptreport.load.limits import (
    DuplicateKeyError,
    refuse_duplicate_json_keys,
    safe_yaml,
    size_problem,
)
from adoptreport.load.messages import pydantic_message
from adoptreport.load.problems import Problem

STRUCTURED_SUFFIXES = (".yaml", ".yml", ".json")
TABLE_SUFFIXES = (".csv", ".xlsx", ".parquet")

M = TypeVar("M", bound=BaseModel)


def read_text(path: Path, problems: list[Problem]) -> str | None:
    """A text file within its size limit, as UTF-8 (a BOM dropped); None and a problem if not."""
    if too_big := size_problem(path):
        problems.append(Problem(path.name, "", "", too_big))
        return None
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        problems.append(not_utf8(path))
    except OSError as error:
        problems.append(Problem(path.name, "", "", f"cannot be read: {error.strerror}"))
    return None


def find(
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


def read_structured(path: Path, problems: list[Problem]) -> Any:
    text = read_text(path, problems)
    if text is None:
        return None
    try:
        data = (
            json.loads(
                text, object_pairs_hook=lambda pairs: refuse_duplicate_json_keys(text, pairs)
            )
            if path.suffix == ".json"
            else safe_yaml(text)
        )
    except DuplicateKeyError as error:
        problems.append(
            Problem(
                path.name,
                str(error.second_line),
                error.key,
                say.duplicate_key(error.first_line),
                (error.second_line, error.key),
            )
        )
        return None
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


def validate(model: type[M], data: Any, file: str, problems: list[Problem]) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems.extend(yaml_problem(file, e) for e in error.errors())
        return None


def yaml_problem(file: str, error: Any) -> Problem:
    """A pydantic error as `file:path: field: message`.

    The location drops the validator wrappers pydantic names in it ("function-after[…]"),
    which mean nothing to the person editing the file.
    """
    loc = [part for part in error["loc"] if not str(part).startswith("function-")]
    *parents, field = loc or [""]
    path = ""
    for part in parents:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    if isinstance(field, int):
        path, field = f"{path}[{field}]", ""
    return Problem(file, path, str(field), pydantic_message(error))


def not_utf8(path: Path) -> Problem:
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
