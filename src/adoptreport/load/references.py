"""Cross-references between case files: every id one file names must be declared in another."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from adoptreport.load.problems import MAX_LISTED, Problem, row_problem, shown
from adoptreport.models import AssumptionsFile, BenchmarksFile, CaseFile, Team, VendorsFile
from adoptreport.models.folder import SOURCE_ROW
from adoptreport.models.workforce import HOURS_PREFIX


@dataclass
class _Unknowns:
    """Collects 'unknown X; expected one of …' problems for ids a file names but nobody declared."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, file: str, where: str, name: str, value: str, what: str, known: set[str]) -> None:
        expected = ", ".join(sorted(known)) or "none declared"
        self.problems.append(
            Problem(file, where, name, f"unknown {what} {shown(value)}; expected one of {expected}")
        )


def cross_references(
    case_file: CaseFile,
    vendors: VendorsFile,
    benchmarks: BenchmarksFile | None,
    assumptions: AssumptionsFile | None,
    pilot: pd.DataFrame | None,
    loaded_workforce: tuple[tuple[Team, ...] | None, tuple[int, ...], set[str]],
    files: dict[str, str],
) -> list[Problem]:
    workforce, workforce_rows, teams = loaded_workforce
    kinds = set(case_file.kind_ids())
    found = _Unknowns()
    _vendor_references(vendors, files["vendors"], found)
    if benchmarks is not None and "benchmarks" in files:
        _benchmark_references(benchmarks, vendors, kinds, files["benchmarks"], found)
    _plan_references(case_file, set(vendors.tool_ids()), files["case"], found)
    claim_ids = {c.id for c in benchmarks.claims} if benchmarks is not None else set()
    if case_file.headline_claim is not None and case_file.headline_claim not in claim_ids:
        found.add(
            files["case"],
            "",
            "headline_claim",
            case_file.headline_claim,
            "benchmark claim",
            claim_ids,
        )
    if workforce is not None:
        found.problems += _workforce_references(
            workforce, workforce_rows, kinds, files["workforce"]
        )
    if assumptions is not None and "assumptions" in files:
        _assumption_references(assumptions, teams, kinds, files["assumptions"], found)
    if pilot is not None:
        found.problems += _pilot_references(pilot, kinds, set(vendors.tool_ids()), files["pilot"])
    return found.problems


def _vendor_references(vendors: VendorsFile, file: str, found: _Unknowns) -> None:
    tools = set(vendors.tool_ids())
    for vi, vendor in enumerate(vendors.vendors):
        own = {t.id for t in vendor.tools}
        for ci, claim in enumerate(vendor.hallucination_claims):
            where = f"vendors[{vi}].hallucination_claims[{ci}]"
            if claim.tool not in own:
                found.add(file, where, "tool", claim.tool, f"tool of vendor {vendor.id}", own)
            if claim.baseline_tool is not None and claim.baseline_tool not in tools:
                found.add(file, where, "baseline_tool", claim.baseline_tool, "tool", tools)


def _benchmark_references(
    benchmarks: BenchmarksFile, vendors: VendorsFile, kinds: set[str], file: str, found: _Unknowns
) -> None:
    vendor_tools = {v.id: {t.id for t in v.tools} for v in vendors.vendors}
    for i, bench in enumerate(benchmarks.claims):
        where = f"claims[{i}]"
        if bench.vendor not in vendor_tools:
            found.add(file, where, "vendor", bench.vendor, "vendor", set(vendor_tools))
        elif bench.tool not in vendor_tools[bench.vendor]:
            own = vendor_tools[bench.vendor]
            found.add(file, where, "tool", bench.tool, f"tool of vendor {bench.vendor}", own)
        for kind in bench.scope_mix or (bench.scope,):
            if kind not in kinds:
                found.add(file, where, "scope", kind, "kind of work", kinds)


def _plan_references(case_file: CaseFile, tools: set[str], file: str, found: _Unknowns) -> None:
    """Portfolios name piloted tools; the plan names a tool or a portfolio."""
    for i, portfolio in enumerate(case_file.portfolios):
        for j, tool in enumerate(portfolio.tools):
            if tool not in tools:
                found.add(file, f"portfolios[{i}]", f"tools[{j}]", tool, "tool", tools)
    options = tools | {p.id for p in case_file.portfolios}
    if case_file.plan.tool is not None and case_file.plan.tool not in options:
        found.add(file, "plan", "tool", case_file.plan.tool, "tool or portfolio", options)


def _workforce_references(
    workforce: tuple[Team, ...], rows: tuple[int, ...], kinds: set[str], file: str
) -> list[Problem]:
    expected = ", ".join(sorted(kinds))
    return [
        row_problem(
            file,
            row,
            f"{HOURS_PREFIX}{kind}",
            f"unknown kind of work {shown(kind)}; expected one of {expected}",
        )
        for row, team in zip(rows, workforce, strict=True)
        for kind in team.hours_by_kind
        if kind not in kinds
    ]


def _assumption_references(
    assumptions: AssumptionsFile, teams: set[str], kinds: set[str], file: str, found: _Unknowns
) -> None:
    for i, assumption in enumerate(assumptions.assumptions):
        where = f"assumptions[{i}]"
        for j, team_id in enumerate(assumption.teams or []):
            if teams and team_id not in teams:  # no teams read: workforce is reported
                found.add(file, where, f"teams[{j}]", team_id, "team", teams)
        for j, kind in enumerate(assumption.kinds_of_work or []):
            if kind not in kinds:
                found.add(file, where, f"kinds_of_work[{j}]", kind, "kind of work", kinds)


def _pilot_references(
    pilot: pd.DataFrame, kinds: set[str], tools: set[str], file: str
) -> list[Problem]:
    problems: list[Problem] = []
    for column, known, what in (("tool", tools, "tool"), ("kind_of_work", kinds, "kind of work")):
        values = pilot[column]
        wrong = values.notna() & ~values.isin(list(known))
        expected = ", ".join(sorted(known))
        for i in np.flatnonzero(wrong.to_numpy())[:MAX_LISTED]:
            problems.append(
                row_problem(
                    file,
                    int(pilot[SOURCE_ROW].iloc[i]),
                    column,
                    f"unknown {what} {shown(values.iloc[i])}; expected one of {expected}",
                )
            )
    keyed = pilot[pilot["task_id"].notna() & pilot["tool"].notna()]
    repeated = keyed[keyed.duplicated(["task_id", "tool"], keep=False)]
    if not repeated.empty:
        first = repeated.groupby(["task_id", "tool"], sort=False)[SOURCE_ROW].transform("min")
        later = repeated[repeated[SOURCE_ROW] != first]
        for (_, row), first_row in list(zip(later.iterrows(), first[later.index], strict=True))[
            :MAX_LISTED
        ]:
            problems.append(
                row_problem(
                    file,
                    int(row[SOURCE_ROW]),
                    "task_id",
                    f"duplicate attempt ({row['task_id']}, {row['tool']}); first on row {int(first_row)}",
                )
            )
    return problems
