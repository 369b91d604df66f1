"""Rules on wording: benchmark-to-workforce extrapolation, ungrounded numbers, certainty.

Each rule is small and named; it reads one parsed sentence against the evidence and returns a
`Hit` or None. Rules that compare a claim with the pilot's measurements are in `measured.py`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from adoptreport.analysis.verdicts import Verdict
from adoptreport.claims import lexicon as words
from adoptreport.claims import readers as read
from adoptreport.claims.assumptions import plan_figure
from adoptreport.claims.evidence import CaseFigures, Source
from adoptreport.claims.parse import ParsedSentence, Quantity, QuantityKind
from adoptreport.claims.scope import scope_of
from adoptreport.claims.verdict import ClaimVerdict, Hit

# ---------------------------------------------------------------- extrapolation


def benchmark_onto_our_work(s: ParsedSentence, ev: CaseFigures) -> Hit | None:
    """Benchmark or vendor evidence mapped onto a share or count of our people or our work."""
    mentions = read.benchmark_mentions(s, ev)
    if read.rejected(s) or not mentions:
        return None
    quantity = read.mapped_quantity(s, ev)
    if quantity is not None:
        said = f"a share or count of our people or work ({quantity.text!r})"
    elif (verb := read.capability_over_our_work(s, ev)) is not None:
        said = f"our people or work ({verb.group()!r})"
    elif (target := read.inferred_onto_our_work(s, ev, mentions)) is not None:
        said = f"our people or work ({s.text[target.start : target.end]!r})"
    elif (staff := read.staffing_consequence(s, ev, mentions)) is not None:
        said = f"our {staff.family} ({staff.text!r})"
    else:
        return None
    return Hit(
        "benchmark_onto_our_work",
        ClaimVerdict.BLOCKED_EXTRAPOLATION,
        f"maps benchmark or vendor evidence onto {said}; a benchmark measures its own tasks, "
        "not our people or our work",
        _benchmark_statements(s, ev),
    )


def workforce_reduction(s: ParsedSentence, ev: CaseFigures) -> Hit | None:
    """AI capability turned into fewer engineers, jobs, FTE or a smaller team."""
    if read.rejected(s):
        return None
    # "Platform saves 1.4 FTE": capacity freed, as the report states it (measured_value checks
    # the figure); saving or freeing people themselves stays a cut.
    phrases = tuple(
        (name, p)
        for name, p in words.WORKFORCE_CUTS
        if not (name == "cut" and CAPACITY_FTE.search(s.text))
    )
    if found := _first_phrase(s, phrases):
        name, match = found
        return Hit(
            "workforce_reduction",
            ClaimVerdict.BLOCKED_EXTRAPOLATION,
            f"turns AI results into headcount ({name}: {match.group()!r}); the evidence "
            "measures time and acceptance per kind of work, not jobs",
            _capacity_statements(s, ev),
        )
    return None


CAPACITY_FTE = re.compile(
    r"\b(?:sav\w*|free\w*(?: up)?)\s+(?:(?:about|around|roughly|nearly|almost|up to|some)\s+)?"
    r"[\d.]+\s?(?:FTEs?|full[- ]time equivalents?)\b(?!\s+(?:of|in)\s+(?:our\s+)?(?:engineers|developers|staff|people|jobs|roles))",
    re.IGNORECASE,
)


def engineering_automated(s: ParsedSentence, ev: CaseFigures) -> Hit | None:
    """Engineering as a whole said to be automated or replaced."""
    if read.rejected(s):
        return None
    if found := _first_phrase(s, words.ENGINEERING_AUTOMATED):
        name, match = found
        return Hit(
            "engineering_automated",
            ClaimVerdict.BLOCKED_EXTRAPOLATION,
            f"says engineering as a whole can be automated ({name}: {match.group()!r}); the "
            "evidence gives a verdict per kind of work",
            _benchmark_statements(s, ev),
        )
    return None


def _first_phrase(
    s: ParsedSentence, phrases: tuple[tuple[str, re.Pattern[str]], ...]
) -> tuple[str, re.Match[str]] | None:
    """The first of the named word patterns the sentence contains, with its match."""
    for name, pattern in phrases:
        if match := s.find(pattern):
            return name, match
    return None


def ungrounded_number(s: ParsedSentence, ev: CaseFigures) -> Hit | None:
    """A number the evidence does not contain, or only a vendor or a plan states."""
    for quantity in s.quantities:
        if quantity.vague or plan_figure(s, quantity):
            continue
        scoped = scope_of(s, quantity, ev).quantity  # "4 hours per engineer": the team's hours
        topics = (*s.tools, *s.kinds, *s.teams)
        found = ev.grounds(scoped, topics) or tuple(
            k for x in with_units(s, quantity) for k in ev.grounds(x, topics)
        )
        if not found and quantity.count is not None:  # "18 of 405 attempts": two counts
            found = ev.grounds(
                replace(
                    quantity,
                    kind=QuantityKind.NUMBER,
                    value=quantity.count,
                    low=quantity.count,
                    high=quantity.count,
                    slack=0.0,
                )
            )
        sources = {k.source for k in found}
        if not sources:
            return Hit(
                "ungrounded_number",
                ClaimVerdict.WARNING_UNGROUNDED,
                f"{quantity.text!r} appears nowhere in the evidence or the case's recorded claims",
                _topical(s, ev),
            )
        if Source.STATEMENT not in sources and Source.CASE_RECORD not in sources:
            if words.ATTRIBUTION.search(s.text):
                continue
            said = "a vendor's claim" if Source.VENDOR_CLAIM in sources else "a plan assumption"
            return Hit(
                "ungrounded_number",
                ClaimVerdict.WARNING_UNGROUNDED,
                f"{quantity.text!r} is only {said}, stated as fact; the pilot did not measure it",
                _topical(s, ev),
            )
    return None


def certainty(s: ParsedSentence, ev: CaseFigures) -> Hit | None:
    """'Proven', 'guaranteed', 'eliminates hallucinations': certainty the evidence never gives."""
    match = s.find(words.CERTAINTY)
    if match is None or established(s, ev):
        return None
    ids = _topical(s, ev, hallucinations=bool(words.HALLUCINATION.search(s.text)))
    return Hit(
        "certainty",
        ClaimVerdict.WARNING_OVERCLAIM,
        f"{match.group()!r} claims a certainty that measured rates with intervals cannot give",
        ids,
    )


ESTABLISHED = re.compile(
    r"\b(?:context window|fits?|fitting|holds?|tokens?|codebases?|ranks?|ranked|ranking|gates?|"
    r"must-requirements?|excluded|offers?|retention|residency|SOC ?2|ISO ?27001|single sign-on|"
    r"SSO|seats?|price[sd]?|list price)\b",
    re.IGNORECASE,
)
MEASURED = re.compile(
    r"\b(?:sav\w*|faster|slower|time|hours?|FTE|accept\w*|merg\w*|review\w*|rework|"
    r"hallucinat\w*|incidents?|value|worth|net|cost\w*|free\w*|headcount|engineers?|developers?|"
    r"automat\w*|replac\w*|roles?|jobs?|people|staff)\b",
    re.IGNORECASE,
)


def with_units(s: ParsedSentence, q: Quantity) -> tuple[Quantity, ...]:
    """The quantity, and a bare number also in each unit written beside it in the sentence
    ("128,000 tokens of context, with 400,000 on offer")."""
    units = {x.kind for x in s.quantities} - {QuantityKind.NUMBER, QuantityKind.SHARE}
    if q.kind is not QuantityKind.NUMBER or q.share_like:
        return (q,)
    return (q, *(replace(q, kind=u) for u in sorted(units)))


def established(s: ParsedSentence, ev: CaseFigures) -> bool:
    """Certainty about what the case records as fact, with no interval: a context window's fit,
    a gate, a ranking, a price. ("It is certain that route-planner fits whole.")"""
    word = s.find(words.CERTAINTY)
    rest = s.text if word is None else s.text[: word.start()] + s.text[word.end() :]
    if not ESTABLISHED.search(rest) or MEASURED.search(rest):
        return False
    for q in s.quantities:
        if q.vague or q.interval_end:
            continue
        found = [k for x in with_units(s, q) for k in ev.grounds(x, (*s.tools, *s.kinds))]
        if not found or any(k.interval is not None for k in found):
            return False
    return True


def point_as_fact(s: ParsedSentence, ev: CaseFigures) -> Hit | None:
    """A point estimate stated without its interval where that interval is wide or spans zero."""
    if hedged(s) or read.rejected(s):
        return None
    for quantity in s.quantities:
        grounds = [k for k in ev.grounds(quantity, (*s.tools, *s.kinds)) if not k.end]
        if grounds and all(k.weak for k in grounds):
            known = grounds[0]
            assert known.interval is not None  # weak implies an interval
            spans = "includes zero" if not known.interval.excludes_zero else "is wide"
            return Hit(
                "point_as_fact",
                ClaimVerdict.WARNING_OVERCLAIM,
                f"{quantity.text!r} is a point estimate whose interval {spans}; state the interval",
                tuple(dict.fromkeys(k.where for k in grounds)),
            )
    return None


def share_of_work(
    s: ParsedSentence, quantity: Quantity, ev: CaseFigures, general: bool = False
) -> bool:
    """The share is of work: '88% of our engineering', 'nine in ten coding tasks', 'most bug fixes'."""
    after = s.masked[quantity.end :]
    nouns = words.GENERAL_WORK if general else f"{words.WORK_NOUNS}|{words.WORKFORCE_NOUNS}"
    kinds = "" if general else "|" + "|".join(p.pattern for p, _ in ev.lexicon.kinds)
    pattern = rf"^\s*(?:of\s+)?(?:(?:our|the|all|its|their|your|AI-assisted)\s+)?(?:[a-z-]+\s+){{0,2}}?(?:{nouns}{kinds})\b(?!\s+(?:hours|time|budget))"
    return re.match(pattern, after, re.IGNORECASE) is not None


def capable_near(s: ParsedSentence, quantity: Quantity) -> bool:
    window = s.text[max(0, quantity.start - 60) : quantity.end + 60]
    offset = max(0, quantity.start - 60)
    return any(not s.negated_at(offset + m.start()) for m in words.CAPABILITY.finditer(window))


def _benchmark_statements(s: ParsedSentence, ev: CaseFigures) -> tuple[str, ...]:
    """Our own result on the benchmark's kind of work, and what the benchmark does not say."""
    scores = {round(q.value, 4) for q in s.shares(vague=False)}
    named = [
        g
        for g in ev.gaps
        if g.claim.id in s.benchmarks and (not s.tools or g.claim.tool in s.tools)
    ]
    by_score = [g for g in ev.gaps if round(g.claim.score, 4) in scores]
    by_tool = [g for g in ev.gaps if g.claim.tool in s.tools]
    found = by_score or named or by_tool
    gap = found[0] if found else ev.headline()
    if gap is None:
        return ()
    ids = (f"benchmark.{gap.claim.id}.scope", f"benchmark.scope.{gap.claim.scope}.meaning")
    return tuple(i for i in ids if ev.has(i))


