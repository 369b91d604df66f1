"""The report as a product: audiences, paper, stamp, exports, reproducibility across processes."""

from __future__ import annotations

import io
import itertools
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest
from fontTools.ttLib import TTFont
from PIL import Image
from pypdf import PdfReader
from typer.testing import CliRunner

from adoptreport import api
from adoptreport.analysis.findings import analyse
from adoptreport.cli.app import app
from adoptreport.cli.terminal import wants_progress
from adoptreport.models import Audience
from adoptreport.report.charts import build_charts
from adoptreport.report.formats import OutputFormat
from adoptreport.report.render import FONT_FILES, font_dir
from adoptreport.report.statements_json import FORMAT, statements_from_json
from adoptreport.statements.audiences import printed_statements
from tests.conftest import DEFAULT_CASE, collapse

pytestmark = pytest.mark.slow  # end to end: real PDFs, processes or many examples

Built = tuple[api.Report, Path, str]
runner = CliRunner()
STAMP = re.compile(r"Built with adoptreport (\S+) from inputs with hash ([0-9a-f]{12})\b")


def _page_text(path: Path, index: int) -> str:
    return collapse(PdfReader(path).pages[index].extract_text())


def test_a_build_in_another_process_gives_identical_bytes(
    default_report: Built, tmp_path: Path
) -> None:
    """A child process (its own imports, hash seed and font cache) writes this session's bytes."""
    _, built_here, _ = default_report
    out = tmp_path / "child.pdf"
    env = {**os.environ, "CI": "1"}
    command = [sys.executable, "-m", "adoptreport", "build", str(DEFAULT_CASE), "-o", str(out)]
    subprocess.run(command, env=env, check=True, timeout=300)
    child = out.read_bytes()
    assert child[:5] == b"%PDF-" and child == built_here.read_bytes()


def test_the_stamp_shows_version_and_input_hash_on_the_last_page(default_report: Built) -> None:
    report, path, _ = default_report
    last = _page_text(path, len(PdfReader(path).pages) - 1)
    stamp = STAMP.search(last)
    assert stamp is not None, last
    assert stamp.group(1) == "0.1.0"
    assert stamp.group(2) == api.case_hash(DEFAULT_CASE)[:12] == report.input_hash[:12]
    assert "adoptreport hash CASE prints it in full" in last
    result = runner.invoke(app, ["hash", str(DEFAULT_CASE)])
    assert result.exit_code == 0 and result.output.strip() == report.input_hash


def test_changing_one_pilot_row_changes_the_hash_on_the_stamp(
    default_report: Built, case_copy: Path, tmp_path: Path
) -> None:
    _, path, _ = default_report
    pilot = pd.read_csv(case_copy / "pilot.csv")
    pilot.loc[0, "review_minutes"] = pilot.loc[0, "review_minutes"] + 1
    pilot.to_csv(case_copy / "pilot.csv", index=False)
    out = tmp_path / "changed.pdf"
    api.build(case_copy, out)
    before = STAMP.search(_page_text(path, len(PdfReader(path).pages) - 1))
    after = STAMP.search(_page_text(out, len(PdfReader(out).pages) - 1))
    assert before is not None and after is not None
    assert before.group(2) != after.group(2)
    assert after.group(2) == api.case_hash(case_copy)[:12]


def _embedded_fonts(path: Path) -> list[tuple[str, TTFont]]:
    """Every font file embedded anywhere in the PDF, with its PDF name."""
    found: dict[int, tuple[str, TTFont]] = {}

    def visit(resources: object) -> None:
        resources = resources.get_object() if hasattr(resources, "get_object") else resources
        if not isinstance(resources, dict):
            return
        for ref in resources.get("/Font", {}).values():
            font = ref.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            data = descriptor["/FontFile2"].get_object()
            found[id(data)] = (str(font["/BaseFont"]), TTFont(io.BytesIO(data.get_data())))
        for xobject in resources.get("/XObject", {}).values():
            visit(xobject.get_object().get("/Resources"))

    for page in PdfReader(path).pages:
        visit(page["/Resources"])
    return list(found.values())


