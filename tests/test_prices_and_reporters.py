"""Prices per tool, a measured cost per attempt, and who reported a benchmark figure."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from adoptreport.analysis.findings import analyse
from adoptreport.load.case import load_case
from adoptreport.models import Vendor
from adoptreport.statements import build_statements
from tests.test_cost import VENDOR, _costs, _pilot


def _with_tool_prices(**prices: float) -> Vendor:
    data = VENDOR.model_dump()
    data["tools"] = [{"id": "t", "name": "T", "pricing": prices}]
    return Vendor.model_validate(data)


def test_a_tools_own_prices_override_the_vendors() -> None:
    vendor = _with_tool_prices(input_per_million_tokens=4.0)
    assert vendor.prices_for("t").input_per_million_tokens == 4.0
    assert vendor.prices_for("t").output_per_million_tokens == 10.0  # the vendor's
    assert vendor.prices_for("t").seat_per_month == 50
    # 10 attempts × (1M × 4.00 + 20k × 10.00 per million) over 8 merged changes
    change = _costs(_pilot(), vendor).per_change
    assert change.tokens is not None
    assert change.tokens.point == pytest.approx(10 * 4.20 / 8)


def test_a_measured_cost_is_used_as_measured_and_blank_falls_back_to_tokens() -> None:
    pilot = _pilot()
    pilot["cost"] = [1.5] * 5 + [np.nan] * 5
    change = _costs(pilot).per_change
    assert change.tokens is not None
    assert change.tokens.point == pytest.approx((5 * 1.5 + 5 * 2.20) / 8)
    no_prices = Vendor.model_validate({**VENDOR.model_dump(), "pricing": {}})
    pilot["cost"] = 1.5
    measured = _costs(pilot, no_prices).per_change
    assert measured.tokens is not None and measured.tokens.point == pytest.approx(10 * 1.5 / 8)


def test_a_figure_reported_by_a_leaderboard_is_not_put_in_the_vendors_mouth(
    case_copy: Path,
) -> None:
    path = case_copy / "benchmarks.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    claim = data["claims"][0]
    claim["reported_by"] = "SWE-bench leaderboard"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    case = load_case(case_copy)
    statements = {s.id: s for s in build_statements(case, analyse(case))}
    text = statements[f"benchmark.{claim['id']}.claim"].text
    assert text.startswith("SWE-bench leaderboard reports ")
    assert f" on {claim['benchmark']} for " in text
    assert "Apex AI reports" not in text
