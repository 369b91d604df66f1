"""Findings → Vega-Lite specs (altair) → SVG, rendered offline by vl-convert."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

import altair as alt
import pandas as pd
import vl_convert

from adoptreport.analysis.findings import Findings
from adoptreport.analysis.verdicts import Verdict
from adoptreport.models.folder import Case
from adoptreport.statements import formatting as fmt
from adoptreport.text import visible_controls

FONT = "Inter"
# Colour carries meaning (verdicts); each verdict also has its own lightness, well apart in
# grey (Rec. 601 luma 35, 105, 181, 230), so the map still reads when printed in grey, and
# every cell is labelled in words.
VERDICT_COLOURS = {
    Verdict.AUTOMATE_WITH_REVIEW.value: "#2e8b57",
    Verdict.ASSIST.value: "#8fd18b",
    Verdict.INSUFFICIENT_EVIDENCE.value: "#e6e6e6",
    Verdict.DO_NOT_AUTOMATE.value: "#5c0a0a",
}
CONFIG: dict[str, Any] = {
    "font": FONT,
    "view": {"stroke": None},
    "axis": {"labelFontSize": 10, "titleFontSize": 10, "labelColor": "#222", "titleColor": "#222"},
    "legend": {"labelFontSize": 10, "titleFontSize": 10, "orient": "bottom", "labelLimit": 320},
}


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    svg: str
    alt: str  # what the chart shows, in words, with its key numbers
    spec: dict[str, Any]


@functools.cache
def _register_font() -> None:
    import fontpkg_inter

    vl_convert.register_font_directory(str(resources.files(fontpkg_inter) / "files"))


def _xml_safe(value: Any) -> Any:
    """Every string in a spec with its control characters written out (SVG cannot hold them)."""
    if isinstance(value, str):
        return visible_controls(value)
    if isinstance(value, dict):
        return {_xml_safe(k): _xml_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_xml_safe(v) for v in value]
    return value


def to_svg(spec: dict[str, Any]) -> str:
    """Render offline: no data or images may be fetched from any URL."""
    _register_font()
    svg: str = vl_convert.vegalite_to_svg(_xml_safe(spec), allowed_base_urls=[])
    return svg


def to_png(spec: dict[str, Any], scale: float = 2.0) -> bytes:
    """A PNG for slides, rendered offline with the shipped font; `scale` 2 suits a projector."""
    _register_font()
    png: bytes = vl_convert.vegalite_to_png(_xml_safe(spec), scale=scale, allowed_base_urls=[])
    return png


BENCHMARK_MEASURES = (
    "claimed benchmark score",
    "observed on the matching kind of work",
    "reweighted to the benchmark's mix",
)


def _benchmark_rows(case: Case, findings: Findings) -> list[dict[str, Any]]:
    """One row per plotted mark: each claim, and what the pilot observed against it."""
    names = case.vendors.tool_names()
    rows: list[dict[str, Any]] = []
    for gap in findings.benchmark_gaps:
        label = f"{names[gap.claim.tool]} · {gap.claim.benchmark} ({gap.claim.source_grade.value})"
        claimed, on_kind, on_mix = BENCHMARK_MEASURES
        rows.append({"claim": label, "measure": claimed, "value": gap.claim.score})
        rows[-1].update(low=None, high=None)
        observed = ((on_kind, gap.scope_cell), (on_mix, gap.mix))
        for measure, source in observed:
            if source is not None:
                a = source.acceptance
                rows.append(
                    {
                        "claim": label,
                        "measure": measure,
                        "value": a.point,
                        "low": a.low,
                        "high": a.high,
                    }
                )
    return rows


def _benchmark_alt_text(case: Case, findings: Findings) -> str:
    names = case.vendors.tool_names()
    parts = []
    for gap in findings.benchmark_gaps:
        text = (
            f"{names[gap.claim.tool]} claims {fmt.score(gap.claim.score)} on {gap.claim.benchmark}"
        )
        if gap.scope_cell is not None:
            text += f"; observed {fmt.percent(gap.scope_cell.acceptance.point)} on the matching kind of work"
        if gap.mix is not None:
            text += (
                f" and {fmt.percent(gap.mix.acceptance.point)} reweighted to the benchmark's mix"
            )
        parts.append(text)
    return (
        "Claimed benchmark scores beside observed acceptance with intervals. "
        + ". ".join(parts)
        + "."
    )


def benchmark_chart(case: Case, findings: Findings) -> Chart | None:
    """Claimed score beside observed acceptance, on the matching kind and reweighted to the claim's own mix."""
    rows = _benchmark_rows(case, findings)
    if not rows:
        return None
    data = pd.DataFrame(rows)
    order = list(BENCHMARK_MEASURES)
    y = alt.Y("claim:N", title=None, sort=None, axis=alt.Axis(labelLimit=260))
    x_scale = alt.Scale(domain=[0, 1])
    colour = alt.Color(
        "measure:N",
        title=None,
        sort=order,
        scale=alt.Scale(domain=order, range=["#111111", "#1f5fa8", "#b35806"]),
    )
    shape = alt.Shape(
        "measure:N",
        title=None,
        sort=order,
        scale=alt.Scale(domain=order, range=["diamond", "circle", "square"]),
    )
    offset = alt.YOffset("measure:N", sort=order)
    bars = (
        alt.Chart(data)
        .mark_rule(strokeWidth=1.5)
        .encode(y=y, yOffset=offset, x=alt.X("low:Q", scale=x_scale), x2="high:Q", color=colour)
    )
    points = (
        alt.Chart(data)
        .mark_point(filled=True, size=70, opacity=1)
        .encode(
            y=y,
            yOffset=offset,
            x=alt.X(
                "value:Q",
                scale=x_scale,
                title="share of attempts accepted / benchmark score",
                axis=alt.Axis(format="%", tickCount=5),
            ),
            color=colour,
            shape=shape,
        )
    )
    chart = (bars + points).properties(width=400, height=alt.Step(14)).configure(**CONFIG)
    spec = chart.to_dict()
    return Chart(
        "benchmark_vs_observed",
        "Claimed score and observed acceptance",
        to_svg(spec),
        _benchmark_alt_text(case, findings),
        spec,
    )


