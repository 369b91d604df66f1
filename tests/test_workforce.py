"""Hours, FTE and assumption verdicts on small hand-computed cases; exports; the finance PDF."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from adoptreport import api
from adoptreport.analysis.assumptions import AssumptionVerdict, check_assumption
from adoptreport.analysis.stats import Interval
from adoptreport.analysis.verdicts import Verdict
from adoptreport.analysis.workforce import Support, kind_support, team_hours
from adoptreport.models import Assumption, Audience, Team
from tests.conftest import DefaultBuilds, pdf_text

SAVED = Interval(0.2, 0.3, 0.4, 0.9)
SUPPORT = kind_support(
    {
        "isolated_bugfix": (Verdict.ASSIST, SAVED),
        "legacy_change": (Verdict.DO_NOT_AUTOMATE, Interval(-0.3, -0.2, -0.1, 0.9)),
        "ambiguous_requirements": (Verdict.INSUFFICIENT_EVIDENCE, Interval(-0.1, 0.0, 0.1, 0.9)),
    }
)
TEAM = Team(
    team="backend",
    role="engineers",
    headcount=10,
    hours_by_kind={"isolated_bugfix": 10, "legacy_change": 8, "ambiguous_requirements": 6},
)


def test_kind_support_counts_decided_kinds_as_zero_and_keeps_the_loss() -> None:
    by_kind = {s.kind: s for s in SUPPORT}
    assert by_kind["isolated_bugfix"].support is Support.SUPPORTED
    assert by_kind["legacy_change"].support is Support.ZERO
    assert by_kind["legacy_change"].loss is not None
    assert by_kind["ambiguous_requirements"].support is Support.UNKNOWN


def test_team_hours_by_hand() -> None:
    hours = team_hours(TEAM, 2, SUPPORT, adoption=0.5, fte_hours=40, level=0.9)
    # 10 engineers × 10 h of bug fixes × 0.2/0.3/0.4 saved × 50% adoption
    assert (
        hours.freed_hours.low,
        hours.freed_hours.point,
        hours.freed_hours.high,
    ) == pytest.approx((10, 15, 20))
    assert (hours.freed_fte.low, hours.freed_fte.point, hours.freed_fte.high) == pytest.approx(
        (0.25, 0.375, 0.5)
    )
    assert hours.unknown_hours == 60  # 10 × 6 h of ambiguous work: unknown, not zero
    assert hours.engineering_hours == 240


def _check(**fields: object) -> AssumptionVerdict:
    assumption = Assumption.model_validate({"id": "a", "statement": "s", **fields})
    return check_assumption(
        assumption, 0, "assumptions.yaml", (TEAM,), SUPPORT, 1.0, 40, 0.9
    ).verdict


@pytest.mark.parametrize(
    ("fields", "verdict"),
    [
        # Bug-fix hours only: supported saving is 20–40% of them.
        (
            {"kinds_of_work": ["isolated_bugfix"], "claimed_reduction_fraction": 0.1},
            AssumptionVerdict.SUPPORTED,
        ),
        (
            {"kinds_of_work": ["isolated_bugfix"], "claimed_reduction_fraction": 0.2},
            AssumptionVerdict.SUPPORTED,
        ),
        (
            {"kinds_of_work": ["isolated_bugfix"], "claimed_reduction_fraction": 0.3},
            AssumptionVerdict.PLAUSIBLE,
        ),
        (
            {"kinds_of_work": ["isolated_bugfix"], "claimed_reduction_fraction": 0.4},
            AssumptionVerdict.PLAUSIBLE,
        ),
        (
            {"kinds_of_work": ["isolated_bugfix"], "claimed_reduction_fraction": 0.41},
            AssumptionVerdict.NOT_SUPPORTED,
        ),
        # 100 bug-fix hours × 0.4 = 40 h = 1 FTE at most.
        ({"claimed_fte": 1.0}, AssumptionVerdict.PLAUSIBLE),
        ({"claimed_fte": 1.5}, AssumptionVerdict.NOT_SUPPORTED),
        (
            {"kinds_of_work": ["ambiguous_requirements"], "claimed_reduction_fraction": 0.1},
            AssumptionVerdict.NOT_TESTABLE,
        ),
        ({"teams": ["nobody"], "claimed_reduction_fraction": 0.1}, AssumptionVerdict.NOT_TESTABLE),
    ],
)
def test_assumption_verdicts_by_hand(fields: dict[str, object], verdict: AssumptionVerdict) -> None:
    assert _check(**fields) is verdict


def test_empty_team_is_not_testable() -> None:
    empty = TEAM.model_copy(update={"headcount": 0})
    assumption = Assumption(id="a", statement="s", claimed_reduction_fraction=0.1)
    check = check_assumption(assumption, 0, "assumptions.yaml", (empty,), SUPPORT, 1.0, 40, 0.9)
    assert check.verdict is AssumptionVerdict.NOT_TESTABLE
    assert check.supported is None


@pytest.fixture(scope="module")
def finance(default_builds: DefaultBuilds) -> tuple[api.Report, Path, str]:
    """The finance report; its tables are in the same folder, under tables/."""
    report, path, text = default_builds(Audience.FINANCE)
    folder = path.parent
    return report, folder, text


def test_finance_pdf_has_a_verdict_for_each_assumption(
    finance: tuple[api.Report, Path, str],
) -> None:
    report, _, text = finance
    verdicts = {c.verdict for c in report.findings.assumptions}
    assert len(verdicts) >= 3  # the default case lands on different verdicts
    start = text.index("Claim against the evidence")
    section = text[start : text.index("Supported: the claim is at or below", start)]
    for number, check in enumerate(report.findings.assumptions, start=1):
        assert f"Assumption {number}" in section  # its label; the id stays in the ledger
        statement = next(
            s for s in report.statements if s.id == f"assumption.{check.assumption.id}"
        )
        assert statement.text.split(". ", 1)[1] in section  # its finding, numbers included
    # One badge per assumption (pdftotext reads table columns in varying order).
    badges = {v: len(re.findall(rf"(?<!not )\b{v.value}\b", section)) for v in AssumptionVerdict}
    expected = {
        v: sum(c.verdict is v for c in report.findings.assumptions) for v in AssumptionVerdict
    }
    assert badges == expected


def test_exported_team_table_equals_the_pdf(finance: tuple[api.Report, Path, str]) -> None:
    _, folder, text = finance
    teams = pd.read_csv(folder / "tables" / "teams.csv")
    for row in teams[teams["team"] != "all teams"].itertuples():
        cell = f"{row.hours_freed_per_week} h (90% CI {row.hours_freed_low}–{row.hours_freed_high})"
        fte = f"{row.fte_freed:.1f} FTE (90% CI {row.fte_freed_low:.1f}–{row.fte_freed_high:.1f})"
        assert cell.replace(" (", " ") in text.replace(" (", " ") or cell in text
        assert fte in text or fte.replace(" (", " ") in text.replace(" (", " ")


def test_formula_like_text_is_neutralised(case_copy: Path, tmp_path: Path) -> None:
    frame = pd.read_csv(case_copy / "workforce.csv", dtype=str, keep_default_na=False)
    frame.loc[0, "role"] = '=HYPERLINK("http://127.0.0.1/","x")'
    frame.to_csv(case_copy / "workforce.csv", index=False)
    import yaml

    data = yaml.safe_load((case_copy / "assumptions.yaml").read_text())
    data["assumptions"][0]["statement"] = "=1+1"
    data["assumptions"][1]["source"] = "@SUM(A1:A2)"
    (case_copy / "assumptions.yaml").write_text(yaml.safe_dump(data))
    api.build(case_copy, tmp_path / "r.pdf", Audience.FINANCE, tmp_path / "tables")
    csv = pd.read_csv(tmp_path / "tables" / "assumptions.csv")
    assert csv.loc[0, "statement"] == "'=1+1"
    assert csv.loc[1, "source"] == "'@SUM(A1:A2)"
    teams = pd.read_csv(tmp_path / "tables" / "teams.csv")
    assert teams.loc[0, "role"] == '\'=HYPERLINK("http://127.0.0.1/","x")'
    sheet = openpyxl.load_workbook(tmp_path / "tables" / "tables.xlsx")["assumptions"]
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)
    assert any(c.value == "'=1+1" for c in cells)


def test_unknown_cost_stays_not_measured_in_the_pdf(case_copy: Path, tmp_path: Path) -> None:
    import yaml

    vendors = yaml.safe_load((case_copy / "vendors.yaml").read_text())
    brightline = next(v for v in vendors["vendors"] if v["id"] == "brightline")
    del brightline["pricing"]["seat_per_month"]
    (case_copy / "vendors.yaml").write_text(yaml.safe_dump(vendors))
    frame = pd.read_csv(case_copy / "workforce.csv", dtype=str, keep_default_na=False)
    frame.loc[0, "loaded_hourly_cost"] = ""
    frame.to_csv(case_copy / "workforce.csv", index=False)
    out = tmp_path / "finance.pdf"
    report = api.build(case_copy, out, Audience.FINANCE)
    text = pdf_text(out)
    team = frame.loc[0, "team"]
    sentence = next(s.text for s in report.statements if s.id == "cost.brightline-dev")
    assert sentence.startswith(
        "Brightline Dev: the vendor states no seat price, so its cost is not measured"
    )
    assert f"because {team} state no loaded hourly cost" in sentence
    assert sentence in text
    assert "EUR 0 " not in text and "EUR 0." not in text


def test_cost_by_hand() -> None:
    from adoptreport.analysis.cost import _break_even
    from adoptreport.analysis.pilot import add_net_minutes

    pilot = pd.DataFrame(
        {
            "outcome": ["merged", "merged", "rejected", "rejected"],
            "ai_minutes": [20.0, 20.0, 20.0, 20.0],
            "review_minutes": [10.0, 10.0, 10.0, 10.0],
            "rework_minutes": [0.0, 0.0, 0.0, 0.0],
            "baseline_minutes": [100.0, 100.0, 100.0, 100.0],
            "tool": "t",
        }
    )
    # Each attempt costs 30 min; an accepted one returns 100: break-even at 30% accepted.
    assert _break_even(add_net_minutes(pilot)) == pytest.approx(0.3)


def test_scenarios_scale_with_adoption_and_keep_the_plan_rate() -> None:
    from adoptreport.analysis.workforce import scenarios

    hours = team_hours(TEAM, 2, SUPPORT, adoption=0.8, fte_hours=40, level=0.9)
    table = {round(s.adoption, 2): s for s in scenarios(hours, 0.8, 40)}
    assert sorted(table) == [0.25, 0.5, 0.75, 0.8, 1.0]
    assert table[0.8].freed_hours == hours.freed_hours
    # 100 bug-fix hours × 0.2 / 0.3 / 0.4 at full adoption
    full = table[1.0].freed_hours
    assert (full.low, full.point, full.high) == pytest.approx((20, 30, 40))
    assert table[0.5].freed_fte.point == pytest.approx(15 / 40)
