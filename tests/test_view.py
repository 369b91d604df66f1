"""The view on its own: typed statements laid out as cells and rows, no PDF rendered."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from adoptreport import api
from adoptreport.analysis.findings import Findings, analyse
from adoptreport.analysis.stats import Interval
from adoptreport.models import Audience
from adoptreport.models.folder import Case
from adoptreport.report.cells import number_cell
from adoptreport.report.view import ReportView, build_view
from adoptreport.statements import Number, Section, Statement, StatementKind, Unit, build_statements
from adoptreport.statements.audiences import BRIEF, SECTIONS, printed_statements
from adoptreport.statements.formatting import NOT_MEASURED
from tests.conftest import DEFAULT_CASE


@dataclass(frozen=True)
class Stated:
    case: Case
    findings: Findings
    statements: tuple[Statement, ...]


@pytest.fixture(scope="module")
def stated() -> Stated:
    case = api.validate(DEFAULT_CASE)
    findings = analyse(case)
    return Stated(case, findings, build_statements(case, findings))


def _view(stated: Stated, audience: Audience) -> ReportView:
    return build_view(stated.case, stated.findings, stated.statements, (), audience)


@pytest.mark.parametrize("audience", list(Audience))
def test_sections_follow_the_audience_and_skip_what_the_case_lacks(
    stated: Stated, audience: Audience
) -> None:
    view = _view(stated, audience)
    # The default case has no previous period and the view was given no draft review.
    assert view.sections == tuple(s for s in SECTIONS[audience] if s not in ("claims", "changes"))
    assert view.brief is (audience in BRIEF)


@pytest.mark.parametrize("audience", list(Audience))
def test_the_ledger_lists_exactly_what_the_audience_prints(
    stated: Stated, audience: Audience
) -> None:
    view = _view(stated, audience)
    printed = printed_statements(stated.findings, stated.statements, audience)
    assert [row.id for row in view.ledger] == [s.id for s in printed]
    for row, statement in zip(view.ledger, printed, strict=True):
        assert row.numbers == tuple(f"{n.name} = {n.text}" for n in statement.numbers)


def test_cells_are_each_numbers_figure_and_interval(stated: Stated) -> None:
    view = _view(stated, Audience.FULL)
    by_id = {s.id: s for s in stated.statements}
    assert view.cells, "the full report shows the per-cell table"
    labels = {k.label: k.id for k in stated.case.case.kinds_of_work}
    names = {v: k for k, v in stated.case.vendors.tool_names().items()}
    for row in view.cells:
        statement = by_id[f"cell.{names[row.tool]}.{labels[row.kind]}"]
        acceptance = statement.number("acceptance")
        assert acceptance is not None and acceptance.interval is not None
        assert row.acceptance.main == acceptance.figure
        assert row.acceptance.detail == f"({acceptance.spread})"
        assert acceptance.text == f"{row.acceptance.main} {row.acceptance.detail}"


def test_verdict_rows_show_the_lead_in_columns_and_the_body_beside_it(stated: Stated) -> None:
    view = _view(stated, Audience.BOARD)
    by_id = {s.id: s for s in stated.statements}
    assert len(view.verdicts) == len(stated.findings.kinds)
    for row, kind in zip(view.verdicts, stated.findings.kinds, strict=True):
        statement = by_id[f"verdict.{kind.kind}"]
        assert statement.lead == f"{row.kind}: {row.verdict}. "
        assert row.text == statement.body and statement.text == statement.lead + row.text


def test_the_short_form_plots_claims_and_marks_them_in_the_ledger(stated: Stated) -> None:
    board, full = _view(stated, Audience.BOARD), _view(stated, Audience.FULL)
    assert board.claims == () and full.claims
    plotted = {row.id for row in board.ledger if row.note == "plotted"}
    headline = stated.findings.headline
    assert headline is not None
    assert plotted and not any(i.startswith(f"benchmark.{headline.claim.id}.") for i in plotted)
    assert not any(row.note for row in full.ledger)


def test_a_missing_number_is_not_measured_never_zero() -> None:
    assert number_cell(None, "acceptance").main == NOT_MEASURED
    statement = Statement("x", Section.SUMMARY, StatementKind.FINDING, (), "Nothing.", (), ())
    assert number_cell(statement, "acceptance").main == NOT_MEASURED


def test_a_number_must_be_its_figure_and_spread() -> None:
    interval = Interval(0.4, 0.5, 0.6, 0.9)
    number = Number(
        "a", 0.5, Unit.PROPORTION, "50% (90% CI 40–60%)", interval, "50%", "90% CI 40–60%"
    )
    assert (number.figure, number.spread) == ("50%", "90% CI 40–60%")
    assert Number("b", 3, Unit.COUNT, "3").figure == "3"
    with pytest.raises(ValueError, match="not its figure and spread"):
        Number("c", 0.5, Unit.PROPORTION, "50% (90% CI 40–60%)", interval, "50", "90% CI 40–60%")


def test_a_lead_must_open_its_statement() -> None:
    statement = Statement(
        "v",
        Section.VERDICTS,
        StatementKind.VERDICT,
        (),
        "Tests: assist. Body.",
        (),
        (),
        "Tests: assist. ",
    )
    assert statement.body == "Body."
    with pytest.raises(ValueError, match="does not open the text"):
        Statement("w", Section.VERDICTS, StatementKind.VERDICT, (), "Body.", (), (), "Tests: ")
