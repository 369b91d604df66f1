"""Contradiction by value: a number about a (tool, kind or team, measure) that the report states
with an interval is checked against that interval, whatever the sentence's wording.

The measure is read from the words around the number (review, rework, hallucinations, hours
freed, FTE, acceptance, cost), the topic from the tools, kinds and teams the sentence names;
the intervals are the statements' own, so nothing here knows the default case's numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from adoptreport.claims import lexicon as words
from adoptreport.claims import measured
from adoptreport.claims.assumptions import named_assumptions, plan_figure
from adoptreport.claims.evidence import CaseFigures, Known, Source
from adoptreport.claims.measured import FRACTION, Claimed, judge
from adoptreport.claims.parse import ParsedSentence
from adoptreport.claims.quantities import Quantity, QuantityKind
from adoptreport.claims.readers import PEOPLE, rejected
from adoptreport.claims.rules import established
from adoptreport.claims.scope import Scope, scope_of
from adoptreport.claims.verdict import ClaimVerdict, Hit, Rule

K = QuantityKind


@dataclass(frozen=True)
class Measure:
    """A measure the report states with an interval, and the words a sentence names it by."""

    names: frozenset[str]  # statement number names
    words: re.Pattern[str]
    kinds: frozenset[QuantityKind]
    per_tool: bool = True  # stated per tool (else per team or for the whole organisation)


def _m(names: str, pattern: str, *kinds: QuantityKind, per_tool: bool = True) -> Measure:
    return Measure(frozenset(names.split()), re.compile(pattern, re.I), frozenset(kinds), per_tool)


# In order: the first measure whose words are in the number's stretch of the sentence wins.
MEASURES: tuple[Measure, ...] = (
    _m("rework_share_of_accepted", r"\b(?:needed|needs?|needing|required|requiring|went back for|sent back for|had|with|for)\s+(?:\w+\s+)?rework|\brework (?:rate|share)", K.SHARE),
    _m("hallucinations_per_attempt", r"\bhallucinat\w*|\bincidents?\b|\binvent\w*|non-?existent|\bfalse claims?", K.NUMBER, K.SHARE),
    _m("review_minutes_per_accepted", r"(?<!work, )\breview(?:ing|ers?)?\b(?! and rework)", K.MINUTES),
    _m("engineer_hours_per_merged_change engineer_cost_per_merged_change token_cost_per_merged_change",
       r"\b(?:per|each|every) (?:[\w-]+ ){0,4}?change\b|\bchange merged\b|\bchanges?\b(?:\W+[\w-]+){0,6}?\W+each\b", K.MINUTES, K.MONEY),
    _m("annual_token_cost", r"\btokens?\b", K.MONEY),
    _m("annual_value_of_hours net_value", r"\b(?:free\w*|worth|value|sav\w*|net|benefit|return)\b", K.MONEY),
    _m("freed_fte supported_fte", r"\bFTE|full[- ]time", K.FTE, per_tool=False),
    _m("freed_hours_per_week", r"\b(?:free\w*|sav\w*|time back|gets? back|got back|getting back|gain\w*|get\w*(?:\W+\w+){1,5}?\W+back|capacity|drop\w*|cut\w*|reduc\w*|fewer|releas\w*|recover\w*|shed\w*)\b", K.MINUTES, per_tool=False),
    _m("freed_share_of_hours supported_reduction", r"\b(?:free\w*|sav\w*|cut\w*|reduc\w*|fewer|drop\w*|shed\w*)\b(?:\W+\w+){0,8}?\W+hours\b|\bhours\b(?:\W+\w+){0,3}?\W+(?:cut|reduc\w*|fall|drop\w*|shrink\w*|freed|saved)\b", K.SHARE, per_tool=False),
    _m("mix_acceptance acceptance", r"\b(?:accept\w*|merg\w*|approv\w*|landed|succe\w*|pass\w* review|shipp\w*)\b", K.SHARE),
    _m("mix_saved_fraction", words.TIME_SAVED.pattern, K.SHARE),
)  # fmt: skip
REVIEW, PER_CHANGE = MEASURES[2], MEASURES[3]
_SEGMENT = re.compile(r"[;:]|\.\s|\bwhile\b|\bbut\b|\bwhereas\b", re.IGNORECASE)


def measured_value(s: ParsedSentence, ev: CaseFigures) -> Hit | None:
    """Each number about a measure the report states with an interval, against that interval."""
    if rejected(s):
        return None
    verdicts = [hit for q in s.quantities if (hit := _judge_quantity(s, q, ev)) is not None]
    for verdict in (ClaimVerdict.BLOCKED_CONTRADICTED, ClaimVerdict.WARNING_OVERCLAIM):
        if found := [h for h in verdicts if h.verdict is verdict]:
            return found[0]
    return verdicts[0] if verdicts else None


def _judge_quantity(s: ParsedSentence, q: Quantity, ev: CaseFigures) -> Hit | None:
    if q.kind is K.NUMBER and _COUNT_AFTER.match(s.text, q.end):
        return None  # "on 20 attempts": a sample size, not the measure
    if _ADOPTION_AFTER.match(s.text, q.end):
        return None  # "at 80% adoption": the condition, not the result
    if (
        q.interval_end
        or (q.vague and not FRACTION.search(q.text))
        or re.search(r"point|pp|pts", q.text)
    ):
        return None  # a gap in points is not a level; "most" is checked for direction only
    if q.share_like and round(q.value, 4) in ev.claimed_scores:
        return None  # a benchmark score set beside the pilot's figure is not the pilot's figure
    if plan_figure(s, q):
        return None  # "the 30 FTE the pre-read assumed": the plan's figure, quoted
    scope = scope_of(s, q, ev)
    measure = _measure_of(s, scope.quantity)
    if measure is not None and measure.per_tool and re.search(r"\bby\s+\W*$", s.text[: q.start]):
        return None  # "cut review time by 45 minutes": a change, not the level measured
    if measure is None or s.kinds:
        return None  # per kind of work: time_saved and acceptance_share judge the cells
    knowns = _knowns(s, scope, measure, ev)
    if not knowns:
        return None
    judged = [(k.where, k.interval) for k in knowns if k.interval is not None]
    claimed = Claimed(scope.quantity.low, scope.quantity.high, False, q.slack)
    printed = {(k.where, k.value): k.printed for k in knowns}
    hit = judge(
        "measured_value", _label(measure), claimed, judged, hedged=_hedged(s),
        describe=lambda where, i: printed.get((where, i.point), ""),
        small=frozenset(k.where for k in knowns if k.small_sample),
    )  # fmt: skip
    if hit is None or hit.verdict is ClaimVerdict.OK or not scope.note:
        return hit
    return replace(hit, reason=f"{hit.reason}; {scope.note}")


def _knowns(s: ParsedSentence, scope: Scope, measure: Measure, ev: CaseFigures) -> list[Known]:
    """The statements' intervals for the measure, about what the sentence names: a plan
    assumption it names, else its teams (each team, for "per team"), tools and the case."""
    named = [k for name in sorted(measure.names) for k in ev.by_name.get(name, ())]
    plans = {f"assumption.{a.assumption.id}" for a in named_assumptions(s, ev, False)}
    if plans:
        return [k for k in named if k.where in plans and k.interval is not None and not k.end]
    if measure is PER_CHANGE:  # tokens per change, or the engineers' time and cost per change
        tokens = _TOKENS.search(s.text) is not None
        named = [k for k in named if k.name.startswith("token") == tokens]
    q = scope.quantity
    return [k for k in named if _candidate(k, measure, q, s, ev, scope.every_team)]


_TOKENS = re.compile(r"\btokens?\b", re.IGNORECASE)
# A number stated as a condition, threshold or scenario, not as a result.
_CONDITION = re.compile(
    r"\b(?:break[- ]even|threshold|would need|must reach|only when|only if|required|"
    r"needs? (?:at least|more than|over)|to (?:save time|break even)|"
    r"minimum|target|policy|using the tools|low case|high case|base case|scenarios?|"
    r"if|unless)\b",
    re.IGNORECASE,
)
NEAR = 60  # characters between a number and the word naming its measure


def _measure_of(s: ParsedSentence, q: Quantity) -> Measure | None:
    """The measure named near the number, in its own stretch of the sentence; None when the
    stretch names none, a condition, or someone else's claim."""
    cuts = [0, *(m.end() for m in _SEGMENT.finditer(s.text)), len(s.text)]
    start = max(c for c in cuts if c <= q.start)
    end = min(c for c in cuts if c > q.start)
    stretch = s.text[start:end]
    if words.ATTRIBUTION.search(stretch) or _CONDITION.search(stretch):
        return None
    aside = re.match(r"\s*\([^)]*\)", s.text[q.end :])  # skip "(90% CI 73–94%)"
    reach = q.end + NEAR + (aside.end() if aside else 0)
    near = s.text[max(start, q.start - NEAR) : min(end, reach)]
    fits = [m for m in MEASURES if q.kind in m.kinds]
    for specific in (REVIEW, PER_CHANGE):  # "tokens cost EUR 20 per merged change" is not annual
        if specific in fits and specific.words.search(near):
            return specific
    # "acceptance 61%", "time saved 13%": the measure written just before the number wins;
    # else the most specific one named around it (MEASURES' order): "2% … needed rework".
    before = s.text[max(start, q.start - 25) : q.start]
    ends = [
        (max(x.end() for x in m.words.finditer(before)), m) for m in fits if m.words.search(before)
    ]
    if ends:
        return max(ends, key=lambda e: e[0])[1]
    return next((m for m in fits if m.words.search(near)), None)


