"""What a draft sentence is checked against: every number the case knows, and where it came from."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cached_property

from adoptreport.analysis.assumptions import AssumptionCheck
from adoptreport.analysis.findings import Findings, KindVerdict, ToolSummary
from adoptreport.analysis.mix import BenchmarkGap
from adoptreport.analysis.pilot import Cell
from adoptreport.analysis.stats import Interval
from adoptreport.claims.lexicon import Lexicon
from adoptreport.claims.quantities import Quantity, QuantityKind, read_quantities
from adoptreport.models.folder import Case
from adoptreport.models.vendors import HallucinationClaimKind
from adoptreport.statements import Section, Statement, Unit


class Source(StrEnum):
    STATEMENT = "statement"  # measured evidence, as the report states it
    VENDOR_CLAIM = "vendor claim"  # published by a vendor: recorded, not evidence
    ASSUMPTION = "assumption"  # a plan's assumption, still to be tested
    CASE_RECORD = "case record"  # a fact the case states (headcount, prices)


@dataclass(frozen=True)
class Known:
    """A number the case knows, in the unit family a sentence would write it in."""

    family: QuantityKind
    value: float  # in the family's base unit (minutes for hours)
    source: Source
    where: str  # a statement id, or file and record
    about: frozenset[str] = frozenset()  # the tool and kind ids it is about; empty: the case
    interval: Interval | None = None  # set when `value` is the point of an interval
    end: bool = False  # an interval's end rather than a point
    shown: float | None = None  # the value in the unit it is printed in ("378" of "378 h")
    name: str = ""  # the statement number's name ("acceptance"), empty for a record
    printed: str = ""  # the number as the statement prints it, "378 h (90% CI 218–514)"
    small_sample: bool = False  # from a cell with fewer attempts than the policy's minimum

    @property
    def weak(self) -> bool:
        """A point that does not stand alone: its interval includes zero, or it comes from a
        sample below the policy's minimum. (A wide interval alone does not make a true point
        an overclaim.)"""
        i = self.interval
        return i is not None and (not i.excludes_zero or self.small_sample)


# The unit family a sentence writes each unit in, and the factor from the unit to that family's
# base (hours are kept in minutes, so "378 h" and "22,680 minutes" are one quantity).
# Shares are only the units that are fractions; a fit score of 0.58 never grounds "58%".
FAMILY: dict[Unit, tuple[QuantityKind, float]] = {
    Unit.BENCHMARK_SCORE: (QuantityKind.SHARE, 1.0),
    Unit.PROPORTION: (QuantityKind.SHARE, 1.0),
    Unit.SAVED_FRACTION: (QuantityKind.SHARE, 1.0),
    Unit.HOURS_SHARE: (QuantityKind.SHARE, 1.0),
    Unit.PERCENTAGE_POINTS: (QuantityKind.SHARE, 1.0),
    Unit.CONFIDENCE: (QuantityKind.SHARE, 1.0),
    Unit.MINUTES: (QuantityKind.MINUTES, 1.0),
    Unit.HOURS_PER_WEEK: (QuantityKind.MINUTES, 60.0),
    Unit.HOURS_PER_CHANGE: (QuantityKind.MINUTES, 60.0),
    Unit.HOURS: (QuantityKind.MINUTES, 60.0),
    Unit.FTE: (QuantityKind.FTE, 1.0),
    Unit.MONEY_PER_YEAR: (QuantityKind.MONEY, 1.0),
    Unit.MONEY_PER_CHANGE: (QuantityKind.MONEY, 1.0),
    Unit.MONEY_PER_MONTH: (QuantityKind.MONEY, 1.0),
    Unit.TOKENS: (QuantityKind.TOKENS, 1.0),
    Unit.COUNT: (QuantityKind.NUMBER, 1.0),
    Unit.COUNT_PER_YEAR: (QuantityKind.NUMBER, 1.0),
    Unit.PER_ATTEMPT: (QuantityKind.NUMBER, 1.0),
    Unit.DAYS: (QuantityKind.DAYS, 1.0),
    Unit.FIT_SCORE: (QuantityKind.NUMBER, 1.0),
    Unit.RATE_RATIO: (QuantityKind.MULTIPLE, 1.0),
    Unit.TIME_CHANGE: (QuantityKind.SHARE, 1.0),  # "+10%": a change in total time (designs)
    Unit.TIME_RATIO: (QuantityKind.MULTIPLE, 1.0),  # "1.17 times": paired totals (designs)
    Unit.HOURS_PER_ATTEMPT: (QuantityKind.MINUTES, 60.0),
    Unit.MONEY_PER_HOUR: (QuantityKind.MONEY, 1.0),
}


@dataclass(frozen=True)
class CaseFigures:
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
    assumptions: tuple[AssumptionCheck, ...] = ()  # each plan assumption and its verdict
    # Each ranked vendor's scoring tool: (tool, its fit statement, acceptance across our mix).
    work_mix: tuple[tuple[str, str, Interval], ...] = ()

    @classmethod
    def of(cls, case: Case, findings: Findings, statements: tuple[Statement, ...]) -> CaseFigures:
        # The decisions page restates other statements' numbers beside a plan's quoted claims:
        # it grounds nothing of its own.
        statements = tuple(s for s in statements if s.section is not Section.DECISIONS)
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
            assumptions=findings.assumptions,
            work_mix=tuple(
                (v.fit.tool.tool, f"vendor.{v.vendor}.fit", v.fit.tool.acceptance.acceptance)
                for v in findings.procurement.vendors
                if v.fit.tool is not None
            ),
        )

    def grounds(
        self, quantity: Quantity, topics: tuple[str, ...] = (), loose: bool = True
    ) -> tuple[Known, ...]:
        """Known numbers the quantity could be a rounding (or hedge) of.

        With topics (tool and kind ids the sentence names), a number about another tool or
        kind does not count: "60%" about Apex Coder 4 does not ground "60%" about Apex Coder 5.
        """
        if not loose:
            quantity = replace(quantity, slack=0.0)
        found = self._index.candidates(quantity)
        return tuple(k for k in found if _matches(quantity, k) and self._about(k, topics))

    @cached_property
    def by_name(self) -> dict[str, tuple[Known, ...]]:
        """Statement numbers by their name ("acceptance"), for the rules that read a measure."""
        found: dict[str, list[Known]] = {}
        for k in self.known:
            found.setdefault(k.name, []).append(k)
        return {name: tuple(ks) for name, ks in found.items()}

    @cached_property
    def claimed_scores(self) -> frozenset[float]:
        """Every benchmark score a vendor claims."""
        return frozenset(round(c.score, 4) for c in self.case.benchmarks.claims)

    @cached_property
    def _index(self) -> KnownIndex:
        return KnownIndex.of(self.known)

    def _about(self, known: Known, topics: tuple[str, ...]) -> bool:
        """Whether a known number is about what the sentence names (or about the whole case)."""
        if known.where.startswith("method."):
            return not topics  # policy thresholds say nothing about a named tool or kind
        if not topics:
            return True
        named_topics = set(topics)
        if set(self.team_ids) & named_topics and not known.about & named_topics and known.about:
            return False  # the pilot's numbers are per tool and kind, never per team
        for ids in self._tool_and_kind_ids:
            named, about = ids & named_topics, ids & known.about
            if named and about and not named & about:
                return False
        return True

    @cached_property
    def team_ids(self) -> tuple[str, ...]:
        return tuple(t.team for t in self.case.workforce)

    @cached_property
    def tool_ids(self) -> frozenset[str]:
        return frozenset(self.case.vendors.tool_ids())

    @cached_property
    def kind_ids(self) -> frozenset[str]:
        return frozenset(self.case.case.kind_ids())

    @cached_property
    def _tool_and_kind_ids(self) -> tuple[frozenset[str], frozenset[str]]:
        return self.tool_ids, self.kind_ids

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


@dataclass(frozen=True)
class KnownIndex:
    """Known numbers sorted by size per unit family, so a quantity finds its few candidates by
    bisection rather than by reading every number the case knows."""

    by_family: dict[QuantityKind, tuple[list[float], list[Known]]]
    by_shown: tuple[list[float], list[Known]]  # every non-share number, as printed

    @classmethod
    def of(cls, known: tuple[Known, ...]) -> KnownIndex:
        def sort(items: list[tuple[float, Known]]) -> tuple[list[float], list[Known]]:
            items.sort(key=lambda pair: pair[0])
            return [v for v, _ in items], [k for _, k in items]

        families = {k.family for k in known}
        return cls(
            {f: sort([(abs(k.value), k) for k in known if k.family is f]) for f in families},
            sort([(abs(_shown(k)), k) for k in known if k.family is not QuantityKind.SHARE]),
        )

    def candidates(self, q: Quantity) -> list[Known]:
        found = self._look(self.by_family.get(q.kind), q)
        if q.kind is QuantityKind.NUMBER:
            found += self._look(self.by_shown, q)
            if q.share_like:
                found += self._look(self.by_family.get(QuantityKind.SHARE), q)
        elif q.kind in (QuantityKind.SHARE, QuantityKind.MULTIPLE):
            found += self._look(self.by_family.get(QuantityKind.NUMBER), q)
        return found

    @staticmethod
    def _look(table: tuple[list[float], list[Known]] | None, q: Quantity) -> list[Known]:
        if table is None:
            return []
        keys, items = table
        if q.low < 0:
            return list(items)  # a signed quantity: few enough to read through
        low, high = q.low - q.slack - 1e-9, q.high + q.slack + 1e-9
        return items[bisect_left(keys, low) : bisect_right(keys, high)]


def _shown(k: Known) -> float:
    return k.value if k.shown is None else k.shown


def _matches(quantity: Quantity, known: Known) -> bool:
    """Same quantity and unit, within the rounding the writer used: "378 hours" is "378 h";
    a bare "0.58" is the fit score, never "58%"; a bare number is any count as printed."""
    eps = 1e-9

    def within(value: float) -> bool:
        value = abs(value) if quantity.low >= 0 else value  # "40% slower" names −40% unsigned
        return quantity.low - quantity.slack - eps <= value <= quantity.high + quantity.slack + eps

    if quantity.kind is known.family:
        return within(known.value)
    if quantity.kind is QuantityKind.NUMBER:
        shown = known.value if known.shown is None else known.shown
        if known.family is QuantityKind.SHARE:
            return quantity.share_like and within(known.value)
        # A bare number is a count; it stands for hours or euros only as an interval's end,
        # "378 h (90% CI 218–514)", where the unit was written once before it.
        unitless = known.family in (QuantityKind.NUMBER, QuantityKind.MULTIPLE)
        return (unitless or quantity.interval_end) and within(shown)
    if quantity.kind is QuantityKind.SHARE and known.family is QuantityKind.NUMBER:
        # "9 in 158" is a rate per attempt; a fit score of 0.58 is never "58%".
        return "per_attempt" in known.name and within(known.value)
    return (
        quantity.kind is QuantityKind.MULTIPLE
        and known.family is QuantityKind.NUMBER
        and within(known.value)
    )


def _from_statements(statements: tuple[Statement, ...], case: Case) -> Iterator[Known]:
    minimum = case.case.policy.min_tasks_per_cell
    for statement in statements:
        about = _about(statement.id, case, statement.text)
        small = any(n.name == "attempts" and n.value < minimum for n in statement.numbers)
        for number in statement.numbers:
            if number.name in ("claimed_reduction", "claimed_fte"):
                continue  # a plan assumption quoted to test it, not evidence (see _from_records)
            family, factor = FAMILY[number.unit]
            where, stated = statement.id, Source.STATEMENT
            yield Known(
                family,
                number.value * factor,
                stated,
                where,
                about,
                _scaled(number.interval, factor),
                shown=number.value,
                name=number.name,
                printed=number.text,
                small_sample=small,
            )
            for also in read_quantities(number.text, number.text)[1:]:  # "1.7 FTE (68 h)"
                if not also.interval_end:
                    yield Known(also.kind, also.value, stated, where, about, shown=also.shown)
            if number.interval is not None:
                for end in (number.interval.low, number.interval.high):
                    yield Known(
                        family,
                        end * factor,
                        stated,
                        where,
                        about,
                        end=True,
                        shown=end,
                        name=number.name,
                    )


def _scaled(interval: Interval | None, factor: float) -> Interval | None:
    if interval is None or factor == 1.0:
        return interval
    return Interval(
        interval.low * factor, interval.point * factor, interval.high * factor, interval.level
    )


def _about(statement_id: str, case: Case, text: str = "") -> frozenset[str]:
    """Tool and kind ids a statement is about, from its id (benchmark ids name the claim)."""
    parts = set(statement_id.split("."))
    for claim in case.benchmarks.claims:
        if claim.id in parts:
            parts |= {claim.tool} | ({claim.scope} if not statement_id.endswith(".mix") else set())
    for assumption in case.assumptions.assumptions:
        if statement_id == f"assumption.{assumption.id}":
            parts |= {*(assumption.teams or ()), *(assumption.kinds_of_work or ())}
    if statement_id.endswith((".fit", ".tool_choice")):  # about the tool that scored the vendor
        parts |= {t.id for v in case.vendors.vendors for t in v.tools if t.name in text}
    teams = {t.team for t in case.workforce}
    return frozenset(parts & {*case.vendors.tool_ids(), *case.case.kind_ids(), *teams})


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
        if vendor.pricing.seat_per_month is not None:
            yield Known(money, vendor.pricing.seat_per_month, Source.CASE_RECORD, where)
        if vendor.context_window_tokens is not None:
            tokens = vendor.context_window_tokens
            yield Known(QuantityKind.TOKENS, tokens, Source.CASE_RECORD, where)
    for assumption in case.assumptions.assumptions:
        where = f"assumptions.yaml {assumption.id}"
        about = frozenset((*(assumption.teams or ()), *(assumption.kinds_of_work or ())))
        if assumption.claimed_reduction_fraction is not None:
            claimed = assumption.claimed_reduction_fraction
            yield Known(share, claimed, Source.ASSUMPTION, where, about)
        if assumption.claimed_fte is not None:
            yield Known(QuantityKind.FTE, assumption.claimed_fte, Source.ASSUMPTION, where, about)
    for team in case.workforce:
        yield Known(number, team.headcount, Source.CASE_RECORD, f"workforce.csv {team.team}")
        if team.loaded_hourly_cost is not None:
            yield Known(money, team.loaded_hourly_cost, Source.CASE_RECORD, "workforce.csv")
    headcount = sum(t.headcount for t in case.workforce)
    yield Known(number, headcount, Source.CASE_RECORD, "workforce.csv (all teams)")
    yield Known(number, len(case.pilot), Source.CASE_RECORD, case.files.get("pilot", "pilot"))
