"""End to end on the real PDF: text, numbers, structure, fonts, reproducibility."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
from pypdf import PdfReader

import adoptreport
from adoptreport import api
from adoptreport.analysis.verdicts import Verdict
from adoptreport.models import Audience
from adoptreport.models.folder import Case
from adoptreport.statements import Section
from adoptreport.statements import formatting as fmt
from adoptreport.statements.audiences import headline_ids, printed_statements
from adoptreport.statements.labels import assumption_label, requirement_label
from tests.conftest import DEFAULT_CASE, DefaultBuilds, collapse

pytestmark = pytest.mark.slow  # end to end: real PDFs, processes or many examples

Built = tuple[api.Report, Path, str]


def _summary_page(path: Path) -> str:
    return collapse(PdfReader(path).pages[2].extract_text())  # after cover and decisions


def test_summary_states_claim_observed_and_verdicts(default_report: Built) -> None:
    report, path, _ = default_report
    summary = _summary_page(path)
    headline = next(g for g in report.findings.benchmark_gaps if g.claim.id == "apex5-swebv")
    assert headline.scope_cell is not None
    assert f"reports {fmt.score(headline.claim.score)} on SWE-bench Verified" in summary
    assert fmt.percent_interval(headline.scope_cell.acceptance).text in summary
    # A one-kind claim is compared with that kind only, never with our whole work mix.
    assert headline.mix is None and "weighted by our engineering hours" not in summary
    for kind in report.findings.kinds:
        assert kind.label in summary
        assert kind.verdict.value in summary


def test_statement_sentences_appear_in_the_pdf(default_report: Built) -> None:
    report, _, text = default_report
    kinds = {f"verdict.{k.kind}": k for k in report.findings.kinds}
    audience = report.case.case.default_audience
    shown = printed_statements(report.findings, report.statements, audience)
    assert len(shown) < len(report.statements)  # the board's cut leaves the cell table out
    in_words = set(headline_ids(report.findings))
    for statement in shown:
        if re.fullmatch(r"benchmark\.[^.]+\.(claim|scope|mix)", statement.id) and (
            statement.id not in in_words
        ):  # the board plots the other claims; its ledger says so
            assert f"{statement.id} (plotted)" in text, statement.id
        elif statement.id in kinds:  # shown as a table row: kind, verdict, then the evidence
            kind = kinds[statement.id]
            assert statement.lead == f"{kind.label}: {kind.verdict.value}. "
            assert f"{kind.label} {kind.verdict.value} {statement.body}" in text, statement.id
        elif statement.section is Section.ASSUMPTIONS:  # a table row: id, verdict, finding
            assert statement.lead and statement.body in text, statement.id
        elif statement.section is Section.VERDICTS:  # a row of the table of cells
            for number in statement.numbers:
                assert number.text == (
                    f"{number.figure} ({number.spread})" if number.spread else number.figure
                )
                assert number.figure in text, statement.id
                assert not number.spread or f"({number.spread})" in text, statement.id
        else:
            assert statement.text in text, statement.id


def test_every_verdict_kind_occurs_in_the_default_case(default_report: Built) -> None:
    report, _, _ = default_report
    assert {c.decision.verdict for c in report.findings.cells} == set(Verdict)


NUMBER = re.compile(r"(?<![\w.])[−-]?\d[\d,]*(?:\.\d+)?")


def _body_numbers(text: str, names: list[str]) -> set[str]:
    body = text.split("Evidence ledger Each statement")[0]
    # The claims review quotes the draft deck as written: its numbers are the draft's, on trial.
    body = re.sub(r"Claims review: the draft deck.*?(?=Methodology and limitations How)", "", body)
    body = re.sub(r"Page \d+ of \d+", "", body)
    for name in names:
        body = body.replace(name, "")
    return {n.lstrip("−-").replace(",", "") for n in NUMBER.findall(body)}


def case_names(case: Case) -> list[str]:
    """Names and ids the report quotes as written, whose digits are not findings."""
    names = [t.name for v in case.vendors.vendors for t in v.tools]
    names += [c.model for c in case.benchmarks.claims] + [c.source for c in case.benchmarks.claims]
    names += [c.benchmark for c in case.benchmarks.claims] + [case.case.title, case.case.period]
    names += [case.case.report_date.strftime("%-d %B %Y"), f"adoptreport {adoptreport.__version__}"]
    names += [a.source or "" for a in case.assumptions.assumptions]
    names += [a.id for a in case.assumptions.assumptions]
    names += [c.source for v in case.vendors.vendors for c in v.hallucination_claims]
    names += [c for v in case.vendors.vendors for c in v.certifications or []]
    names += [r for v in case.vendors.vendors for r in v.deployment.regions or []]
    names += [r.id for r in [*case.requirements.must, *case.requirements.should]]
    names += [requirement_label(r) for r in [*case.requirements.must, *case.requirements.should]]
    names += [assumption_label(i + 1) for i in range(len(case.assumptions.assumptions))]
    names += [c.name for c in case.case.codebases]
    names += [str(t) for t in case.pilot["task_id"].unique()]  # named by the data checks
    return sorted(names, key=len, reverse=True)


def untraced_numbers(report: api.Report, text: str, audience: Audience) -> set[str]:
    """Numbers in the PDF body that no printed statement of the audience carries."""
    ledger = {
        n.lstrip("−-").replace(",", "")
        for s in report.statements
        if audience in s.audiences
        for number in s.numbers
        for n in NUMBER.findall(number.text)
    }
    # Chart axes print round scale marks (0, 5, 10, … and 0, 10, 20, …), not findings.
    axis_ticks = {str(n) for n in range(0, 101, 5)} | {str(n) for n in range(0, 1001, 10)}
    return _body_numbers(text, case_names(report.case)) - ledger - axis_ticks


@pytest.mark.parametrize("built", ["default_report", "full_report"])
def test_every_number_printed_is_in_the_evidence_ledger(
    built: str, request: pytest.FixtureRequest
) -> None:
    report, _, text = request.getfixturevalue(built)
    audience = Audience.FULL if built == "full_report" else report.case.case.default_audience
    assert not untraced_numbers(report, text, audience)


def test_pdf_is_tagged_titled_and_uses_the_shipped_font(default_report: Built) -> None:
    report, path, _ = default_report
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    assert reader.metadata is not None and report.case.case.title in (reader.metadata.title or "")
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert fonts and all(f.startswith("Inter") for f in fonts), fonts


def _structure_elements(node: object, found: list[dict[str, object]]) -> None:
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, dict):
        if "/S" in node:
            found.append(node)
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids]:
            if kid is not None and not isinstance(kid, int):
                _structure_elements(kid, found)
    elif isinstance(node, list):
        for kid in node:
            _structure_elements(kid, found)


def test_charts_are_tagged_figures_with_alt_text(default_report: Built) -> None:
    report, path, _ = default_report
    elements: list[dict[str, object]] = []
    _structure_elements(PdfReader(path).trailer["/Root"]["/StructTreeRoot"], elements)
    figures = [e for e in elements if e["/S"] == "/Figure"]
    assert len(figures) >= 2
    alts = [str(f.get("/Alt", "")) for f in figures]
    assert all(alts)
    headline = next(g for g in report.findings.benchmark_gaps if g.claim.id == "apex5-swebv")
    assert any(f"{headline.claim.score:.1%}" in a for a in alts)


def test_same_case_gives_identical_bytes(default_report: Built, tmp_path: Path) -> None:
    report, _, _ = default_report
    again = api.build(DEFAULT_CASE, tmp_path / "again.pdf")
    assert again.pdf == report.pdf


def test_templates_ship_inside_the_installed_package() -> None:
    packaged = resources.files("adoptreport") / "templates" / "report.html.j2"
    starter = resources.files("adoptreport") / "starter" / "case.yaml"
    if "site-packages" not in adoptreport.__file__:
        pytest.skip("running from a source checkout; `make test` runs against a plain install")
    assert packaged.is_file()
    assert starter.is_file()


def _rightmost_word(path: Path) -> tuple[float, float]:
    """The largest right edge of any word, and the page width, in points."""
    import subprocess

    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', html)]
    width = float(re.search(r'<page width="([\d.]+)"', html).group(1))  # type: ignore[union-attr]
    return max(edges), width


@pytest.mark.parametrize("audience", ["board", "full"])
def test_nothing_runs_past_the_right_margin(audience: str, default_builds: DefaultBuilds) -> None:
    _, out, _ = default_builds(Audience(audience))
    rightmost, width = _rightmost_word(out)
    assert rightmost <= width - 18 / 25.4 * 72 + 1  # the page's 18 mm right margin


def test_claims_review_section_quotes_the_draft_and_blocks_the_leap(full_report: Built) -> None:
    _, _, text = full_report
    section = text[text.index("Claims review: the draft deck against the evidence Each") :]
    assert (
        "“Apex Coder 5 scores 88.7% on SWE-bench Verified, so we can automate most of our engineering.”"
        in section
    )
    assert "blocked-extrapolation" in section
