"""Score a labelled corpus of draft sentences against a case: how many misleading sentences
check-claims blocks, and how many honest ones it blocks or warns about.

    PYTHONPATH=src python tests/claims_score.py CASE_FOLDER CORPUS.yaml [--show]

A corpus is either a list of `{text: ..., expect: blocked|ok}` (or a mapping with such a list
under `sentences`), or the development corpus's mapping of verdict → sentences, where every
verdict but `ok` counts as misleading, and only the `blocked-*` verdicts expect `blocked`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from adoptreport import api
from adoptreport.analysis.findings import analyse
from adoptreport.claims.check import ClaimReview, review
from adoptreport.claims.evidence import CaseFigures
from adoptreport.claims.parse import Sentence
from adoptreport.statements import build_statements


@dataclass(frozen=True)
class Score:
    misleading: int
    honest: int
    blocked_misleading: int
    blocked_honest: int
    warned_honest: int
    missed: tuple[tuple[str, ClaimReview], ...]
    false_alarms: tuple[tuple[str, ClaimReview], ...]

    @property
    def recall(self) -> float:
        return self.blocked_misleading / self.misleading if self.misleading else 1.0

    @property
    def honest_blocked(self) -> float:
        return self.blocked_honest / self.honest if self.honest else 0.0

    @property
    def honest_warned(self) -> float:
        return self.warned_honest / self.honest if self.honest else 0.0

    def summary(self) -> str:
        return (
            f"{self.misleading} misleading, {self.honest} honest: recall {self.recall:.1%} "
            f"({self.blocked_misleading}/{self.misleading} blocked), honest blocked "
            f"{self.honest_blocked:.1%} ({self.blocked_honest}), honest warned "
            f"{self.honest_warned:.1%} ({self.warned_honest})"
        )


def labelled(corpus: Any) -> list[tuple[str, str]]:
    """(text, expect) pairs, expect being "blocked" or "ok"."""
    if isinstance(corpus, dict) and "sentences" in corpus:
        corpus = corpus["sentences"]
    if isinstance(corpus, list):
        return [(str(i.get("text") or i.get("sentence")), str(i["expect"])) for i in corpus]
    pairs = []
    for verdict, texts in corpus.items():
        if verdict == "known_misses" or not isinstance(texts, list):
            continue
        expect = "blocked" if verdict.startswith("blocked") else "ok" if verdict == "ok" else ""
        pairs += [(t, expect) for t in texts if expect]
    return pairs


def evidence_of(case_folder: Path | str) -> CaseFigures:
    case = api.validate(case_folder)
    findings = analyse(case)
    return CaseFigures.of(case, findings, build_statements(case, findings))


def score(pairs: list[tuple[str, str]], evidence: CaseFigures) -> Score:
    missed, alarms = [], []
    counts = {"misleading": 0, "honest": 0, "bm": 0, "bh": 0, "wh": 0}
    for text, expect in pairs:
        result = review(Sentence(1, text), evidence)
        if expect == "blocked":
            counts["misleading"] += 1
            counts["bm"] += result.blocked
            if not result.blocked:
                missed.append((text, result))
        else:
            counts["honest"] += 1
            counts["bh"] += result.blocked
            warned = not result.blocked and result.verdict.value != "ok"
            counts["wh"] += warned
            if result.verdict.value != "ok":
                alarms.append((text, result))
    return Score(
        counts["misleading"], counts["honest"], counts["bm"], counts["bh"], counts["wh"],
        tuple(missed), tuple(alarms),
    )  # fmt: skip


def main(argv: list[str]) -> int:
    case, corpus = argv[0], Path(argv[1])
    result = score(labelled(yaml.safe_load(corpus.read_text("utf-8"))), evidence_of(case))
    print(result.summary())
    if "--show" in argv:
        for text, r in result.missed:
            print(f"MISSED [{r.verdict.value}] {text}\n    {r.reason}")
        for text, r in result.false_alarms:
            print(f"ALARM  [{r.verdict.value}] {text}\n    {r.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
