"""Findings → Vega-Lite specs (altair) → SVG, rendered offline by vl-convert."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd
import vl_convert

from adoptreport.analysis.findings import Findings
from adoptreport.analysis.verdicts import Verdict
from adoptreport.models.folder import Case
from adoptreport.report.fonts import drawable, family_for, font_files
from adoptreport.statements import formatting as fmt
from adoptreport.statements.labels import assumption_label
from adoptreport.text import visible_controls

FONT = "Inter"  # SVG text takes one family; with_label_fonts picks another for other scripts
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
    "axis": {"labelFontSize": 11, "titleFontSize": 11, "labelColor": "#222", "titleColor": "#222"},
    "legend": {"labelFontSize": 11, "titleFontSize": 11, "orient": "bottom", "labelLimit": 320},
}


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    svg: str
    alt: str  # what the chart shows, in words, with its key numbers
    spec: dict[str, Any]
    note: str = ""  # which items of the series are left out, and why; "" when none are


@functools.cache
def _register_font() -> None:
    """vl-convert measures and draws text only with fonts it has been given: ours, in order."""
    for folder in dict.fromkeys(str(f.path.parent) for f in font_files()):
        vl_convert.register_font_directory(folder)


def _xml_safe(value: Any) -> Any:
    """Every string in a spec with its control characters written out (SVG cannot hold them)."""
    if isinstance(value, str):
        return drawable(visible_controls(value))
    if isinstance(value, dict):
        return {_xml_safe(k): _xml_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_xml_safe(v) for v in value]
    return value


def _data_strings(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return {s for v in value.values() for s in _data_strings(v)}
    if isinstance(value, list):
        return {s for v in value for s in _data_strings(v)}
    return set()


def with_label_fonts(spec: dict[str, Any]) -> dict[str, Any]:
    """Axis and legend labels in a script Inter lacks get a family that draws them."""
    others: dict[str, list[str]] = {}
    for text in sorted(_data_strings(spec.get("datasets", {}))):
        family = family_for(text)
        if family != "Inter":
            others.setdefault(family, []).append(text)
    if not others:
        return spec
    expression = "'Inter'"
    for family, texts in reversed(others.items()):
        listed = ", ".join(json.dumps(t) for t in texts)
        expression = f"indexof([{listed}], datum.label) >= 0 ? {json.dumps(family)} : {expression}"
    config = dict(spec.get("config", {}))
    for part in ("axis", "legend"):
        config[part] = {**config.get(part, {}), "labelFont": {"expr": expression}}
    return {**spec, "config": config}


def to_svg(spec: dict[str, Any]) -> str:
    """Render offline: no data or images may be fetched from any URL."""
    _register_font()
    svg: str = vl_convert.vegalite_to_svg(with_label_fonts(_xml_safe(spec)), allowed_base_urls=[])
    return svg


def to_png(spec: dict[str, Any], scale: float = 2.0) -> bytes:
    """A PNG for slides, rendered offline with the shipped font; `scale` 2 suits a projector."""
    _register_font()
    png: bytes = vl_convert.vegalite_to_png(
        with_label_fonts(_xml_safe(spec)), scale=scale, allowed_base_urls=[]
    )
    return png


SUPPORTED_RANGE = "range the evidence supports (interval)"
ASSUMPTION_MARKS = {
    SUPPORTED_RANGE: "#7fa7d4",
    "supported estimate": "#1f5fa8",
    "cut the plan claims": "#111111",
}

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
                title="tasks succeeded (%): benchmark tasks solved, or our attempts accepted",
                axis=alt.Axis(format="%", tickCount=5),
            ),
            color=colour,
            shape=shape,
        )
    )
    chart = (bars + points).properties(width=330, height=alt.Step(16)).configure(**CONFIG)
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
    text = base.mark_text(fontSize=11).encode(
        text="verdict:N",
        color=alt.condition("datum.dark", alt.value("white"), alt.value("#111111")),
    )
    chart = (cells + text).properties(width=alt.Step(118), height=alt.Step(26)).configure(**CONFIG)
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
    x = alt.X("point:Q", title="engineering hours freed per week (h)", scale=alt.Scale(zero=True))
    bars = alt.Chart(data).mark_bar(color="#9ecae1").encode(y=y, x=x)
    whiskers = (
        alt.Chart(data)
        .mark_rule(color="#111111", strokeWidth=1.5)
        .encode(y=y, x="low:Q", x2="high:Q")
    )
    chart = (bars + whiskers).properties(width=520, height=alt.Step(22)).configure(**CONFIG)
    spec = chart.to_dict()
    alt_text = "Engineering hours freed per week by team, with intervals. " + " ".join(
        f"{t.team}: {fmt.hours_interval(t.freed_hours).text}." for t in teams if t.freed_hours
    )
    return Chart("hours_by_team", "Hours freed per week by team", to_svg(spec), alt_text, spec)


def assumptions_chart(case: Case, findings: Findings) -> Chart | None:
    """Each share-of-hours assumption beside the range the evidence supports for its scope."""
    rows: list[dict[str, Any]] = [
        {
            "assumption": assumption_label(i),
            "claimed": c.claimed,
            "low": c.supported.low,
            "point": c.supported.point,
            "high": c.supported.high,
            "verdict": c.verdict.value,
        }
        for i, c in enumerate(findings.assumptions, start=1)
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
    marks = alt.Scale(domain=list(ASSUMPTION_MARKS), range=list(ASSUMPTION_MARKS.values()))
    legend = alt.Legend(title=None, orient="bottom", symbolType="square")

    colour = alt.Color("what:N", scale=marks, legend=legend)

    x = alt.X("low:Q", scale=scale, title="cut in engineering hours (%)", axis=alt.Axis(format="%"))
    supported = (
        alt.Chart(data)
        .transform_calculate(what=f"'{SUPPORTED_RANGE}'")
        .mark_rule(strokeWidth=6, opacity=0.5)
        .encode(y=y, x=x, x2="high:Q", color=colour)
    )
    point = (
        alt.Chart(data)
        .transform_calculate(what="'supported estimate'")
        .mark_tick(thickness=2, size=14)
        .encode(y=y, x="point:Q", color=colour)
    )
    claimed = (
        alt.Chart(data)
        .transform_calculate(what="'cut the plan claims'")
        .mark_point(shape="diamond", filled=True, size=80, opacity=1)
        .encode(y=y, x="claimed:Q", color=colour)
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
        "Staffing assumptions: the cut each claims against the range the evidence supports",
        to_svg(spec),
        alt_text,
        spec,
        _left_out(findings),
    )


def _left_out(findings: Findings) -> str:
    """The assumptions the chart does not plot, and why (the table below has every one)."""
    reasons = []
    for i, c in enumerate(findings.assumptions, start=1):
        if c.supported is None or c.verdict.value == "not testable":
            reasons.append(f"{assumption_label(i)} (not testable)")
        elif c.unit.value != "share of hours":
            reasons.append(f"{assumption_label(i)} (claims FTE, not a share of hours)")
    if not reasons:
        return ""
    return "Not plotted: " + "; ".join(reasons) + ". The table below gives every assumption."


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
        title="draws in which the vendor ranks first (%)",
        axis=alt.Axis(format="%", tickCount=5),
    )
    bars = alt.Chart(data).mark_bar(color="#1f5fa8", height=16).encode(y=y, x=x)
    labels = (
        alt.Chart(data)
        .mark_text(align="left", dx=4, color="#222", fontSize=11)
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
