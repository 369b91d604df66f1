"""SWE-bench harness report (one model's run) → pilot rows.

Field mapping (also in `adoptreport import swebench --help` and the README):
  resolved_ids      → outcome merged
  unresolved_ids    → outcome tests_failed (the patch applied; the tests failed it)
  error_ids         → outcome abandoned (the harness could not evaluate the patch)
  empty_patch_ids   → outcome abandoned (the model produced no patch)
  incomplete_ids    → left out and counted (never evaluated)
  instance_id       → task_id; --tool → tool; --vendor → its vendor
  difficulty (annotations CSV) → kind of work, one per difficulty; without it: `swebench`
Minutes, tokens, cost, hallucinations: not in the report, left blank (not measured).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from adoptreport.importers.batch import (
    IDENTIFIER,
    Batch,
    KindNeeded,
    SourceError,
    ToolNeeded,
    read_json,
)

OUTCOMES = (
    ("resolved_ids", "merged"),
    ("unresolved_ids", "tests_failed"),
    ("error_ids", "abandoned"),
    ("empty_patch_ids", "abandoned"),
)
# SWE-bench Verified's annotated difficulty → (kind of work id, label), in order of effort.
DIFFICULTIES = {
    "<15 min fix": ("swebench_under_15_min", "SWE-bench, <15 min fix"),
    "15 min - 1 hour": ("swebench_15_min_to_1_hour", "SWE-bench, 15 min - 1 hour"),
    "1-4 hours": ("swebench_1_to_4_hours", "SWE-bench, 1-4 hours"),
    ">4 hours": ("swebench_over_4_hours", "SWE-bench, >4 hours"),
}
UNANNOTATED = KindNeeded("swebench", "SWE-bench")


def _id_list(report: dict[str, Any], key: str, path: Path) -> list[str]:
    values = report.get(key, [])
    if not isinstance(values, list):
        raise SourceError(path, f"$.{key}", f"must be a list of instance ids (got {values!r:.60})")
    for i, value in enumerate(values):
        if not isinstance(value, str) or not IDENTIFIER.match(value) or len(value) > 100:
            raise SourceError(path, f"$.{key}[{i}]", f"not an instance id (got {value!r:.60})")
    return values


def read_report(path: Path) -> tuple[dict[str, str], int]:
    """instance id → outcome, from a harness report (each id in one list only), and how many
    instances were never evaluated."""
    report = read_json(path)
    if not isinstance(report, dict):
        raise SourceError(path, "$", "must be an object (a SWE-bench harness report)")
    for key in ("resolved_ids", "unresolved_ids"):
        if key not in report:
            raise SourceError(path, f"$.{key}", "missing: is this a SWE-bench harness report?")
    outcomes: dict[str, str] = {}
    where: dict[str, str] = {}
    for key, outcome in OUTCOMES:
        for i, instance in enumerate(_id_list(report, key, path)):
            if instance in where:
                raise SourceError(path, f"$.{key}[{i}]", f"{instance} is also in {where[instance]}")
            where[instance], outcomes[instance] = key, outcome
    return outcomes, len(_id_list(report, "incomplete_ids", path))


def read_difficulties(path: Path, instances: set[str]) -> dict[str, str]:
    """instance id → difficulty, for the instances in the report (others are ignored)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"instance_id", "difficulty"} - set(reader.fieldnames or [])
            if missing:
                raise SourceError(path, "row 1", f"missing column(s): {', '.join(sorted(missing))}")
            found = {}
            for number, row in enumerate(reader, start=2):
                instance = (row.get("instance_id") or "").strip()
                if instance not in instances:
                    continue
                difficulty = (row.get("difficulty") or "").strip()
                if difficulty not in DIFFICULTIES:
                    allowed = ", ".join(repr(d) for d in DIFFICULTIES)
                    raise SourceError(
                        path,
                        f"row {number}: difficulty",
                        f"must be one of {allowed} (got {difficulty!r:.60})",
                    )
                found[instance] = difficulty
            return found
    except FileNotFoundError:
        raise SourceError(path, "$", "no such file") from None
    except UnicodeDecodeError as error:
        raise SourceError(path, "$", f"not UTF-8 text ({error.reason})") from None


def import_swebench(
    path: Path, *, tool: ToolNeeded, difficulty: Path | None = None, source: str | None = None
) -> Batch:
    """One pilot row per evaluated instance of the report."""
    outcomes, incomplete = read_report(path)
    source = source or f"swebench:{path.name}"
    levels = None if difficulty is None else read_difficulties(difficulty, set(outcomes))
    rows, used, left_out = [], set(), dict[str, int]()
    for instance in sorted(outcomes):
        if levels is None:
            kind = UNANNOTATED.id
        elif instance in levels:
            kind = DIFFICULTIES[levels[instance]][0]
        else:
            left_out["instances without a difficulty annotation"] = (
                left_out.get("instances without a difficulty annotation", 0) + 1
            )
            continue
        used.add(kind)
        rows.append(
            {
                "task_id": instance,
                "tool": tool.tool,
                "kind_of_work": kind,
                "outcome": outcomes[instance],
                "source": source,
            }
        )
    if incomplete:
        left_out["instances never evaluated (incomplete_ids)"] = incomplete
    kinds = [UNANNOTATED] if levels is None else [KindNeeded(*k) for k in DIFFICULTIES.values()]
    return Batch(
        "swebench", source, tuple(rows), (tool,), tuple(k for k in kinds if k.id in used), left_out
    )
