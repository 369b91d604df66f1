"""What a draft sentence is checked against: every number the case knows, and where it came from."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from adoptreport.analysis.findings import Findings, KindVerdict, ToolSummary
from adoptreport.analysis.mix import BenchmarkGap
from adoptreport.analysis.pilot import Cell
from adoptreport.analysis.stats import Interval
from adoptreport.claims.lexicon import Lexicon
from adoptreport.claims.parse import Quantity, QuantityKind
from adoptreport.models.folder import Case
from adoptreport.models.vendors import HallucinationClaimKind
from adoptreport.statements import Statement, Unit

# An interval this wide (in proportion points) does not support a point stated as fact.
WIDE_INTERVAL = 0.30


class Source(StrEnum):
    STATEMENT = "statement"  # measured evidence, as the report states it
    VENDOR_CLAIM = "vendor claim"  # published by a vendor: recorded, not evidence
    ASSUMPTION = "assumption"  # a plan's assumption, still to be tested
    CASE_RECORD = "case record"  # a fact the case states (headcount, prices)


@dataclass(frozen=True)
class Known:
    """A number the case knows, in the unit family a sentence would write it in."""

    family: QuantityKind
    value: float
    source: Source
    where: str  # a statement id, or file and record
    about: frozenset[str] = frozenset()  # the tool and kind ids it is about; empty: the case
    interval: Interval | None = None  # set when `value` is the point of an interval
    end: bool = False  # an interval's end rather than a point

    @property
    def weak(self) -> bool:
        """A point that does not stand alone: its interval includes zero or is wide."""
        i = self.interval
        if i is None:
            return False
        # Shares are wide in points; rates and minutes relative to their size.
        width = (
            i.high - i.low
            if self.family is QuantityKind.SHARE
            else (i.high - i.low) / abs(i.point or 1)
        )
        return not i.excludes_zero or width > WIDE_INTERVAL * (
            1 if self.family is QuantityKind.SHARE else 2
        )


_FAMILY = {
    Unit.MINUTES: QuantityKind.MINUTES,
    Unit.PER_ATTEMPT: QuantityKind.NUMBER,
    Unit.COUNT: QuantityKind.NUMBER,
}


@dataclass(frozen=True)
class Evidence:
    """The case's statements and findings, indexed for the rules."""

    case: Case
    lexicon: Lexicon
    statements: dict[str, Statement]
    known: tuple[Known, ...]
    cells: tuple[Cell, ...]
    kinds: tuple[KindVerdict, ...]
    tools: tuple[ToolSummary, ...]
    gaps: tuple[BenchmarkGap, ...]
    headline_gap: BenchmarkGap | None  # the claim the report leads with (analysis decides)
    # Each ranked vendor's scoring tool: (tool, its fit statement, acceptance across our mix).
    work_mix: tuple[tuple[str, str, Interval], ...] = ()

    @classmethod
    def of(cls, case: Case, findings: Findings, statements: tuple[Statement, ...]) -> Evidence:
        return cls(
            case=case,
            lexicon=Lexicon.of(case),
            statements={s.id: s for s in statements},
            known=tuple(_from_statements(statements, case)) + tuple(_from_records(case)),
            cells=findings.cells,
            kinds=findings.kinds,
            tools=findings.tools,
            gaps=findings.benchmark_gaps,
            headline_gap=findings.headline,
            work_mix=tuple(
                (v.fit.tool.tool, f"vendor.{v.vendor}.fit", v.fit.tool.acceptance.acceptance)
                for v in findings.procurement.vendors
                if v.fit.tool is not None
            ),
        )

    def grounds(self, quantity: Quantity, topics: tuple[str, ...] = ()) -> tuple[Known, ...]:
        """Known numbers the quantity could be a rounding (or hedge) of.

        With topics (tool and kind ids the sentence names), a number about another tool or
        kind does not count: "60%" about Apex Coder 4 does not ground "60%" about Apex Coder 5.
        """
        families = (
            {QuantityKind.NUMBER, QuantityKind.MINUTES}
            if quantity.kind is QuantityKind.NUMBER
            else {quantity.kind}
        )
        eps = 1e-9
        return tuple(
            k
            for k in self.known
            if k.family in families
            and quantity.low - eps <= abs(k.value) <= quantity.high + eps
            and self._about(k, topics)
        )

    def _about(self, known: Known, topics: tuple[str, ...]) -> bool:
        """Whether a known number is about what the sentence names (or about the whole case)."""
        if known.where.startswith("method."):
            return not topics  # policy thresholds say nothing about a named tool or kind
        teams = [t.team for t in self.case.workforce]
        if set(teams) & set(topics) and not known.about & set(topics) and known.about:
            return False  # the pilot's numbers are per tool and kind, never per team
        for ids in (self.case.vendors.tool_ids(), self.case.case.kind_ids()):
            named, about = set(ids) & set(topics), set(ids) & known.about
            if named and about and not named & about:
                return False
        return True

    def headline(self) -> BenchmarkGap | None:
        return self.headline_gap

    def cells_for(self, tools: tuple[str, ...], kinds: tuple[str, ...]) -> tuple[Cell, ...]:
        return tuple(
            c
            for c in self.cells
            if (not tools or c.tool in tools) and (not kinds or c.kind in kinds)
        )

    def tool_summary(self, tool: str) -> ToolSummary | None:
        return next((t for t in self.tools if t.tool == tool), None)

    def has(self, statement_id: str) -> bool:
        return statement_id in self.statements