def verdict_chart(case: Case, findings: Findings) -> Chart | None:
    """The verdict for each tool on each kind of work, as a labelled grid."""
    names = case.vendors.tool_names()
    labels = {k.id: k.label for k in case.case.kinds_of_work}
    rows = [
        {
            "kind": labels[c.kind],
            "tool": names[c.tool],
            "verdict": c.decision.verdict.value,
            "dark": c.decision.verdict in (Verdict.AUTOMATE_WITH_REVIEW, Verdict.DO_NOT_AUTOMATE),
        }
        for c in findings.cells
    ]
    if not rows:
        return None
    data = pd.DataFrame(rows)
    kind_order = [k.label for k in case.case.kinds_of_work]
    verdicts = list(VERDICT_COLOURS)
    base = alt.Chart(data).encode(
        y=alt.Y("kind:N", sort=kind_order, title=None, axis=alt.Axis(labelLimit=200)),
        x=alt.X("tool:N", title=None, axis=alt.Axis(orient="top", labelAngle=0, labelLimit=140)),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color(
            "verdict:N",
            title=None,
            scale=alt.Scale(domain=verdicts, range=list(VERDICT_COLOURS.values())),
        )
    )
    text = base.mark_text(fontSize=9).encode(
        text="verdict:N",
        color=alt.condition("datum.dark", alt.value("white"), alt.value("#111111")),
    )
    chart = (cells + text).properties(width=alt.Step(120), height=alt.Step(26)).configure(**CONFIG)
    spec = chart.to_dict()
    in_order = sorted(
        rows, key=lambda r: (kind_order.index(str(r["kind"])), str(r["tool"]))
    )  # case.yaml's
    by_verdict = {
        v: [f"{r['kind']} with {r['tool']}" for r in in_order if r["verdict"] == v]
        for v in verdicts
    }
    alt_text = "Verdict for each tool on each kind of work. " + " ".join(
        f"{v.capitalize()}: {', '.join(items)}." for v, items in by_verdict.items() if items
    )
    return Chart("verdict_map", "Verdict by tool and kind of work", to_svg(spec), alt_text, spec)


def hours_chart(case: Case, findings: Findings) -> Chart | None:
    """Weekly hours freed per team: point and interval, adoption applied."""
    teams = [t for t in findings.workforce.teams if t.freed_hours is not None]
    if not teams:
        return None
    data = pd.DataFrame(
        [
            {
                "team": t.team,
                "low": t.freed_hours.low,
                "point": t.freed_hours.point,
                "high": t.freed_hours.high,
            }
            for t in teams
            if t.freed_hours
        ]
    )
    y = alt.Y("team:N", title=None, sort=None)
    x = alt.X("point:Q", title="engineering hours freed per week", scale=alt.Scale(zero=True))
    bars = alt.Chart(data).mark_bar(color="#9ecae1").encode(y=y, x=x)
    whiskers = (
        alt.Chart(data)
        .mark_rule(color="#111111", strokeWidth=1.5)
        .encode(y=y, x="low:Q", x2="high:Q")
    )
    chart = (bars + whiskers).properties(width=560, height=alt.Step(18)).configure(**CONFIG)
    spec = chart.to_dict()
    alt_text = "Engineering hours freed per week by team, with intervals. " + " ".join(
        f"{t.team}: {fmt.hours_interval(t.freed_hours).text}." for t in teams if t.freed_hours
    )
    return Chart("hours_by_team", "Hours freed per week by team", to_svg(spec), alt_text, spec)


