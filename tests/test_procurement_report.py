"""The procurement PDF, end to end: the first page carries the vendor decision."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from adoptreport import api
from adoptreport.analysis.procurement import GateStatus
from adoptreport.models import Audience
from adoptreport.statements import formatting as fmt
from tests.conftest import DefaultBuilds, collapse, pdf_text
from tests.test_render import _rightmost_word, untraced_numbers

pytestmark = pytest.mark.slow  # end to end: real PDFs, processes or many examples

Built = tuple[api.Report, Path, str]


@pytest.fixture(scope="module")
def procurement_report(default_builds: DefaultBuilds) -> Built:
    return default_builds(Audience.PROCUREMENT)


def _page(path: Path, index: int) -> str:
    return collapse(PdfReader(path).pages[index].extract_text())


MATRIX_PAGE = 2  # after the cover and the decisions page


def test_first_page_shows_the_excluded_vendor_and_the_benchmark_leader_not_fitting_best(
    procurement_report: Built,
) -> None:
    report, path, _ = procurement_report
    first = _page(path, MATRIX_PAGE)
    vendors = {v.vendor: v for v in report.findings.procurement.vendors}
    assert vendors["cobalt"].status is GateStatus.FAIL
    assert (
        "Cobalt Systems is excluded by a must-requirement: Data region eu-west is not met" in first
    )
    assert "required: eu-west" in first
    headline = report.findings.procurement.headline
    assert headline is not None and headline.vendor == "apex-ai"
    assert vendors["apex-ai"].rank == 2 and vendors["brightline"].rank == 1
    assert (
        f"Apex AI has the highest official-source benchmark claim ({fmt.score(headline.score)} "
        "on SWE-bench Verified for Apex Coder 5), yet ranks 2 of 2 on weighted fit" in first
    )
    assert "Brightline fits best" in first
    # The matrix is on the first page too: each vendor with its gate badge and fit score.
    for vendor in vendors.values():
        assert vendor.name in first
    assert "excluded" in first and "passes" in first
    assert fmt.fit_score(vendors["brightline"].fit.score or 0) in first


def test_one_page_per_vendor(procurement_report: Built) -> None:
    report, path, _ = procurement_report
    pages = [collapse(p.extract_text()) for p in PdfReader(path).pages]
    starts = []
    for vendor in report.findings.procurement.vendors:
        heading = f"{vendor.name} {'excluded' if vendor.excluded else 'passes'} "
        found = [i for i, text in enumerate(pages) if text.startswith(heading)]
        assert len(found) == 1, vendor.name
        starts += found
    # Consecutive pages, and the section after the last vendor opens a fresh page: no spill.
    assert starts == list(range(starts[0], starts[0] + len(starts)))
    assert pages[starts[-1] + 1].startswith("Benchmark claims against our own work")


def test_stability_chart_has_alt_text_with_the_shares(procurement_report: Built) -> None:
    report, _, text = procurement_report
    stability = report.findings.procurement.stability
    assert stability is not None and stability.stable
    assert "the ranking is stable" in text
    from tests.test_render import _structure_elements

    elements: list[dict[str, object]] = []
    _, path, _ = procurement_report
    _structure_elements(PdfReader(path).trailer["/Root"]["/StructTreeRoot"], elements)
    alts = [str(e.get("/Alt", "")) for e in elements if e["/S"] == "/Figure"]
    assert any("Brightline first in 100% of draws" in a for a in alts), alts


def test_hallucination_claim_is_tested_against_both_tools(procurement_report: Built) -> None:
    report, _, text = procurement_report
    apex = next(v for v in report.findings.procurement.vendors if v.vendor == "apex-ai")
    check = apex.claims[0]
    assert check.ratio is not None and not check.ratio.contains(check.claimed)
    assert check.stratified is not None and check.ratio == check.stratified.ratio
    assert f"the rate ratio is {fmt.ratio_interval(check.ratio).text}" in text
    assert "the claimed 0.40 lies below the stratified interval: contradicted by the pilot" in text


def test_every_number_printed_is_in_the_ledger(procurement_report: Built) -> None:
    report, _, text = procurement_report
    assert not untraced_numbers(report, text, Audience.PROCUREMENT)


def test_nothing_runs_past_the_right_margin(procurement_report: Built) -> None:
    _, path, _ = procurement_report
    rightmost, width = _rightmost_word(path)
    assert rightmost <= width - 18 / 25.4 * 72 + 1


def test_benchmark_claims_show_their_source_grade_wherever_quoted(
    procurement_report: Built,
) -> None:
    report, _, text = procurement_report
    for claim in report.case.benchmarks.claims:
        quoted = [
            m.start()
            for m in re.finditer(re.escape(f"{fmt.score(claim.score)} on {claim.benchmark}"), text)
        ]
        assert quoted, claim.id
        for start in quoted:
            window = text[start : start + 200]
            assert (
                f"{claim.source_grade.value} source" in window
                or f"{claim.source_grade.value}-source" in text[start - 80 : start]
            ), claim.id


def test_paths_the_default_case_does_not_take(case_copy: Path, tmp_path: Path) -> None:
    """No baseline in the pilot → not verifiable; an unstated must → unverified, still ranked."""
    import pandas as pd
    import yaml

    pilot = pd.read_csv(case_copy / "pilot.csv", dtype=str, keep_default_na=False)
    pilot[pilot["tool"] != "apex-coder-4"].to_csv(case_copy / "pilot.csv", index=False)
    vendors = yaml.safe_load((case_copy / "vendors.yaml").read_text())
    brightline = next(v for v in vendors["vendors"] if v["id"] == "brightline")
    del brightline["sso"], brightline["context_window_tokens"]
    (case_copy / "vendors.yaml").write_text(yaml.safe_dump(vendors, sort_keys=False))
    out = tmp_path / "p.pdf"
    report = api.build(case_copy, out, Audience.PROCUREMENT)
    text = pdf_text(out)
    apex = next(v for v in report.findings.procurement.vendors if v.vendor == "apex-ai")
    assert apex.claims[0].ratio is None
    assert (
        "The pilot did not run Apex Coder 4; Apex Coder 5 had "
        f"{fmt.rate_interval(apex.claims[0].observed.rate).text} incidents per attempt, and the "  # type: ignore[union-attr]
        "claimed reduction is not verifiable from local data." in text
    )
    bright = next(v for v in report.findings.procurement.vendors if v.vendor == "brightline")
    assert bright.status is GateStatus.UNVERIFIED and bright.rank == 1
    assert "Single sign-on: unverified. Brightline does not state its single sign-on" in text
    assert "Brightline fails no must-requirement but does not state" in text
    assert "Brightline states no context window, so whether route-planner" in text
    assert "not measured" in _page(out, MATRIX_PAGE)  # the matrix's context cell for Brightline
