"""The operations of the CLI as functions, for notebooks and scripts."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from adoptreport.analysis.diff import PeriodDiff, compare
from adoptreport.analysis.findings import Findings, analyse
from adoptreport.claims import ClaimsReview, check_text, claims_review
from adoptreport.claims.statements import review_statements
from adoptreport.importers.case_files import Changes, apply
from adoptreport.importers.run import ImportOptions, SourceKind, read_source
from adoptreport.load.case import load_case
from adoptreport.load.checks import DataCheck, as_problems, data_checks
from adoptreport.load.previous import previous_case_folder
from adoptreport.load.problems import CaseError, Problem
from adoptreport.measure import RepoSize
from adoptreport.measure import measure_repo as _measure_repo
from adoptreport.models import (
    AssumptionsFile,
    Audience,
    BenchmarksFile,
    CaseFile,
    PilotAttempt,
    RequirementsFile,
    Team,
    VendorsFile,
)
from adoptreport.models.folder import Case
from adoptreport.report.charts import Chart, build_charts, to_png
from adoptreport.report.files import WriteError as WriteError  # raised by build
from adoptreport.report.files import write_all
from adoptreport.report.fonts import glyph_warnings
from adoptreport.report.formats import OutputFormat, Paper
from adoptreport.report.outputs import OutputError as OutputError  # raised by build
from adoptreport.report.outputs import Outputs, check_not_inputs, plan_outputs
from adoptreport.report.render import (
    Rendered,
    render_html,
    render_pdf,
    render_standalone_html,
)
from adoptreport.report.statements_json import report_json
from adoptreport.report.tables import table_files, tables
from adoptreport.report.view import build_view
from adoptreport.statements import Statement, build_statements
from adoptreport.statements.audiences import SECTIONS, printed_statements

SCHEMAS: dict[str, type[BaseModel]] = {
    "case.yaml": CaseFile,
    "benchmarks.yaml": BenchmarksFile,
    "vendors.yaml": VendorsFile,
    "requirements.yaml": RequirementsFile,
    "assumptions.yaml": AssumptionsFile,
    "pilot.csv": PilotAttempt,
    "workforce.csv": Team,
}


class ClaimsInputError(ValueError):
    """No draft to check: no text given and no claims.md in the case."""


# Called with each stage's name ("load", "analyse", "charts", "render") as it starts.
Progress = Callable[[str], None]
STAGES = ("load", "analyse", "charts", "render")


def _quiet(stage: str) -> None:
    pass


@dataclass(frozen=True)
class Report:
    case: Case
    findings: Findings
    statements: tuple[Statement, ...]
    content: bytes  # what was written: the PDF, the HTML or the JSON
    format: OutputFormat = OutputFormat.PDF
    diff: PeriodDiff | None = None
    input_hash: str = ""
    audience: Audience | None = None
    printed: tuple[Statement, ...] = ()  # the statements this audience's file holds
    notes: tuple[str, ...] = ()  # what the user should know about how it was built
    warnings: tuple[DataCheck, ...] = ()  # valid but implausible values (`validate` lists them)

    @property
    def pdf(self) -> bytes:
        if self.format is not OutputFormat.PDF:
            raise ValueError(f"this build wrote {self.format.value}, not a PDF")
        return self.content


def validate(folder: Path | str, previous: Path | str | None = None, strict: bool = False) -> Case:
    """Load and validate a case folder and its previous period, as `build` would; raises
    `CaseError` with every problem (with `strict`, every warning too)."""
    case = load_case(folder)
    load_previous(case, previous)
    if strict:
        refuse_warnings(case)
    return case


def warnings(case: Case) -> tuple[DataCheck, ...]:
    """Values that are valid but implausible: `file:row: field: warning: …`."""
    return data_checks(case)


def refuse_warnings(case: Case) -> None:
    """`--strict`: every warning is an error."""
    if found := data_checks(case):
        raise CaseError(as_problems(found))


def input_hash(case: Case, previous: Case | None = None) -> str:
    """SHA-256 over the case's input files, by name, in a fixed order.

    With a previous period's case, its own hash is appended under the name `previous`, so
    the hash covers everything the report was built from.
    """
    digest = hashlib.sha256()
    for name in sorted(case.files.values()):
        digest.update(name.encode() + b"\0")
        with (case.root / name).open("rb") as handle:  # in chunks: a pilot may be gigabytes
            while chunk := handle.read(1 << 24):
                digest.update(chunk)
        digest.update(b"\0")
    if previous is not None:
        digest.update(b"previous\0" + input_hash(previous).encode() + b"\0")
    return digest.hexdigest()


def load_previous(case: Case, previous: Path | str | None = None) -> Case | None:
    """The previous period's case: `previous` if given (trusted), else what case.yaml names.

    Its problems name its own files: `previous/pilot.csv:14: …` for a folder inside the case,
    the path as given for one elsewhere.
    """
    folder = Path(previous) if previous is not None else previous_case_folder(case)
    if folder is None:
        return None
    try:
        return load_case(folder)
    except CaseError as error:
        raise CaseError(_as_previous(error.problems, case.root, folder)) from None


def _as_previous(problems: list[Problem], root: Path, folder: Path) -> list[Problem]:
    try:
        prefix = folder.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        prefix = str(folder)  # elsewhere: given on the command line, so named as given
    return [
        replace(p, file=prefix if p.file == str(folder) else f"{prefix}/{p.file}") for p in problems
    ]


def case_hash(folder: Path | str, previous: Path | str | None = None) -> str:
    """The input hash a build of `folder` prints on its stamp."""
    case = load_case(folder)
    return input_hash(case, load_previous(case, previous))


def diff(old_folder: Path | str, new_folder: Path | str) -> PeriodDiff:
    """What changed from the case in `old_folder` to the case in `new_folder`."""
    return diff_cases(load_case(old_folder), load_case(new_folder))


def diff_cases(old: Case, new: Case) -> PeriodDiff:
    """What changed from one loaded case to another."""
    return compare(old, analyse(old), new, analyse(new))


def chart_files(folder: Path | str, charts: tuple[Chart, ...]) -> list[tuple[Path, bytes]]:
    """Each chart as `<id>.svg` and `<id>.png` (for slides): the paths and their bytes."""
    return [
        (Path(folder) / f"{chart.id}{suffix}", data)
        for chart in charts
        for suffix, data in ((".svg", chart.svg.encode("utf-8")), (".png", to_png(chart.spec)))
    ]


def write_charts(folder: Path | str, charts: tuple[Chart, ...]) -> list[Path]:
    """Each chart as `<id>.svg` and `<id>.png`, all written or none."""
    return write_all(chart_files(folder, charts))


def build(
    folder: Path | str,
    output: Path | str,
    audience: Audience | None = None,
    tables_dir: Path | str | None = None,
    paper: Paper = Paper.A4,
    format: OutputFormat | None = None,
    charts_dir: Path | str | None = None,
    previous: Path | str | None = None,
    progress: Progress = _quiet,
    force: bool = False,
    strict: bool = False,
) -> Report:
    """Validate, analyse and render; the outputs appear whole, or none of them does.

    The format follows `output`'s extension (.pdf, .html, .json); `format` is needed only for
    another extension. Outputs are written only to regular files or new ones, never over the
    case's input files, and not inside the case folder unless `force` (`OutputError`).
    `previous` is the previous period's case folder; by default the one case.yaml names.
    """
    outputs = plan_outputs(output, format, tables_dir, charts_dir, folder, force)
    progress("load")
    case = load_case(folder)
    before = load_previous(case, previous)
    for line in glyph_warnings(case):
        print(f"warning: {line}", file=sys.stderr)
    if strict:
        refuse_warnings(case)
    progress("analyse")
    findings = analyse(case)
    statements, period_diff = _statements(case, findings, before)
    chosen = audience or case.case.default_audience
    hashed = input_hash(case, before)
    progress("charts")
    wanted = outputs.format is not OutputFormat.JSON or outputs.charts is not None
    charts = build_charts(case, findings) if wanted else ()
    progress("render")
    review = claims_review(case, findings, statements) if "claims" in SECTIONS[chosen] else None
    rendered = _render(
        case,
        findings,
        statements,
        charts,
        chosen,
        review,
        paper,
        hashed,
        period_diff,
        outputs.format,
    )
    files = _files(outputs, rendered.content, case, findings, charts)
    check_not_inputs((path for path, _ in files), _input_files(case, before))
    write_all(files)
    printed = printed_statements(findings, statements, chosen)
    printed += tuple(c for c in review_statements(review) if chosen in c.audiences)
    return Report(
        case,
        findings,
        statements,
        rendered.content,
        outputs.format,
        period_diff,
        hashed,
        chosen,
        printed,
        rendered.notes,
        data_checks(case),
    )


def _input_files(case: Case, before: Case | None) -> list[Path]:
    return [c.root / name for c in (case, before) if c is not None for name in c.files.values()]


def _files(
    outputs: Outputs, content: bytes, case: Case, findings: Findings, charts: tuple[Chart, ...]
) -> list[tuple[Path, bytes]]:
    """Every file the build writes, the report first, with its bytes."""
    files = [(outputs.report, content)]
    if outputs.tables is not None:
        files += table_files(outputs.tables, tables(case, findings))
    if outputs.charts is not None:
        files += chart_files(outputs.charts, charts)
    return files


def _statements(
    case: Case, findings: Findings, before: Case | None
) -> tuple[tuple[Statement, ...], PeriodDiff | None]:
    """The report's statements, with the changes since the previous period when there is one."""
    period_diff = None if before is None else compare(before, analyse(before), case, findings)
    return build_statements(case, findings, period_diff), period_diff


