"""Token costs, cost per merged change and the yearly volume rule, against hand-computed sums."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from adoptreport import api
from adoptreport.analysis.cost import ToolCost, tool_costs
from adoptreport.analysis.options import SavedDraws, option_hours
from adoptreport.analysis.pilot import add_net_minutes, cells
from adoptreport.models import Audience, Policy, Team, Vendor
from tests.conftest import DefaultBuilds, collapse, pdf_text

POLICY = Policy(min_tasks_per_cell=2)
VENDOR = Vendor.model_validate(
    {
        "id": "v",
        "name": "V",
        "tools": [{"id": "t", "name": "T"}],
        "pricing": {
            "seat_per_month": 50,
            "input_per_million_tokens": 2.0,
            "output_per_million_tokens": 10.0,
        },
    }
)
TEAMS = tuple(
    Team(
        team=name,
        role="engineers",
        headcount=headcount,
        loaded_hourly_cost=cost,
        hours_by_kind={"isolated_bugfix": hours},
    )
    for name, headcount, cost, hours in (("a", 10, 100, 6), ("b", 30, 60, 2))
)


def _pilot(tokens: bool = True) -> pd.DataFrame:
    """Ten bug fixes, 8 merged: each takes 20 + 10 min of an engineer against 120 alone."""
    n = 10
    return pd.DataFrame(
        {
            "task_id": [f"T{i}" for i in range(n)],
            "tool": "t",
            "kind_of_work": "isolated_bugfix",
            "outcome": ["merged"] * 8 + ["rejected"] * 2,
            "ai_minutes": 20.0,
            "review_minutes": 10.0,
            "rework_minutes": 0.0,
            "baseline_minutes": 120.0,
            # 1M tokens read and 20k written: 2.00 + 0.20 = 2.20 a attempt
            "input_tokens": 1_000_000.0 if tokens else np.nan,
            "output_tokens": 20_000.0 if tokens else np.nan,
            "hallucinations": 0.0,
            "escaped_defects": 0.0,
            "source_row": range(2, n + 2),
        }
    )


def _costs(pilot: pd.DataFrame, vendor: Vendor = VENDOR) -> ToolCost:
    attempts = add_net_minutes(pilot)
    found = cells(attempts, POLICY, "pilot.csv")
    draws = SavedDraws(attempts, POLICY)
    option = ("t", "T", ("t",), False)
    hours = option_hours(option, found, draws, TEAMS, (2, 3), 0.5, 40, POLICY, KINDS)
    (cost,) = tool_costs([vendor], found, TEAMS, attempts, {"t": hours}, 40, POLICY)
    return cost


KINDS = ("isolated_bugfix",)


def test_blank_rework_on_a_reworked_change_is_left_out_not_zero() -> None:
    pilot = _pilot()
    pilot.loc[0, "outcome"] = "merged_after_rework"
    pilot.loc[0, "rework_minutes"] = np.nan
    change = _costs(pilot).per_change
    # Nine attempts with every minute known, 7 of them merged: 9 × 30 min over 7 changes.
    assert change.engineer_hours.point == pytest.approx(9 * 0.5 / 7)
    assert change.merged == 7


def test_value_and_net_value_are_joint_and_agree_with_time_saved() -> None:
    rng = np.random.default_rng(3)
    pilot = _pilot()
    pilot["baseline_minutes"] = rng.integers(40, 200, len(pilot)).astype(float)
    cost = _costs(pilot)
    attempts = add_net_minutes(pilot)
    # Value = freed hours × cost × weeks; freed = team hours × saved × adoption, one saved
    # fraction shared by both teams, so value's ends are the saved fraction's ends rescaled.
    saved = attempts["net_saved_minutes"].sum() / attempts["baseline_minutes"].sum()
    per_unit = (10 * 6 * 100 + 30 * 2 * 60) * 0.5 * 40
    assert cost.annual_value.point == pytest.approx(per_unit * saved)
    (cell,) = cells(attempts, POLICY, "pilot.csv")
    assert cost.annual_value.low == pytest.approx(per_unit * cell.saved_fraction.low)
    assert cost.annual_value.high == pytest.approx(per_unit * cell.saved_fraction.high)
    assert cost.saved_share is not None
    assert cost.saved_share.low == pytest.approx(cell.saved_fraction.low)


def test_cost_per_merged_change_by_hand() -> None:
    cost = _costs(_pilot())
    change = cost.per_change
    # 10 attempts × 2.20 in tokens over 8 merged changes; 10 × 30 min over 8 merged changes.
    assert change.tokens.point == pytest.approx(10 * 2.20 / 8)
    assert change.engineer_hours.point == pytest.approx(10 * 0.5 / 8)
    # Headcount-weighted loaded cost: (10 × 100 + 30 × 60) / 40 = 70 an hour.
    assert change.engineer_cost.point == pytest.approx(10 * 0.5 / 8 * 70)
    assert (change.merged, change.token_attempts) == (8, 10)


def test_cost_per_merged_change_interval_matches_an_independent_bootstrap() -> None:
    rng = np.random.default_rng(7)
    pilot = _pilot()
    pilot["input_tokens"] = rng.integers(200_000, 3_000_000, len(pilot)).astype(float)
    cost = _costs(pilot)
    spend = (pilot["input_tokens"] * 2.0 + pilot["output_tokens"] * 10.0) / 1e6
    merged = pilot["outcome"].eq("merged").to_numpy(dtype=float)
    draws = np.random.default_rng(11).integers(0, len(pilot), (20_000, len(pilot)))
    with np.errstate(divide="ignore", invalid="ignore"):
        ratios = spend.to_numpy()[draws].sum(axis=1) / merged[draws].sum(axis=1)
    low, high = np.quantile(ratios[np.isfinite(ratios)], [0.05, 0.95])
    interval = cost.per_change.tokens
    assert interval.point == pytest.approx(spend.sum() / merged.sum())
    assert interval.low == pytest.approx(low, rel=0.06)
    assert interval.high == pytest.approx(high, rel=0.06)


def test_yearly_token_cost_follows_the_stated_volume_rule() -> None:
    cost = _costs(_pilot())
    # Weekly bug-fix hours: 10 × 6 + 30 × 2 = 120; × 0.5 adoption × 40 weeks = 2,400 hours a
    # year, at 2 hours (120 min) a task = 1,200 tasks, each costing 2.20 in tokens.
    assert cost.annual_tasks == pytest.approx(1200)
    assert cost.annual_token_cost.point == pytest.approx(1200 * 2.20)
    # Every attempt costs the same, so the interval has no width.
    assert cost.annual_token_cost.low == pytest.approx(1200 * 2.20)
    seats = 40 * 0.5 * 50 * 12
    assert cost.annual_seat_cost == pytest.approx(seats)
    assert cost.net_value.point == pytest.approx(cost.annual_value.point - seats - 1200 * 2.20)


def test_missing_token_counts_or_prices_are_not_measured() -> None:
    blank = _costs(_pilot(tokens=False))
    assert blank.per_change.tokens is None and blank.annual_token_cost is None
    # The net value is then before token costs, not after a token cost of zero.
    assert blank.net_value.point == pytest.approx(blank.annual_value.point - 40 * 0.5 * 50 * 12)
    no_prices = VENDOR.model_copy(
        update={"pricing": VENDOR.pricing.model_copy(update={"output_per_million_tokens": None})}
    )
    unpriced = _costs(_pilot(), no_prices)
    assert not unpriced.token_prices_stated
    assert unpriced.per_change.tokens is None and unpriced.annual_token_cost is None


def test_blank_token_counts_say_not_measured_in_the_pdf(case_copy: Path, tmp_path: Path) -> None:
    pilot = pd.read_csv(case_copy / "pilot.csv", dtype=str, keep_default_na=False)
    pilot.loc[pilot["tool"] == "brightline-dev", ["input_tokens", "output_tokens"]] = ""
    pilot.to_csv(case_copy / "pilot.csv", index=False)
    out = tmp_path / "finance.pdf"
    report = api.build(case_copy, out, Audience.FINANCE)
    text = collapse(pdf_text(out))
    sentence = next(s.text for s in report.statements if s.id == "cost.brightline-dev.tokens")
    assert sentence == (
        "Brightline Dev's token cost is not measured: the pilot recorded no token counts for it."
    )
    assert sentence in text
    brightline = next(c for c in report.findings.costs if c.tool == "brightline-dev")
    assert brightline.annual_token_cost is None
    main = next(s.text for s in report.statements if s.id == "cost.brightline-dev")
    assert "before token costs, which are not measured" in main


@pytest.fixture(scope="module")
def finance(default_builds: DefaultBuilds) -> tuple[api.Report, Path, str]:
    """The finance report; its tables are in the same folder, under tables/."""
    report, path, text = default_builds(Audience.FINANCE)
    folder = path.parent
    return report, folder, text


def test_default_case_costs_tokens_for_three_tools_and_not_for_cobalt(
    finance: tuple[api.Report, Path, str],
) -> None:
    report, _, text = finance
    by_tool = {c.tool: c for c in report.findings.costs}
    for tool in ("apex-coder-5", "apex-coder-4", "brightline-dev"):
        assert by_tool[tool].annual_token_cost is not None
        assert by_tool[tool].per_change.tokens is not None
    assert by_tool["cobalt-assist"].annual_token_cost is None
    assert (
        "Cobalt Assist's token cost is not measured: the vendor states no price per million "
        "input and output tokens." in text
    )


def test_exported_cost_table_equals_the_pdf(finance: tuple[api.Report, Path, str]) -> None:
    _, folder, text = finance
    costs = pd.read_csv(folder / "tables" / "costs.csv")
    assert len(costs) == 4
    for row in costs.itertuples():
        if pd.isna(row.tokens_per_year):
            continue
        year = (
            f"{row.currency} {row.tokens_per_year:,.0f} (90% CI "
            f"{row.tokens_per_year_low:,.0f}–{row.tokens_per_year_high:,.0f})"
        )
        change = (
            f"{row.currency} {row.tokens_per_merged_change:,.2f} (90% CI "
            f"{row.tokens_per_merged_change_low:,.2f}–{row.tokens_per_merged_change_high:,.2f})"
        )
        hours = (
            f"{row.engineer_hours_per_merged_change:.1f} h (90% CI "
            f"{row.engineer_hours_per_merged_change_low:.1f}–"
            f"{row.engineer_hours_per_merged_change_high:.1f})"
        )
        for printed in (year, change, hours):
            assert printed in text, printed
