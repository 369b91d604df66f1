"""Findings, statements and charts → the frozen tree of strings a template reads."""

from __future__ import annotations

from dataclasses import dataclass

from adoptreport import __version__
from adoptreport.analysis.diff import PeriodDiff
from adoptreport.analysis.evidence import Evidence, RecordRef, RowRanges
from adoptreport.analysis.findings import Findings
from adoptreport.claims import ClaimsReview
from adoptreport.models import Audience
from adoptreport.models.folder import Case
from adoptreport.report.charts import Chart
from adoptreport.report.vendor_view import (
    Cell,
    Paragraph,
    ProcurementView,
    paragraph,
    procurement_view,
    split_number,
)
from adoptreport.statements import Section, Statement
from adoptreport.statements.changes import DETECTED, NOT_IN_CASE

MAX_RANGES_SHOWN = 4

# Which sections each audience gets, in order: the one place that decides it. Within a
# section, a statement shows only to the audiences it names (the per-cell table, for
# instance, is detail the board's verdict map already carries).
# fmt: off
SECTIONS: dict[Audience, tuple[str, ...]] = {
    Audience.BOARD: ("cover", "summary", "changes", "benchmark", "verdicts", "review",
                     "workforce", "assumptions", "methodology", "ledger"),
    Audience.PROCUREMENT: ("vendors_cover", "vendors", "vendor_pages", "summary", "changes",
                           "benchmark", "verdicts", "review", "cost", "methodology", "ledger"),
    Audience.FINANCE: ("cover", "summary", "changes", "workforce", "assumptions", "cost",
                       "verdicts", "methodology", "ledger"),
    Audience.FULL: ("cover", "summary", "changes", "benchmark", "verdicts", "review", "vendors",
                    "vendor_pages", "workforce", "assumptions", "cost", "claims", "methodology",
                    "ledger"),
}
# fmt: on
# Audiences that get the short form: each benchmark claim in the chart rather than in prose,
# the methodology's essentials, and the ledger as a compact two-column list. The claims review
# (a draft deck on trial) is for whoever writes the deck, so it stays out of the board's cut.
BRIEF: frozenset[Audience] = frozenset({Audience.BOARD})
SHORT_HASH = 12
PLOTTED_NOTE = "plotted"
ASSUMPTION_CLASSES = {
    "supported": "verdict-automate-with-review",
    "plausible": "verdict-assist",
    "not supported": "verdict-do-not-automate",
    "not testable": "verdict-insufficient-evidence",
}


@dataclass(frozen=True)
class Figure:
    id: str
    title: str
    svg: str
    alt: str


# A statement's number as a table cell prints it: point estimate, then the interval.
Value = Cell


@dataclass(frozen=True)
class VerdictRow:
    kind: str
    verdict: str
    verdict_class: str
    text: str


@dataclass(frozen=True)
class CellRow:
    tool: str
    kind: str
    attempts: str
    acceptance: Value
    clean: Value
    saved: Value
    verdict: str
    verdict_class: str


@dataclass(frozen=True)
class TeamRow:
    team: str
    engineers: str
    hours: Value
    fte: Value
    unknown: str


@dataclass(frozen=True)
class CostRow:
    """One tool's money, a year and per merged change; each cell from a statement's number."""

    tool: str
    seats: Value
    tokens: Value
    value: Value
    net: Value
    hours_per_change: Value
    engineer_cost_per_change: Value
    tokens_per_change: Value
    break_even: Value
    acceptance: Value


@dataclass(frozen=True)
class ScenarioRow:
    adoption: str
    low: Value
    base: Value
    high: Value
    current: bool  # the case's own adoption rate


@dataclass(frozen=True)
class AssumptionRow:
    id: str
    scope: str
    source: str
    verdict: str
    verdict_class: str
    text: str


@dataclass(frozen=True)
class ClaimRow:
    sentence: str  # quoted from the draft, as written
    verdict: str
    verdict_class: str
    reason: str
    replacement: str  # "" when the sentence stands