def _from_statements(statements: tuple[Statement, ...], case: Case) -> Iterator[Known]:
    for statement in statements:
        about = _about(statement.id, case)
        for number in statement.numbers:
            if number.name in ("claimed_reduction", "claimed_fte"):
                continue  # a plan assumption quoted to test it, not evidence (see _from_records)
            family = _FAMILY.get(number.unit, QuantityKind.SHARE)
            yield Known(
                family, number.value, Source.STATEMENT, statement.id, about, number.interval
            )
            if number.interval is not None:
                for end in (number.interval.low, number.interval.high):
                    yield Known(family, end, Source.STATEMENT, statement.id, about, end=True)


def _about(statement_id: str, case: Case) -> frozenset[str]:
    """Tool and kind ids a statement is about, from its id (benchmark ids name the claim)."""
    parts = set(statement_id.split("."))
    for claim in case.benchmarks.claims:
        if claim.id in parts:
            parts |= {claim.tool} | ({claim.scope} if not statement_id.endswith(".mix") else set())
    return frozenset(parts & {*case.vendors.tool_ids(), *case.case.kind_ids()})


def _from_records(case: Case) -> Iterator[Known]:
    share, number, money = QuantityKind.SHARE, QuantityKind.NUMBER, QuantityKind.MONEY
    for claim in case.benchmarks.claims:
        where, about = f"benchmarks.yaml {claim.id}", frozenset({claim.tool, claim.scope})
        yield Known(share, claim.score, Source.VENDOR_CLAIM, where, about)
        if claim.tasks is not None:
            yield Known(number, claim.tasks, Source.VENDOR_CLAIM, where, about)
    for vendor in case.vendors.vendors:
        where = f"vendors.yaml {vendor.id}"
        for said in vendor.hallucination_claims:
            relative = said.kind is HallucinationClaimKind.RELATIVE_REDUCTION
            family, tool = share if relative else number, frozenset({said.tool})
            yield Known(family, said.value, Source.VENDOR_CLAIM, where, tool)
        for price in (vendor.pricing.seat_per_month, vendor.context_window_tokens):
            if price is not None:
                yield Known(money, price, Source.CASE_RECORD, where)
                yield Known(number, price, Source.CASE_RECORD, where)
    for assumption in case.assumptions.assumptions:
        where = f"assumptions.yaml {assumption.id}"
        about = frozenset((*(assumption.teams or ()), *(assumption.kinds_of_work or ())))
        if assumption.claimed_reduction_fraction is not None:
            claimed = assumption.claimed_reduction_fraction
            yield Known(share, claimed, Source.ASSUMPTION, where, about)
        if assumption.claimed_fte is not None:
            yield Known(number, assumption.claimed_fte, Source.ASSUMPTION, where, about)
    for team in case.workforce:
        yield Known(number, team.headcount, Source.CASE_RECORD, f"workforce.csv {team.team}")
        if team.loaded_hourly_cost is not None:
            yield Known(money, team.loaded_hourly_cost, Source.CASE_RECORD, "workforce.csv")
    headcount = sum(t.headcount for t in case.workforce)
    yield Known(number, headcount, Source.CASE_RECORD, "workforce.csv (all teams)")
    yield Known(number, len(case.pilot), Source.CASE_RECORD, case.files.get("pilot", "pilot"))