def _candidate(
    k: Known, m: Measure, q: Quantity, s: ParsedSentence, ev: CaseFigures, every_team: bool = False
) -> bool:
    """A statement's interval for this measure, about what the sentence names."""
    if k.name not in m.names or k.interval is None or k.end or k.source is not Source.STATEMENT:
        return False
    if m.names == MEASURES[1].names:
        if "%" in q.text:
            return False  # "60% fewer hallucinations" is a comparison, not a rate
        # Per kind of hallucination when the sentence names one ("invented APIs"); else the total.
        if k.where.startswith("vendor.") != bool(HALLUCINATION_KIND.search(s.text)):
            return False
        if k.where.startswith("vendor.") and not _names_hallucination_kind(s, ev, k.where):
            return False
    if k.family is not q.kind and not (q.kind is K.SHARE and k.family is K.NUMBER):
        return False
    teams = set(ev.team_ids)
    named_teams, about_teams = set(s.teams), k.about & teams
    if every_team:  # "per team": each team's own figure
        if len(about_teams) != 1:
            return False
    elif named_teams != about_teams and not (about_teams and about_teams <= named_teams):
        return False
    about_tools = k.about & ev.tool_ids
    if k.about & ev.kind_ids:
        return False  # per kind of work: time_saved and acceptance_share judge the cells
    if not m.per_tool:
        return not about_tools
    if m.names & {"mix_acceptance", "mix_saved_fraction"} and not _ACROSS.search(s.text):
        return False  # "87% of 30 attempts" is one cell's figure, not the work mix
    return bool(about_tools) and (not s.tools or bool(about_tools & set(s.tools)))


