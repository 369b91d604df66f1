"""The broader people-and-work reader: words that are about our staffing and capacity by what
they mean, whoever owns them grammatically, in families (hiring, people, spend on people,
organisation, capacity), plus the case's own teams and roles.

"Offshore spend", "backfilling leavers", "requisitions", "on-call", "sprint velocity", "the
roadmap with the current team" need no "our": a deck uses them only about its own organisation.
Set beside benchmark or vendor evidence that is not a comparison with the pilot, they make the
sentence an extrapolation (see `readers.staffing_consequence`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from adoptreport.claims.evidence import CaseFigures
from adoptreport.claims.parse import ParsedSentence

FAMILIES: dict[str, str] = {
    "hiring": (
        r"hir(?:e|es|ed|ing)|recruit\w*|requisitions?|reqs|headcount|head count|backfill\w*|"
        r"leavers?|attrition|vacanc(?:y|ies)|openings?|positions?|roles?|redundan\w*|layoffs?|"
        r"lay(?:ing)? off|laid off|let go|new (?:hires|starters|joiners)|unfilled|establishment"
    ),
    "people": (
        r"engineers?|developers?|devs|programmers?|testers?|contractors?|contract (?:devs|developers|"
        r"staff|engineers)|freelancers?|consultants?|staff(?:ing|ed)?|FTEs?|full[- ]time "
        r"equivalents?|employees?|personnel|workforce|talent|juniors?|seniors?|people|interns?|"
        r"graduates?|apprentices?|reviewers?|SREs?|resourcing|(?<![-\w])bench(?: strength)?(?![-\w])|intake"
    ),
    "spend on people": (
        r"payroll|salar(?:y|ies)|people costs?|labou?r costs?|contractor (?:budget|spend|costs?)|"
        r"offshore\w*|outsourc\w*|nearshore\w*|engineering (?:spend|budget|costs?)"
    ),
    "organisation": (
        r"teams?|squads?|(?:QA|test|testing|engineering|support) (?:functions?|teams?)|org|"
        r"organi[sz]ation|departments?|"
        r"tribes?|chapters?"
    ),
    "capacity": (
        r"capacity(?: plan\w*)?|on-call|on call|rotas?|rotations?|rosters?|shifts?|sprints?|"
        r"velocity|roadmap|backlog|people plan|resource plan\w*|"
        r"workloads?|tickets|story points|stor(?:y|ies)"
    ),
}
STAFFING = re.compile(
    r"\b(?:" + "|".join(f"(?P<{n.replace(' ', '_')}>{p})" for n, p in FAMILIES.items()) + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Staffing:
    """A word about our staffing or capacity, with its family."""

    start: int
    end: int
    family: str
    text: str


def staffing_words(s: ParsedSentence, ev: CaseFigures) -> tuple[Staffing, ...]:
    """Staffing and capacity words, and the case's own teams and roles, not negated."""
    found = [
        Staffing(m.start(), m.end(), _family(m), m.group()) for m in STAFFING.finditer(s.masked)
    ]
    for pattern, _ in ev.lexicon.teams:
        found += [
            Staffing(m.start(), m.end(), "organisation", m.group())
            for m in pattern.finditer(s.text)
        ]
    kept = (w for w in found if not s.negated_at(w.start) or _cut_by_negation(s, w))
    return tuple(sorted(kept, key=lambda w: w.start))


# A negation that is itself a cut: "need not backfill", "no new hires", "not replacing leavers".
CUT_NEGATION = re.compile(
    r"\b(?:need not|needn't|no longer|(?:won't|will not|don't|do not|doesn't|does not) need|"
    r"no (?:new|more|further|additional|extra)|not (?:be )?(?:backfill\w*|replac\w*|fill\w*|"
    r"hir\w*|recruit\w*|renew\w*|extend\w*|grow\w*|add\w*))\b",
    re.IGNORECASE,
)


def _cut_by_negation(s: ParsedSentence, word: Staffing) -> bool:
    start = max((c for c in s.clause_starts if c <= word.start), default=0)
    return CUT_NEGATION.search(s.text[start : word.end]) is not None


def _family(match: re.Match[str]) -> str:
    name = next(n for n, v in match.groupdict().items() if v is not None)
    return name.replace("_", " ")