@dataclass(frozen=True)
class ChangeRow:
    kind: str
    old_acceptance: Value
    new_acceptance: Value
    acceptance_change: Value
    old_saved: Value
    new_saved: Value
    saved_change: Value
    acceptance_detected: str  # "a detectable change", "no detectable difference" or ""
    saved_detected: str
    old_verdict: str
    new_verdict: str
    verdict_changed: bool


@dataclass(frozen=True)
class LedgerRow:
    id: str
    numbers: tuple[str, ...]
    evidence: tuple[str, ...]
    note: str = ""  # where a statement shows when not as a sentence (PLOTTED_NOTE)


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


def _team_rows(case: Case, findings: Findings, by_id: dict[str, Statement]) -> tuple[TeamRow, ...]:
    rows = []
    for team in findings.workforce.teams:
        statement = by_id.get(f"workforce.team.{team.team}")
        if statement is not None:
            unknown = next(n.text for n in statement.numbers if n.name == "unknown_hours_per_week")
            rows.append(
                TeamRow(
                    team.team,
                    f"{team.headcount:g}",
                    split_number(statement, "freed_hours_per_week"),
                    split_number(statement, "freed_fte"),
                    unknown,
                )
            )
    return tuple(rows)


CLAIM_CLASSES = {
    "blocked-extrapolation": "verdict-do-not-automate",
    "blocked-contradicted": "verdict-do-not-automate",
    "warning-ungrounded": "verdict-insufficient-evidence",
    "warning-overclaim": "verdict-insufficient-evidence",
    "ok": "verdict-automate-with-review",
}


def _claim_rows(claims: ClaimsReview | None) -> tuple[ClaimRow, ...]:
    if claims is None:
        return ()
    return tuple(
        ClaimRow(
            r.sentence,
            r.verdict.value,
            CLAIM_CLASSES[r.verdict.value],
            r.reason,
            r.replacement or "",
        )
        for r in claims.reviews
    )


def _cost_rows(
    findings: Findings, names: dict[str, str], by_id: dict[str, Statement]
) -> tuple[CostRow, ...]:
    rows = []
    for cost in findings.costs:
        main = by_id.get(f"cost.{cost.tool}")
        if main is None:
            continue
        part = {
            p: by_id.get(f"cost.{cost.tool}.{p}")
            for p in ("tokens", "tokens_per_change", "per_change", "break_even")
        }
        rows.append(
            CostRow(
                names[cost.tool],
                split_number(main, "annual_seat_cost"),
                split_number(part["tokens"], "annual_token_cost"),
                split_number(main, "annual_value_of_hours"),
                split_number(main, "net_value")
                if any(n.name == "net_value" for n in main.numbers)
                else split_number(main, "net_value_before_tokens"),
                split_number(part["per_change"], "engineer_hours_per_merged_change"),
                split_number(part["per_change"], "engineer_cost_per_merged_change"),
                split_number(part["tokens_per_change"], "token_cost_per_merged_change"),
                split_number(part["break_even"], "break_even_acceptance"),
                split_number(part["break_even"], "acceptance"),
            )
        )
    return tuple(rows)


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


def _scenario_rows(findings: Findings, by_id: dict[str, Statement]) -> tuple[ScenarioRow, ...]:
    rows = []
    for scenario in findings.workforce.scenarios:
        statement = by_id.get(f"workforce.scenario.{scenario.adoption:g}")
        if statement is None:
            continue
        adoption = next(n.text for n in statement.numbers if n.name == "adoption_rate")
        rows.append(
            ScenarioRow(
                adoption,
                split_number(statement, "low_fte"),
                split_number(statement, "base_fte"),
                split_number(statement, "high_fte"),
                abs(scenario.adoption - findings.workforce.adoption_rate) < 1e-9,
            )
        )
    return tuple(rows)