# The rules that compare a claim with an interval the report states.
INTERVAL_RULES: tuple[Rule, ...] = (
    measured.time_saved,
    measured.acceptance_share,
    measured.share_of_our_work,
    measured.hallucination_comparison,
    measured_value,
)


_COUNT_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:attempts|tasks|changes|engineers|people|draws|rows|tools|vendors|"
    r"codebases|seats|weeks|months|runs|tries)\b(?!\s+per\b)",
    re.IGNORECASE,
)
_ADOPTION_AFTER = re.compile(
    r"\s+(?:adoption|uptake|of (?:engineers|developers|people|staff) using)\b", re.IGNORECASE
)
_ACROSS = re.compile(
    r"\b(?:across|overall|work mix|all (?:our |of our )?(?:work|tasks|changes|kinds)|whole|in total|"
    r"on average|our work|everything|every kind|all kinds)\b",
    re.IGNORECASE,
)


def _names_hallucination_kind(s: ParsedSentence, ev: CaseFigures, where: str) -> bool:
    """The sentence names this statement's kind of hallucination ("Brightline Dev, invented
    API: …"): most of the label's words, hyphens ignored."""
    text = ev.statements[where].text
    label = text.split(":", 1)[0].split(",", 1)[-1]
    wanted = [w.lower() for w in re.findall(r"[\w]{3,}", label.replace("-", ""))]
    said = s.text.replace("-", "").lower()
    return bool(wanted) and sum(w[:6] in said for w in wanted) * 2 >= len(wanted) + 1


def _label(m: Measure) -> str:
    return sorted(m.names)[0].replace("_", " ")


def _hedged(s: ParsedSentence) -> bool:
    return words.INTERVAL_WORDS.search(s.text) is not None


_PEOPLE_CLAIM = re.compile(rf"\b(?:{PEOPLE})\b|\blayoffs?\b", re.IGNORECASE)
HALLUCINATION_KIND = re.compile(
    r"\binvent\w*|\bAPIs?\b|non-?existent|nonexistent|\bfiles?\b|config\w*|false claims?|"
    r"tests pass",
    re.IGNORECASE,
)


def certainty_against_interval(s: ParsedSentence, ev: CaseFigures) -> Hit | None:
    """ "Proven" or "guaranteed" on a claim the report states with an interval (so the interval
    does not exclude the other outcomes), or on a headcount claim: contradicted, not only an
    overclaim. Certainty about nothing the report measures stays a warning (`certainty`)."""
    word = s.find(words.CERTAINTY)
    if word is None or established(s, ev):
        return None
    checked = [h for rule in INTERVAL_RULES if (h := rule(s, ev)) is not None]
    people = _PEOPLE_CLAIM.search(s.text) is not None and bool(s.quantities or s.find(words.FEWER))
    stated = any(not q.vague and not q.interval_end for q in s.quantities)  # "Proven: EUR 4.5m"
    hallucinations = words.HALLUCINATION.search(s.text) is not None and any(
        t.hallucinations_per_attempt is not None and t.hallucinations_per_attempt.low > 0
        for t in ev.tools
        if not s.tools or t.tool in s.tools
    )
    measured_topic = bool(s.tools or s.kinds)  # the pilot states intervals for every one
    if not (checked or people or hallucinations or measured_topic or stated):
        return None
    ids = tuple(dict.fromkeys(i for h in checked for i in h.statements))
    return Hit(
        "certainty_against_interval",
        ClaimVerdict.BLOCKED_CONTRADICTED,
        f"{word.group()!r} claims certainty where the report states a measured range"
        + (" (and a headcount is never measured)" if people and not checked else ""),
        ids,
    )
