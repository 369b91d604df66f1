"""The procurement part of the view: vendor matrix, gate and fit tables, one page per vendor.

Every cell is cut from a statement's own printed numbers, so the ledger traces it.
"""

from __future__ import annotations

from dataclasses import dataclass

from adoptreport.analysis.findings import Findings
from adoptreport.analysis.procurement import VendorFindings
from adoptreport.analysis.procurement.gates import GateStatus
from adoptreport.models.folder import Case
from adoptreport.models.requirements import requirement_label
from adoptreport.report.cells import Paragraph, TableCell, figure, number_cell, paragraph
from adoptreport.statements import Statement
from adoptreport.statements.formatting import NOT_MEASURED
from adoptreport.statements.model import Number
from adoptreport.statements.procurement import kind_words, offer_text, required_text

GATE_CLASSES = {
    GateStatus.PASS: "verdict-automate-with-review",
    GateStatus.UNVERIFIED: "verdict-insufficient-evidence",
    GateStatus.FAIL: "verdict-do-not-automate",
}
GATE_WORDS = {
    GateStatus.PASS: "met",
    GateStatus.FAIL: "not met",
    GateStatus.UNVERIFIED: "unverified",
}
STATUS_WORDS = {
    GateStatus.PASS: "passes",
    GateStatus.FAIL: "excluded",
    GateStatus.UNVERIFIED: "unverified",
}


@dataclass(frozen=True)
class MatrixRow:
    vendor: str
    status: TableCell
    fit: TableCell
    acceptance: TableCell
    saved: TableCell
    claim: TableCell
    cost: TableCell
    context: TableCell
    hallucinations: TableCell


@dataclass(frozen=True)
class GridRow:
    label: str
    detail: str
    cells: tuple[TableCell, ...]  # one per vendor


@dataclass(frozen=True)
class VendorPage:
    name: str
    status: TableCell
    lead: tuple[Paragraph, ...]  # exclusion or unverified, fit, tool choice
    gates: tuple[Paragraph, ...]
    claims: tuple[Paragraph, ...]  # benchmark and hallucination claims, with source grades
    hallucinations: tuple[GridRow, ...]  # per tool and kind
    context: tuple[Paragraph, ...]
    cost: tuple[Paragraph, ...]


@dataclass(frozen=True)
class ProcurementView:
    vendors: tuple[str, ...]
    headline: tuple[Paragraph, ...]
    matrix: tuple[MatrixRow, ...]
    gates: tuple[GridRow, ...]  # must-requirements × vendors
    fit: tuple[GridRow, ...]  # should-requirements and measured items × vendors
    fit_notes: tuple[Paragraph, ...]
    stability: tuple[Paragraph, ...]
    context: tuple[GridRow, ...]  # codebases × vendors
    claims: tuple[Paragraph, ...]
    method: tuple[Paragraph, ...]
    pages: tuple[VendorPage, ...]


class _Statements:
    def __init__(self, statements: tuple[Statement, ...]) -> None:
        self.by_id = {s.id: s for s in statements}

    def get(self, id: str) -> Statement | None:
        return self.by_id.get(id)

    def paragraphs(self, *ids: str) -> tuple[Paragraph, ...]:
        return tuple(paragraph(self.by_id[i]) for i in ids if i in self.by_id)

    def starting(self, prefix: str) -> tuple[Paragraph, ...]:
        return tuple(paragraph(s) for i, s in self.by_id.items() if i.startswith(prefix))


def _status(vendor: VendorFindings) -> TableCell:
    return TableCell(STATUS_WORDS[vendor.status], "", GATE_CLASSES[vendor.status])


