"""Appending list items to a YAML file's text, so its comments and layout survive.

Every edit is checked: the edited text must load to exactly the data wanted; when it does
not (flow-style lists, an unusual layout), the caller rewrites the file from the data.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from adoptreport.importers.batch import SourceError


def dump_items(items: list[dict[str, Any]], indent: int) -> list[str]:
    """Block-style YAML of a list of mappings, each line indented by `indent`."""
    text = yaml.safe_dump(items, sort_keys=False, allow_unicode=True, default_flow_style=False)
    return [" " * indent + line for line in text.splitlines()]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def append_to_list(
    lines: list[str], key: str, key_indent: int, start: int, end: int, items: list[dict[str, Any]]
) -> list[str] | None:
    """`lines` with `items` appended to the block list under `key:` (at `key_indent`, found
    between lines start and end); None when there is no such block list."""
    pattern = re.compile(rf"^ {{{key_indent}}}{re.escape(key)}:\s*(#.*)?$")
    at = next((i for i in range(start, end) if pattern.match(lines[i])), None)
    if at is None:
        return None
    last, item_indent = at, None
    for i in range(at + 1, end):
        line = lines[i]
        if not _content(line):
            continue
        indent = _indent(line)
        starts_item = line.lstrip(" ").startswith("- ") or line.strip() == "-"
        if indent < key_indent or (indent == key_indent and not starts_item):
            break
        if item_indent is None and starts_item:
            item_indent = indent
        last = i
    if item_indent is None and last != at:
        return None  # a mapping, not a list
    new = dump_items(items, key_indent if item_indent is None else item_indent)
    return lines[: last + 1] + new + lines[last + 1 :]


def item_span(lines: list[str], key: str, value: str) -> tuple[int, int, int] | None:
    """(first line, end line, indent) of the list item whose first line is `- key: value`."""
    pattern = re.compile(rf"^( *)- {re.escape(key)}: *['\"]?{re.escape(value)}['\"]? *(#.*)?$")
    for i, line in enumerate(lines):
        found = pattern.match(line)
        if found is None:
            continue
        indent = len(found.group(1))
        end = i + 1
        while end < len(lines) and (not _content(lines[end]) or _indent(lines[end]) > indent):
            end += 1
        return i, end, indent
    return None


def append_top_level(lines: list[str], key: str, items: list[dict[str, Any]]) -> list[str]:
    """`lines` with a new top-level `key:` list holding `items` at the end."""
    return [*lines, f"{key}:", *dump_items(items, 0)]


def joined(lines: list[str]) -> str:
    return "\n".join(lines).rstrip("\n") + "\n"


def load_yaml(text: str | None, path: Path) -> dict[str, Any]:
    """The mapping a YAML text holds ({} for none)."""
    if text is None or not text.strip():
        return {}
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "$"
        raise SourceError(path, where, f"not valid YAML ({error})") from None
    if not isinstance(data, dict):
        raise SourceError(path, "$", "must be a mapping")
    return data
