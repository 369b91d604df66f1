"""Findings, statements and charts → the frozen tree of strings a template reads.

The view lays statements out; it never takes their text apart: a table cell is a number's
typed figure and spread, a verdict row a statement's typed lead and body.
"""

from __future__ import annotations

from dataclasses import dataclass

from adoptreport import __version__
from adoptreport.analysis.diff import PeriodDiff
from adoptreport.analysis.findings import Findings
from adoptreport.claims import ClaimsReview
from adoptreport.models import Audience
from adoptreport.models.folder import Case
from adoptreport.report.cells import Paragraph, paragraph
from adoptreport.report.changes import ChangeRow, change_rows, tabled_change_ids
from adoptreport.report.charts import Chart
from adoptreport.report.decisions_view import DecisionGroup, decision_groups
from adoptreport.report.ledger import LedgerRow, ledger_rows
from adoptreport.report.rows import (
    AssumptionRow,
    CellRow,
    ClaimRow,
    CostRow,
    ScenarioRow,
    TeamRow,
    VerdictRow,
    assumption_rows,
    cell_rows,
    claim_rows,
    cost_rows,
    scenario_rows,
    team_rows,
    verdict_rows,
)
from adoptreport.report.vendor_view import ProcurementView, procurement_view
from adoptreport.statements import Section, Statement
from adoptreport.statements.audiences import BRIEF, SECTIONS, headline_ids, printed_statements
from adoptreport.statements.influence import DATA_CHECK_PREFIXES as DATA_CHECKS

SHORT_HASH = 12
CLAIM_PARTS = ("claim", "scope", "mix")


@dataclass(frozen=True)
class Figure:
    id: str
    title: str
    svg: str
    alt: str
    note: str = ""


@dataclass(frozen=True)
class ClaimBlock:
    title: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class ReportView:
    lang: str
    title: str
    organisation: str
    period: str
    report_date: str
    created: str  # ISO date for the PDF metadata: the report date, never the clock
    audience: str
    version: str
    headline: tuple[Paragraph, ...]
    verdicts: tuple[VerdictRow, ...]
    claims: tuple[ClaimBlock, ...]
    scope_notes: tuple[Paragraph, ...]
    cells: tuple[CellRow, ...]
    review: tuple[Paragraph, ...]
    workforce: tuple[Paragraph, ...]
    team_rows: tuple[TeamRow, ...]
    scenarios: tuple[ScenarioRow, ...]
    assumptions: tuple[AssumptionRow, ...]
    cost: tuple[Paragraph, ...]
    cost_rows: tuple[CostRow, ...]
    draft_claims: tuple[ClaimRow, ...]
    draft_source: str
    methodology: tuple[Paragraph, ...]
    figures: dict[str, Figure]
    ledger: tuple[LedgerRow, ...]
    sections: tuple[str, ...]
    show_cells: bool
    procurement: ProcurementView
    brief: bool = False
    paper: str = "A4"  # a CSS @page size
    short_hash: str = ""  # its first 12 hex digits, as the build stamp prints it
    previous_period: str = ""  # "" when the case names no previous period
    change_rows: tuple[ChangeRow, ...] = ()
    changes: tuple[Paragraph, ...] = ()
    data_checks: tuple[Paragraph, ...] = ()  # warnings and one row's influence (methodology)
    designs: tuple[Paragraph, ...] = ()  # the pilot's designs: arms, paired tasks, forecasts
    decisions: tuple[DecisionGroup, ...] = ()


class _Printed:
    """The statements an audience's report prints, by id and by section."""

    def __init__(self, statements: tuple[Statement, ...], audience: Audience) -> None:
        self.statements = tuple(s for s in statements if audience in s.audiences)
        self.by_id = {s.id: s for s in self.statements}

    def section(self, section: Section) -> tuple[Paragraph, ...]:
        return tuple(paragraph(s) for s in self.statements if s.section is section)


def _cost_notes(statements: tuple[Statement, ...], tabled: bool) -> tuple[Paragraph, ...]:
    """The cost sentences the table does not already say: the volume rule and the reasons."""
    in_table = (".tokens_per_change", ".per_change", ".break_even")

    def said_by_table(s: Statement) -> bool:
        complete = any(n.name.startswith("net_value") for n in s.numbers)
        return s.id.endswith(in_table) or (s.id.count(".") == 1 and complete)

    return tuple(
        paragraph(s)
        for s in statements
        if s.section is Section.COST and not (tabled and said_by_table(s))
    )