def assumptions_chart(case: Case, findings: Findings) -> Chart | None:
    """Each share-of-hours assumption beside the range the evidence supports for its scope."""
    rows: list[dict[str, Any]] = [
        {
            "assumption": c.assumption.id,
            "claimed": c.claimed,
            "low": c.supported.low,
            "point": c.supported.point,
            "high": c.supported.high,
            "verdict": c.verdict.value,
        }
        for c in findings.assumptions
        if c.supported is not None
        and c.unit.value == "share of hours"
        and c.verdict.value != "not testable"
    ]
    if not rows:
        return None
    data = pd.DataFrame(rows)
    y = alt.Y("assumption:N", title=None, sort=None, axis=alt.Axis(labelLimit=200))
    scale = alt.Scale(
        domain=[0, min(1.0, 1.2 * float(data[["claimed", "high"]].max().max()))], nice=True
    )
    supported = (
        alt.Chart(data)
        .mark_rule(color="#1f5fa8", strokeWidth=6, opacity=0.5)
        .encode(
            y=y,
            x=alt.X(
                "low:Q", scale=scale, title="cut in engineering hours", axis=alt.Axis(format="%")
            ),
            x2="high:Q",
        )
    )
    point = (
        alt.Chart(data).mark_tick(color="#1f5fa8", thickness=2, size=14).encode(y=y, x="point:Q")
    )
    claimed = (
        alt.Chart(data)
        .mark_point(shape="diamond", filled=True, size=80, color="#111111")
        .encode(y=y, x="claimed:Q")
    )
    chart = (
        (supported + point + claimed).properties(width=400, height=alt.Step(20)).configure(**CONFIG)
    )
    spec = chart.to_dict()
    alt_text = (
        "Claimed cut in hours (diamond) against the supported range (band) per assumption. "
        + " ".join(
            f"{r['assumption']}: claims {fmt.percent(r['claimed'])}, supported "
            f"{fmt.percent(r['low'])} to {fmt.percent(r['high'])}, {r['verdict']}."
            for r in rows
        )
    )
    return Chart(
        "assumptions_vs_supported",
        "Assumptions against the supported range",
        to_svg(spec),
        alt_text,
        spec,
    )


def stability_chart(case: Case, findings: Findings) -> Chart | None:
    """Share of reweighted draws in which each ranked vendor comes first."""
    stability = findings.procurement.stability
    if stability is None:
        return None
    names = {v.id: v.name for v in case.vendors.vendors}
    rows = [
        {"vendor": names[v], "share": share, "label": fmt.percent(share)}
        for v, share in stability.first_share.items()
    ]
    data = pd.DataFrame(rows)
    y = alt.Y("vendor:N", title=None, sort=None, axis=alt.Axis(labelLimit=200))
    x = alt.X(
        "share:Q",
        scale=alt.Scale(domain=[0, 1]),
        title="share of draws in which the vendor ranks first",
        axis=alt.Axis(format="%", tickCount=5),
    )
    bars = alt.Chart(data).mark_bar(color="#1f5fa8", height=16).encode(y=y, x=x)
    labels = (
        alt.Chart(data)
        .mark_text(align="left", dx=4, color="#222", fontSize=10)
        .encode(y=y, x=x, text="label:N")
    )
    chart = (bars + labels).properties(width=380, height=alt.Step(26)).configure(**CONFIG)
    spec = chart.to_dict()
    parts = [f"{r['vendor']} first in {r['label']} of draws" for r in rows]
    alt_text = (
        f"Ranking stability over {stability.draws:,} seeded reweightings of the fit weights "
        f"(each ×{1 - stability.spread:g} to ×{1 + stability.spread:g}): " + "; ".join(parts) + "."
    )
    return Chart(
        "ranking_stability", "How often each vendor ranks first", to_svg(spec), alt_text, spec
    )


def build_charts(case: Case, findings: Findings) -> tuple[Chart, ...]:
    made = (
        benchmark_chart(case, findings),
        verdict_chart(case, findings),
        hours_chart(case, findings),
        assumptions_chart(case, findings),
        stability_chart(case, findings),
    )
    return tuple(c for c in made if c is not None)