def _matrix_row(vendor: VendorFindings, s: _Statements, findings: Findings) -> MatrixRow:
    fit = s.get(f"vendor.{vendor.vendor}.fit")
    tool = vendor.fit.tool.tool if vendor.fit.tool else None
    if vendor.rank is not None:
        fit_cell = TableCell(
            figure(fit, "fit_score"),
            f"rank {figure(fit, 'rank')} of {figure(fit, 'vendors_ranked')}",
        )
    else:
        fit_cell = TableCell("not ranked", "excluded" if vendor.excluded else NOT_MEASURED)
    claim = vendor.top_claim
    claim_cell = TableCell(NOT_MEASURED)
    if claim is not None:
        score = figure(s.get(f"benchmark.{claim.id}.claim"), "claimed_score")
        claim_cell = TableCell(score, f"{claim.benchmark}, {claim.source_grade.value} source")
    cost = s.get(f"cost.{tool}") if tool else None
    context = s.get(f"vendor.{vendor.vendor}.context")
    context_cell = (
        TableCell(
            f"{figure(context, 'codebases_fitting_whole')} of {figure(context, 'codebases')} whole",
            f"window {figure(context, 'context_window')}",
        )
        if context is not None and context.number("context_window") is not None
        else TableCell(NOT_MEASURED)
    )
    names = {t.tool: t.name for t in findings.tools}
    tool_note = f"with {names.get(tool, tool)}" if tool else ""
    acceptance = number_cell(fit, "mix_acceptance")
    saved = number_cell(fit, "mix_saved_fraction")
    hallucination = (
        number_cell(s.get(f"hallucinations.{tool}"), "hallucinations_per_attempt")
        if tool
        else TableCell(NOT_MEASURED)
    )
    return MatrixRow(
        vendor.name,
        _status(vendor),
        fit_cell,
        TableCell(acceptance.main, " ".join(x for x in (acceptance.detail, tool_note) if x)),
        saved,
        claim_cell,
        _total_cell(s.get(f"decision.total.{tool}") if tool else None, cost),
        context_cell,
        hallucination,
    )


def _total_cell(total: Statement | None, cost: Statement | None) -> TableCell:
    """Seats and tokens a year; seats alone, marked so, when the token cost is not measured."""
    if total is not None:
        return number_cell(total, "total_yearly_cost")
    if cost is not None and cost.number("annual_seat_cost") is not None:
        return TableCell(figure(cost, "annual_seat_cost"), "seats only; tokens not measured")
    return TableCell(NOT_MEASURED)


def _shown(value: Number | str) -> str:
    return value.text if isinstance(value, Number) else value


def _gate_rows(case: Case, vendors: tuple[VendorFindings, ...]) -> tuple[GridRow, ...]:
    currency = case.case.currency
    rows = []
    for requirement in case.requirements.must:
        cells = []
        for vendor in vendors:
            check = next(c for c in vendor.gates if c.requirement.id == requirement.id)
            offered = offer_text("offered", requirement.attribute, check.offered, currency)
            cells.append(
                TableCell(GATE_WORDS[check.status], _shown(offered), GATE_CLASSES[check.status])
            )
        required = "required: " + _shown(required_text(requirement, currency))
        rows.append(GridRow(requirement_label(requirement), required, tuple(cells)))
    return tuple(rows)


def _fit_rows(
    case: Case, vendors: tuple[VendorFindings, ...], s: _Statements
) -> tuple[GridRow, ...]:
    rows = []
    for requirement in case.requirements.should:
        weight = figure(s.get(f"procurement.weight.{requirement.id}"), "weight")
        cells = []
        for vendor in vendors:
            item = next(i for i in vendor.fit.items if i.id == requirement.id)
            status = item.status or GateStatus.UNVERIFIED
            cells.append(TableCell(GATE_WORDS[status], "", GATE_CLASSES[status]))
        rows.append(GridRow(requirement_label(requirement), f"weight {weight}", tuple(cells)))
    measured = (
        ("Measured acceptance", "mix_acceptance"),
        ("Measured net time saved", "mix_saved_fraction"),
    )
    for label, name in measured:
        values = tuple(number_cell(s.get(f"vendor.{v.vendor}.fit"), name) for v in vendors)
        rows.append(GridRow(label, "across our work mix", values))
    rows.append(
        GridRow(
            "Weighted fit",
            "0 to 1",
            tuple(
                number_cell(s.get(f"vendor.{v.vendor}.fit"), "fit_score")
                if v.rank
                else TableCell("not ranked")
                for v in vendors
            ),
        )
    )
    return tuple(rows)


