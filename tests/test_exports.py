"""Exports on their own: CSV/XLSX tables and the JSON statements, without a PDF."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from adoptreport import api
from adoptreport.analysis.findings import Findings, analyse
from adoptreport.models import Audience
from adoptreport.models.folder import Case
from adoptreport.report.statements_json import FORMAT, report_json, statements_from_json
from adoptreport.report.tables import neutralise, tables, write_tables
from adoptreport.statements import Statement, build_statements
from adoptreport.statements.audiences import printed_statements
from adoptreport.statements.formatting import percent_number
from tests.conftest import DEFAULT_CASE


@pytest.fixture(scope="module")
def stated() -> tuple[Case, Findings, tuple[Statement, ...]]:
    case = api.validate(DEFAULT_CASE)
    findings = analyse(case)
    return case, findings, build_statements(case, findings)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20", "'+44 20"),
        ("-3", "'-3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("plain", "plain"),
        ("a\x07b", "a[U+0007]b"),
        (12, 12),
        ("\uff1d1+1", "'\uff1d1+1"),  # full-width ＝
        ("\ufe661+1", "'\ufe661+1"),  # small ﹦
        ("\uff0b44", "'\uff0b44"),  # full-width ＋
        ("\u200b=1+1", "'\u200b=1+1"),  # zero-width space before =
        ("\ufeff=1+1", "'\ufeff=1+1"),  # byte-order mark before =
        ("\u2060\u200d@SUM(A1)", "'\u2060\u200d@SUM(A1)"),  # word joiner, zero-width joiner
        ("\u200bplain", "\u200bplain"),
        ("\u22123", "\u22123"),  # a minus sign is not a formula character
    ],
)
def test_formulas_are_made_inert(text: object, written: object) -> None:
    assert neutralise(text) == written


def test_the_verdict_table_holds_what_the_statements_print(
    stated: tuple[Case, Findings, tuple[Statement, ...]],
) -> None:
    case, findings, statements = stated
    verdicts = tables(case, findings)["verdicts"]
    by_id = {s.id: s for s in statements}
    assert len(verdicts) == len(findings.cells)
    for row, cell in zip(verdicts.itertuples(), findings.cells, strict=True):
        acceptance = by_id[f"cell.{cell.tool}.{cell.kind}"].number("acceptance")
        assert acceptance is not None and acceptance.interval is not None
        assert acceptance.figure == f"{row.accepted_percent:g}%"
        assert row.accepted_low == percent_number(acceptance.interval.low)
        assert row.verdict == cell.decision.verdict.value


def test_disguised_formulas_come_out_neutralised_in_csv_and_xlsx(tmp_path: Path) -> None:
    disguised = ["\uff1dHYPERLINK(1)", "\ufe66cmd|x", "\u200b=1+1", "\ufeff+1", "ok"]
    write_tables(tmp_path, {"t": pd.DataFrame({"text": disguised})})
    written = pd.read_csv(tmp_path / "t.csv", dtype=str)["text"].tolist()
    sheet = openpyxl.load_workbook(tmp_path / "tables.xlsx")["t"]
    cells = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    expected = ["'" + text for text in disguised[:-1]] + ["ok"]
    assert written == expected and cells == expected


def test_tables_are_written_as_csv_and_one_workbook(
    stated: tuple[Case, Findings, tuple[Statement, ...]], tmp_path: Path
) -> None:
    case, findings, _ = stated
    named = tables(case, findings)
    written = write_tables(tmp_path, named)
    assert {p.name for p in written} == {f"{n}.csv" for n in named} | {"tables.xlsx"}
    for name, frame in named.items():
        back = pd.read_csv(tmp_path / f"{name}.csv")
        assert list(back.columns) == list(frame.columns) and len(back) == len(frame)
    book = openpyxl.load_workbook(tmp_path / "tables.xlsx", read_only=True)
    assert set(book.sheetnames) == set(named)


@pytest.mark.parametrize("audience", list(Audience))
def test_json_holds_the_printed_statements_and_reads_back(
    stated: tuple[Case, Findings, tuple[Statement, ...]], audience: Audience
) -> None:
    case, findings, statements = stated
    text = report_json(case, findings, statements, audience, "0" * 64)
    document = json.loads(text)
    assert document["format"] == FORMAT and document["audience"] == audience.value
    printed = printed_statements(findings, statements, audience)
    assert [s["id"] for s in document["statements"]] == [s.id for s in printed]
    assert statements_from_json(text) == printed
    assert text == report_json(case, findings, statements, audience, "0" * 64)  # stable bytes
