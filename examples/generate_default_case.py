"""Generate the default case: a fictional pilot of AI coding tools at Northwind Logistics.

    python examples/generate_default_case.py [OUT_DIR]     # default: inputs/ at the repo root

Seeded and deterministic (for a given numpy version). The story: benchmark-like work (bug fixes,
tests) goes well; cross-service and ambiguous work loses time; Brightline beats the higher-scoring
Apex Coder 5 on legacy and multi-file work; Cobalt fails the EU-residency gate; ambiguous
requirements have too few attempts to judge; Apex's "60% fewer hallucinations" looks optimistic.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections import namedtuple
from pathlib import Path

import numpy as np
import yaml

SEED = 20263070  # picked by scanning seeds for a sample that shows the story above
TOOLS = ("apex-coder-5", "apex-coder-4", "brightline-dev", "cobalt-assist")
K = namedtuple("K", "base sigma ai review rework p_rework halluc defects files services accept n")
# Per kind of work. base: median human baseline minutes (lognormal, sigma); ai: AI-assisted
# minutes as a share of baseline; review: review minutes on a typical merged change; rework:
# rework minutes as a share of baseline, on the share p_rework of accepted changes that need it;
# halluc: hallucinations per attempt; defects: escaped defects per merge; files/services: ranges;
# accept and n: acceptance probability and number of attempts, per tool in TOOLS order.
KINDS = {
    "isolated_bugfix": K(
        90,
        0.45,
        0.28,
        20,
        0.15,
        0.20,
        0.30,
        0.04,
        (1, 3),
        (1, 1),
        (0.85, 0.78, 0.85, 0.70),
        (32, 20, 30, 8),
    ),
    "small_feature": K(
        180,
        0.45,
        0.35,
        30,
        0.20,
        0.35,
        0.50,
        0.07,
        (2, 6),
        (1, 1),
        (0.68, 0.62, 0.76, 0.60),
        (30, 20, 28, 7),
    ),
    "tests_and_docs": K(
        120,
        0.45,
        0.25,
        18,
        0.12,
        0.20,
        0.35,
        0.01,
        (1, 5),
        (1, 1),
        (0.86, 0.82, 0.86, 0.75),
        (25, 20, 24, 5),
    ),
    "multi_file_refactor": K(
        240,
        0.45,
        0.35,
        50,
        0.25,
        0.40,
        0.70,
        0.10,
        (6, 25),
        (1, 2),
        (0.46, 0, 0.72, 0),
        (22, 0, 24, 0),
    ),
    "cross_service_change": K(
        600,
        0.45,
        0.45,
        90,
        0.30,
        0.60,
        1.0,
        0.20,
        (5, 30),
        (2, 5),
        (0.26, 0, 0.30, 0),
        (20, 0, 18, 0),
    ),
    "legacy_change": K(
        200,
        0.5,
        0.38,
        45,
        0.25,
        0.45,
        0.80,
        0.15,
        (2, 12),
        (1, 2),
        (0.42, 0, 0.68, 0),
        (24, 0, 26, 0),
    ),
    "ambiguous_requirements": K(
        300,
        0.5,
        0.45,
        40,
        0.35,
        0.60,
        0.90,
        0.12,
        (2, 10),
        (1, 3),
        (0.30, 0, 0.32, 0),
        (12, 0, 10, 0),
    ),
}
# Per tool: hallucination multiplier, review multiplier, AI-minutes multiplier, pilot window.
TOOL_PARAMS = {
    "apex-coder-5": (1.00, 1.00, 1.00, "2026-07-20", "2026-10-30"),
    "apex-coder-4": (1.33, 1.05, 1.05, "2026-07-01", "2026-08-14"),  # ~25% more, not 150%
    "brightline-dev": (0.90, 0.80, 0.95, "2026-07-06", "2026-10-30"),
    "cobalt-assist": (1.20, 1.00, 1.05, "2026-09-01", "2026-09-30"),
}
# Tokens read and written per minute of AI-assisted work (agentic tools re-read context on
# every step). Cobalt's pilot logged no token counts: its token cost is not measured.
TOKENS_PER_MINUTE = {
    "apex-coder-5": (42_000, 900),
    "apex-coder-4": (30_000, 650),
    "brightline-dev": (26_000, 600),
    "cobalt-assist": None,
}
HALLUCINATION_KINDS = ("invented_api", "nonexistent_file", "false_test_claim", "wrong_config_key")
TEAMS = [  # team, role, headcount, loaded hourly cost (EUR), weekly hours per kind (KINDS order)
    ("platform", "Platform engineer", 16, 112, (4, 3, 3, 5, 6, 4, 3)),
    ("backend", "Backend engineer", 36, 96, (4, 4, 3, 4, 7, 6, 2)),
    ("web-mobile", "Web and mobile engineer", 28, 88, (6, 9, 3, 3, 2, 2, 4)),
    ("data", "Data engineer", 12, 104, (4, 5, 3, 3, 4, 3, 4)),
]


def simulate_pilot(rng: np.random.Generator) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    next_id = iter(rng.permutation(np.arange(1000, 9000))[:2000])
    # Token counts come from a stream of their own, so adding them left every other value as is.
    token_rng = np.random.default_rng([SEED, 1])
    for kind, k in KINDS.items():
        pool = int(max(k.n) * 1.4)  # tasks in this kind; tools try overlapping subsets of them
        tasks = [f"NW-{next(next_id)}" for _ in range(pool)]
        baselines = k.base * rng.lognormal(0.0, k.sigma, pool)
        measured = rng.random(pool) > 0.03  # ~3% of tasks never got a human estimate
        for tool, p_accept, n in zip(TOOLS, k.accept, k.n, strict=True):
            h_mult, r_mult, a_mult, start, end = TOOL_PARAMS[tool]
            days = np.arange(np.datetime64(start), np.datetime64(end) + 1)
            days = days[np.is_busday(days)]
            for i in rng.choice(pool, size=n, replace=False):
                b = baselines[i]
                size = (b / k.base) ** 0.5  # bigger changes take longer to review
                ai = k.ai * a_mult * b * rng.lognormal(0.0, 0.3)
                review = k.review * r_mult * size * rng.lognormal(0.0, 0.35)
                rework = 0.0
                if rng.random() < p_accept:
                    outcome = "merged"
                    if rng.random() < k.p_rework:
                        outcome = "merged_after_rework"
                        rework = max(5.0, k.rework * b * rng.lognormal(0.0, 0.4))
                elif rng.random() < 0.6:  # reviewed and rejected: full AI and review time spent
                    outcome, review = "rejected", review * 0.8
                else:  # the engineer gave up before or early in review
                    outcome, ai, review = "abandoned", ai * 0.6, review * rng.uniform(0, 0.2)
                accepted = outcome.startswith("merged")
                count = int(rng.poisson(k.halluc * h_mult * (1.0 if accepted else 1.4)))
                kinds = sorted(
                    rng.choice(HALLUCINATION_KINDS, size=count, p=[0.4, 0.2, 0.25, 0.15])
                )
                halluc_measured = rng.random() > 0.02
                defects = int(rng.poisson(k.defects)) if accepted else 0
                read = wrote = None
                if (per_minute := TOKENS_PER_MINUTE[tool]) is not None:
                    ai_minutes = max(3, round(ai))
                    read = round(per_minute[0] * ai_minutes * token_rng.lognormal(0.0, 0.35))
                    wrote = round(per_minute[1] * ai_minutes * token_rng.lognormal(0.0, 0.35))
                rows.append(
                    {
                        "task_id": tasks[i],
                        "tool": tool,
                        "kind_of_work": kind,
                        "outcome": outcome,
                        "ai_minutes": max(3, round(ai)),
                        "review_minutes": round(review),
                        "rework_minutes": round(rework),
                        "baseline_minutes": round(b) if measured[i] else None,
                        "input_tokens": read,
                        "output_tokens": wrote,
                        "hallucinations": count if halluc_measured else None,
                        "hallucination_kinds": ";".join(kinds)
                        if halluc_measured and kinds
                        else None,
                        "escaped_defects": defects if rng.random() > 0.02 else None,
                        "files_touched": int(rng.integers(k.files[0], k.files[1] + 1)),
                        "services_touched": int(rng.integers(k.services[0], k.services[1] + 1)),
                        "date": str(rng.choice(days)),
                    }
                )
    rows.sort(key=lambda r: (r["date"], r["task_id"], r["tool"]))
    return rows


# A randomised study appended to the tool trials, from a random stream of its own (so every
# row above keeps its values): 16 engineers each take 6 multi-file refactors, each task
# randomly assigned to AI allowed (arm ai; which tool was not recorded) or no AI (arm control),
# so no tool's own figures change; 8 more tasks are done in
# both arms by two engineers (shared tasks, a paired comparison). Engineers forecast each
# task's human time before starting, and pad it; with AI the total time is about the same.
STUDY = {
    "source": "randomised-study-2026q4",
    "kind": "multi_file_refactor",
    "engineers": 16,
    "tasks_each": 6,
    "shared_tasks": 8,
    "base": 240,
    "forecast_padding": 1.2,
    "ai_share": 0.95,  # AI-assisted minutes as a share of the engineer's time without AI
    "review": {"ai": 65, "control": 45},
    "accept": {"ai": 0.66, "control": 0.85},
    "p_rework": {"ai": 0.4, "control": 0.25},
    "rework_unrecorded": 4,  # merged-after-rework rows whose rework minutes were not logged
    "window": ("2026-10-01", "2026-10-30"),
}
STUDY_COLUMNS = ("arm", "engineer", "human_minutes", "source")


def simulate_study(rng: np.random.Generator) -> list[dict[str, object]]:
    """The randomised study's rows: ai rows give AI-assisted minutes, control rows human ones."""
    s = STUDY
    skill = rng.lognormal(0.0, 0.25, s["engineers"])
    days = np.arange(np.datetime64(s["window"][0]), np.datetime64(s["window"][1]) + 1)
    days = days[np.is_busday(days)]
    plan = [
        (e, bool(rng.random() < 0.5)) for e in range(s["engineers"]) for _ in range(s["tasks_each"])
    ]
    for _ in range(s["shared_tasks"]):
        first, second = rng.choice(s["engineers"], size=2, replace=False)
        plan += [(int(first), True), (int(second), False)]
    rows: list[dict[str, object]] = []
    task_base = s["base"] * rng.lognormal(0.0, 0.45, len(plan))
    for number, (engineer, ai) in enumerate(plan):
        shared = number >= s["engineers"] * s["tasks_each"]
        index = (
            s["engineers"] * s["tasks_each"] + (number - s["engineers"] * s["tasks_each"]) // 2
            if shared
            else number
        )
        true = task_base[index] * skill[engineer]
        rows.append(_study_row(rng, index, engineer, ai, true, task_base[index], days))
    unrecorded = [r for r in rows if r["outcome"] == "merged_after_rework"][
        : s["rework_unrecorded"]
    ]
    for row in unrecorded:
        row["rework_minutes"] = None
    return rows


