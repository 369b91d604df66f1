"""How big an input file may be, per file type, and the checks that refuse one before reading.

The policy: a file is refused, with its size and the limit, before it is read whenever
reading it could cost far more memory or time than a real case needs.

- YAML and JSON (case, vendors, benchmarks, requirements, assumptions): 10 MB. These are
  hand-written; the default case's largest is 2 KB. YAML aliases may expand to at most
  100,000 values, so an alias bomb ("billion laughs") is refused before it is built.
- claims.md: 1 MB of draft sentences.
- CSV: 4 GB (a million-row pilot is about 90 MB) and a header line of at most 1 MB.
- XLSX: 50 MB on disk and 500 MB unpacked (a spreadsheet is a zip; openpyxl holds
  every cell as an object, so these are the sizes a laptop can still read).
- Parquet: 4 GB (ten million rows are about 200 MB).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import yaml

MB = 1_000_000
MAX_BYTES = {
    ".yaml": 10 * MB,
    ".yml": 10 * MB,
    ".json": 10 * MB,
    ".md": 1 * MB,
    ".csv": 4_000 * MB,
    ".xlsx": 50 * MB,
    ".parquet": 4_000 * MB,
}
MAX_XLSX_UNPACKED = 500 * MB
MAX_HEADER_BYTES = 1 * MB
MAX_YAML_VALUES = 100_000
# libyaml's loader when PyYAML was built with it: the same safe constructors, ten times faster.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _size(count: int) -> str:
    return f"{count / MB:,.0f} MB" if count >= MB else f"{count:,} bytes"


def size_problem(path: Path) -> str | None:
    """Why `path` is too big to read, or None."""
    limit = MAX_BYTES.get(path.suffix)
    size = path.stat().st_size
    if limit is not None and size > limit:
        return (
            f"file is {_size(size)}, over the {_size(limit)} limit for {path.suffix} files;"
            " check it is the right file"
        )
    if path.suffix == ".xlsx":
        return _unpacked_problem(path)
    return None


def _unpacked_problem(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return "not an XLSX workbook (not a zip archive); save it from the spreadsheet as .xlsx"
    if unpacked > MAX_XLSX_UNPACKED:
        return (
            f"workbook unpacks to {_size(unpacked)}, over the {_size(MAX_XLSX_UNPACKED)} limit;"
            " save the table as CSV or Parquet"
        )
    return None


class DuplicateKeyError(yaml.YAMLError):
    """A mapping names one key twice: YAML and JSON keep the last silently; we refuse."""

    def __init__(self, key: str, first_line: int, second_line: int) -> None:
        self.key, self.first_line, self.second_line = key, first_line, second_line
        super().__init__(f"duplicate key {key!r} on lines {first_line} and {second_line}")


def safe_yaml(text: str) -> object:
    """`yaml.safe_load`, refusing documents whose aliases expand past `MAX_YAML_VALUES` and
    mappings that repeat a key (`DuplicateKeyError`, with both lines)."""
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        expanded = _expanded_size(node, {})
        if expanded > MAX_YAML_VALUES:
            raise yaml.YAMLError(
                f"its aliases (*name) expand to more than {MAX_YAML_VALUES:,} values;"
                " write the values out instead"
            )
        _refuse_duplicate_keys(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _expanded_size(node: yaml.Node, seen: dict[int, int]) -> int:
    """Values in the document once every alias is written out; each node is counted once."""
    if id(node) in seen:
        return seen[id(node)]
    seen[id(node)] = MAX_YAML_VALUES + 1  # a node inside itself (a recursive alias) is too big
    if isinstance(node, yaml.SequenceNode):
        size = 1 + sum(_expanded_size(child, seen) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size = 1 + sum(
            _expanded_size(key, seen) + _expanded_size(value, seen) for key, value in node.value
        )
    else:
        size = 1
    seen[id(node)] = min(size, MAX_YAML_VALUES + 1)
    return seen[id(node)]


def _refuse_duplicate_keys(root: yaml.Node) -> None:
    """Raise `DuplicateKeyError` for the first mapping that repeats a key (lines 1-based)."""
    stack, seen_nodes = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                    line = key.start_mark.line + 1
                    if key.value in first:
                        raise DuplicateKeyError(key.value, first[key.value], line)
                    first[key.value] = line
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def refuse_duplicate_json_keys(text: str, pairs: list[tuple[str, object]]) -> dict[str, object]:
    """`json.loads`' object_pairs_hook: a repeated key is an error naming both its lines."""
    keys = [key for key, _ in pairs]
    repeated = next((key for key in keys if keys.count(key) > 1), None)
    if repeated is None:
        return dict(pairs)
    try:  # JSON is (nearly) YAML, whose parser knows each key's line
        node = yaml.compose(text, Loader=SafeLoader)
        if node is not None:
            _refuse_duplicate_keys(node)
    except DuplicateKeyError:
        raise
    except yaml.YAMLError:
        pass
    lines = [
        text.count("\n", 0, match.start()) + 1
        for match in re.finditer(rf'"{re.escape(repeated)}"\s*:', text)
    ]
    first, second = [*lines, 0, 0][:2]
    raise DuplicateKeyError(repeated, first, second)
