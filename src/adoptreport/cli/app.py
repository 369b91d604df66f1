"""The `adoptreport` command: parse arguments, call the API, print, set the exit code."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from adoptreport import __version__, api
from adoptreport.claims import as_table
from adoptreport.cli.imports import import_app
from adoptreport.cli.terminal import build_progress, diff_table, wants_progress
from adoptreport.load.checks import DataCheck
from adoptreport.load.problems import CaseError, Problem
from adoptreport.models import Audience
from adoptreport.report.files import WriteError, write_all
from adoptreport.report.formats import OutputFormat, Paper
from adoptreport.report.outputs import OutputError
from adoptreport.report.render import RenderError

app = typer.Typer(
    help="Grounded reports on what AI can take on in your own engineering work.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.add_typer(import_app, name="import")

CaseArg = Annotated[Path, typer.Argument(help="The case folder (see `adoptreport init`).")]
BAD_INPUT = 2
StrictOption = Annotated[
    bool, typer.Option(help="Treat warnings (implausible values) as errors: exit 2.")
]
PreviousOption = Annotated[
    Path | None,
    typer.Option(help="The previous period's case folder; default: previous_case in case.yaml."),
]


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _where(problem: Problem, folder: Path) -> str:
    """A problem's line: its file within the case folder, or its own path when it has one."""
    own_path = problem.file == str(folder) or Path(problem.file).is_absolute()
    return str(problem) if own_path else f"{folder}/{problem}"


def _choice(kind: type[StrEnum]) -> Callable[[str], StrEnum]:
    """A parser for an option with fixed values, whose error reads plainly."""

    def parse(value: str) -> StrEnum:
        try:
            return kind(value.lower())
        except ValueError:
            allowed = ", ".join(member.value for member in kind)
            raise typer.BadParameter(f"{value!r} is not one of {allowed}") from None

    return parse


def _metavar(kind: type[StrEnum]) -> str:
    return "[" + "|".join(member.value for member in kind) + "]"


def _fail_on_case(error: CaseError, folder: Path, writes: bool = False) -> typer.Exit:
    """Every problem, one a line, then a count; `writes` for a command that would have written."""
    for problem in error.problems:
        typer.echo(_where(problem, folder), err=True)
    written = "; nothing was written" if writes else ""
    typer.echo(f"{_plural(len(error.problems), 'problem')} in {folder}{written}.", err=True)
    return typer.Exit(code=BAD_INPUT)


def _print_warnings(checks: tuple[DataCheck, ...], folder: Path) -> None:
    """Each warning as `file:row: field: warning: …`, on stderr; the build goes on."""
    for check in checks:
        typer.echo(_where(check.problem, folder), err=True)


@app.command()
def validate(case: CaseArg, previous: PreviousOption = None, strict: StrictOption = False) -> None:
    """Check a case folder (and its previous period) and list every problem with file, row and
    field; warnings for values that are valid but implausible."""
    try:
        loaded = api.validate(case, previous, strict)
    except CaseError as error:
        raise _fail_on_case(error, case) from None
    found = api.warnings(loaded)
    _print_warnings(found, case)
    counts = (
        _plural(len(loaded.pilot), "pilot attempt"),
        _plural(len(loaded.workforce), "team"),
        _plural(len(loaded.vendors.tool_ids()), "tool"),
        _plural(len(loaded.benchmarks.claims), "benchmark claim"),
    )
    warned = f"; {_plural(len(found), 'warning')}" if found else ""
    typer.echo(f"{case}: valid — {', '.join(counts)}{warned}.")


