"""What an importer hands to the case: pilot rows, the tools and kinds they need, what was
left out. Pure values; `case_files` writes them."""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from adoptreport.models import PilotAttempt

# pilot.csv's columns in the model's order: imported rows are written in this order.
PILOT_COLUMNS = tuple(PilotAttempt.model_fields)
IDENTIFIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")


class SourceError(ValueError):
    """A source file that cannot be imported: `file: where: message`, where is a JSON path
    (`$.samples[3].scores`) or a CSV row."""

    def __init__(self, file: Path | str, where: str, message: str) -> None:
        super().__init__(f"{file}: {where}: {message}")
        self.file, self.where, self.message = str(file), where, message


@dataclass(frozen=True)
class ToolNeeded:
    """A tool the rows name, and the vendor it belongs to (declared in vendors.yaml if
    missing)."""

    tool: str
    vendor: str
    tool_name: str = ""
    vendor_name: str = ""
    model: str | None = None


@dataclass(frozen=True)
class KindNeeded:
    """A kind of work the rows name (declared in case.yaml, in this order, if missing)."""

    id: str
    label: str


@dataclass(frozen=True)
class Batch:
    """One import: rows keyed by pilot column (text as written to the CSV), all carrying
    `source`; a reason → count of what the source held but the import left out."""

    importer: str
    source: str
    rows: tuple[dict[str, str], ...]
    tools: tuple[ToolNeeded, ...]
    kinds: tuple[KindNeeded, ...]
    left_out: dict[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def tool_ids(self) -> frozenset[str]:
        """The tool cells the rows carry ('' for control rows): the re-import key with source."""
        return frozenset(row.get("tool", "") for row in self.rows)


def read_json(path: Path) -> Any:
    """The parsed file, or a SourceError naming the line of a syntax error."""
    try:
        with path.open("rb") as handle:
            return json.load(handle)
    except FileNotFoundError:
        raise SourceError(path, "$", "no such file") from None
    except UnicodeDecodeError as error:
        raise SourceError(path, "$", f"not UTF-8 text ({error.reason})") from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        raise SourceError(path, where, f"not JSON: {error.msg}") from None


def identifier(text: str) -> str:
    """`text` made into an id: characters an id cannot hold become '-'."""
    cleaned = re.sub(r"[^A-Za-z0-9_.:-]+", "-", text.strip()).strip("-_.:")
    return cleaned[:100] or "unnamed"


def number(value: float) -> str:
    """A measured number as pilot.csv holds it: integers plain, others to 4 decimals."""
    rounded = round(float(value), 4)
    return str(int(rounded)) if rounded.is_integer() else str(rounded)


def label_of(kind_id: str, defaults: dict[str, str]) -> str:
    """The label of a kind of work: the default kind's, else its id in words."""
    return defaults.get(kind_id) or kind_id.replace("_", " ").replace("-", " ").capitalize()


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector: building a source's millions of small,
    acyclic objects otherwise sets it off again and again (a 100,000-PR file: 3× slower)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
