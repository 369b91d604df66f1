"""check-claims speed: 1,000 draft sentences judged against the frozen blind case.

    python scripts/bench_claims.py        # prints seconds per 1,000 sentences (best of 5)

The floor in the same run is splitting the same text into sentences (no judging), so the
ratio says what the judging itself costs. Target (issue 15): ≤ 2 s per 1,000 sentences.
"""

from __future__ import annotations

import time
from pathlib import Path

import yaml

from adoptreport import api
from adoptreport.analysis.findings import analyse
from adoptreport.claims.check import review
from adoptreport.claims.evidence import CaseFigures
from adoptreport.claims.parse import Sentence, split_sentences
from adoptreport.statements import build_statements

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "tests" / "cases" / "claims_blind_case"


def _best(run: object, repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    case = api.validate(CASE)
    findings = analyse(case)
    evidence = CaseFigures.of(case, findings, build_statements(case, findings))
    corpus = yaml.safe_load((ROOT / "tests" / "claims_corpus.yaml").read_text("utf-8"))
    texts = [t for key, items in corpus.items() if key != "known_misses" for t in items]
    sentences = [Sentence(1, texts[i % len(texts)]) for i in range(1000)]
    text = "\n\n".join(s.text for s in sentences)
    floor = _best(lambda: split_sentences(text))
    judged = _best(lambda: [review(s, evidence) for s in sentences])
    print(
        f"1,000 sentences: {judged:.2f} s judged; floor (splitting only) {floor:.3f} s;"
        f" ratio {judged / floor:.0f}×; target ≤ 2 s"
    )


if __name__ == "__main__":
    main()