def _render(
    case: Case,
    findings: Findings,
    statements: tuple[Statement, ...],
    charts: tuple[Chart, ...],
    audience: Audience,
    review: ClaimsReview | None,
    paper: Paper,
    hashed: str,
    period_diff: PeriodDiff | None,
    format: OutputFormat,
) -> Rendered:
    """The report's bytes in `format`, for `audience` (with the claims review, if it has one)."""
    if format is OutputFormat.JSON:
        claims = review_statements(review)
        content = report_json(case, findings, statements, audience, hashed, claims)
        return Rendered(content.encode("utf-8"))
    view = build_view(
        case, findings, statements, charts, audience, review, paper.value, hashed, period_diff
    )
    if format is OutputFormat.HTML:
        return Rendered(render_standalone_html(view).encode("utf-8"))
    report_day = dt.datetime.combine(case.case.report_date, dt.time(), tzinfo=dt.UTC)
    return render_pdf(
        render_html(view), identifier=hashed[:32].encode(), source_date=int(report_day.timestamp())
    )


def check_claims(
    case_folder: Path | str, text: str | None = None, source: str = "<text>"
) -> ClaimsReview:
    """Judge draft sentences (by default the case's claims.md) against the case's evidence."""
    case = load_case(case_folder)
    if text is None:
        if case.claims_text is None:
            raise ClaimsInputError(
                f"{case_folder} has no claims.md; give a file of draft sentences, or - for stdin"
            )
        text, source = case.claims_text, "claims.md"
    findings = analyse(case)
    statements, _ = _statements(case, findings, load_previous(case, None))
    return check_text(text, case, findings, statements, source)