def _context_rows(
    findings: Findings, vendors: tuple[VendorFindings, ...], s: _Statements
) -> tuple[GridRow, ...]:
    rows = []
    for codebase in findings.procurement.codebases:
        cells = []
        size = ""
        for vendor in vendors:
            statement = s.get(f"vendor.{vendor.vendor}.context.{codebase.name}")
            fit = next(f for f in vendor.context if f.codebase.name == codebase.name)
            size_cell = number_cell(statement, "codebase_tokens")
            size = f"{size_cell.main} {size_cell.detail}".strip()
            if fit.fit.value == "partly":
                cells.append(
                    TableCell(
                        f"holds {figure(statement, 'share_of_codebase_in_window')}",
                        "",
                        "verdict-assist",
                    )
                )
            elif fit.fit.value == "fits":
                cells.append(TableCell("fits whole", "", "verdict-automate-with-review"))
            elif fit.fit.value == "may fit":
                cells.append(TableCell("may fit", "", "verdict-insufficient-evidence"))
            else:
                cells.append(TableCell(NOT_MEASURED, "", "verdict-insufficient-evidence"))
        rows.append(GridRow(codebase.name, size, tuple(cells)))
    return tuple(rows)


def _page(vendor: VendorFindings, case: Case, findings: Findings, s: _Statements) -> VendorPage:
    key = f"vendor.{vendor.vendor}"
    names = case.vendors.tool_names()
    tools = [t.id for v in case.vendors.vendors if v.id == vendor.vendor for t in v.tools]
    claims = [c.id for c in case.benchmarks.claims if c.vendor == vendor.vendor]
    hallucinations = []
    for tool in vendor.hallucinations:
        for rate in tool.by_kind:
            statement = s.get(f"{key}.hallucinations.{tool.tool}.{rate.kind}")
            if statement is not None:
                kind = kind_words(rate.kind)
                hallucinations.append(
                    GridRow(
                        names[tool.tool],
                        kind,
                        (
                            number_cell(statement, "hallucinations_per_attempt"),
                            TableCell(figure(statement, "incidents")),
                            TableCell(figure(statement, "attempts_with_count")),
                        ),
                    )
                )
    return VendorPage(
        vendor.name,
        _status(vendor),
        s.paragraphs(f"{key}.status", f"{key}.fit", f"{key}.tool_choice", f"{key}.first_share"),
        s.starting(f"{key}.gate."),
        s.paragraphs(
            *(f"benchmark.{c}.claim" for c in claims),
            *(f"{key}.claim.{i}" for i in range(len(vendor.claims))),
        ),
        tuple(hallucinations),
        s.paragraphs(f"{key}.context") + s.starting(f"{key}.context."),
        s.paragraphs(*(f"cost.{t}" for t in tools)),
    )


def procurement_view(
    case: Case, findings: Findings, statements: tuple[Statement, ...]
) -> ProcurementView:
    s = _Statements(statements)
    vendors = findings.procurement.vendors
    return ProcurementView(
        vendors=tuple(v.name for v in vendors),
        headline=s.paragraphs(
            "procurement.headline",
            *(f"vendor.{v.vendor}.status" for v in vendors),
            "procurement.stability",
        ),
        matrix=tuple(_matrix_row(v, s, findings) for v in vendors),
        gates=_gate_rows(case, vendors),
        fit=_fit_rows(case, vendors, s),
        fit_notes=s.paragraphs(
            *(f"vendor.{v.vendor}.fit" for v in vendors),
            *(f"vendor.{v.vendor}.tool_choice" for v in vendors),
        ),
        stability=s.paragraphs(
            "procurement.stability", *(f"vendor.{v.vendor}.first_share" for v in vendors)
        ),
        context=_context_rows(findings, vendors, s),
        claims=s.paragraphs(
            *(
                f"vendor.{v.vendor}.claim.{i}{part}"
                for v in vendors
                for i in range(len(v.claims))
                for part in ("", ".crude")
            )
        ),
        method=s.paragraphs("method.fit", "method.tokens"),
        pages=tuple(_page(v, case, findings, s) for v in vendors),
    )
