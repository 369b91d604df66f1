"""Readers, each testable alone: benchmark or vendor evidence, our people and our work,
rejection, and the link that makes a sentence an extrapolation.

An extrapolation maps benchmark or vendor evidence onto a share or count of our people or our
work, whatever words connect them. A pilot figure beside a benchmark score is a comparison and
is not one: a share of our work that the report itself measured is a finding, not a mapping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from adoptreport.claims import lexicon as words
from adoptreport.claims.evidence import CaseFigures, Source
from adoptreport.claims.parse import ParsedSentence
from adoptreport.claims.quantities import Quantity, QuantityKind
from adoptreport.claims.staffing import Staffing, staffing_words

# ---------------------------------------------------------------- benchmark or vendor evidence

BENCHMARK = re.compile(
    r"\b(?:benchmarks?|leaderboards?|[\w-]*bench(?:mark)?\b|HumanEval|MBPP|evals?|"
    r"evaluations?|test suites? scores?|(?:headline|published|launch|advertised|marketing|"
    r"reported|vendor'?s?|leaderboard|benchmark|public|official) (?:score|figure|number|result|"
    r"rate|claim|percentage|pass rate|success rate|performance)s?|pass(?:es|ed)? (?:\w+ ){0,2}of (?:the )?(?:tasks|problems|"
    r"issues|tests) on|model cards?|launch[- ](?:posts?|materials?|blog|announcements?|decks?|events?|numbers?|figures?)|datasheets?|press releases?|vendor claims?|"
    r"the vendor|vendors say|(?:vendor|lab)'s (?:claim|number|figure)|scor(?:e|es|ed|ing) of|"
    r"(?:it|the model|the tool|the agent) (?:scores|scored|passes|passed|solves|solved|resolves|resolved|tops|topped))\b",
    re.IGNORECASE,
)
# "Apex Coder 5's score", "Brightline's public results", "the Apex number": a tool's or vendor's
# own published figure, named by who owns it.
OWN_SCORE = re.compile(
    r"(?:'s|’s)?\s+(?:(?:own|public|published|headline|latest|launch|benchmark|leaderboard)\s+)*"
    r"(?:score|scores|results?|numbers?|figures?|performance|ranking|showing|pass rate|success rate)\b",
    re.IGNORECASE,
)


def _score_as_number(q: Quantity, scores: frozenset[float]) -> bool:
    """ "The 88.7 from the launch post": a claimed score written as a bare percentage number."""
    if q.kind is not QuantityKind.NUMBER or q.vague or q.value < 1 or "." not in q.text:
        return False
    return any(q.low <= 100 * v <= q.high for v in scores)


SAYS = re.compile(
    r"\b(?:says?|said|claims?|claimed|reports?|reported|promises?|advertises?|markets?)\b", re.I
)


def benchmark_mentions(s: ParsedSentence, ev: CaseFigures) -> tuple[int, ...]:
    """Where the sentence invokes benchmark or vendor evidence, not taken back by a negation:
    a named benchmark, benchmark words, a vendor saying something, or a claimed score itself."""
    found = [m.start() for m in BENCHMARK.finditer(s.text)]
    found += [m.start() for p, _ in ev.lexicon.benchmarks for m in p.finditer(s.text)]
    for pattern in (*ev.lexicon.vendors, *(p for p, _ in ev.lexicon.tools)):
        for m in pattern.finditer(s.text):
            if SAYS.match(s.text, m.end() + 1) or OWN_SCORE.match(s.text, m.end()):
                found.append(m.start())
    found += [q.start for q in s.quantities if _score_as_number(q, ev.claimed_scores)]
    scores = ev.claimed_scores
    found += [q.start for q in s.quantities if q.share_like and not q.vague and not q.interval_end
              and any(q.low - 1e-9 <= v <= q.high + 1e-9 for v in scores)
              and not (re.match(r"\s+of\b", s.masked[q.end :]) and _our_share(q, ev))]  # fmt: skip
    return tuple(sorted(p for p in found if not s.negated_at(p)))


# ---------------------------------------------------------------- our people and our work

PEOPLE = (
    r"engineers?|developers?|devs|programmers?|coders|headcount|head count|heads|FTEs?|seats|"
    r"requisitions?|reqs|backfills?|openings|vacanc(?:y|ies)|"
    r"full[- ]time equivalents?|jobs?|roles?|positions?|seats at the table|staff|staffing|"
    r"people|personnel|team members?|teams?|squads?|departments?|functions?|workforce|hires?|"
    r"hiring|contractors?|employees?|juniors?|seniors?|org|organi[sz]ation|company|payroll|"
    r"labou?r|talent|bench strength|people costs?|salar(?:y|ies)"
)
WORK = (
    r"engineering(?: work| effort| hours| time| capacity)?|coding(?: tasks| work)?|code|"
    r"development(?: work)?|software(?: work| engineering| development)?|programming|"
    r"work(?:load|loads)?|tasks|tickets|issues|backlog|sprints?|stor(?:y|ies)|pull requests|PRs|"
    r"changes|hours|workweek|work week|capacity|effort|output|duties|day-to-day|jobs? to be done|"
    r"what (?:our |the )?(?:engineers|developers|team|teams|people|staff) do|"
    r"what we (?:do|build|ship)|deliver(?:y|ables)|roadmap|queue"
)
_OWNER = (
    r"our|we|us|the org'?s?|the organi[sz]ation'?s?|the company'?s?|the team'?s?|all|every|"
    r"each|their|your|its|of the|entire|whole|total"
)
CAPABILITY = re.compile(
    r"\b(?:automat\w*|replac\w*|handl\w*|do|does|doing|take over|takes over|taking over|"
    r"take on|takes on|absorb\w*|cover\w*|eliminat\w*|remov\w*|substitut\w*|perform\w*|"
    r"complet\w*|solv\w*|resolv\w*|clos\w*|clear\w*|shrink\w*|cut\w*|reduc\w*|halv\w*|"
    r"carr(?:y|ies)|let|lets|allow\w*|enabl\w*|freez\w*|paus\w*|halt\w*|hold|los\w*|"
    r"downsiz\w*|retir\w*|offload\w*|hand\w* (?:off|over) to AI|run|free\w* up|swap\w*|"
    r"be done by|be handled by|go to AI|mak\w* redundant|trim\w*|slash\w*|shed\w*)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Target:
    """Our people or our work, where the sentence names them."""

    start: int
    end: int
    owned: bool  # "our engineers", a team or role of the case: ours, not work in general


_NOUNS = re.compile(rf"\b(?:{PEOPLE}|{WORK})\b", re.IGNORECASE)


def people_and_work(s: ParsedSentence, ev: CaseFigures) -> tuple[Target, ...]:
    """Our people and our work: general words, and the case's own teams, roles and kinds."""
    found = [
        Target(
            m.start(), m.end(), _owned_before(s.masked, m.start()) or m.group().startswith("what")
        )
        for m in _NOUNS.finditer(s.masked)
    ]
    for pattern in (*(p for p, _ in ev.lexicon.teams), *ev.lexicon.roles):
        found += [Target(m.start(), m.end(), True) for m in pattern.finditer(s.masked)]
    found += [
        Target(m.start(), m.end(), _owned_before(s.masked, m.start()))
        for p, _ in ev.lexicon.kinds
        for m in p.finditer(s.masked)
    ]
    return tuple(sorted(found, key=lambda t: t.start))


