"""`adoptreport import swebench|github-prs|inspect FILE --into CASE`: thin, like the rest."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from adoptreport import api
from adoptreport.importers.batch import SourceError
from adoptreport.importers.case_files import Changes
from adoptreport.importers.github_prs import __doc__ as GITHUB_MAPPING
from adoptreport.importers.inspect_logs import __doc__ as INSPECT_MAPPING
from adoptreport.importers.run import ImportOptions, SourceKind
from adoptreport.importers.swebench import __doc__ as SWEBENCH_MAPPING

import_app = typer.Typer(
    help="Append pilot rows from another tool's output to a case (pilot.csv, and the tools "
    "and kinds of work they need in vendors.yaml and case.yaml). Rows of other sources are "
    "never touched; importing the same source again replaces its rows.",
    no_args_is_help=True,
)

FileArg = Annotated[Path, typer.Argument(help="The source file.")]
IntoOption = Annotated[Path, typer.Option("--into", help="The case folder to add rows to.")]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Print what would change; write nothing.")]
SourceOption = Annotated[
    str | None,
    typer.Option(help="The rows' `source` value (the re-import key); default IMPORTER:FILENAME."),
]
BAD_INPUT = 2


def _mapping(doc: str | None) -> str:
    """The module docstring's field mapping, kept as lines in the help (\b: no rewrap)."""
    lines = (doc or "").strip().splitlines()
    return "\n\n\b\n" + "\n".join(lines[1:]).strip()


def _run(kind: SourceKind, file: Path, into: Path, options: ImportOptions, dry: bool) -> None:
    try:
        changes = api.import_source(kind, file, into, options, dry_run=dry)
    except SourceError as error:
        typer.echo(f"{error}; nothing was written.", err=True)
        raise typer.Exit(code=BAD_INPUT) from None
    for line in summary(changes, dry):
        typer.echo(line)


def summary(changes: Changes, dry: bool) -> list[str]:
    """What the import did (or would do), one line per file, then what it left out."""
    verb = "would " if dry else ""
    batch = changes.batch
    lines = [
        f"{changes.folder}/pilot.csv: {verb}add {changes.rows_added:,} rows from {batch.source} "
        f"(replacing {changes.rows_replaced:,} of that source); {changes.rows_kept:,} other "
        "rows untouched"
    ]
    if changes.tools_added:
        new = f" (new vendors: {', '.join(changes.vendors_added)})" if changes.vendors_added else ""
        lines.append(
            f"{changes.folder}/vendors.yaml: {verb}declare tools "
            f"{', '.join(changes.tools_added)}{new}"
        )
    if changes.kinds_added:
        lines.append(
            f"{changes.folder}/case.yaml: {verb}declare kinds of work "
            f"{', '.join(changes.kinds_added)}"
        )
    lines += [
        f"{name}: {verb}be rewritten from its data; its comments are lost"
        for name in changes.rewritten
    ]
    lines += [f"left out: {count:,} {reason}" for reason, count in batch.left_out.items()]
    lines += [f"note: {note}" for note in batch.notes]
    return lines


@import_app.command(
    "swebench",
    help="A SWE-bench harness report for one model → pilot rows." + _mapping(SWEBENCH_MAPPING),
)
def swebench(
    file: FileArg,
    into: IntoOption,
    tool: Annotated[str, typer.Option(help="Tool id of the model evaluated.")],
    vendor: Annotated[str, typer.Option(help="Vendor id of the tool.")],
    difficulty: Annotated[
        Path | None,
        typer.Option(
            help="SWE-bench Verified difficulty annotations (CSV: instance_id, "
            "difficulty): one kind of work per difficulty."
        ),
    ] = None,
    tool_name: Annotated[str | None, typer.Option(help="The tool's name, if new.")] = None,
    vendor_name: Annotated[str | None, typer.Option(help="The vendor's name, if new.")] = None,
    source: SourceOption = None,
    dry_run: DryRun = False,
) -> None:
    options = ImportOptions(
        tool=tool,
        vendor=vendor,
        tool_name=tool_name,
        vendor_name=vendor_name,
        difficulty=difficulty,
        source=source,
    )
    _run(SourceKind.SWEBENCH, file, into, options, dry_run)


@import_app.command(
    "github-prs", help="`gh pr list --json …` output → pilot rows." + _mapping(GITHUB_MAPPING)
)
def github_prs(
    file: FileArg,
    into: IntoOption,
    map_file: Annotated[
        Path | None,
        typer.Option(
            "--map",
            help="YAML: tools' signs and labels → kinds (see README); "
            "default: known assistants, GitHub's default labels.",
        ),
    ] = None,
    kind: Annotated[
        str | None, typer.Option(help="Kind of work of PRs with no mapped label.")
    ] = None,
    prefix: Annotated[
        str, typer.Option(help="Task ids are PREFIX + the PR number; one prefix per repository.")
    ] = "pr-",
    source: SourceOption = None,
    dry_run: DryRun = False,
) -> None:
    options = ImportOptions(mapping=map_file, kind=kind, source=source, task_prefix=prefix)
    _run(SourceKind.GITHUB_PRS, file, into, options, dry_run)


@import_app.command(
    "inspect",
    help="An Inspect AI eval log → pilot rows, one per sample." + _mapping(INSPECT_MAPPING),
)
def inspect(
    file: FileArg,
    into: IntoOption,
    tool: Annotated[str | None, typer.Option(help="Tool id; default from eval.model.")] = None,
    vendor: Annotated[
        str | None, typer.Option(help="Vendor id; default the model's provider.")
    ] = None,
    scorer: Annotated[str | None, typer.Option(help="Scorer to read; default the first.")] = None,
    kind: Annotated[str | None, typer.Option(help="Kind of work; default the task name.")] = None,
    kind_field: Annotated[
        str | None, typer.Option(help="Sample metadata field holding the kind of work.")
    ] = None,
    source: SourceOption = None,
    dry_run: DryRun = False,
) -> None:
    options = ImportOptions(
        tool=tool, vendor=vendor, scorer=scorer, kind=kind, kind_field=kind_field, source=source
    )
    _run(SourceKind.INSPECT, file, into, options, dry_run)
