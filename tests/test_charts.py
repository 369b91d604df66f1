"""Charts on their own: every item plotted, titled axes, offline SVG, alt text with numbers."""

from __future__ import annotations

import re

import pytest

from adoptreport import api
from adoptreport.analysis.findings import Findings, analyse
from adoptreport.models.folder import Case
from adoptreport.report.charts import Chart, build_charts, to_png
from adoptreport.statements import formatting as fmt
from tests.conftest import DEFAULT_CASE


@pytest.fixture(scope="module")
def drawn() -> tuple[Case, Findings, dict[str, Chart]]:
    case = api.validate(DEFAULT_CASE)
    findings = analyse(case)
    return case, findings, {c.id: c for c in build_charts(case, findings)}


def _values(spec: dict[str, object]) -> list[dict[str, object]]:
    datasets = spec.get("datasets", {})
    assert isinstance(datasets, dict)
    return [row for rows in datasets.values() for row in rows]


def test_each_chart_is_an_offline_svg_with_a_title_and_alt_text(
    drawn: tuple[Case, Findings, dict[str, Chart]],
) -> None:
    _, _, charts = drawn
    assert {"benchmark_vs_observed", "verdict_map"} <= set(charts)
    for chart in charts.values():
        assert chart.svg.lstrip().startswith("<svg") and "http" not in chart.svg.split(">", 1)[1]
        assert chart.title and re.search(r"\d", chart.alt), chart.id


def test_the_benchmark_chart_plots_every_claim_and_what_was_observed(
    drawn: tuple[Case, Findings, dict[str, Chart]],
) -> None:
    _, findings, charts = drawn
    rows = _values(charts["benchmark_vs_observed"].spec)
    claimed = [r for r in rows if r["measure"] == "claimed benchmark score"]
    assert sorted(r["value"] for r in claimed) == sorted(
        g.claim.score for g in findings.benchmark_gaps
    )
    observed = [r for r in rows if r["measure"] != "claimed benchmark score"]
    assert all(r["low"] <= r["value"] <= r["high"] for r in observed)  # type: ignore[operator]
    for gap in findings.benchmark_gaps:
        assert fmt.score(gap.claim.score) in charts["benchmark_vs_observed"].alt


def test_the_verdict_map_has_a_mark_for_every_cell(
    drawn: tuple[Case, Findings, dict[str, Chart]],
) -> None:
    _, findings, charts = drawn
    rows = _values(charts["verdict_map"].spec)
    verdicts = {str(r.get("verdict")) for r in rows}
    assert {c.decision.verdict.value for c in findings.cells} <= verdicts
    assert len(rows) >= len(findings.cells)


def test_png_export_is_a_png(drawn: tuple[Case, Findings, dict[str, Chart]]) -> None:
    _, _, charts = drawn
    assert to_png(charts["verdict_map"].spec, scale=1.0)[:8] == b"\x89PNG\r\n\x1a\n"