def schemas() -> dict[str, dict[str, Any]]:
    """JSON Schema of each input file, by file name."""
    return {name: model.model_json_schema() for name, model in SCHEMAS.items()}


def schema_json() -> str:
    return json.dumps(schemas(), indent=2, sort_keys=True)


def init(folder: Path | str, force: bool = False) -> list[Path]:
    """Write the commented starter case into `folder`; refuses a non-empty folder unless forced."""
    from importlib import resources

    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise FileExistsError(f"{target} exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise FileExistsError(f"{target} is not empty; use --force to write into it")
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for entry in sorted(
        resources.files("adoptreport").joinpath("starter").iterdir(), key=lambda e: e.name
    ):
        if entry.is_file() and not entry.name.startswith((".", "__")):
            path = target / entry.name
            path.write_bytes(entry.read_bytes())
            written.append(path)
    return written


def measure_repo(path: Path | str) -> RepoSize:
    """Estimated tokens of a checkout's text files (bytes ÷ 4, range ÷ 5 to ÷ 3)."""
    return _measure_repo(path)


def import_source(
    kind: SourceKind | str,
    file: Path | str,
    into: Path | str,
    options: ImportOptions | None = None,
    *,
    dry_run: bool = False,
) -> Changes:
    """Append a source's rows (SWE-bench report, `gh pr list` JSON, Inspect log) to a case's
    pilot.csv, declaring the tools and kinds they need; rows of the same source and tool are
    replaced. Raises `SourceError` (file and JSON path) on a bad file; writes nothing then."""
    batch = read_source(SourceKind(kind), Path(file), options or ImportOptions())
    return apply(batch, Path(into), dry_run=dry_run)
