"""Importers on fixtures written from the sources' published formats: SWE-bench harness
reports, `gh pr list --json` output, Inspect eval logs."""

from __future__ import annotations

import csv
import json
import random
import time
from pathlib import Path

import pytest
from statsmodels.stats.proportion import proportion_confint
from typer.testing import CliRunner

from adoptreport import api
from adoptreport.cli.app import app
from adoptreport.importers.run import ImportOptions

FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()


def _case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    api.init(folder)
    return folder


def _rows(folder: Path, source: str) -> dict[str, dict[str, str]]:
    with (folder / "pilot.csv").open(encoding="utf-8") as handle:
        return {r["task_id"]: r for r in csv.DictReader(handle) if r.get("source") == source}


def _invoke(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "120"})
    return result.exit_code, result.output


def test_swebench_outcomes_kinds_and_reimport(tmp_path: Path) -> None:
    case = _case(tmp_path)
    starter = (case / "pilot.csv").read_text(encoding="utf-8").splitlines()
    args = ("import", "swebench", FIXTURES / "swebench_report.json", "--into", case,
            "--tool", "gpt-4o", "--vendor", "openai", "--vendor-name", "OpenAI",
            "--difficulty", FIXTURES / "swebench_difficulty.csv")
    code, out = _invoke(*args)
    assert code == 0, out
    assert "add 7 rows from swebench:swebench_report.json (replacing 0" in out
    assert "left out: 1 instances never evaluated (incomplete_ids)" in out
    rows = _rows(case, "swebench:swebench_report.json")
    assert {t: (r["outcome"], r["kind_of_work"]) for t, r in rows.items()} == {
        "astropy__astropy-12907": ("merged", "swebench_15_min_to_1_hour"),
        "django__django-11099": ("merged", "swebench_under_15_min"),
        "django__django-11133": ("tests_failed", "swebench_under_15_min"),
        "psf__requests-2317": ("merged", "swebench_15_min_to_1_hour"),
        "pylint-dev__pylint-7080": ("abandoned", "swebench_1_to_4_hours"),
        "pytest-dev__pytest-5227": ("abandoned", "swebench_under_15_min"),
        "sympy__sympy-20590": ("tests_failed", "swebench_over_4_hours"),
    }
    # not measured stays blank, never 0
    assert {r["ai_minutes"] for r in rows.values()} == {""}
    assert {r["input_tokens"] for r in rows.values()} == {""}
    case_yaml = api.validate(case).case
    assert case_yaml.kind_label("swebench_over_4_hours") == "SWE-bench, >4 hours"
    vendors = (case / "vendors.yaml").read_text(encoding="utf-8")
    assert "# vendors.yaml" in vendors.splitlines()[0]  # comments kept
    assert "name: OpenAI" in vendors
    # importing again replaces the source's rows; other rows are untouched, byte for byte
    code, out = _invoke(*args)
    assert "add 7 rows" in out and "replacing 7 of that source" in out
    lines = (case / "pilot.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(starter) + 7
    assert [line.removesuffix(",") for line in lines[1 : len(starter)]] == starter[1:]


def test_swebench_without_annotations_is_one_kind(tmp_path: Path) -> None:
    case = _case(tmp_path)
    options = ImportOptions(tool="m", vendor="v")
    changes = api.import_source("swebench", FIXTURES / "swebench_report.json", case, options)
    assert changes.kinds_added == ("swebench",)
    assert {r["kind_of_work"] for r in _rows(case, "swebench:swebench_report.json").values()} == {
        "swebench"
    }


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    case = _case(tmp_path)
    before = {p.name: p.read_bytes() for p in case.iterdir()}
    code, out = _invoke("import", "swebench", FIXTURES / "swebench_report.json", "--into", case,
                        "--tool", "m", "--vendor", "v", "--dry-run")
    assert code == 0 and "would add 7 rows" in out and "would declare tools m" in out
    assert {p.name: p.read_bytes() for p in case.iterdir()} == before


DIFFICULTIES = ("<15 min fix", "15 min - 1 hour", "1-4 hours", ">4 hours")
KINDS = ("swebench_under_15_min", "swebench_15_min_to_1_hour", "swebench_1_to_4_hours",
         "swebench_over_4_hours")


@pytest.mark.slow
def test_500_instances_give_one_wilson_interval_per_difficulty(tmp_path: Path) -> None:
    rng = random.Random(18)
    lists: dict[str, list[str]] = {k: [] for k in ("resolved_ids", "unresolved_ids", "error_ids",
                                                   "empty_patch_ids")}
    annotations, hand = [], {d: [0, 0] for d in DIFFICULTIES}  # [accepted, attempts]
    for i in range(500):
        instance = f"org__repo-{i}"
        difficulty = rng.choices(DIFFICULTIES, weights=(39, 52, 8, 1))[0]
        bucket = rng.choices(list(lists), weights=(60, 30, 5, 5))[0]
        lists[bucket].append(instance)
        annotations.append((instance, difficulty))
        hand[difficulty][0] += bucket == "resolved_ids"
        hand[difficulty][1] += 1
    annotations.append(("not__in-the-report", "1-4 hours"))  # ignored
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"total_instances": 500, **lists, "schema_version": 2}))
    ann = tmp_path / "annotations.csv"
    with ann.open("w", newline="") as handle:
        csv.writer(handle).writerows([("instance_id", "difficulty"), *annotations])
    case = _case(tmp_path)
    api.import_source("swebench", report, case, ImportOptions(tool="m1", vendor="v1",
                                                              difficulty=ann))
    built = api.build(case, tmp_path / "report.json.out", format=api.OutputFormat.JSON)
    level = built.case.case.policy.confidence_level
    cells = {s.id: s for s in built.statements if s.id.startswith("cell.m1.")}
    assert sorted(cells) == sorted(f"cell.m1.{k}" for k in KINDS if k != "swebench_over_4_hours"
                                   or hand[">4 hours"][1])
    for difficulty, kind in zip(DIFFICULTIES, KINDS, strict=True):
        accepted, attempts = hand[difficulty]
        if not attempts:
            continue
        number = next(n for n in cells[f"cell.m1.{kind}"].numbers if n.name == "acceptance")
        low, high = proportion_confint(accepted, attempts, alpha=1 - level, method="wilson")
        assert number.interval is not None
        assert number.interval.point == pytest.approx(accepted / attempts, abs=1e-12)
        assert (number.interval.low, number.interval.high) == pytest.approx((low, high), abs=1e-9)
