"""Findings, statements and charts → the frozen tree of strings a template reads."""

from __future__ import annotations

from dataclasses import dataclass

from adoptreport import __version__
from adoptreport.analysis import Findings
from adoptreport.analysis.evidence import Evidence, RecordRef, RowRanges
from adoptreport.charts import VERDICT_COLOURS, Chart
from adoptreport.claims import ClaimsReview
from adoptreport.models import Audience
from adoptreport.models.folder import Case
from adoptreport.procurement_view import Paragraph, ProcurementView, procurement_view
from adoptreport.statements import Section, Statement

MAX_RANGES_SHOWN = 4

# Which sections each audience gets, in order: the one place that decides it. Within a
# section, a statement shows only to the audiences it names (the per-cell table, for
# instance, is detail the board's verdict map already carries).
# fmt: off
SECTIONS: dict[Audience, tuple[str, ...]] = {
    Audience.BOARD: ("cover", "summary", "benchmark", "verdicts", "review", "workforce",
                     "assumptions", "claims", "methodology", "ledger"),
    Audience.PROCUREMENT: ("vendors_cover", "vendors", "vendor_pages", "summary", "benchmark",
                           "verdicts", "review", "cost", "methodology", "ledger"),
    Audience.FINANCE: ("cover", "summary", "workforce", "assumptions", "cost", "verdicts",
                       "methodology", "ledger"),
    Audience.FULL: ("cover", "summary", "benchmark", "verdicts", "review", "workforce",
                    "assumptions", "cost", "claims", "methodology", "ledger"),
}
# fmt: on
# Statements live in sections; the summary also quotes the headline benchmark statements.
SECTION_OF = {
    Section.SUMMARY: "summary",
    Section.BENCHMARK: "benchmark",
    Section.VERDICTS: "verdicts",
    Section.REVIEW: "review",
    Section.WORKFORCE: "workforce",
    Section.ASSUMPTIONS: "assumptions",
    Section.COST: "cost",
    Section.METHODOLOGY: "methodology",
    Section.VENDORS: "vendors",
}
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


@dataclass(frozen=True)
class Value:
    main: str  # the point estimate
    detail: str  # the interval, or ""


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
    line: str
    sentence: str  # quoted from the draft, as written
    verdict: str
    verdict_class: str
    reason: str
    replacement: str  # "" when the sentence stands


@dataclass(frozen=True)
class LedgerRow:
    id: str
    numbers: tuple[str, ...]
    evidence: tuple[str, ...]


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
    verdict_legend: tuple[tuple[str, str], ...]
    procurement: ProcurementView


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
                    _value(statement, "freed_hours_per_week"),
                    _value(statement, "freed_fte"),
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
            str(r.line),
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
                _value(main, "annual_seat_cost"),
                _value(part["tokens"], "annual_token_cost"),
                _value(main, "annual_value_of_hours"),
                _value(main, "net_value")
                if any(n.name == "net_value" for n in main.numbers)
                else _value(main, "net_value_before_tokens"),
                _value(part["per_change"], "engineer_hours_per_merged_change"),
                _value(part["per_change"], "engineer_cost_per_merged_change"),
                _value(part["tokens_per_change"], "token_cost_per_merged_change"),
                _value(part["break_even"], "break_even_acceptance"),
                _value(part["break_even"], "acceptance"),
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
        _paragraph(s)
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
                _value(statement, "low_fte"),
                _value(statement, "base_fte"),
                _value(statement, "high_fte"),
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


def _paragraph(s: Statement) -> Paragraph:
    return Paragraph(s.id, s.text, s.kind.value)


def _value(statement: Statement | None, name: str) -> Value:
    """A number of a statement as main text and interval; a missing one is not measured."""
    numbers = statement.numbers if statement is not None else ()
    number = next((n for n in numbers if n.name == name), None)
    if number is None:
        return Value("not measured", "")
    main, _, detail = number.text.partition(" (")
    return Value(main, f"({detail}" if detail else "")


def verdict_evidence(text: str, label: str, verdict: str) -> str:
    """A verdict sentence without its 'Kind: verdict.' lead, which the table shows in columns."""
    lead = f"{label}: {verdict}. "
    return text[len(lead) :] if text.lower().startswith(lead.lower()) else text


def _verdict_class(verdict: str) -> str:
    return "verdict-" + verdict.replace(" ", "-")


def build_view(
    case: Case,
    findings: Findings,
    statements: tuple[Statement, ...],
    charts: tuple[Chart, ...],
    audience: Audience,
    draft: ClaimsReview | None = None,
) -> ReportView:
    statements = tuple(s for s in statements if audience in s.audiences)
    by_id = {s.id: s for s in statements}
    names = {t.id: t.name for v in case.vendors.vendors for t in v.tools}
    labels = {k.id: k.label for k in case.case.kinds_of_work}
    headline_gap = findings.headline
    headline: list[Paragraph] = []
    if headline_gap is not None:
        claim_id = headline_gap.claim.id
        ids = [f"benchmark.{claim_id}.{part}" for part in ("claim", "scope", "mix")]
        ids.append(f"benchmark.scope.{headline_gap.claim.scope}.meaning")
        headline = [_paragraph(by_id[i]) for i in ids if i in by_id]
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
            tuple(
                _paragraph(by_id[f"benchmark.{g.claim.id}.{p}"])
                for p in ("claim", "scope", "mix")
                if f"benchmark.{g.claim.id}.{p}" in by_id
            ),
        )
        for g in findings.benchmark_gaps
    )
    cells = tuple(
        CellRow(
            names[c.tool],
            labels[c.kind],
            f"{c.attempts:,}",
            _value(by_id[f"cell.{c.tool}.{c.kind}"], "acceptance"),
            _value(by_id[f"cell.{c.tool}.{c.kind}"], "clean_acceptance"),
            _value(by_id[f"cell.{c.tool}.{c.kind}"], "saved_fraction"),
            c.decision.verdict.value,
            _verdict_class(c.decision.verdict.value),
        )
        for c in findings.cells
        if f"cell.{c.tool}.{c.kind}" in by_id
    )

    cost_rows = _cost_rows(findings, names, by_id)

    def in_section(section: Section) -> tuple[Paragraph, ...]:
        return tuple(_paragraph(s) for s in statements if s.section is section)

    shown = set(SECTIONS[audience])
    quoted = {p.id for p in headline}
    printed = tuple(s for s in statements if SECTION_OF[s.section] in shown or s.id in quoted)

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
            p for p in in_section(Section.BENCHMARK) if p.id.startswith("benchmark.scope.")
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
            )
            for s in printed
        ),
        sections=tuple(x for x in SECTIONS[audience] if x != "claims" or draft is not None),
        show_cells=bool(cells),
        verdict_legend=tuple((v, _verdict_class(v)) for v in VERDICT_COLOURS),
        procurement=procurement_view(case, findings, statements),
    )
