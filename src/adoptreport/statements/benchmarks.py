"""Benchmark claims against our own work: kind by kind, reweighted to the claim's own mix,
and claims on one benchmark against each other (tied when their own intervals overlap)."""

from __future__ import annotations

from adoptreport.analysis.evidence import Evidence, RecordRef
from adoptreport.analysis.findings import Findings
from adoptreport.analysis.mix import (
    BenchmarkGap,
    ClaimPair,
    KindComparison,
    Position,
    claim_pairs,
)
from adoptreport.analysis.stats import Interval
from adoptreport.models import Audience
from adoptreport.models.folder import Case
from adoptreport.statements import formatting as fmt
from adoptreport.statements.catalogue import state
from adoptreport.statements.model import Number, Section, Statement, StatementKind, Unit
from adoptreport.statements.numbers import counted, proportion

# Not in the board's short form, which plots each claim against its main kind of work.
DETAIL = (Audience.PROCUREMENT, Audience.FINANCE, Audience.FULL)


def benchmark_statements(case: Case, findings: Findings) -> list[Statement]:
    names = case.vendors.tool_names()
    labels = {k.id: k.label for k in case.case.kinds_of_work}
    out: list[Statement] = []
    for gap in findings.benchmark_gaps:
        out.append(_claim(gap, labels, case))
        out += [_kind(gap, k, names, labels, case) for k in gap.kinds]
        if gap.mix is not None:
            out.append(_mix(gap, findings, names[gap.claim.tool]))
    out += [_pair(p, names) for p in claim_pairs(findings.benchmark_gaps)]
    scopes = {gap.claim.scope: gap for gap in reversed(findings.benchmark_gaps)}
    out += [_meaning(g, labels, case) for g in scopes.values() if g.scope_hours_share is not None]
    return out


def _claim(gap: BenchmarkGap, labels: dict[str, str], case: Case) -> Statement:
    claim = gap.claim
    kinds = [labels[k].lower() for k in claim.mix()]
    scope = kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " and " + kinds[-1]
    return state(
        f"benchmark.{claim.id}.claim",
        Section.BENCHMARK,
        StatementKind.FINDING,
        "claim" if len(kinds) == 1 else "claim_mix",
        {"score": _score(claim.score)},
        {
            "vendor": claim.reported_by
            or next(v.name for v in case.vendors.vendors if v.id == claim.vendor),
            "benchmark": claim.benchmark,
            "model": claim.model,
            "grade": claim.source_grade.value,
            "source": claim.source,
            "scope": scope,
        },
        (gap.evidence,),
    )


def _score(score: float) -> Number:
    return Number("claimed_score", score, Unit.BENCHMARK_SCORE, fmt.score(score))


def _kind(
    gap: BenchmarkGap,
    compared: KindComparison,
    names: dict[str, str],
    labels: dict[str, str],
    case: Case,
) -> Statement:
    """The claim against the tool's acceptance on one of the claim's kinds of work."""
    claim, cell = gap.claim, compared.cell
    id = f"benchmark.{claim.id}.scope"
    if compared.kind != claim.scope:
        id += f".{compared.kind}"
    words = {"tool": names[claim.tool], "scope": labels[compared.kind].lower()}
    # The claim's main kind is plotted in the board's form; its other kinds are detail.
    audiences = tuple(Audience) if compared.kind == claim.scope else DETAIL
    if cell is None:
        return state(
            id,
            Section.BENCHMARK,
            StatementKind.CAVEAT,
            "claim_not_piloted",
            {},
            words,
            (gap.evidence,),
            audiences,
        )
    numbers = {
        "acceptance": proportion("acceptance", cell.acceptance),
        "attempts": counted("attempts", cell.attempts),
    }
    if cell.attempts < case.case.policy.min_tasks_per_cell or compared.position is None:
        key = "claim_vs_scope_few"
    else:
        key = "claim_vs_scope_" + _versus(claim.score, cell.acceptance, compared.position, numbers)
    return state(
        id,
        Section.BENCHMARK,
        StatementKind.FINDING,
        key,
        numbers,
        words,
        (gap.evidence, cell.evidence),
        audiences,
    )


