"""Findings and analyse: every analysis of a validated `Case`, gathered into one value."""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np
import pandas as pd

from adoptreport.analysis.arms import (
    ArmComparison,
    PairedComparison,
    arm_comparison,
    paired_comparisons,
)
from adoptreport.analysis.assumptions import AssumptionCheck, check_assumption
from adoptreport.analysis.cost import ToolCost, tool_costs
from adoptreport.analysis.evidence import RowRanges
from adoptreport.analysis.mix import BenchmarkGap, WorkMix, benchmark_gaps, headline_gap, work_mix
from adoptreport.analysis.multiplicity import Multiplicity, correct_cells
from adoptreport.analysis.options import SavedDraws, headline_option, option_hours
from adoptreport.analysis.pilot import Cell, add_net_minutes, cells
from adoptreport.analysis.procurement import Procurement, procurement
from adoptreport.analysis.stats import Interval, poisson_exact, ratio_interval, wilson
from adoptreport.analysis.verdicts import VERDICT_ORDER, Verdict
from adoptreport.analysis.workforce import OptionHours, WorkforceFindings, scenarios
from adoptreport.models import ACCEPTED_OUTCOMES, Outcome, Policy
from adoptreport.models.folder import SOURCE_ROW, Case

__all__ = ["Cell", "Findings", "Interval", "KindVerdict", "ToolSummary", "Verdict", "analyse"]


@dataclass(frozen=True)
class KindVerdict:
    """The best-supported verdict for a kind of work over the tools piloted on it."""

    kind: str
    label: str
    verdict: Verdict
    cell: Cell | None  # the cell that earned the verdict; None when nothing was piloted
    hours_share: float | None


@dataclass(frozen=True)
class ToolSummary:
    """A tool over all the kinds of work it was piloted on."""

    tool: str
    name: str
    vendor: str
    attempts: int
    acceptance: Interval
    clean_acceptance: Interval
    review_minutes_per_merged: Interval | None
    rework_share_of_merged: Interval | None  # accepted changes that needed rework
    hallucinations_per_attempt: Interval | None
    evidence: RowRanges


@dataclass(frozen=True)
class Findings:
    level: float
    attempts: int
    cells: tuple[Cell, ...]
    kinds: tuple[KindVerdict, ...]
    tools: tuple[ToolSummary, ...]
    benchmark_gaps: tuple[BenchmarkGap, ...]
    headline: BenchmarkGap | None  # the claim the summary leads with
    mix: WorkMix
    workforce: WorkforceFindings
    assumptions: tuple[AssumptionCheck, ...]
    costs: tuple[ToolCost, ...]
    pilot_evidence: RowRanges
    procurement: Procurement
    multiplicity: Multiplicity
    # Mean engineer minutes (AI-assisted, review, rework) per attempt, by (tool, kind).
    engineer_minutes: dict[tuple[str, str], float]
    arms: ArmComparison | None = None  # AI arm against control arm (analysis.arms)
    paired: tuple[PairedComparison, ...] = ()  # tools or arms on the tasks both tried


def analyse(case: Case) -> Findings:
    """Everything the statements need, computed once from the case."""
    policy = case.case.policy
    pilot_file = case.files["pilot"]
    attempts = add_net_minutes(case.pilot)  # once: cells and costs both read it
    all_cells, multiplicity = correct_cells(
        cells(attempts, policy, pilot_file, case.case.kind_ids()), policy
    )
    mix = work_mix(
        case.workforce, case.case.kind_ids(), case.files["workforce"], case.workforce_rows
    )
    benchmarks_file = case.files.get("benchmarks", "benchmarks.yaml")
    kinds = _kind_verdicts(case, all_cells, mix)
    gaps = benchmark_gaps(
        case.benchmarks.claims,
        all_cells,
        mix,
        policy.confidence_level,
        benchmarks_file,
        policy.min_tasks_per_cell,
    )
    headline = headline_gap(gaps, case.case.headline_claim)
    tools = _tool_summaries(case, policy)
    vendors = procurement(case, all_cells, mix, headline, {t.tool: t.evidence for t in tools})
    draws = SavedDraws(attempts, policy)
    workforce = _workforce(case, all_cells, draws, _leader(vendors))
    return Findings(
        level=policy.confidence_level,
        attempts=len(attempts),
        cells=all_cells,
        kinds=kinds,
        tools=tools,
        benchmark_gaps=gaps,
        headline=headline,
        mix=mix,
        workforce=workforce,
        assumptions=tuple(
            check_assumption(
                a,
                i,
                case.files.get("assumptions", "assumptions.yaml"),
                case.workforce,
                workforce.support,
                workforce.adoption_rate,
                workforce.fte_hours_per_week,
                policy.confidence_level,
            )
            for i, a in enumerate(case.assumptions.assumptions)
        ),
        costs=tool_costs(
            case.vendors.vendors,
            all_cells,
            case.workforce,
            attempts,
            {o.option: o for o in workforce.options},
            case.case.working_weeks_per_year,
            policy,
        ),
        pilot_evidence=RowRanges.of(pilot_file, case.pilot[SOURCE_ROW].to_numpy()),
        procurement=vendors,
        multiplicity=multiplicity,
        engineer_minutes=_engineer_minutes(attempts),
        arms=arm_comparison(case.pilot, case.case.pilot_design, policy, pilot_file),
        paired=paired_comparisons(case.pilot, policy, pilot_file),
    )