@app.command()
def build(
    case: CaseArg,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Where to write the report; .pdf, .html or .json sets the format.",
        ),
    ] = Path("out/report.pdf"),
    audience: Annotated[
        Audience | None,
        typer.Option(
            parser=_choice(Audience),
            metavar=_metavar(Audience),
            help="Who the report is for; default from case.yaml.",
        ),
    ] = None,
    tables: Annotated[
        Path | None,
        typer.Option(help="Also write the report's tables as CSV and XLSX into this folder."),
    ] = None,
    paper: Annotated[
        Paper,
        typer.Option(parser=_choice(Paper), metavar=_metavar(Paper), help="Page size of the PDF."),
    ] = Paper.A4,
    format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            parser=_choice(OutputFormat),
            metavar=_metavar(OutputFormat),
            help="Only for a name not ending in .pdf, .html or .json: PDF, one self-contained "
            "HTML file, or JSON of every statement.",
        ),
    ] = None,
    charts: Annotated[
        Path | None,
        typer.Option(help="Also write each chart as SVG and PNG into this folder, for slides."),
    ] = None,
    previous: PreviousOption = None,
    force: Annotated[
        bool, typer.Option(help="Allow writing inside the case folder (never over its inputs).")
    ] = False,
    strict: StrictOption = False,
) -> None:
    """Build the report (PDF, HTML or JSON) from a case folder."""
    try:
        with build_progress(wants_progress()) as progress:
            report = api.build(
                case,
                output,
                audience,
                tables,
                paper,
                format,
                charts,
                previous,
                progress,
                force,
                strict,
            )
    except Exception as error:
        raise _fail_on_build(error, case) from None
    _print_warnings(report.warnings, case)
    typer.echo(_built(output, report))
    for note in report.notes:
        typer.echo(note, err=True)


def _fail_on_build(error: Exception, case: Path) -> Exception:
    """A failed build's message on stderr, and its exit: 2 for the user's input, else 1."""
    if isinstance(error, CaseError):
        return _fail_on_case(error, case, writes=True)
    if isinstance(error, OutputError):
        typer.echo(f"{error}; nothing was written.", err=True)
        return typer.Exit(code=BAD_INPUT)
    if isinstance(error, RenderError):
        typer.echo(f"rendering failed: {error}; nothing was written.", err=True)
        return typer.Exit(code=1)
    if isinstance(error, WriteError):
        typer.echo(f"{error}.", err=True)
        return typer.Exit(code=1)
    if isinstance(error, OSError):
        typer.echo(f"{error.filename or case}: {error.strerror}; nothing was written.", err=True)
        return typer.Exit(code=1)
    return error


def _built(output: Path, report: api.Report) -> str:
    """What was written: the file, its size, and what the audience's file holds."""
    held = _plural(len(report.printed), "statement")
    audience = report.audience.value if report.audience else "default"
    return f"wrote {output} ({len(report.content):,} bytes; the {audience} report, {held})"


class ClaimsFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


def _read_draft(draft: str) -> str:
    if draft == "-":
        return sys.stdin.read()
    try:
        return Path(draft).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        reason = "not UTF-8 text; save the file as UTF-8"
    except IsADirectoryError:
        reason = "is a folder; give a file of draft sentences"
    except OSError as error:
        reason = f"cannot be read: {error.strerror}"
    typer.echo(f"{draft}: {reason}", err=True)
    raise typer.Exit(code=BAD_INPUT)