def _study_row(
    rng: np.random.Generator,
    index: int,
    engineer: int,
    ai: bool,
    true: float,
    base: float,
    days: np.ndarray,
) -> dict[str, object]:
    s = STUDY
    arm = "ai" if ai else "control"
    work = true * (s["ai_share"] if ai else 1.0) * rng.lognormal(0.0, 0.3)
    review = s["review"][arm] * (base / s["base"]) ** 0.5 * rng.lognormal(0.0, 0.35)
    outcome, rework = "rejected", 0.0
    if rng.random() < s["accept"][arm]:
        outcome = "merged"
        if rng.random() < s["p_rework"][arm]:
            outcome, rework = "merged_after_rework", max(5.0, 0.2 * true * rng.lognormal(0, 0.4))
    forecast = s["forecast_padding"] * true * rng.lognormal(0.0, 0.25)
    return {
        "task_id": f"NW-R{index + 1:03d}",
        "tool": None,  # AI allowed: the engineer's choice of tool was not recorded
        "kind_of_work": s["kind"],
        "outcome": outcome,
        "ai_minutes": max(3, round(work)) if ai else None,
        "review_minutes": round(review),
        "rework_minutes": round(rework),
        "baseline_minutes": round(forecast),
        "input_tokens": None,
        "output_tokens": None,
        "hallucinations": None,
        "hallucination_kinds": None,
        "escaped_defects": int(rng.poisson(0.1)) if outcome != "rejected" else 0,
        "files_touched": int(rng.integers(6, 26)),
        "services_touched": int(rng.integers(1, 3)),
        "date": str(rng.choice(days)),
        "arm": arm,
        "engineer": f"eng-{engineer + 1:02d}",
        "human_minutes": None if ai else max(3, round(work)),
        "source": s["source"],
    }