def _versus(score: float, observed: Interval, where: Position, numbers: dict[str, Number]) -> str:
    """The sentence's ending for `where`; adds the gap when the claim is not consistent."""
    if where is Position.CONSISTENT:
        return "consistent"
    # From the figures as printed, so a reader's own subtraction agrees with the gap shown.
    shown = fmt.percent_number(observed.point) / 100
    difference = score - shown
    numbers["gap"] = Number("gap", difference, Unit.PERCENTAGE_POINTS, fmt.points(difference))
    return where.value


def _mix(gap: BenchmarkGap, findings: Findings, tool: str) -> Statement:
    """The pilot reweighted to the claim's own mix of kinds — never to our whole work mix."""
    assert gap.mix is not None and gap.mix_position is not None
    numbers = {
        "covered": Number(
            "covered_share_of_claim_mix",
            gap.mix.covered_share,
            Unit.PROPORTION,
            fmt.percent(gap.mix.covered_share),
        ),
        "acceptance": proportion("claim_mix_acceptance", gap.mix.acceptance),
    }
    key = "claim_vs_mix_" + _versus(gap.claim.score, gap.mix.acceptance, gap.mix_position, numbers)
    evidence: tuple[Evidence, ...] = (
        gap.evidence,
        *(t.evidence for t in findings.tools if t.tool == gap.claim.tool),
    )
    return state(
        f"benchmark.{gap.claim.id}.mix",
        Section.BENCHMARK,
        StatementKind.FINDING,
        key,
        numbers,
        {"tool": tool},
        evidence,
    )


def _pair(pair: ClaimPair, names: dict[str, str]) -> Statement:
    """Two claims on one benchmark: tied when their own intervals overlap, else ranked."""
    higher, lower = pair.higher, pair.lower
    assert higher.claimed is not None and lower.claimed is not None
    numbers = {
        "higher_score": _claim_interval("higher_claimed_score", higher),
        "lower_score": _claim_interval("lower_claimed_score", lower),
    }
    words = {
        "benchmark": higher.claim.benchmark,
        "higher": names[higher.claim.tool],
        "lower": names[lower.claim.tool],
    }
    return state(
        f"benchmark.{higher.claim.id}.versus.{lower.claim.id}",
        Section.BENCHMARK,
        StatementKind.FINDING,
        "claims_tied" if pair.tied else "claims_ranked",
        numbers,
        words,
        (higher.evidence, lower.evidence),
        DETAIL,
    )


def _claim_interval(name: str, gap: BenchmarkGap) -> Number:
    """'88.7% (90% CI 86.2–90.8%)': a claim with the interval its own task count gives."""
    interval = gap.claimed
    assert interval is not None
    low, high = fmt.score(interval.low).rstrip("%"), fmt.score(interval.high)
    text = f"{fmt.score(gap.claim.score)} ({fmt.level(interval)} {low}–{high})"
    return Number(name, gap.claim.score, Unit.BENCHMARK_SCORE, text, interval)


def _meaning(gap: BenchmarkGap, labels: dict[str, str], case: Case) -> Statement:
    assert gap.scope_hours_share is not None
    kinds = [labels[k] for k in gap.claim.mix()]
    scope = kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " and " + kinds[-1].lower()
    return state(
        f"benchmark.scope.{gap.claim.scope}.meaning",
        Section.BENCHMARK,
        StatementKind.CAVEAT,
        "headline_meaning",
        {
            "scope_share": Number(
                "scope_hours_share",
                gap.scope_hours_share,
                Unit.HOURS_SHARE,
                fmt.percent(gap.scope_hours_share),
            )
        },
        {"scope": scope},
        (gap.evidence, RecordRef(case.files["workforce"], "all rows", "work mix")),
    )