def _owned_before(text: str, at: int) -> bool:
    before = text[max(0, at - 40) : at]
    if re.search(rf"\b(?:{_OWNER})\s+(?:[\w-]+\s+){{0,2}}$", before, re.I) is not None:
        return True
    # "the engineering org", "the backend team": the organisation's people are ours.
    if INHERENTLY_OURS.match(text, at) or re.match(r"\w+\s+(?:we|our)\b", text[at:], re.I):
        return True  # "engineering hours", "the hours we spend"
    people = re.match(rf"(?:{PEOPLE})\b", text[at:], re.I) is not None
    return people and re.search(r"\bthe\s+(?:[\w-]+\s+){0,2}$", before, re.I) is not None


INHERENTLY_OURS = re.compile(
    r"(?:engineering (?:hours|time|capacity|effort|work|org|headcount|team)|headcount|payroll|"
    r"workforce|org\b|organi[sz]ation|staffing)",
    re.IGNORECASE,
)


# ---------------------------------------------------------------- rejection

REJECTION = words.REJECTION


def rejected(s: ParsedSentence) -> bool:
    """The sentence rejects a plan or reading rather than asserting it ("… is not supported by
    the pilot", "we will not cut the team on benchmark scores")."""
    return s.rejects


# ---------------------------------------------------------------- the link

_LINK = re.compile(
    rf"^\s*(?:of\s+|in\s+|among\s+)?(?:(?:{_OWNER})\s+)?(?:[\w'-]+\s+){{0,3}}?(?:{PEOPLE}|{WORK})\b",
    re.IGNORECASE,
)
_BY = re.compile(
    rf"(?:{PEOPLE}|{WORK})\b(?:\W+[\w'-]+){{0,5}}?\W+by\s+(?:(?:about|around|roughly|nearly|"
    r"almost|some|up to|more than|over|at least|as much as)\s+)?$",
    re.IGNORECASE,
)
_BREAK = re.compile(
    r"\b(?:on|across|over|for|from|per|with|accepted|merged|attempts?|than)\b", re.I
)


