"""The evidence ledger: every printed statement with its numbers and the records behind them."""

from __future__ import annotations

from dataclasses import dataclass

from adoptreport.analysis.evidence import Evidence, RecordRef, RowRanges
from adoptreport.statements import Statement

MAX_RANGES_SHOWN = 4
PLOTTED_NOTE = "plotted"


@dataclass(frozen=True)
class LedgerRow:
    id: str
    numbers: tuple[str, ...]
    evidence: tuple[str, ...]
    note: str = ""  # where a statement shows when not as a sentence (PLOTTED_NOTE)
    values: tuple[tuple[str, str], ...] = ()  # each number's name and printed text, apart


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


def ledger_rows(printed: tuple[Statement, ...], plotted: set[str]) -> tuple[LedgerRow, ...]:
    """One row per printed statement; `plotted` ones are marked as shown in a chart."""
    return tuple(
        LedgerRow(
            s.id,
            tuple(f"{n.name} = {n.text}" for n in s.numbers),
            tuple(describe(e) for e in s.evidence),
            PLOTTED_NOTE if s.id in plotted else "",
            tuple((n.name, n.text) for n in s.numbers),
        )
        for s in printed
    )