def _claim_blocks(
    case: Case, findings: Findings, by_id: dict[str, Statement], brief: bool
) -> tuple[ClaimBlock, ...]:
    """Each benchmark claim with its scope and mix sentences; none in the short form."""
    if brief:
        return ()
    names = case.vendors.tool_names()
    return tuple(
        ClaimBlock(
            f"{names[g.claim.tool]} on {g.claim.benchmark}",
            # Its claim, scope and mix sentences, then any other kinds of its mix and its
            # standing against other claims on the same benchmark, in statement order.
            tuple(
                paragraph(s) for i, s in by_id.items() if i.startswith(f"benchmark.{g.claim.id}.")
            ),
        )
        for g in findings.benchmark_gaps
    )


def _plotted(printed: tuple[Statement, ...], in_prose: set[str], brief: bool) -> set[str]:
    """The benchmark statements the short form shows only in the chart."""
    if not brief:
        return set()
    claim_endings = tuple(f".{p}" for p in CLAIM_PARTS)
    return {
        s.id for s in printed if s.id.startswith("benchmark.") and s.id.endswith(claim_endings)
    } - in_prose


def _sections(
    audience: Audience, draft: ClaimsReview | None, diff: PeriodDiff | None, designs: bool
) -> tuple[str, ...]:
    """The audience's sections, less the claims review without a draft, changes without a
    diff, and the designs section when the pilot has neither control rows nor shared tasks."""
    return tuple(
        x
        for x in SECTIONS[audience]
        if (x != "claims" or draft is not None)
        and (x != "changes" or diff is not None)
        and (x != "designs" or designs)
    )


def build_view(
    case: Case,
    findings: Findings,
    statements: tuple[Statement, ...],
    charts: tuple[Chart, ...],
    audience: Audience,
    draft: ClaimsReview | None = None,
    paper: str = "A4",
    input_hash: str = "",
    diff: PeriodDiff | None = None,
) -> ReportView:
    shown = _Printed(statements, audience)
    by_id = shown.by_id
    brief = audience in BRIEF
    headline = tuple(paragraph(by_id[i]) for i in headline_ids(findings) if i in by_id)
    quoted = {p.id for p in headline}
    claims = _claim_blocks(case, findings, by_id, brief)
    printed = printed_statements(findings, shown.statements, audience)
    in_prose = {p.id for block in claims for p in block.paragraphs} | quoted
    costs = cost_rows(findings, case.vendors.tool_names(), by_id)
    tabled = tabled_change_ids(diff)
    cells = cell_rows(case, findings, by_id)
    return ReportView(
        lang="en",
        title=case.case.title,
        organisation=case.case.organisation,
        period=case.case.period,
        report_date=case.case.report_date.strftime("%-d %B %Y"),
        created=case.case.report_date.isoformat() + "T00:00:00Z",
        audience=audience.value,
        version=__version__,
        headline=headline,
        verdicts=verdict_rows(findings, by_id),
        claims=claims,
        scope_notes=tuple(
            p
            for p in shown.section(Section.BENCHMARK)
            if p.id.startswith("benchmark.scope.") and not (brief and p.id in quoted)
        ),
        cells=cells,
        review=shown.section(Section.REVIEW),
        workforce=tuple(
            p
            for p in shown.section(Section.WORKFORCE)
            if not p.id.startswith(("workforce.team.", "workforce.scenario."))
        ),
        team_rows=team_rows(case, findings, by_id),
        scenarios=scenario_rows(findings, by_id),
        assumptions=assumption_rows(case, findings, by_id),
        cost=_cost_notes(shown.statements, bool(costs)),
        cost_rows=costs,
        draft_claims=claim_rows(draft),
        draft_source=draft.source if draft else "",
        methodology=tuple(
            p for p in shown.section(Section.METHODOLOGY) if not p.id.startswith(DATA_CHECKS)
        ),
        data_checks=tuple(
            p for p in shown.section(Section.METHODOLOGY) if p.id.startswith(DATA_CHECKS)
        ),
        figures={c.id: Figure(c.id, c.title, c.svg, c.alt, c.note) for c in charts},
        ledger=ledger_rows(printed, _plotted(printed, in_prose, brief)),
        sections=_sections(audience, draft, diff, bool(shown.section(Section.DESIGNS))),
        show_cells=bool(cells),
        procurement=procurement_view(case, findings, shown.statements),
        brief=brief,
        paper=paper,
        short_hash=input_hash[:SHORT_HASH],
        previous_period=diff.old_period if diff else "",
        change_rows=change_rows(diff, by_id),
        changes=tuple(p for p in shown.section(Section.CHANGES) if p.id not in tabled),
        designs=shown.section(Section.DESIGNS),
        decisions=decision_groups(shown.statements, audience),
    )
