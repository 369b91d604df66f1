"""Plan assumptions: which one a sentence is about, the verdict it gives it, and whether the
report gives the same verdict.

A sentence names an assumption by its id ("backend-30") or by its content: a plan word
("assumption", "plan", "draft budget", "pre-read") beside a figure that only that assumption
states ("the 30 FTE cut"). The verdict word is read with its negation ("not supported",
"cannot be tested"), so a sentence that calls a not-testable assumption "supported" is
contradicted even though it reads like a rejection.
"""

from __future__ import annotations

import re

from adoptreport.analysis.assumptions import AssumptionCheck, AssumptionVerdict
from adoptreport.claims.evidence import CaseFigures, Source
from adoptreport.claims.parse import ParsedSentence, Quantity
from adoptreport.claims.verdict import ClaimVerdict, Hit

V = AssumptionVerdict
# Verdict words, most specific first: a negated verdict before the plain one it contains.
VERDICT_WORDS: tuple[tuple[AssumptionVerdict, re.Pattern[str]], ...] = tuple(
    (verdict, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE))
    for verdict, pattern in (
        (V.NOT_TESTABLE, r"not testable|untestable|cannot be (?:tested|checked)|can't be (?:tested|checked)|"
                         r"not (?:be )?(?:tested|checked)|no (?:way|means) to (?:test|check)"),
        (V.NOT_SUPPORTED, r"(?:is|are|was|were|be|remains?)\s+not\s+(?:supported|backed|borne out|confirmed|"
                          r"validated|upheld)|not supported|unsupported|unfounded|rejected|refuted|"
                          r"contradicted|does not hold|doesn't hold|fails?|failed|exceeds?"),
        (V.PLAUSIBLE, r"plausible|possible|within (?:the )?(?:range|interval)|in range|could hold"),
        (V.SUPPORTED, r"supported|confirmed|validated|borne out|holds?(?: up)?|backed|proven|proved|"
                      r"verified|upheld|stands? up|vindicated|justified|"
                      r"(?:supports?|confirms?|validates?|bears? out|backs?|proves?|vindicates?)\s+"
                      r"(?:[\w-]+\s+){0,3}?(?:assumptions?|plan|claim|figure|cut|target|it)"),
    )
)  # fmt: skip
PLAN_WORDS = re.compile(
    r"\b(?:assum\w*|plan(?:'s|s|ned)?|draft|budget\w*|pre-read|memo|target|forecast)\b", re.I
)


def named_assumptions(
    s: ParsedSentence, ev: CaseFigures, by_content: bool = True
) -> tuple[AssumptionCheck, ...]:
    """The assumptions the sentence is about, by id or (`by_content`) by a figure only the
    plan states."""
    found = [a for a in ev.assumptions if _id_pattern(a.assumption.id).search(s.text)]
    if not found and by_content and PLAN_WORDS.search(s.text):
        ids = {
            k.where.split(" ", 1)[1]
            for q in s.quantities
            if not q.vague and not q.interval_end
            for k in ev.grounds(q, loose=False)
            if k.source is Source.ASSUMPTION
        }
        found = [a for a in ev.assumptions if a.assumption.id in ids]
    return tuple(found)


def said_verdict(s: ParsedSentence) -> tuple[AssumptionVerdict, re.Match[str]] | None:
    """The verdict the sentence gives, the earliest verdict word in it."""
    found = [(m.start(), v, m) for v, p in VERDICT_WORDS for m in [p.search(s.text)] if m]
    if not found:
        return None
    _, verdict, match = min(found, key=lambda f: f[0])
    return verdict, match


def assumption_verdict(s: ParsedSentence, ev: CaseFigures) -> Hit | None:
    """A plan assumption given another verdict than the report's: contradicted; the same (or a
    more cautious "plausible" for a supported one): ok."""
    said = said_verdict(s)
    named = named_assumptions(s, ev) if said is not None else ()
    if not named or said is None:
        return None
    verdict, word = said
    ids = tuple(i for i in (f"assumption.{a.assumption.id}" for a in named) if ev.has(i))
    wrong = [a for a in named if not _agrees(verdict, a.verdict)]
    if not wrong:
        return Hit("assumption_verdict", ClaimVerdict.OK, "the report gives the same verdict", ids)
    shown = "; ".join(f"{a.assumption.id}: {a.verdict.value}" for a in wrong)
    return Hit(
        "assumption_verdict",
        ClaimVerdict.BLOCKED_CONTRADICTED,
        f"calls the assumption {verdict.value} ({word.group()!r}); the report's verdict is {shown}",
        ids,
    )


def _agrees(said: AssumptionVerdict, actual: AssumptionVerdict) -> bool:
    return said is actual or (said is V.PLAUSIBLE and actual is V.SUPPORTED)


def _id_pattern(ident: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(ident)}(?![\w-])", re.IGNORECASE)


PLAN_FIGURE = re.compile(
    r"\b(?:assum\w*|(?:the |our |a )?plan(?:'s|ned)|draft|pre-read|budgeted|target(?:ed)?|"
    r"proposed|asked for|the board (?:was|were) told)\b",
    re.IGNORECASE,
)


def clause_of(text: str, q: Quantity) -> str:
    """The words around a number up to the nearest commas, semicolons or brackets."""
    cuts = [0, *(m.end() for m in re.finditer(r"[,;:()]", text)), len(text)]
    start = max(c for c in cuts if c <= q.start)
    end = min((c for c in cuts if c > q.end), default=len(text))
    return text[start:end]


def plan_figure(s: ParsedSentence, q: Quantity) -> bool:
    """ "the 30 FTE the pre-read assumed": a plan's figure quoted, not the writer's claim."""
    return PLAN_FIGURE.search(clause_of(s.text, q)) is not None