def _capacity_statements(s: ParsedSentence, ev: CaseFigures) -> tuple[str, ...]:
    """What the evidence supports freeing, as hours and FTE of capacity, not as jobs."""
    ids = tuple(i for i in ("workforce.total", "workforce.contrast") if ev.has(i))
    return ids or _benchmark_statements(s, ev)


def _topical(s: ParsedSentence, ev: CaseFigures, hallucinations: bool = False) -> tuple[str, ...]:
    """Statements on what the sentence is about: its tools and kinds of work."""
    if hallucinations:
        ids = [f"hallucinations.{t}" for t in s.tools or tuple(t.tool for t in ev.tools)]
    elif s.kinds:
        cells = ev.cells_for(s.tools, s.kinds) if s.tools else ()
        ids = [f"cell.{c.tool}.{c.kind}" for c in cells] or [f"verdict.{k}" for k in s.kinds]
    elif s.tools:
        ids = [f"benchmark.{g.claim.id}.mix" for g in ev.gaps if g.claim.tool in s.tools]
        ids += [f"review.{t}" for t in s.tools]
    else:
        ids = [f"verdict.{k.kind}" for k in ev.kinds if k.verdict is Verdict.AUTOMATE_WITH_REVIEW]
    return tuple(i for i in dict.fromkeys(ids) if ev.has(i))[:2] or _benchmark_statements(s, ev)


def hedged(s: ParsedSentence) -> bool:
    return words.INTERVAL_WORDS.search(s.text) is not None


def nearest(quantities: tuple[Quantity, ...], position: int) -> Quantity | None:
    return min(quantities, key=lambda q: abs(q.start - position), default=None)
