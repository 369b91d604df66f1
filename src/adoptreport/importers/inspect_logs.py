"""Inspect AI eval log (`inspect log dump` JSON, or a `.eval` file when the inspect_ai package
is installed) → pilot rows, one per sample.

Field mapping (also in `adoptreport import inspect --help` and the README):
  eval.model            → tool (`provider/name` → `name`; or --tool), provider → vendor
  samples[].id (+epoch) → task_id (`<id>` or `<id>.e<epoch>` when the log has several epochs)
  samples[].scores      → outcome, from the scorer named by --scorer (default: the first):
                          C, true or ≥ 1 → merged; I, P, false or < 1 → tests_failed;
                          N (no answer) → abandoned; samples[].error → abandoned;
                          no score and no error → left out and counted
  samples[].metadata[--kind-field], else --kind, else eval.task → kind of work
  samples[].model_usage → input_tokens (input + cache reads and writes), output_tokens,
                          cost (total_cost, when every model gives one)
Minutes of work and review, hallucinations: not in the log, left blank (not measured).
"""

from __future__ import annotations

import importlib
from collections import Counter
from pathlib import Path
from typing import Any

from adoptreport.importers.batch import (
    Batch,
    KindNeeded,
    SourceError,
    ToolNeeded,
    identifier,
    number,
    read_json,
)

READ_IN = ("input_tokens", "input_tokens_cache_read", "input_tokens_cache_write")


def read_log(path: Path) -> dict[str, Any]:
    """The log as a JSON object; `.eval` files through inspect_ai when it is installed."""
    if path.suffix == ".eval":
        try:
            log_module = importlib.import_module("inspect_ai.log")
        except ImportError:
            raise SourceError(
                path,
                "$",
                "reading .eval files needs the inspect_ai package; "
                f"or run `inspect log dump {path.name} > log.json` and import "
                "the JSON",
            ) from None
        log: Any = log_module.read_eval_log(str(path))
        data = log.model_dump(mode="json")
    else:
        data = read_json(path)
    if not isinstance(data, dict):
        raise SourceError(path, "$", "must be an object (an Inspect eval log)")
    for key in ("eval", "samples"):
        if not isinstance(data.get(key), dict if key == "eval" else list):
            hint = " (dumped with --header-only?)" if key == "samples" else ""
            raise SourceError(path, f"$.{key}", f"missing or of the wrong type{hint}")
    return data


def outcome(value: Any) -> str | None:
    """A score value → outcome by the rule above; None: not a value the rule reads."""
    if isinstance(value, bool):
        return "merged" if value else "tests_failed"
    if isinstance(value, int | float):
        return "merged" if value >= 1 else "tests_failed"
    if isinstance(value, str):
        return {"C": "merged", "I": "tests_failed", "P": "tests_failed", "N": "abandoned"}.get(
            value.strip().upper()
        )
    return None


def _usage(sample: dict[str, Any], path: Path, where: str) -> dict[str, str]:
    usage = sample.get("model_usage") or {}
    if not isinstance(usage, dict) or not all(isinstance(u, dict) for u in usage.values()):
        raise SourceError(path, f"{where}.model_usage", "must map model names to usage objects")
    if not usage:
        return {}
    read = sum(int(u.get(k) or 0) for u in usage.values() for k in READ_IN)
    wrote = sum(int(u.get("output_tokens") or 0) for u in usage.values())
    costs = [u.get("total_cost") for u in usage.values()]
    out = {"input_tokens": str(read), "output_tokens": str(wrote)}
    if all(isinstance(c, int | float) for c in costs):
        out["cost"] = number(sum(costs))
    return out


def _sample_outcome(
    sample: dict[str, Any], scorer: str | None, path: Path, where: str
) -> str | None:
    if sample.get("error"):
        return "abandoned"
    scores = sample.get("scores") or {}
    if not isinstance(scores, dict):
        raise SourceError(path, f"{where}.scores", "must map scorer names to scores")
    if not scores:
        return None
    name = scorer or next(iter(scores))
    if name not in scores:
        raise SourceError(path, f"{where}.scores", f"no scorer {name!r} (has: {', '.join(scores)})")
    score = scores[name]
    value = score.get("value") if isinstance(score, dict) else score
    found = outcome(value)
    if found is None:
        raise SourceError(
            path,
            f"{where}.scores.{name}.value",
            f"not a value the outcome rule reads (got {value!r:.60})",
        )
    return found


def _kind(sample: dict[str, Any], kind_field: str | None, fallback: str) -> str:
    metadata = sample.get("metadata")
    if kind_field and isinstance(metadata, dict) and metadata.get(kind_field) not in (None, ""):
        return identifier(str(metadata[kind_field]))
    return fallback


def _tool_of(spec: dict[str, Any], path: Path, tool: str | None, vendor: str | None) -> ToolNeeded:
    model = spec.get("model")
    if not isinstance(model, str) or not model:
        raise SourceError(path, "$.eval.model", f"must name the model (got {model!r:.60})")
    provider, _, name = model.rpartition("/")
    tool_id = tool or identifier(name)
    vendor_id = vendor or identifier(provider.split("/")[0] or name)
    return ToolNeeded(tool_id, vendor_id, tool_id, vendor_id, model)


def import_inspect(
    path: Path,
    *,
    tool: str | None = None,
    vendor: str | None = None,
    scorer: str | None = None,
    kind: str | None = None,
    kind_field: str | None = None,
    source: str | None = None,
) -> Batch:
    """One pilot row per sample of the log."""
    log = read_log(path)
    spec: dict[str, Any] = log["eval"]
    needed = _tool_of(spec, path, tool, vendor)
    fallback = kind or identifier(str(spec.get("task") or "inspect"))
    source = source or f"inspect:{path.name}"
    samples = log["samples"]
    epochs = {s.get("epoch", 1) for s in samples if isinstance(s, dict)}
    rows, tally = [], Counter[str]()
    for at, sample in enumerate(samples):
        where = f"$.samples[{at}]"
        if not isinstance(sample, dict) or sample.get("id") in (None, ""):
            raise SourceError(path, where, "must be a sample object with an id")
        found = _sample_outcome(sample, scorer, path, where)
        if found is None:
            tally["samples with neither a score nor an error"] += 1
            continue
        task = identifier(str(sample["id"]))
        if len(epochs) > 1:
            task = f"{task}.e{sample.get('epoch', 1)}"
        rows.append(
            {
                "task_id": task,
                "tool": needed.tool,
                "kind_of_work": _kind(sample, kind_field, fallback),
                "outcome": found,
                **_usage(sample, path, where),
                "source": source,
            }
        )
    kinds = tuple(
        KindNeeded(k, k.replace("_", " ").capitalize())
        for k in dict.fromkeys(r["kind_of_work"] for r in rows)
    )
    notes = (
        ()
        if log.get("status") in (None, "success")
        else (f"the log's status is {log.get('status')!r}: its samples are imported as they are",)
    )
    return Batch("inspect", source, tuple(rows), (needed,), kinds, dict(tally), notes)
