"""A claims review as the terminal shows it: one block per sentence, aligned, plain text."""

from __future__ import annotations

import textwrap

from adoptreport.claims.check import ClaimsReview
from adoptreport.text import visible_controls

LABEL_WIDTH = 23  # the longest verdict, blocked-extrapolation, and a space


def as_table(review: ClaimsReview, width: int = 100) -> str:
    """Plain aligned text: verdict and line, the sentence, why, and what to say instead.

    Control and bidirectional characters from the draft are shown as `[U+001B]`, so no escape
    sequence in a deck reaches the terminal."""
    body = max(30, width - LABEL_WIDTH)
    blocks = []
    for r in review.reviews:
        rows = [(f"{r.verdict.value}", f"line {r.line}: {r.sentence}"), ("why", r.reason)]
        if r.replacement:
            rows.append(("say instead", r.replacement))
        lines = []
        for label, text in rows:
            wrapped = textwrap.wrap(visible_controls(text), body) or [""]
            lines.append(f"{label:<{LABEL_WIDTH - 1}} {wrapped[0]}")
            lines += [" " * LABEL_WIDTH + more for more in wrapped[1:]]
        blocks.append("\n".join(lines))
    counts = ", ".join(f"{n} {v.value}" for v, n in review.counts().items() if n)
    source = visible_controls(review.source)
    sentences = f"{len(review.reviews)} sentence{'' if len(review.reviews) == 1 else 's'}"
    summary = f"{source}: {sentences} — {counts or 'none'}."
    return "\n\n".join([*blocks, summary])
