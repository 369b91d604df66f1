"""The report as JSON: every statement it prints, with its numbers and evidence.

The shape (``"format": "adoptreport.statements/1"``) is documented in the README. Keys are
sorted and floats written by `json` (shortest round-trip form), so the same case gives the
same bytes. `statements_from_json` reads the statements back.
"""

from __future__ import annotations

import json
from typing import Any

from adoptreport import __version__
from adoptreport.analysis.evidence import Evidence, RecordRef, RowRanges
from adoptreport.analysis.findings import Findings
from adoptreport.analysis.stats import Interval
from adoptreport.models import Audience
from adoptreport.models.folder import Case
from adoptreport.statements import Section, Statement
from adoptreport.statements.audiences import SECTIONS, printed_statements
from adoptreport.statements.model import Number, StatementKind, Unit

FORMAT = "adoptreport.statements/1"


def report_json(
    case: Case,
    findings: Findings,
    statements: tuple[Statement, ...],
    audience: Audience,
    input_hash: str,
    claims: tuple[Statement, ...] = (),
) -> str:
    """The statements `audience`'s report prints, as sorted, indented JSON text; `claims` (the
    claims review, ids `claims.<n>`) follows them when the audience's report has that section."""
    printed = printed_statements(findings, statements, audience)
    if "claims" in SECTIONS[audience]:
        printed += tuple(c for c in claims if audience in c.audiences)
    document = {
        "format": FORMAT,
        "generator": {"name": "adoptreport", "version": __version__},
        "case": {
            "organisation": case.case.organisation,
            "title": case.case.title,
            "period": case.case.period,
            "report_date": case.case.report_date.isoformat(),
            "input_sha256": input_hash,
        },
        "audience": audience.value,
        "statements": [_statement(s) for s in printed],
    }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def statements_from_json(text: str) -> tuple[Statement, ...]:
    """Statements back from `report_json`'s output."""
    document = json.loads(text)
    if document.get("format") != FORMAT:
        raise ValueError(f"not an {FORMAT} document (format: {document.get('format')!r})")
    return tuple(_read_statement(s) for s in document["statements"])


def _statement(s: Statement) -> dict[str, Any]:
    return {
        "id": s.id,
        "section": s.section.value,
        "kind": s.kind.value,
        "audiences": [a.value for a in s.audiences],
        "text": s.text,
        "numbers": [_number(n) for n in s.numbers],
        "evidence": [_evidence(e) for e in s.evidence],
    }


def _number(n: Number) -> dict[str, Any]:
    interval = n.interval
    return {
        "name": n.name,
        "value": n.value,
        "unit": n.unit.value,
        "text": n.text,
        "interval": None
        if interval is None
        else {
            "low": interval.low,
            "point": interval.point,
            "high": interval.high,
            "level": interval.level,
        },
    }


def _evidence(e: Evidence) -> dict[str, Any]:
    if isinstance(e, RecordRef):
        return {"type": "record", "file": e.file, "path": e.path, "id": e.id}
    return {"type": "rows", "file": e.file, "ranges": [list(r) for r in e.ranges], "count": e.count}


def _read_statement(d: dict[str, Any]) -> Statement:
    return Statement(
        d["id"],
        Section(d["section"]),
        StatementKind(d["kind"]),
        tuple(Audience(a) for a in d["audiences"]),
        d["text"],
        tuple(_read_number(n) for n in d["numbers"]),
        tuple(_read_evidence(e) for e in d["evidence"]),
    )


def _read_number(d: dict[str, Any]) -> Number:
    i = d["interval"]
    interval = None if i is None else Interval(i["low"], i["point"], i["high"], i["level"])
    return Number(d["name"], d["value"], Unit(d["unit"]), d["text"], interval)


def _read_evidence(d: dict[str, Any]) -> Evidence:
    if d["type"] == "record":
        return RecordRef(d["file"], d["path"], d["id"])
    ranges = tuple((int(a), int(b)) for a, b in d["ranges"])
    return RowRanges(d["file"], ranges, int(d["count"]))