def mapped_quantity(s: ParsedSentence, ev: CaseFigures) -> Quantity | None:
    """A share or count put onto our people or our work ("nine in ten tickets", "88.7% of what
    our engineers do", "cut our workload by a third"), not negated and not a pilot finding."""
    for q in s.quantities:
        if q.interval_end or s.negated_at(q.start) or not _shareish(q):
            continue
        after, before = s.masked[q.end : q.end + 70], s.masked[max(0, q.start - 70) : q.start]
        link = _LINK.match(after) or _kind_link(after, ev)
        onto = link is not None and not _BREAK.search(link.group())
        if (onto or _BY.search(before)) and not _measured(q, s, ev):
            return q
    return None


_OF = re.compile(rf"^\s*(?:of\s+)?(?:(?:{_OWNER})\s+)?(?:[\w'-]+\s+){{0,2}}?", re.IGNORECASE)


def _kind_link(after: str, ev: CaseFigures) -> re.Match[str] | None:
    """ "of our bug fixes": a share of one of the case's kinds of work."""
    of = _OF.match(after)
    if of is None:
        return None
    rest = after[: of.end() + 40]
    for pattern, _ in ev.lexicon.kinds:
        if (kind := pattern.search(rest, of.start())) is not None and kind.start() <= of.end():
            return re.match(re.escape(after[: kind.end()]), after)
    return None


def _shareish(q: Quantity) -> bool:
    return q.share_like or q.kind in (QuantityKind.NUMBER, QuantityKind.FTE)


# Statement numbers that are themselves about our people or our work (hours, FTE, headcount).
# Not "unknown_hours_share": the share of hours nothing was measured for makes no figure measured.
ABOUT_OUR_WORK = frozenset({
    "scope_hours_share", "freed_share_of_hours", "covered_share",
    "headcount", "freed_fte", "supported_fte", "freed_hours_per_week", "unknown_hours_per_week",
    "scope_hours_per_week", "supported_reduction", "miss_fte",
})  # fmt: skip
PILOT = re.compile(
    r"\b(?:pilot\w*|accept\w*|merg\w*|observed|measured|attempts?|trials?|in practice|our own|"
    r"locally|in-house|on our (?:code|repos|codebase))\b",
    re.IGNORECASE,
)


def _stated_fraction(q: Quantity, s: ParsedSentence) -> bool:
    """A word fraction stated as a level ("are about a sixth of our hours"), with no verb of
    doing or inferring that would make it a share of work handed over."""
    if not q.vague or q.high - q.low > 0.1 or not _IS_BEFORE.search(s.masked[: q.start]):
        return False
    return CAPABILITY.search(s.masked) is None and INFERENCE.search(s.masked) is None


_IS_BEFORE = re.compile(
    r"\b(?:is|are|was|were|makes? up|made up|accounts? for|represents?|comprises?)\s+"
    r"(?:(?:about|around|roughly|nearly|almost|some|just|only)\s+)?$",
    re.IGNORECASE,
)


def _measured(q: Quantity, s: ParsedSentence, ev: CaseFigures) -> bool:
    """The report states this figure about our work, or the sentence sets a pilot figure beside
    the benchmark: a comparison or a finding, not a mapping."""
    if _stated_fraction(q, s):  # "which are about a sixth of our engineering hours"
        q = replace(q, vague=False)
    if q.vague or q.high - q.low > 0.5 * max(abs(q.value), 1e-9):
        return False  # "most", "over two thirds": no measured figure is meant
    grounds = [
        k for k in ev.grounds(q, loose=False) if k.source in (Source.STATEMENT, Source.CASE_RECORD)
    ]
    if any(k.name in ABOUT_OUR_WORK or k.source is Source.CASE_RECORD for k in grounds):
        return True
    return bool(grounds) and PILOT.search(s.masked) is not None


INFERENCE = re.compile(
    r"\b(?:so|therefore|thus|hence|which means|meaning|means|mean|implies|imply|translates? (?:in)?to|"
    r"it follows|we can expect|should (?:hold|apply|carry over)|the same (?:holds|applies|goes)|"
    r"carr(?:y|ies) over|transfers? to|appl(?:y|ies)|extends? to|holds? for|in line with|"
    r"reasonable to assume|assum\w*)\b",
    re.IGNORECASE,
)
_CHECKING = re.compile(
    r"\b(?:measur\w*|tested|testing it|test it|to test|check\w*|verif\w*|trial\w*|pilot\w*|our own)\b",
    re.I,
)