CASE = {
    "organisation": "Northwind Logistics",
    "period": "FY26 H2 pilot",
    "title": "What AI coding tools can take on in Northwind engineering",
    "report_date": dt.date(2026, 11, 20),
    "currency": "EUR",
    "audiences": ["board", "procurement", "finance", "full"],
    "default_audience": "board",
    "policy": {
        "confidence_level": 0.9,
        "min_tasks_per_cell": 15,
        "automate_with_review": {"min_acceptance": 0.6, "min_saved_fraction": 0.15},
        "assist": {"min_saved_fraction": 0.0},
        "bootstrap_draws": 2000,
        "seed": 20261124,
    },
    "adoption_rate": 0.8,
    "codebases": [
        {"name": "route-planner", "bytes": 720_000},  # a size in bytes: converted at bytes/4
        {"name": "warehouse-core", "tokens": 900_000},
        {"name": "erp-bridge (legacy)", "tokens": 4_200_000},
    ],
    # Appended after the fields above, so every earlier line of case.yaml stays as it was.
    "pilot_design": "randomised",
    "pilot_flow": {
        "eligible": 142,
        "withheld": 20,
        "opted_out": 8,
        "dropped": 10,
        "why": "Withheld: engineers kept back tasks they judged urgent or confidential. Dropped: "
        "tasks cancelled by product before they were finished.",
    },
}
APEX_SRC = "Apex AI, 'Introducing Apex Coder 5' launch post"
BENCHMARKS = {
    "claims": [
        {
            "id": "apex5-swebv",
            "vendor": "apex-ai",
            "tool": "apex-coder-5",
            "model": "Apex Coder 5",
            "benchmark": "SWE-bench Verified",
            "score": 0.887,
            "tasks": 500,
            "scope": "isolated_bugfix",
            "conditions": {
                "scaffold": "vendor's internal agent harness",
                "attempts": 1,
                "notes": "Python open-source repositories; issue text and tests provided",
            },
            "source": APEX_SRC,
            "source_date": dt.date(2026, 6, 9),
            "source_grade": "official",
        },
        {
            "id": "apex4-swebv",
            "vendor": "apex-ai",
            "tool": "apex-coder-4",
            "model": "Apex Coder 4",
            "benchmark": "SWE-bench Verified",
            "score": 0.792,
            "tasks": 500,
            "scope": "isolated_bugfix",
            "conditions": {"scaffold": "vendor's internal agent harness", "attempts": 1},
            "source": "Apex AI model card",
            "source_date": dt.date(2025, 11, 4),
            "source_grade": "official",
        },
        {
            "id": "brightline-swebv",
            "vendor": "brightline",
            "tool": "brightline-dev",
            "model": "Brightline Dev 3",
            "benchmark": "SWE-bench Verified",
            "score": 0.742,
            "tasks": 500,
            "scope": "isolated_bugfix",
            "conditions": {"scaffold": "open-source agent scaffold", "attempts": 1},
            "source": "Brightline technical report, July 2026",
            "source_date": dt.date(2026, 7, 2),
            "source_grade": "official",
        },
        {
            "id": "brightline-featurebench",
            "vendor": "brightline",
            "tool": "brightline-dev",
            "model": "Brightline Dev 3",
            "benchmark": "FeatureBench v2",
            "score": 0.581,
            "tasks": 300,
            "scope": "small_feature",
            "conditions": {
                "scaffold": "leaderboard's standard harness",
                "attempts": 1,
                "notes": "feature requests in TypeScript and Java repositories",
            },
            "source": "FeatureBench public leaderboard",
            "source_date": dt.date(2026, 8, 15),
            "source_grade": "independent",
        },
        {
            "id": "cobalt-humaneval",
            "vendor": "cobalt",
            "tool": "cobalt-assist",
            "model": "Cobalt Assist 2",
            "benchmark": "HumanEval",
            "score": 0.94,
            "tasks": 164,
            "scope": "isolated_bugfix",
            "conditions": {"notes": "self-contained function synthesis"},
            "source": "Cobalt Systems product blog",
            "source_date": dt.date(2026, 5, 20),
            "source_grade": "blog",
        },
    ]
}
VENDORS = {
    "vendors": [
        {
            "id": "apex-ai",
            "name": "Apex AI",
            "tools": [
                {"id": "apex-coder-5", "name": "Apex Coder 5", "model": "apex-coder-5-2026-06"},
                {"id": "apex-coder-4", "name": "Apex Coder 4", "model": "apex-coder-4-2025-11"},
            ],
            "deployment": {
                "clouds": ["aws", "azure"],
                "regions": ["us-east", "eu-west"],
                "on_prem": False,
                "vpc": False,
            },
            "data_retention_days": 30,
            "zero_retention": False,
            "certifications": ["SOC 2"],
            "context_window_tokens": 400_000,
            "sso": True,
            "ip_indemnity": True,
            "pricing": {
                "seat_per_month": 60,
                "input_per_million_tokens": 3.0,
                "output_per_million_tokens": 15.0,
            },
            "hallucination_claims": [
                {
                    "tool": "apex-coder-5",
                    "kind": "relative_reduction",
                    "value": 0.6,
                    "baseline_tool": "apex-coder-4",
                    "text": "Apex Coder 5 makes 60% fewer hallucinations than Apex Coder 4.",
                    "source": APEX_SRC,
                    "source_date": dt.date(2026, 6, 9),
                    "source_grade": "official",
                }
            ],
        },
        {
            "id": "brightline",
            "name": "Brightline",
            "tools": [
                {"id": "brightline-dev", "name": "Brightline Dev", "model": "brightline-dev-3"}
            ],
            "deployment": {
                "clouds": ["aws", "gcp"],
                "regions": ["eu-west", "eu-central"],
                "on_prem": False,
                "vpc": True,
            },
            "data_retention_days": 0,
            "zero_retention": True,
            "certifications": ["SOC 2", "ISO 27001"],
            "context_window_tokens": 200_000,
            "sso": True,
            "ip_indemnity": False,
            "pricing": {
                "seat_per_month": 45,
                "input_per_million_tokens": 2.5,
                "output_per_million_tokens": 10.0,
            },
            "hallucination_claims": [
                {
                    "tool": "brightline-dev",
                    "kind": "rate",
                    "value": 0.3,
                    "text": "Fewer than 0.3 hallucinated references per task on our internal evaluation.",
                    "source": "Brightline engineering blog",
                    "source_date": dt.date(2026, 7, 20),
                    "source_grade": "blog",
                    # "hallucinated references": invented APIs and files, not the other kinds
                    "hallucination_kinds": ["invented_api", "nonexistent_file"],
                }
            ],
        },
        {
            "id": "cobalt",
            "name": "Cobalt Systems",  # sso, ip_indemnity, vpc, certifications: unstated
            "tools": [{"id": "cobalt-assist", "name": "Cobalt Assist", "model": "cobalt-assist-2"}],
            "deployment": {"clouds": ["aws"], "regions": ["us-east", "us-west"]},
            "data_retention_days": 90,
            "zero_retention": False,
            "context_window_tokens": 128_000,
            "pricing": {"seat_per_month": 39},
        },
    ]
}
REQUIREMENTS = {
    "must": [
        {
            "id": "eu-residency",
            "attribute": "region",
            "value": "eu-west",
            "reason": "Customer and shipment data must stay in the EU (GDPR, customer contracts).",
        },
        {
            "id": "retention-30d",
            "attribute": "max_retention_days",
            "value": 30,
            "reason": "Security policy: third parties keep source code for at most 30 days.",
        },
        {
            "id": "soc2",
            "attribute": "certification",
            "value": "SOC 2",
            "reason": "Required of every vendor that processes source code.",
        },
        {"id": "sso", "attribute": "sso", "value": True, "reason": "Access through Entra ID."},
        {"id": "context-128k", "attribute": "min_context_window", "value": 128_000},
    ],
    "should": [
        {"id": "zero-retention", "attribute": "zero_retention", "value": True, "weight": 3},
        {"id": "vpc", "attribute": "vpc", "value": True, "weight": 2},
        {"id": "iso27001", "attribute": "certification", "value": "ISO 27001", "weight": 2},
        {
            "id": "ip-indemnity",
            "attribute": "ip_indemnity",
            "value": True,
            "weight": 2,
            "reason": "Legal asked for indemnity against copyright claims on generated code.",
        },
        {
            "id": "seat-price",
            "attribute": "max_seat_price",
            "value": 50,
            "weight": 1,
            "reason": "Budget line assumes at most 50 EUR per seat per month.",
        },
    ],
}
ASSUMPTIONS = {
    "assumptions": [
        {
            "id": "tests-docs-10",
            "statement": "Time spent on tests and documentation falls by 10%.",
            "kinds_of_work": ["tests_and_docs"],
            "claimed_reduction_fraction": 0.10,
            "horizon": "FY27",
            "source": "Engineering plan FY27, p. 4",
        },
        {
            "id": "fixes-features-25",
            "statement": "Platform and backend spend 25% less time on bug fixes and small features.",
            "teams": ["platform", "backend"],
            "kinds_of_work": ["isolated_bugfix", "small_feature"],
            "claimed_reduction_fraction": 0.25,
            "horizon": "FY27",
            "source": "Engineering plan FY27",
        },
        {
            "id": "backend-30",
            "statement": "Backend needs 30% fewer engineering hours in FY27.",
            "teams": ["backend"],
            "claimed_reduction_fraction": 0.30,
            "horizon": "FY27",
            "source": "Finance draft budget FY27",
        },
        {
            "id": "cut-30-fte",
            "statement": "Apex Coder 5 scores 88.7% on SWE-bench, so we can cut 30 engineering FTE.",
            "claimed_fte": 30,
            "horizon": "FY27",
            "source": "Board pre-read draft, slide 7",
        },
        {
            "id": "discovery-20",
            "statement": "Web and data teams spend 20% less time working out ambiguous requirements.",
            "teams": ["web-mobile", "data"],
            "kinds_of_work": ["ambiguous_requirements"],
            "claimed_reduction_fraction": 0.20,
            "horizon": "FY27",
            "source": "Product operations memo",
        },
    ]
}
CLAIMS_MD = """\
# Draft sentences from the FY27 board deck

- Apex Coder 5 scores 88.7% on SWE-bench Verified, so we can automate most of our engineering.
- With AI tools we can reduce engineering headcount by 30 FTE in FY27.
- Apex Coder 5 makes 60% fewer hallucinations than Apex Coder 4.
- In our pilot, most AI-assisted bug fixes and test changes were merged after human review.
- Cross-service changes took longer with AI assistance than without it.
- AI coding tools will save Northwind 4.5 million EUR a year.
"""
YAML_FILES = {  # file: (contents, header comment)
    "case.yaml": (CASE, "Organisation, period, policy, codebases (default kinds of work)."),
    "benchmarks.yaml": (BENCHMARKS, "Benchmark scores as the vendors publish them, scope, source."),
    "vendors.yaml": (VENDORS, "What each vendor offers. A field left out is not stated."),
    "requirements.yaml": (REQUIREMENTS, "Deployment constraints: must = gate, should = weighted."),
    "assumptions.yaml": (ASSUMPTIONS, "Staffing assumptions from the FY27 plan, to be tested."),
}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, (data, header) in YAML_FILES.items():
        body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
        text = f"# {name}: {header}\n# Generated by examples/generate_default_case.py.\n{body}"
        (out / name).write_text(text, encoding="utf-8")
    with (out / "workforce.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(
            ["team", "role", "headcount", "loaded_hourly_cost", *(f"hours_{k}" for k in KINDS)]
        )
        w.writerows([t, role, n, cost, *hours] for t, role, n, cost, hours in TEAMS)
    rows = simulate_pilot(np.random.default_rng(SEED))
    # The study's columns come last and its rows after the tool trials: earlier values as were.
    study = simulate_study(np.random.default_rng([SEED, 2]))
    with (out / "pilot.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=[*rows[0], *STUDY_COLUMNS], lineterminator="\n")
        w.writeheader()
        w.writerows([*rows, *study])  # None is written as an empty cell: not measured
    (out / "claims.md").write_text(CLAIMS_MD, encoding="utf-8")
    print(f"wrote {out} ({len(rows) + len(study)} pilot rows)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "inputs")
