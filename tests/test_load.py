"""Loading a case folder: every problem at once, with file, row or YAML path, and field."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from adoptreport.load.case import load_case
from adoptreport.load.problems import CaseError
from tests.conftest import DEFAULT_CASE


def _problems(folder: Path) -> list[str]:
    with pytest.raises(CaseError) as caught:
        load_case(folder)
    return [str(p) for p in caught.value.problems]


def _edit_pilot(folder: Path, row: int, column: str, value: str) -> None:
    """Change one cell; `row` is the CSV line number (header is line 1)."""
    frame = pd.read_csv(folder / "pilot.csv", dtype=str, keep_default_na=False)
    frame.loc[row - 2, column] = value
    frame.to_csv(folder / "pilot.csv", index=False)


def test_default_case_loads() -> None:
    case = load_case(DEFAULT_CASE)
    assert len(case.pilot) >= 250
    assert set(case.pilot["kind_of_work"]) == set(case.case.kind_ids())


def test_every_problem_is_reported_with_file_row_and_field(case_copy: Path) -> None:
    _edit_pilot(case_copy, 14, "review_minutes", "-5")
    _edit_pilot(case_copy, 20, "tool", "skynet")
    _edit_pilot(case_copy, 31, "outcome", "shipped")
    _edit_pilot(case_copy, 40, "ai_minutes", "ten")
    benchmarks = yaml.safe_load((case_copy / "benchmarks.yaml").read_text())
    benchmarks["claims"][1]["scor"] = 0.5
    (case_copy / "benchmarks.yaml").write_text(yaml.safe_dump(benchmarks))
    workforce = pd.read_csv(case_copy / "workforce.csv").drop(columns=["role"])
    workforce.to_csv(case_copy / "workforce.csv", index=False)

    problems = _problems(case_copy)
    assert "pilot.csv:14: review_minutes: must be ≥ 0 (got -5)" in problems
    assert any(p.startswith("pilot.csv:20: tool: unknown tool 'skynet'") for p in problems)
    assert any(p.startswith("pilot.csv:31: outcome: expected one of merged,") for p in problems)
    assert "pilot.csv:40: ai_minutes: expected a number (got 'ten')" in problems
    assert any(p.startswith("benchmarks.yaml:claims[1]: scor: unknown field") for p in problems)
    assert (
        sum(
            p.startswith("workforce.csv:") and ": role: required field is missing" in p
            for p in problems
        )
        >= 3
    )


def test_duplicate_attempts_name_the_first_row(case_copy: Path) -> None:
    frame = pd.read_csv(case_copy / "pilot.csv", dtype=str, keep_default_na=False)
    frame = pd.concat([frame, frame.iloc[[0]]], ignore_index=True)
    frame.to_csv(case_copy / "pilot.csv", index=False)
    last = len(frame) + 1
    assert any(
        p.startswith(f"pilot.csv:{last}: task_id: duplicate attempt")
        and p.endswith("first on row 2")
        for p in _problems(case_copy)
    )


def test_missing_required_file_and_empty_yaml(case_copy: Path) -> None:
    (case_copy / "workforce.csv").unlink()
    (case_copy / "benchmarks.yaml").write_text("")
    problems = _problems(case_copy)
    assert (
        "workforce.csv: required file is missing; expected workforce.csv or workforce.xlsx or workforce.parquet"
        in problems
    )
    assert "benchmarks.yaml: file is empty; expected a mapping of fields" in problems


def test_yaml_syntax_error_names_the_line(case_copy: Path) -> None:
    (case_copy / "case.yaml").write_text("organisation: Org\nperiod: [unclosed\n")
    assert any(p.startswith("case.yaml:") and "not valid YAML" in p for p in _problems(case_copy))


def test_header_only_pilot(case_copy: Path) -> None:
    header = (case_copy / "pilot.csv").read_text().splitlines()[0]
    (case_copy / "pilot.csv").write_text(header + "\n")
    assert "pilot.csv: has a header but no rows; expected one row per attempt" in _problems(
        case_copy
    )


def test_blank_measurement_stays_missing(case_copy: Path) -> None:
    _edit_pilot(case_copy, 5, "baseline_minutes", "")
    case = load_case(case_copy)
    assert pd.isna(case.pilot.loc[case.pilot["source_row"] == 5, "baseline_minutes"]).all()


def test_semicolon_csv_with_bom_and_crlf_reads_the_same(case_copy: Path) -> None:
    frame = pd.read_csv(case_copy / "pilot.csv", dtype=str, keep_default_na=False)
    text = frame.to_csv(index=False, sep=";", lineterminator="\r\n")
    (case_copy / "pilot.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    original = load_case(DEFAULT_CASE).pilot
    pd.testing.assert_frame_equal(load_case(case_copy).pilot, original)


def test_xlsx_and_parquet_pilots_load(case_copy: Path) -> None:
    frame = pd.read_csv(case_copy / "pilot.csv", dtype=str, keep_default_na=False)
    (case_copy / "pilot.csv").unlink()
    frame.to_excel(case_copy / "pilot.xlsx", index=False)
    from_xlsx = load_case(case_copy).pilot
    assert len(from_xlsx) == len(frame)
    (case_copy / "pilot.xlsx").unlink()
    typed = load_case(DEFAULT_CASE).pilot.drop(columns=["source_row"])
    typed.astype({"date": "datetime64[ns]"}).to_parquet(case_copy / "pilot.parquet")
    from_parquet = load_case(case_copy).pilot
    assert from_parquet["ai_minutes"].sum() == pytest.approx(typed["ai_minutes"].sum())
    assert int(from_parquet["source_row"].iloc[0]) == 1
    assert from_parquet["date"].tolist() == typed["date"].tolist()  # typed dates taken as dates


def test_json_instead_of_yaml(case_copy: Path) -> None:
    import json

    data = yaml.safe_load((case_copy / "case.yaml").read_text())
    (case_copy / "case.yaml").unlink()
    (case_copy / "case.json").write_text(json.dumps(data, default=str))
    assert load_case(case_copy).case == load_case(DEFAULT_CASE).case


def test_rows_keep_their_line_numbers_past_blank_lines_and_multiline_values(
    case_copy: Path,
) -> None:
    lines = (case_copy / "pilot.csv").read_text().splitlines()
    header = lines[0].split(",")
    note = header.index("hallucination_kinds")
    row = lines[3].split(",")
    row[note] = '"invented_api\nnonexistent_file"'  # a quoted value over two lines
    lines[3] = ",".join(row)
    lines.insert(5, "")  # a blank line: the old line 6 is now line 8 (one blank, one wrap)
    bad = lines[9].split(",")
    bad[header.index("review_minutes")] = "-5"
    lines[9] = ",".join(bad)
    (case_copy / "pilot.csv").write_text("\n".join(lines) + "\n")
    assert "pilot.csv:11: review_minutes: must be ≥ 0 (got -5)" in _problems(case_copy)


def test_workforce_duplicates_name_both_rows(case_copy: Path) -> None:
    frame = pd.read_csv(case_copy / "workforce.csv", dtype=str, keep_default_na=False)
    frame.loc[0, "headcount"] = "-1"  # row 2 fails validation
    frame = pd.concat([frame, frame.iloc[[1]]], ignore_index=True)  # row 3 again at the end
    frame.to_csv(case_copy / "workforce.csv", index=False)
    team = frame.loc[1, "team"]
    problems = _problems(case_copy)
    assert (
        f"workforce.csv:{len(frame) + 1}: team: duplicate team '{team}'; first on row 3" in problems
    )
    assert any(p.startswith("workforce.csv:2: headcount: must be ≥ 0") for p in problems)


def test_latin1_claims_file_is_a_problem_not_a_crash(case_copy: Path) -> None:
    (case_copy / "claims.md").write_bytes("Ünsere Zahlen\nCafé 88.7%\n".encode("latin-1"))
    assert _problems(case_copy) == [
        "claims.md:1: not UTF-8 text: found byte 0xDC at character 1; expected UTF-8, so save the file as UTF-8"
    ]


def test_blank_workforce_hours_are_not_measured(case_copy: Path) -> None:
    from adoptreport.analysis.findings import analyse

    frame = pd.read_csv(case_copy / "workforce.csv", dtype=str, keep_default_na=False)
    frame.loc[1, "hours_small_feature"] = ""
    frame.to_csv(case_copy / "workforce.csv", index=False)
    mix = analyse(load_case(case_copy)).mix
    assert mix.unmeasured == ("small_feature",)
    assert "small_feature" not in mix.hours_by_kind
    assert mix.share("small_feature") is None


def test_zero_baseline_is_rejected(case_copy: Path) -> None:
    _edit_pilot(case_copy, 7, "baseline_minutes", "0")
    assert "pilot.csv:7: baseline_minutes: must be ≥ 0.01 (got 0)" in _problems(case_copy)


@pytest.mark.parametrize("file", ["pilot.csv", "vendors.yaml", "claims.md"])
def test_a_case_file_linking_outside_the_case_folder_is_refused(
    case_copy: Path, tmp_path: Path, file: str
) -> None:
    outside = tmp_path / "elsewhere" / file
    outside.parent.mkdir()
    (case_copy / file).rename(outside)
    (case_copy / file).symlink_to(outside)
    assert _problems(case_copy) == [
        f"{file}: is a link to {outside}, outside the case folder; copy the file into the case"
        " folder"
    ]


def test_a_link_inside_the_case_folder_is_followed(case_copy: Path) -> None:
    (case_copy / "data").mkdir()
    (case_copy / "pilot.csv").rename(case_copy / "data" / "pilot.csv")
    (case_copy / "pilot.csv").symlink_to(case_copy / "data" / "pilot.csv")
    assert len(load_case(case_copy).pilot) == 517