@app.command("check-claims")
def check_claims(
    case: CaseArg,
    draft: Annotated[
        str | None,
        typer.Argument(
            help="Draft sentences (Markdown or text); - reads stdin; default claims.md."
        ),
    ] = None,
    format: Annotated[
        ClaimsFormat,
        typer.Option(
            "--format",
            parser=_choice(ClaimsFormat),
            metavar=_metavar(ClaimsFormat),
            help="A readable table, or JSON for machines.",
        ),
    ] = ClaimsFormat.TABLE,
) -> None:
    """Check draft sentences against the evidence; exit 1 if any sentence is blocked."""
    text = None if draft is None else _read_draft(draft)
    try:
        review = api.check_claims(case, text, source="stdin" if draft == "-" else str(draft))
    except CaseError as error:
        raise _fail_on_case(error, case) from None
    except api.ClaimsInputError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(code=BAD_INPUT) from None
    if format is ClaimsFormat.JSON:
        typer.echo(json.dumps(review.as_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(as_table(review, width=min(120, shutil.get_terminal_size((100, 24)).columns)))
    if review.blocked:
        raise typer.Exit(code=1)


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Folder to create the starter case in.")],
    force: Annotated[bool, typer.Option(help="Write into a non-empty folder.")] = False,
) -> None:
    """Write a commented starter case that validates, to edit into your own."""
    try:
        written = api.init(folder, force=force)
    except FileExistsError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(code=BAD_INPUT) from None
    typer.echo(f"wrote {len(written)} files to {folder}; next: {_command()} validate {folder}")


def _command() -> str:
    """How the user ran this command, to repeat in a hint: `adoptreport` if that is on PATH and
    is this one, else the path of this script (`.venv/bin/adoptreport`)."""
    script = Path(sys.argv[0])
    if script.name != "adoptreport":
        return "python -m adoptreport"
    on_path = shutil.which("adoptreport")
    if on_path is not None and Path(on_path).resolve() == script.resolve():
        return "adoptreport"
    return str(script)


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to a file instead of stdout.")
    ] = None,
) -> None:
    """Print the JSON Schema of every input file."""
    text = api.schema_json()
    if output is None:
        typer.echo(text)
        return
    try:
        write_all([(output, (text + "\n").encode("utf-8"))])
    except WriteError as error:
        typer.echo(f"{error}.", err=True)
        raise typer.Exit(code=1) from None


@app.command("measure-repo")
def measure_repo(
    path: Annotated[Path, typer.Argument(help="A checkout of one codebase.")],
    name: Annotated[
        str | None, typer.Option(help="Codebase name for the YAML snippet; default the folder's.")
    ] = None,
) -> None:
    """Estimate a checkout's size in tokens, to paste into case.yaml's codebases."""
    try:
        size = api.measure_repo(path)
    except NotADirectoryError as error:
        typer.echo(f"{error}; give the folder of a checkout", err=True)
        raise typer.Exit(code=BAD_INPUT) from None
    tokens = size.tokens
    typer.echo(
        f"{path}: {size.text_bytes:,} bytes of text in {_plural(size.files_counted, 'file')}; "
        f"about {tokens.point:,.0f} tokens (range {tokens.low:,.0f}–{tokens.high:,.0f})."
    )
    typer.echo(
        f"skipped: {size.skipped_binary:,} binary, {size.skipped_ignored:,} git-ignored, "
        f"{size.skipped_vendored:,} in vendored or generated folders."
    )
    typer.echo(
        "method: bytes ÷ 4 (range ÷ 5 to ÷ 3), typical of BPE tokenizers on source code; "
        "a vendor's own tokenizer may differ.\n"
    )
    typer.echo(size.yaml_snippet(name or path.resolve().name), nl=False)


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The previous period's case folder.")],
    new: Annotated[Path, typer.Argument(help="This period's case folder.")],
) -> None:
    """What changed between two periods: rates per kind of work, verdicts, tools, assumptions."""
    cases = []
    for folder in (old, new):
        try:
            cases.append(api.validate(folder))
        except CaseError as error:
            raise _fail_on_case(error, folder) from None
    changes = api.diff_cases(*cases)
    typer.echo(diff_table(changes, width=min(160, shutil.get_terminal_size((120, 24)).columns)))


@app.command("hash")
def hash_(
    case: CaseArg,
    previous: PreviousOption = None,
) -> None:
    """Print the SHA-256 of a case's input files, as the build stamp shows it (first 12 digits)."""
    try:
        typer.echo(api.case_hash(case, previous))
    except CaseError as error:
        raise _fail_on_case(error, case) from None


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Grounded reports on what AI can take on in your own engineering work."""


def main() -> None:
    app()
