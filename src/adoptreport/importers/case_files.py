"""Apply a Batch to a case folder: pilot.csv rows, vendors.yaml tools, case.yaml kinds.

Rows of other sources are never touched; rows of the same source and tool are replaced, so
an import can run again. Every file is written whole or not at all.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from adoptreport.importers.batch import PILOT_COLUMNS, Batch, SourceError, collection_paused
from adoptreport.importers.declarations import declare_kinds, declare_tools
from adoptreport.load.writes import write_atomically

PILOT = "pilot.csv"


@dataclass(frozen=True)
class Changes:
    """What an import changed (or, on a dry run, would change) in a case folder."""

    folder: Path
    batch: Batch
    rows_added: int
    rows_replaced: int
    rows_kept: int
    tools_added: tuple[str, ...]
    vendors_added: tuple[str, ...]
    kinds_added: tuple[str, ...]
    rewritten: tuple[str, ...]  # YAML files rewritten from their data (comments lost)
    written: tuple[Path, ...]  # empty on a dry run


def apply(batch: Batch, folder: Path, *, dry_run: bool = False) -> Changes:
    """Merge `batch` into the case in `folder`; write nothing when `dry_run`."""
    if not (folder / "case.yaml").is_file():
        raise SourceError(folder, "case.yaml", "not a case folder (run `adoptreport init` first)")
    for other in ("pilot.xlsx", "pilot.parquet"):
        if (folder / other).exists():
            raise SourceError(
                folder / other,
                "$",
                f"import appends to {PILOT}; this case keeps its pilot in {other}",
            )
    vendors_text, tools_added, vendors_added, vendors_lost = declare_tools(
        _read(folder / "vendors.yaml"), batch.tools, folder / "vendors.yaml"
    )
    case_text, kinds_added, case_lost = declare_kinds(
        _read(folder / "case.yaml") or "", batch.kinds, folder / "case.yaml"
    )
    with collection_paused():
        pilot_text, removed, kept = merge_pilot(_read(folder / PILOT), batch, folder / PILOT)
    outputs = {PILOT: pilot_text, "vendors.yaml": vendors_text, "case.yaml": case_text}
    written = []
    if not dry_run:
        for name, text in outputs.items():
            if text is not None and text != _read(folder / name):
                write_atomically(folder / name, text.encode("utf-8"))
                written.append(folder / name)
    rewritten = tuple(
        n for n, lost in (("vendors.yaml", vendors_lost), ("case.yaml", case_lost)) if lost
    )
    return Changes(
        folder,
        batch,
        len(batch.rows),
        removed,
        kept,
        tools_added,
        vendors_added,
        kinds_added,
        rewritten,
        tuple(written),
    )


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return None


def merge_pilot(existing: str | None, batch: Batch, path: Path) -> tuple[str, int, int]:
    """pilot.csv's new text, rows replaced and rows kept; other sources' rows stay as they
    were, blank cells added only for columns the import brings."""
    header: list[str] = []
    rows: list[list[str]] = []
    delimiter = ","
    if existing and existing.strip():
        first = existing.splitlines()[0]
        delimiter = ";" if first.count(";") > first.count(",") else ","
        header, *rows = list(csv.reader(io.StringIO(existing), delimiter=delimiter))
    imported = [c for c in PILOT_COLUMNS if any(c in row for row in batch.rows)]
    columns = header + [c for c in imported if c not in header]
    at = {name: i for i, name in enumerate(columns)}
    tools = batch.tool_ids()
    ours = {(r["task_id"], r.get("tool", "")) for r in batch.rows}
    kept: list[list[str]] = []
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = row + [""] * (len(columns) - len(row))
        source = cells[at["source"]] if "source" in at else ""
        tool = cells[at["tool"]] if "tool" in at else ""
        if source == batch.source and tool in tools:
            continue
        task = cells[at["task_id"]] if "task_id" in at else ""
        if (task, tool) in ours:
            where = f"row {number}"
            raise SourceError(
                path,
                where,
                f"task {task!r} with tool {tool!r} already comes "
                f"from another source ({source or 'no source'})",
            )
        kept.append(cells)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(kept)
    writer.writerows([row.get(c, "") for c in columns] for row in batch.rows)
    return out.getvalue(), len(rows) - len(kept) - _blank_rows(rows), len(kept)


def _blank_rows(rows: list[list[str]]) -> int:
    return sum(1 for row in rows if not any(cell.strip() for cell in row))
