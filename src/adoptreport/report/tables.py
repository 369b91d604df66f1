"""The report's tables as CSV and XLSX, with the numbers rounded as the PDF prints them.

Spreadsheets execute a cell that starts with =, +, - or @ (and some tools also a tab or a
carriage return), and some read a full-width ＝ or a small ﹦ as =, or skip a zero-width
space or byte-order mark in front of one; every such text cell gets a leading apostrophe so
it stays text.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from adoptreport.analysis.cost import ToolCost
from adoptreport.analysis.findings import Findings
from adoptreport.analysis.stats import Interval
from adoptreport.models.folder import Case
from adoptreport.report.files import write_all
from adoptreport.statements.formatting import money_each_number, money_number, percent_number
from adoptreport.text import visible_controls

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Invisible characters a spreadsheet may skip before a formula: zero-width spaces and joiners,
# directional marks, word joiners, the byte-order mark (zero-width no-break space), soft hyphen.
INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"


def _formula_like(value: str) -> bool:
    """Starts, after any invisible characters, with a formula character or a width variant of
    one (full-width ＝＋－＠, small ﹦﹢﹣﹫: NFKC folds each into its ASCII form)."""
    first = value.lstrip(INVISIBLE)[:1]
    return unicodedata.normalize("NFKC", first).startswith(FORMULA_STARTS)


def neutralise(value: object) -> object:
    """Text that a spreadsheet would run as a formula, made inert, and its control characters
    written out (a workbook cannot hold them); other values unchanged."""
    if not isinstance(value, str):
        return value
    value = visible_controls(value)
    return "'" + value if _formula_like(value) else value


def _freed(hours: Interval | None, fte: Interval | None) -> dict[str, float | None]:
    """Hours and FTE freed as the PDF rounds them; None (a blank cell) when not measured."""
    return {
        "hours_freed_per_week": round(hours.point) if hours else None,
        "hours_freed_low": round(hours.low) if hours else None,
        "hours_freed_high": round(hours.high) if hours else None,
        "fte_freed": round(fte.point, 1) if fte else None,
        "fte_freed_low": round(fte.low, 1) if fte else None,
        "fte_freed_high": round(fte.high, 1) if fte else None,
    }


def tables(case: Case, findings: Findings) -> dict[str, pd.DataFrame]:
    """Table name → the table, as the PDF shows it (hours whole, FTE to 0.1, percentages)."""
    names = case.vendors.tool_names()
    labels = {k.id: k.label for k in case.case.kinds_of_work}
    roles = {t.team: t.role for t in case.workforce}
    teams = pd.DataFrame(
        [
            {
                "team": t.team,
                "role": roles.get(t.team, ""),
                "engineers": t.headcount,
                **_freed(t.freed_hours, t.freed_fte),
                "hours_in_unknown_kinds": round(t.unknown_hours),
            }
            for t in (*findings.workforce.teams, findings.workforce.total)
        ]
    )
    assumptions = pd.DataFrame(
        [
            {
                "id": c.assumption.id,
                "statement": c.assumption.statement,
                "teams": ", ".join(c.assumption.teams or ["all"]),
                "kinds_of_work": ", ".join(c.assumption.kinds_of_work or ["all"]),
                "unit": "percent of hours" if c.unit.value == "share of hours" else "FTE",
                "claimed": _shown(c.claimed, c.unit.value),
                "supported": _shown(c.supported.point, c.unit.value) if c.supported else None,
                "supported_low": _shown(c.supported.low, c.unit.value) if c.supported else None,
                "supported_high": _shown(c.supported.high, c.unit.value) if c.supported else None,
                "verdict": c.verdict.value,
                "source": c.assumption.source,
            }
            for c in findings.assumptions
        ]
    )
    cells = pd.DataFrame(
        [
            {
                "tool": names[c.tool],
                "kind_of_work": labels[c.kind],
                "attempts": c.attempts,
                "accepted_percent": percent_number(c.acceptance.point),
                "accepted_low": percent_number(c.acceptance.low),
                "accepted_high": percent_number(c.acceptance.high),
                "time_saved_percent": percent_number(c.saved_fraction.point)
                if c.saved_fraction
                else None,
                "time_saved_low": percent_number(c.saved_fraction.low)
                if c.saved_fraction
                else None,
                "time_saved_high": percent_number(c.saved_fraction.high)
                if c.saved_fraction
                else None,
                "verdict": c.decision.verdict.value,
            }
            for c in findings.cells
        ]
    )
    costs = pd.DataFrame([_cost_row(names[c.tool], c, case.case.currency) for c in findings.costs])
    return {"teams": teams, "assumptions": assumptions, "verdicts": cells, "costs": costs}


def _ends(
    name: str, interval: Interval | None, rounded: Callable[[float], float]
) -> dict[str, object]:
    """`name`, `name_low`, `name_high` as printed; blank (not measured) when unknown."""
    if interval is None:
        return {name: None, f"{name}_low": None, f"{name}_high": None}
    return {
        name: rounded(interval.point),
        f"{name}_low": rounded(interval.low),
        f"{name}_high": rounded(interval.high),
    }


def _cost_row(tool: str, cost: ToolCost, currency: str) -> dict[str, object]:
    change = cost.per_change
    return {
        "tool": tool,
        "currency": currency,
        "seats_per_year": None
        if cost.annual_seat_cost is None
        else money_number(cost.annual_seat_cost),
        **_ends("tokens_per_year", cost.annual_token_cost, money_number),
        **_ends("value_of_hours_per_year", cost.annual_value, money_number),
        **_ends("net_value_per_year", cost.net_value, money_number),
        "net_value_includes_tokens": cost.annual_token_cost is not None,
        **_ends(
            "engineer_hours_per_merged_change", change.engineer_hours if change else None, _tenth
        ),
        **_ends(
            "engineer_cost_per_merged_change",
            change.engineer_cost if change else None,
            money_each_number,
        ),
        **_ends("tokens_per_merged_change", change.tokens if change else None, money_each_number),
        "break_even_acceptance_percent": None
        if cost.break_even_acceptance is None
        else percent_number(cost.break_even_acceptance),
    }


def _tenth(value: float) -> float:
    return round(value, 1)


def _shown(value: float, unit: str) -> float:
    return percent_number(value) if unit == "share of hours" else round(value, 1)


def table_files(folder: Path, named: dict[str, pd.DataFrame]) -> list[tuple[Path, bytes]]:
    """One CSV per table and one workbook with a sheet per table: the paths and their bytes."""
    safe = {name: frame.map(neutralise) for name, frame in named.items()}
    files = [
        (folder / f"{name}.csv", frame.to_csv(index=False).encode("utf-8"))
        for name, frame in safe.items()
    ]
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as workbook:
        for name, frame in safe.items():
            frame.to_excel(workbook, sheet_name=name, index=False)
    return [*files, (folder / "tables.xlsx", buffer.getvalue())]


def write_tables(folder: Path, named: dict[str, pd.DataFrame]) -> list[Path]:
    """The tables as CSV files and one workbook, all written or none."""
    return write_all(table_files(folder, named))