def _assumption_rows(
    case: Case, findings: Findings, by_id: dict[str, Statement]
) -> tuple[AssumptionRow, ...]:
    labels = {k.id: k.label.lower() for k in case.case.kinds_of_work}
    rows = []
    for check in findings.assumptions:
        a = check.assumption
        teams = ", ".join(a.teams) if a.teams else "all teams"
        kinds = (
            ", ".join(labels[k] for k in a.kinds_of_work)
            if a.kinds_of_work
            else "all kinds of work"
        )
        text = by_id[f"assumption.{a.id}"].text.removeprefix(f"{a.id}: {check.verdict.value}. ")
        rows.append(
            AssumptionRow(
                a.id,
                f"{teams}; {kinds}",
                a.source or "",
                check.verdict.value,
                ASSUMPTION_CLASSES[check.verdict.value],
                text,
            )
        )
    return tuple(rows)


def describe(evidence: Evidence) -> str:
    """'pilot.csv rows 2–33, 40–52 and 3 more ranges (61 rows)'; 'benchmarks.yaml claims[0] (id)'."""
    if isinstance(evidence, RecordRef):
        return f"{evidence.file} {evidence.path} ({evidence.id})"
    return _describe_rows(evidence)


def _describe_rows(rows: RowRanges) -> str:
    spans = [f"{a}–{b}" if a != b else f"{a}" for a, b in rows.ranges[:MAX_RANGES_SHOWN]]
    rest = len(rows.ranges) - MAX_RANGES_SHOWN
    more = f" and {rest} more ranges" if rest > 0 else ""
    return f"{rows.file} rows {', '.join(spans)}{more} ({rows.count:,} rows)"


def verdict_evidence(text: str, label: str, verdict: str) -> str:
    """A verdict sentence without its 'Kind: verdict.' lead, which the table shows in columns."""
    lead = f"{label}: {verdict}. "
    return text[len(lead) :] if text.lower().startswith(lead.lower()) else text


def _verdict_class(verdict: str) -> str:
    return "verdict-" + verdict.replace(" ", "-")


def tabled_change_ids(diff: PeriodDiff | None) -> set[str]:
    """The change statements the changes table shows; a kind piloted in one period only is
    said in words instead."""
    kinds = diff.kinds if diff else ()
    return {f"change.kind.{k.kind}" for k in kinds if k.acceptance.difference is not None}


def diff_rows(diff: PeriodDiff | None, by_id: dict[str, Statement]) -> tuple[ChangeRow, ...]:
    if diff is None:
        return ()
    tabled = tabled_change_ids(diff)
    rows = []
    for k in diff.kinds:
        statement = by_id.get(f"change.kind.{k.kind}")
        if statement is None or statement.id not in tabled:
            continue

        def detected(detectable: bool | None) -> str:
            return "" if detectable is None else DETECTED[detectable]

        rows.append(
            ChangeRow(
                k.label,
                split_number(statement, "old_acceptance"),
                split_number(statement, "new_acceptance"),
                split_number(statement, "acceptance_change"),
                split_number(statement, "old_saved"),
                split_number(statement, "new_saved"),
                split_number(statement, "saved_change"),
                detected(k.acceptance.detectable),
                detected(k.saved_fraction.detectable),
                k.old_verdict.value if k.old_verdict else NOT_IN_CASE,
                k.new_verdict.value if k.new_verdict else NOT_IN_CASE,
                k.verdict_changed,
            )
        )
    return tuple(rows)


def headline_ids(findings: Findings) -> tuple[str, ...]:
    """The statements the summary quotes about the headline benchmark claim."""
    if findings.headline is None:
        return ()
    claim = findings.headline.claim
    parts = tuple(f"benchmark.{claim.id}.{part}" for part in ("claim", "scope", "mix"))
    return (*parts, f"benchmark.scope.{claim.scope}.meaning")