def _engineer_minutes(attempts: pd.DataFrame) -> dict[tuple[str, str], float]:
    """What an attempt costs the engineers, per (tool, kind); blank minutes left out."""
    rework = attempts["rework_minutes"].where(
        attempts["outcome"] == Outcome.MERGED_AFTER_REWORK.value,
        attempts["rework_minutes"].fillna(0.0),
    )
    minutes = attempts["ai_minutes"] + attempts["review_minutes"] + rework
    means = minutes.groupby([attempts["tool"], attempts["kind_of_work"]]).mean().dropna()
    return {(str(key[0]), str(key[1])): float(m) for key, m in means.items()}  # type: ignore[index]


def _leader(vendors: Procurement) -> str | None:
    """The tool the vendor ranked first on weighted fit is scored by."""
    first = next((v for v in vendors.vendors if v.rank == 1), None)
    return first.fit.tool.tool if first is not None and first.fit.tool is not None else None


def _workforce(
    case: Case, all_cells: tuple[Cell, ...], draws: SavedDraws, leader: str | None
) -> WorkforceFindings:
    policy = case.case.policy
    adoption = case.case.adoption_rate if case.case.adoption_rate is not None else 1.0
    fte = case.case.fte_hours_per_week
    piloted = {c.tool for c in all_cells}
    choices: list[tuple[str, str, tuple[str, ...], bool]] = [
        (t.id, t.name, (t.id,), False)
        for v in case.vendors.vendors
        for t in v.tools
        if t.id in piloted
    ]
    choices += [(p.id, p.name, tuple(p.tools), True) for p in case.case.portfolios]
    kinds = tuple(case.case.kind_ids())

    def hours(choice: tuple[str, str, tuple[str, ...], bool]) -> OptionHours:
        return option_hours(
            choice,
            all_cells,
            draws,
            case.workforce,
            case.workforce_rows,
            adoption,
            fte,
            policy,
            kinds,
        )

    options = tuple(hours(c) for c in choices)
    headline, basis = headline_option(options, case.case.plan.tool, leader)
    if headline is None:  # nothing piloted: every kind's hours are unknown
        headline = hours(("none", "no tool", (), False))
    return WorkforceFindings(
        headline.support,
        headline.teams,
        headline.total,
        scenarios(headline.total, adoption, fte),
        adoption,
        case.case.adoption_rate is not None,
        fte,
        options,
        headline,
        basis,
    )


def _kind_verdicts(
    case: Case, all_cells: tuple[Cell, ...], mix: WorkMix
) -> tuple[KindVerdict, ...]:
    results = []
    for kind in case.case.kinds_of_work:
        candidates = [c for c in all_cells if c.kind == kind.id]
        # Best verdict first; among equals, the tool with the higher saved-fraction point.
        ranked = sorted(
            candidates,
            key=lambda c: (
                VERDICT_ORDER.index(c.decision.verdict),
                -(c.saved_fraction.point if c.saved_fraction else float("-inf")),
            ),
        )
        top = ranked[0] if ranked else None
        verdict = top.decision.verdict if top else Verdict.INSUFFICIENT_EVIDENCE
        results.append(KindVerdict(kind.id, kind.label, verdict, top, mix.share(kind.id)))
    return tuple(results)


def _tool_summaries(case: Case, policy: Policy) -> tuple[ToolSummary, ...]:
    summaries = []
    level = policy.confidence_level
    for vendor in case.vendors.vendors:
        for tool in vendor.tools:
            attempts = case.pilot[case.pilot["tool"] == tool.id]
            n = len(attempts)
            if n == 0:
                continue
            accepted = attempts[attempts["outcome"].isin([o.value for o in ACCEPTED_OUTCOMES])]
            clean = int((attempts["outcome"] == Outcome.MERGED.value).sum())
            review = accepted["review_minutes"].dropna().to_numpy(float)
            seed = policy.seed + zlib.crc32(tool.id.encode())
            hallucinations = attempts["hallucinations"].dropna()
            summaries.append(
                ToolSummary(
                    tool=tool.id,
                    name=tool.name,
                    vendor=vendor.name,
                    attempts=n,
                    acceptance=wilson(len(accepted), n, level),
                    clean_acceptance=wilson(clean, n, level),
                    review_minutes_per_merged=(
                        ratio_interval(
                            review, np.ones_like(review), level, policy.bootstrap_draws, seed
                        )
                        if len(review)
                        else None
                    ),
                    rework_share_of_merged=(
                        wilson(len(accepted) - clean, len(accepted), level)
                        if len(accepted)
                        else None
                    ),
                    hallucinations_per_attempt=(
                        poisson_exact(int(hallucinations.sum()), float(len(hallucinations)), level)
                        if len(hallucinations)
                        else None
                    ),
                    evidence=RowRanges.of(case.files["pilot"], attempts[SOURCE_ROW].to_numpy()),
                )
            )
    return tuple(summaries)