def test_every_embedded_font_is_the_shipped_inter(default_report: Built) -> None:
    _, path, _ = default_report
    shipped = {
        (str(t["name"].getName(3, 3, 1)), str(t["name"].getName(5, 3, 1)))
        for t in (TTFont(font_dir() / name) for name in FONT_FILES)
    }
    fonts = _embedded_fonts(path)
    assert len(fonts) >= 3
    for name, font in fonts:
        assert name.split("+")[-1].startswith("Inter"), name
        identity = (str(font["name"].getName(3, 3, 1)), str(font["name"].getName(5, 3, 1)))
        assert identity in shipped, (name, identity)


@pytest.fixture(scope="module")
def letter_board(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default case's board report on US Letter, built through the CLI."""
    out = tmp_path_factory.mktemp("letter") / "letter.pdf"
    result = runner.invoke(
        app,
        ["build", str(DEFAULT_CASE), "-o", str(out), "--paper", "letter", "--audience", "board"],
    )
    assert result.exit_code == 0, result.output
    return out


def test_board_report_is_six_pages_at_most_with_the_summary_alone_on_page_three(
    default_report: Built, letter_board: Path
) -> None:
    report, path, _ = default_report
    assert report.case.case.default_audience is Audience.BOARD
    for pdf in (path, letter_board):
        pages = PdfReader(pdf).pages
        # At most six pages of report before the page the evidence appendix opens on.
        opening = next(
            i for i, p in enumerate(pages) if "Evidence ledger Each" in collapse(p.extract_text())
        )
        assert opening <= 6, (pdf.name, opening)
        assert "Decisions requested" in _page_text(pdf, 1)
        summary, after = _page_text(pdf, 2), _page_text(pdf, 3)
        assert "Executive summary" in summary and "Executive summary" not in after
        # The summary's last element (its closing note) is on page 3 too.
        assert "the more the pilot has settled the figure" in summary
        for kind in report.findings.kinds:
            assert kind.label in summary
        assert "Benchmark claims against our own work" in after


def test_full_report_keeps_every_section(full_report: Built) -> None:
    _, _, text = full_report
    for heading in (
        "Executive summary",
        "Benchmark claims against our own work",
        "Verdicts by tool and kind of work",
        "Review burden and hallucinations",
        "Hours and people",
        "Staffing assumptions checked against the evidence",
        "Cost and value",
        "Claims review",
        "Methodology and limitations",
        "Evidence ledger",
    ):
        assert heading in text, heading


@pytest.mark.parametrize(
    ("built", "size"), [("default_report", (595.28, 841.89)), ("letter_board", (612.0, 792.0))]
)
def test_paper_sets_the_media_box(
    built: str, size: tuple[float, float], request: pytest.FixtureRequest
) -> None:
    value = request.getfixturevalue(built)
    path = value if isinstance(value, Path) else value[1]
    for page in PdfReader(path).pages:
        box = [float(v) for v in page.mediabox]
        assert box[:2] == [0.0, 0.0]
        assert box[2:] == pytest.approx(size, abs=0.05)


@pytest.mark.parametrize("built", ["default_report", "full_report"])
def test_every_chart_in_each_audience_has_alt_text_with_numbers(
    built: str, request: pytest.FixtureRequest
) -> None:
    from tests.test_render import _structure_elements

    _, path, _ = request.getfixturevalue(built)
    elements: list[dict[str, object]] = []
    _structure_elements(PdfReader(path).trailer["/Root"]["/StructTreeRoot"], elements)
    figures = [e for e in elements if e["/S"] == "/Figure"]
    assert len(figures) >= 3
    for figure in figures:
        alt = str(figure.get("/Alt", ""))
        assert len(alt) > 40 and re.search(r"\d", alt), alt


def test_json_holds_every_printed_statement_and_round_trips(
    default_report: Built, tmp_path: Path
) -> None:
    report, _, text = default_report
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["build", str(DEFAULT_CASE), "-o", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    raw = out.read_text(encoding="utf-8")
    document = json.loads(raw)
    assert document["format"] == FORMAT
    assert document["case"]["input_sha256"] == report.input_hash
    assert raw == json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    printed = printed_statements(report.findings, report.statements, Audience.BOARD)
    assert statements_from_json(raw) == printed
    # Every statement the PDF prints is in the JSON, and the PDF's ledger names each one.
    ids = {s["id"] for s in document["statements"]}
    ledger = text[text.index("Evidence ledger Each statement") :]
    assert ids == {s.id for s in printed}
    for statement_id in ids:
        assert statement_id in ledger, statement_id
    for statement in document["statements"]:
        for number in statement["numbers"]:
            assert set(number) == {"name", "value", "unit", "text", "interval"}
    again = tmp_path / "again.json"
    api.build(DEFAULT_CASE, again, format=OutputFormat.JSON)
    assert again.read_bytes() == out.read_bytes()


def test_html_is_self_contained_and_says_what_the_pdf_says(
    default_report: Built, tmp_path: Path
) -> None:
    report, _, _ = default_report
    out = tmp_path / "report.html"
    api.build(DEFAULT_CASE, out, format=OutputFormat.HTML)
    html = out.read_text(encoding="utf-8")
    assert "<link" not in html and "file:" not in html
    urls = re.findall(r"""(?:src|href)=["']([^"']+)""", html)
    urls += re.findall(r"""url\(["']?([^"')]+)""", html)
    assert urls and all(u.startswith("data:") or u.startswith("#") for u in urls), urls
    assert html.count('<img src="data:image/svg+xml;base64,') >= 3
    headline = next(s for s in report.statements if s.id == "benchmark.apex5-swebv.claim")
    # A number is kept on one line by a span of its own: read the text without those spans.
    plain = re.sub(r'<span class="nb">([^<]*)</span>', r"\1", html)
    assert headline.text.replace("'", "&#39;") in plain
    assert re.search(r"from inputs with hash <span class=\"hash\">[0-9a-f]{12}</span>", html)
    # Long words get break points in text, never inside an anchor id.
    anchors = re.findall(r'\bid="([^"]*)"', html)
    assert "benchmark.scope.small_feature.meaning" in anchors
    assert not [a for a in anchors if "\u200b" in a]


def test_charts_dir_gets_svg_and_png_of_each_chart(tmp_path: Path) -> None:
    charts = tmp_path / "charts"
    out = tmp_path / "report.json"  # the quickest format; the charts are what is tested
    result = runner.invoke(
        app,
        ["build", str(DEFAULT_CASE), "-o", str(out), "--format", "json", "--charts", str(charts)],
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in charts.iterdir())
    ids = sorted({Path(n).stem for n in names})
    case = api.validate(DEFAULT_CASE)
    expected = {c.id for c in build_charts(case, analyse(case))}
    assert len(expected) >= 4 and set(ids) == expected
    assert names == sorted(f"{i}{s}" for i in ids for s in (".svg", ".png"))
    for chart_id in ids:
        root = ET.fromstring((charts / f"{chart_id}.svg").read_text(encoding="utf-8"))
        assert root.tag.endswith("svg")
        assert "Inter" in (charts / f"{chart_id}.svg").read_text(encoding="utf-8")
        with Image.open(charts / f"{chart_id}.png") as image:
            image.load()
            assert image.format == "PNG" and image.width > 300 and image.height > 100
            # Not blank: a chart has ink.
            assert image.convert("L").getextrema()[0] < 128


def test_progress_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert wants_progress()
    monkeypatch.setenv("CI", "true")
    assert not wants_progress()
    monkeypatch.delenv("CI")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert not wants_progress()


def test_build_without_a_terminal_prints_no_progress(tmp_path: Path) -> None:
    out = str(tmp_path / "r.json")
    result = runner.invoke(app, ["build", str(DEFAULT_CASE), "-o", out, "--format", "json"])
    assert result.exit_code == 0
    assert result.output.startswith("wrote ") and "Rendering" not in result.output


def test_verdict_colours_stay_apart_in_grey() -> None:
    from adoptreport.report.charts import VERDICT_COLOURS

    def luma(colour: str) -> float:
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        return 0.299 * r + 0.587 * g + 0.114 * b

    greys = sorted(luma(c) for c in VERDICT_COLOURS.values())
    assert min(b - a for a, b in itertools.pairwise(greys)) >= 45, greys
    css = (Path(__file__).parents[1] / "templates" / "report.css").read_text()
    for variable, verdict in (
        ("automate", "automate with review"),
        ("assist", "assist"),
        ("insufficient", "insufficient evidence"),
        ("donot", "do not automate"),
    ):
        assert f"--{variable}: {VERDICT_COLOURS[verdict]};" in css


def test_letter_board_keeps_inside_the_right_margin(letter_board: Path) -> None:
    from tests.test_render import _rightmost_word

    rightmost, width = _rightmost_word(letter_board)
    assert width == pytest.approx(612.0, abs=0.05)
    assert rightmost <= width - 18 / 25.4 * 72 + 1  # the page's 18 mm right margin
