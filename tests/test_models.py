"""Every input model rejects a representative bad value, naming the field."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from adoptreport.models import (
    AssumptionsFile,
    BenchmarksFile,
    CaseFile,
    PilotAttempt,
    RequirementsFile,
    Team,
    VendorsFile,
)

CASE = {"organisation": "Org", "period": "FY26", "report_date": "2026-11-20"}
CLAIM = {
    "id": "c1",
    "vendor": "v",
    "tool": "t",
    "model": "M",
    "benchmark": "B",
    "score": 0.8,
    "scope": "isolated_bugfix",
    "source": "s",
    "source_grade": "official",
}
ATTEMPT = {
    "task_id": "T1",
    "tool": "t",
    "kind_of_work": "isolated_bugfix",
    "outcome": "merged",
    "ai_minutes": 10,
    "review_minutes": 5,
}
VENDORS = {"vendors": [{"id": "v", "name": "V", "tools": [{"id": "t", "name": "T"}]}]}
TEAM = {
    "team": "backend",
    "role": "engineers",
    "headcount": 10,
    "hours_by_kind": {"isolated_bugfix": 5},
}
ASSUMPTION = {"id": "a1", "statement": "s", "claimed_reduction_fraction": 0.3}


def _with(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {**base, **changes}


VALID: list[tuple[type[BaseModel], dict[str, Any]]] = [
    (CaseFile, CASE),
    (BenchmarksFile, {"claims": [CLAIM]}),
    (PilotAttempt, ATTEMPT),
    (VendorsFile, VENDORS),
    (Team, TEAM),
    (AssumptionsFile, {"assumptions": [ASSUMPTION]}),
    (RequirementsFile, {"must": [{"id": "r", "attribute": "sso", "value": True}]}),
]

BAD: list[tuple[type[BaseModel], dict[str, Any], str]] = [
    (CaseFile, _with(CASE, report_date="yesterday"), "report_date"),
    (CaseFile, _with(CASE, policy={"confidence_level": 1.5}), "confidence_level"),
    (CaseFile, _with(CASE, organisaton="typo"), "organisaton"),
    (CaseFile, _with(CASE, adoption_rate=1.2), "adoption_rate"),
    (
        CaseFile,
        _with(CASE, kinds_of_work=[{"id": "a", "label": "A"}, {"id": "a", "label": "B"}]),
        "kinds_of_work",
    ),
    (BenchmarksFile, {"claims": [_with(CLAIM, score=88.7)]}, "score"),
    (BenchmarksFile, {"claims": [_with(CLAIM, source_grade="rumour")]}, "source_grade"),
    (PilotAttempt, _with(ATTEMPT, review_minutes=-5), "review_minutes"),
    (PilotAttempt, _with(ATTEMPT, outcome="shipped"), "outcome"),
    (PilotAttempt, _with(ATTEMPT, hallucinations=1.5), "hallucinations"),
    (
        VendorsFile,
        {"vendors": [{**VENDORS["vendors"][0], "context_window_tokens": -1}]},
        "context_window_tokens",
    ),
    (VendorsFile, {"vendors": [VENDORS["vendors"][0], VENDORS["vendors"][0]]}, "vendors"),
    (Team, _with(TEAM, headcount=-2), "headcount"),
    (Team, _with(TEAM, hours_by_kind={"isolated_bugfix": 200}), "isolated_bugfix"),
    (AssumptionsFile, {"assumptions": [_with(ASSUMPTION, claimed_fte=3)]}, "exactly one"),
    (
        RequirementsFile,
        {"must": [{"id": "r", "attribute": "colour", "value": "blue"}]},
        "attribute",
    ),
    (
        RequirementsFile,
        {"should": [{"id": "r", "attribute": "sso", "value": True, "weight": 5e-324}]},
        "weight",
    ),
    (
        RequirementsFile,
        {"must": [{"id": "r", "attribute": "sso", "value": "yes"}]},
        "true or false",
    ),
    (
        RequirementsFile,
        {"must": [{"id": "r", "attribute": "min_context_window", "value": "big"}]},
        "whole number",
    ),
    (
        VendorsFile,
        {
            "vendors": [
                {
                    **VENDORS["vendors"][0],
                    "hallucination_claims": [
                        {
                            "tool": "t",
                            "kind": "relative_reduction",
                            "value": 0.6,
                            "text": "60% fewer",
                            "source": "s",
                            "source_grade": "blog",
                        }
                    ],
                }
            ]
        },
        "baseline_tool",
    ),
    (CaseFile, _with(CASE, audiences=["board"], default_audience="finance"), "default_audience"),
]


@pytest.mark.parametrize(("model", "data"), VALID, ids=lambda x: getattr(x, "__name__", ""))
def test_valid_examples_pass(model: type[BaseModel], data: dict[str, Any]) -> None:
    model.model_validate(data)


@pytest.mark.parametrize(
    ("model", "data", "named"), BAD, ids=[f"{m.__name__}-{n}" for m, _, n in BAD]
)
def test_bad_value_is_rejected_naming_the_field(
    model: type[BaseModel], data: dict[str, Any], named: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    assert named in str(caught.value)


def test_unmeasured_values_stay_missing() -> None:
    attempt = PilotAttempt.model_validate(ATTEMPT)
    assert attempt.baseline_minutes is None
    assert attempt.hallucinations is None


def test_default_kinds_of_work_are_the_seven() -> None:
    assert CaseFile.model_validate(CASE).kind_ids() == [
        "isolated_bugfix",
        "small_feature",
        "tests_and_docs",
        "multi_file_refactor",
        "cross_service_change",
        "legacy_change",
        "ambiguous_requirements",
    ]