def inferred_onto_our_work(
    s: ParsedSentence, ev: CaseFigures, mentions: tuple[int, ...]
) -> Target | None:
    """ "SWE-bench shows 88.7%, so the same holds for our tickets": an inference from benchmark
    evidence to our people or work, unless the sentence is about checking it locally."""
    if not mentions or _CHECKING.search(s.masked):
        return None
    for word in INFERENCE.finditer(s.masked):
        if s.negated_at(word.start()):
            continue
        for target in people_and_work(s, ev):
            if target.owned and not s.negated_at(target.start):
                return target
    return None


def capability_over_our_work(s: ParsedSentence, ev: CaseFigures) -> re.Match[str] | None:
    """ "can take over our ticket queue", "absorb the work of the QA function": a verb of doing or
    cutting whose object, within a few words, is our people or our work."""
    if _CHECKING.search(s.masked):
        return None  # "so we tested it on our own bug fixes": a comparison being set up
    targets = [t for t in people_and_work(s, ev) if t.owned]
    for verb in CAPABILITY.finditer(s.masked):
        if s.negated_at(verb.start()):
            continue
        if any(0 <= t.start - verb.end() <= 40 for t in targets):
            return verb
        shrinks = SHRINK.fullmatch(verb.group()) is not None  # "our workload should shrink"
        if shrinks and any(0 <= verb.start() - t.end <= 25 for t in targets):
            return verb
    return None


SHRINK = re.compile(
    r"shrink\w*|cut\w*|reduc\w*|halv\w*|downsiz\w*|trim\w*|slash\w*|shed\w*|fall\w*|fell|drop\w*",
    re.I,
)


def staffing_consequence(
    s: ParsedSentence, ev: CaseFigures, mentions: tuple[int, ...]
) -> Staffing | None:
    """Benchmark or vendor evidence beside our staffing or capacity ("backfilling leavers",
    "offshore spend", "the roadmap with the current team"), neither a comparison with the
    pilot nor about checking it locally: the benchmark is made to speak for our people."""
    if not mentions or _CHECKING.search(s.masked) or OUR_MEASUREMENT.search(s.masked):
        return None
    beside = CONTRAST.search(s.masked) or PILOT.search(s.masked) or ";" in s.text
    if beside and any(_pilot_figure(q, s, ev) for q in s.quantities):
        return None  # "… while the evidence supports 9.4 FTE": set beside the pilot's figure
    return next(iter(staffing_words(s, ev)), None)


OUR_MEASUREMENT = re.compile(
    r"\b(?:pilot\w*|observed|measured|in practice|our own|locally|in-house|on our (?:code|repos|codebase))\b",
    re.IGNORECASE,
)
CONTRAST = re.compile(
    r"\b(?:while|whereas|but|against|beside|compared (?:with|to)|versus|vs|yet|however|next to|"
    r"set against|only)\b",
    re.IGNORECASE,
)


def as_written(q: Quantity) -> Quantity:
    """The quantity at the precision it is written, not widened by "about"."""
    half = min(q.high - q.low, max(abs(q.value) * 0.01, 0.01)) / 2
    return replace(q, low=q.value - half, high=q.value + half, slack=0.0)


# Shares the report states about our hours: a benchmark-sized figure among them is not a score.
OUR_SHARES = ABOUT_OUR_WORK | {"unknown_hours_share"}


def _our_share(q: Quantity, ev: CaseFigures) -> bool:
    """A share the report states about our hours or people ("74% of our engineering hours")."""
    found = ev.grounds(as_written(q), loose=False)
    return any(k.source is Source.STATEMENT and k.name in OUR_SHARES for k in found)


_BY_CHANGE = re.compile(
    r"\bby\s+(?:(?:about|around|roughly|some|up to|more than|over|at least|nearly|almost|a further)\s+)?$",
    re.IGNORECASE,
)


def _pilot_figure(q: Quantity, s: ParsedSentence, ev: CaseFigures) -> bool:
    """A level the report states from the pilot: not a benchmark score it quotes ("near-90%"),
    a multiple, or a change ("trim … by 40%")."""
    if q.vague or q.interval_end or q.kind is QuantityKind.MULTIPLE:
        return False
    if any(q.low - 1e-9 <= v <= q.high + 1e-9 for v in ev.claimed_scores):
        return False
    if _BY_CHANGE.search(s.masked[max(0, q.start - 30) : q.start]):
        return False
    q = as_written(q)
    return any(
        k.source is Source.STATEMENT
        and not k.where.startswith("benchmark.")
        and not k.end
        and "per_attempt" not in k.name  # a rate is not a share of our people
        for k in ev.grounds(q, loose=False)
    )
