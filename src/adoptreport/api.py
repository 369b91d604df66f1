"""The operations of the CLI as functions, for notebooks and scripts."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from adoptreport.analysis import Findings, analyse
from adoptreport.charts import build_charts
from adoptreport.claims import ClaimsReview, check_text, claims_review
from adoptreport.export import tables, write_tables
from adoptreport.load import load_case
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
from adoptreport.render import render_html, render_pdf, write_atomically
from adoptreport.statements import Statement, build_statements
from adoptreport.view import build_view

SCHEMAS: dict[str, type[BaseModel]] = {
    "case.yaml": CaseFile,
    "benchmarks.yaml": BenchmarksFile,
    "vendors.yaml": VendorsFile,
    "requirements.yaml": RequirementsFile,
    "assumptions.yaml": AssumptionsFile,
    "pilot.csv": PilotAttempt,
    "workforce.csv": Team,
}


class OutputError(ValueError):
    """The output path cannot take a report (a folder, say)."""


class ClaimsInputError(ValueError):
    """No draft to check: no text given and no claims.md in the case."""


@dataclass(frozen=True)
class Report:
    case: Case
    findings: Findings
    statements: tuple[Statement, ...]
    pdf: bytes


def validate(folder: Path | str) -> Case:
    """Load and validate a case folder; raises `CaseError` with every problem."""
    return load_case(folder)


def input_hash(case: Case) -> str:
    """SHA-256 over the case's input files, by name, in a fixed order."""
    digest = hashlib.sha256()
    for name in sorted(case.files.values()):
        digest.update(name.encode() + b"\0")
        with (case.root / name).open("rb") as handle:  # in chunks: a pilot may be gigabytes
            while chunk := handle.read(1 << 24):
                digest.update(chunk)
        digest.update(b"\0")
    return digest.hexdigest()


def build(
    folder: Path | str,
    output: Path | str,
    audience: Audience | None = None,
    tables_dir: Path | str | None = None,
) -> Report:
    """Validate, analyse and render; the PDF appears at `output` whole or not at all."""
    if Path(output).is_dir():
        raise OutputError(
            f"{output} is a folder; give a file name, such as {Path(output) / 'report.pdf'}"
        )
    case = load_case(folder)
    findings = analyse(case)
    statements = build_statements(case, findings)
    charts = build_charts(case, findings)
    chosen = audience or case.case.default_audience
    review = claims_review(case, findings, statements)
    html = render_html(build_view(case, findings, statements, charts, chosen, review))
    report_day = dt.datetime.combine(case.case.report_date, dt.time(), tzinfo=dt.UTC)
    pdf = render_pdf(
        html, identifier=input_hash(case)[:32].encode(), source_date=int(report_day.timestamp())
    )
    write_atomically(Path(output), pdf)
    if tables_dir is not None:
        write_tables(Path(tables_dir), tables(case, findings))
    return Report(case, findings, statements, pdf)


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
    return check_text(text, case, findings, build_statements(case, findings), source)


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
