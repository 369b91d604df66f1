"""Declare the tools, vendors and kinds of work imported rows name, keeping the YAML's
comments: new items are appended to the file's text, and the edit is checked against the
data; a file whose layout defeats that is rewritten from its data (and the caller says so)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from adoptreport.importers import yaml_text
from adoptreport.importers.batch import KindNeeded, SourceError, ToolNeeded
from adoptreport.models.case import DEFAULT_KINDS_OF_WORK

VENDORS_HEADER = "# vendors.yaml: what each vendor offers. A field left out is not stated.\n"


def _tool_entry(need: ToolNeeded) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": need.tool, "name": need.tool_name or need.tool}
    if need.model:
        entry["model"] = need.model
    return entry


def _vendor_entry(need: ToolNeeded, tools: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": need.vendor, "name": need.vendor_name or need.vendor, "tools": tools}


def declare_tools(
    text: str | None, needs: tuple[ToolNeeded, ...], path: Path
) -> tuple[str | None, tuple[str, ...], tuple[str, ...], bool]:
    """vendors.yaml's new text (None: unchanged), tools added, vendors added, and whether
    the file had to be rewritten from its data."""
    data = yaml_text.load_yaml(text, path)
    vendors = data.get("vendors") or []
    if not isinstance(vendors, list):
        raise SourceError(path, "vendors", "must be a list")
    owner = {
        str(tool.get("id")): str(vendor.get("id"))
        for vendor in vendors
        if isinstance(vendor, dict)
        for tool in (vendor.get("tools") or [])
        if isinstance(tool, dict)
    }
    known = {str(v.get("id")): v for v in vendors if isinstance(v, dict)}
    new_tools: dict[str, list[dict[str, Any]]] = {}  # existing vendor → tools to add
    new_vendors: dict[str, dict[str, Any]] = {}
    for need in needs:
        if need.tool in owner:
            if owner[need.tool] != need.vendor:
                raise SourceError(
                    path,
                    f"tool {need.tool}",
                    f"declared under vendor "
                    f"{owner[need.tool]}, not {need.vendor}; pass --vendor "
                    f"{owner[need.tool]}",
                )
            continue
        owner[need.tool] = need.vendor
        if need.vendor in known:
            new_tools.setdefault(need.vendor, []).append(_tool_entry(need))
        elif need.vendor in new_vendors:
            new_vendors[need.vendor]["tools"].append(_tool_entry(need))
        else:
            new_vendors[need.vendor] = _vendor_entry(need, [_tool_entry(need)])
    added = tuple(t["id"] for ts in new_tools.values() for t in ts) + tuple(
        t["id"] for v in new_vendors.values() for t in v["tools"]
    )
    if not added:
        return None, (), (), False
    wanted = _wanted_vendors(vendors, new_tools, new_vendors)
    edited = _edit_vendors(text or VENDORS_HEADER, new_tools, list(new_vendors.values()))
    result, lost = _checked(edited, {**data, "vendors": wanted}, text)
    return result, added, tuple(new_vendors), lost


def _wanted_vendors(
    vendors: list[Any], new_tools: dict[str, list[dict[str, Any]]], new: dict[str, Any]
) -> list[Any]:
    out = []
    for vendor in vendors:
        extra = new_tools.get(str(vendor.get("id"))) if isinstance(vendor, dict) else None
        out.append({**vendor, "tools": [*(vendor.get("tools") or []), *extra]} if extra else vendor)
    return out + list(new.values())


def _edit_vendors(
    text: str, new_tools: dict[str, list[dict[str, Any]]], new_vendors: list[dict[str, Any]]
) -> str | None:
    lines = text.splitlines()
    for vendor, tools in new_tools.items():
        span = yaml_text.item_span(lines, "id", vendor)
        if span is None:
            return None
        start, end, indent = span
        edited = yaml_text.append_to_list(lines, "tools", indent + 2, start + 1, end, tools)
        if edited is None:
            return None
        lines = edited
    if new_vendors:
        appended = yaml_text.append_to_list(lines, "vendors", 0, 0, len(lines), new_vendors)
        lines = appended or yaml_text.append_top_level(lines, "vendors", new_vendors)
    return yaml_text.joined(lines)


def _checked(edited: str | None, wanted: dict[str, Any], original: str | None) -> tuple[str, bool]:
    """The edited text when it holds exactly `wanted`, else `wanted` dumped afresh."""
    if edited is not None:
        try:
            if yaml.safe_load(edited) == wanted:
                return edited, False
        except yaml.YAMLError:
            pass
    dumped = yaml.safe_dump(wanted, sort_keys=False, allow_unicode=True, default_flow_style=False)
    lost = original is not None and "#" in original
    return dumped, lost


def declare_kinds(
    text: str, needs: tuple[KindNeeded, ...], path: Path
) -> tuple[str | None, tuple[str, ...], bool]:
    """case.yaml's new text (None: unchanged), kinds added, and whether it was rewritten.

    A case.yaml without `kinds_of_work` uses the default kinds; declaring new ones writes
    the defaults too, so rows and workforce hours on them stay valid."""
    data = yaml_text.load_yaml(text, path)
    declared = data.get("kinds_of_work")
    if declared is not None and not isinstance(declared, list):
        raise SourceError(path, "kinds_of_work", "must be a list")
    current = (
        declared
        if declared is not None
        else [{"id": i, "label": label, "description": d} for i, label, d in DEFAULT_KINDS_OF_WORK]
    )
    ids = {str(k.get("id")) for k in current if isinstance(k, dict)}
    new = [{"id": k.id, "label": k.label} for k in needs if k.id not in ids]
    if not new:
        return None, (), False
    lines = text.splitlines()
    if declared is None:
        edited: str | None = yaml_text.joined(
            yaml_text.append_top_level(lines, "kinds_of_work", [*current, *new])
        )
    else:
        appended = yaml_text.append_to_list(lines, "kinds_of_work", 0, 0, len(lines), new)
        edited = None if appended is None else yaml_text.joined(appended)
    result, lost = _checked(edited, {**data, "kinds_of_work": [*current, *new]}, text)
    return result, tuple(k["id"] for k in new), lost
