"""Which importer reads which source, with the options each takes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from adoptreport.importers.batch import Batch, SourceError, ToolNeeded, collection_paused
from adoptreport.importers.github_map import load_map
from adoptreport.importers.github_prs import import_github_prs
from adoptreport.importers.inspect_logs import import_inspect
from adoptreport.importers.swebench import import_swebench


class SourceKind(StrEnum):
    SWEBENCH = "swebench"
    GITHUB_PRS = "github-prs"
    INSPECT = "inspect"


@dataclass(frozen=True)
class ImportOptions:
    """Every importer option; each importer reads the ones its help lists."""

    tool: str | None = None
    vendor: str | None = None
    tool_name: str | None = None
    vendor_name: str | None = None
    difficulty: Path | None = None  # swebench
    mapping: Path | None = None  # github-prs
    task_prefix: str = "pr-"  # github-prs: task ids are <prefix><number>
    kind: str | None = None  # github-prs default kind; inspect kind
    kind_field: str | None = None  # inspect
    scorer: str | None = None  # inspect
    source: str | None = None


def read_source(kind: SourceKind, file: Path, options: ImportOptions) -> Batch:
    """The rows and declarations `file` holds, read by the importer for `kind`."""
    with collection_paused():
        return _read(kind, file, options)


def _read(kind: SourceKind, file: Path, options: ImportOptions) -> Batch:
    if kind is SourceKind.SWEBENCH:
        if not options.tool or not options.vendor:
            raise SourceError(file, "options", "swebench needs --tool and --vendor")
        tool = ToolNeeded(
            options.tool,
            options.vendor,
            options.tool_name or options.tool,
            options.vendor_name or options.vendor,
        )
        return import_swebench(
            file, tool=tool, difficulty=options.difficulty, source=options.source
        )
    if kind is SourceKind.GITHUB_PRS:
        return import_github_prs(
            file,
            mapping=load_map(options.mapping),
            default_kind=options.kind,
            source=options.source,
            task_prefix=options.task_prefix,
        )
    return import_inspect(
        file,
        tool=options.tool,
        vendor=options.vendor,
        scorer=options.scorer,
        kind=options.kind,
        kind_field=options.kind_field,
        source=options.source,
    )