def printed_statements(
    findings: Findings, statements: tuple[Statement, ...], audience: Audience
) -> tuple[Statement, ...]:
    """The statements an audience's report prints (or plots): its evidence ledger."""
    shown = set(SECTIONS[audience])
    quoted = set(headline_ids(findings))
    return tuple(
        s
        for s in statements
        if audience in s.audiences and (s.section.value in shown or s.id in quoted)
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
    statements = tuple(s for s in statements if audience in s.audiences)
    brief = audience in BRIEF
    by_id = {s.id: s for s in statements}
    names = case.vendors.tool_names()
    labels = {k.id: k.label for k in case.case.kinds_of_work}
    headline = [paragraph(by_id[i]) for i in headline_ids(findings) if i in by_id]
    verdicts = tuple(
        VerdictRow(
            kv.label,
            kv.verdict.value,
            _verdict_class(kv.verdict.value),
            verdict_evidence(by_id[f"verdict.{kv.kind}"].text, kv.label, kv.verdict.value),
        )
        for kv in findings.kinds
    )
    claims = tuple(
        ClaimBlock(
            f"{names[g.claim.tool]} on {g.claim.benchmark}",
            tuple(paragraph(s) for s in statements if s.id.startswith(f"benchmark.{g.claim.id}.")),
        )
        for g in findings.benchmark_gaps
        if not brief
    )
    cells = tuple(
        CellRow(
            names[c.tool],
            labels[c.kind],
            f"{c.attempts:,}",
            split_number(by_id[f"cell.{c.tool}.{c.kind}"], "acceptance"),
            split_number(by_id[f"cell.{c.tool}.{c.kind}"], "clean_acceptance"),
            split_number(by_id[f"cell.{c.tool}.{c.kind}"], "saved_fraction"),
            c.decision.verdict.value,
            _verdict_class(c.decision.verdict.value),
        )
        for c in findings.cells
        if f"cell.{c.tool}.{c.kind}" in by_id
    )

    cost_rows = _cost_rows(findings, names, by_id)
    tabled = tabled_change_ids(diff)

    def in_section(section: Section) -> tuple[Paragraph, ...]:
        return tuple(paragraph(s) for s in statements if s.section is section)

    quoted = {p.id for p in headline}
    printed = printed_statements(findings, statements, audience)
    in_prose = {p.id for block in claims for p in block.paragraphs} | quoted
    plotted = {
        s.id
        for s in printed
        if brief and s.id.startswith("benchmark.") and s.id.endswith((".claim", ".scope", ".mix"))
    } - in_prose

    return ReportView(
        lang="en",
        title=case.case.title,
        organisation=case.case.organisation,
        period=case.case.period,
        report_date=case.case.report_date.strftime("%-d %B %Y"),
        created=case.case.report_date.isoformat() + "T00:00:00Z",
        audience=audience.value,
        version=__version__,
        headline=tuple(headline),
        verdicts=verdicts,
        claims=claims,
        scope_notes=tuple(
            p
            for p in in_section(Section.BENCHMARK)
            if p.id.startswith("benchmark.scope.") and not (brief and p.id in quoted)
        ),
        cells=cells,
        review=in_section(Section.REVIEW),
        workforce=tuple(
            p
            for p in in_section(Section.WORKFORCE)
            if not p.id.startswith(("workforce.team.", "workforce.scenario."))
        ),
        team_rows=_team_rows(case, findings, by_id),
        scenarios=_scenario_rows(findings, by_id),
        assumptions=_assumption_rows(case, findings, by_id),
        cost=_cost_notes(statements, bool(cost_rows)),
        cost_rows=cost_rows,
        draft_claims=_claim_rows(draft),
        draft_source=draft.source if draft else "",
        methodology=in_section(Section.METHODOLOGY),
        figures={c.id: Figure(c.id, c.title, c.svg, c.alt) for c in charts},
        ledger=tuple(
            LedgerRow(
                s.id,
                tuple(f"{n.name} = {n.text}" for n in s.numbers),
                tuple(describe(e) for e in s.evidence),
                PLOTTED_NOTE if s.id in plotted else "",
            )
            for s in printed
        ),
        sections=tuple(
            x
            for x in SECTIONS[audience]
            if (x != "claims" or draft is not None) and (x != "changes" or diff is not None)
        ),
        show_cells=bool(cells),
        procurement=procurement_view(case, findings, statements),
        brief=brief,
        paper=paper,
        short_hash=input_hash[:SHORT_HASH],
        previous_period=diff.old_period if diff else "",
        change_rows=diff_rows(diff, by_id),
        changes=tuple(p for p in in_section(Section.CHANGES) if p.id not in tabled),
    )
