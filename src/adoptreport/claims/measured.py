"""Rules against the pilot: time saved, acceptance, verdicts and hallucination rates.

A claim is supported when a measured point (or, for a bare direction, a whole interval) fits
it; contradicted when the measurements rule it out and all lean the same way; otherwise it
is stated with more certainty than the evidence has.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from adoptreport.analysis.pilot import Cell
from adoptreport.analysis.stats import Interval
from adoptreport.analysis.verdicts import Verdict
from adoptreport.claims import lexicon as words
from adoptreport.claims.evidence import CaseFigures
from adoptreport.claims.parse import ParsedSentence, Quantity, QuantityKind
from adoptreport.claims.rules import capable_near, hedged, nearest, share_of_work
from adoptreport.claims.verdict import ClaimVerdict, Hit
from adoptreport.statements import formatting as fmt

# Word fractions and "half" read as figures, not only as a direction ("cut by a third").
FRACTION = re.compile(
    r"hal(?:f|v)|third|quarter|fifth|tenth|sixth|eighth|more often than not", re.I
)


@dataclass(frozen=True)
class Claimed:
    """What a sentence claims about a pilot measure: a range, or only a direction."""

    low: float
    high: float
    direction_only: bool
    slack: float = 0.0  # room for a round figure to be supported ("seven in eight" for 87%)


def time_saved(s: ParsedSentence, ev: CaseFigures) -> Hit | None:
    """Time saved or lost on a kind of work, against each matching cell's saved fraction."""
    claimed = _claimed_time(s)
    cells = [c for c in ev.cells_for(s.tools, s.kinds) if c.saved_fraction is not None]
    if claimed is None or not s.kinds or not cells:
        return None
    small = _small_cells(cells, ev)
    # Each kind named carries the claim: one kind that rules it out contradicts it.
    for kind in s.kinds if len(s.kinds) > 1 else ():
        of_kind = [(c, c.saved_fraction) for c in cells if c.kind == kind and c.saved_fraction]
        hit = judge("time_saved", "time saved", claimed, of_kind, hedged(s), True, small=small)
        if hit is not None and hit.verdict.blocked:
            return hit
    judged = [(c, c.saved_fraction) for c in cells if c.saved_fraction is not None]
    return judge(
        "time_saved", "time saved", claimed, judged, hedged(s), zero_matters=True, small=small
    )


def acceptance_share(s: ParsedSentence, ev: CaseFigures) -> Hit | None:
    """A share of changes accepted (merged) for a kind of work, against the cells' acceptance."""
    verb = s.find(words.ACCEPTED)
    cells = ev.cells_for(s.tools, s.kinds)
    if verb is None or not s.kinds or not cells or words.TIME_SAVED.search(s.text):
        return None
    quantity = claimed_near(s, verb, ev.claimed_scores)
    if quantity is None:
        return None
    claimed = Claimed(quantity.low, quantity.high, False, quantity.slack)
    judged = [(c, c.acceptance) for c in cells]
    small = _small_cells(cells, ev)
    return judge("acceptance_share", "acceptance", claimed, judged, hedged(s), small=small)


def _small_cells(cells: Sequence[Cell], ev: CaseFigures) -> frozenset[str]:
    """Cells with fewer attempts than the policy's minimum: their points do not stand alone."""
    minimum = ev.case.case.policy.min_tasks_per_cell
    return frozenset(f"cell.{c.tool}.{c.kind}" for c in cells if c.attempts < minimum)


def share_of_our_work(s: ParsedSentence, ev: CaseFigures) -> Hit | None:
    """'AI can do X of our tasks': against each tool's acceptance across our work mix."""
    if s.kinds:
        return None
    for quantity in s.shares():
        if s.negated_at(quantity.start):
            continue
        if share_of_work(s, quantity, ev, general=True) and capable_near(s, quantity):
            # Each tool's acceptance across our whole work mix, as vendor fit measures it.
            judged = [(i, a) for t, i, a in ev.work_mix if not s.tools or t in s.tools]
            claimed = Claimed(quantity.low, quantity.high, direction_only=False)
            return judge(
                "share_of_our_work", "acceptance across our work", claimed, judged, hedged(s)
            )
    return None


def automate_kind(s: ParsedSentence, ev: CaseFigures) -> Hit | None:
    """'We can automate bug fixes': against the policy's verdict for that kind of work."""
    if not s.kinds or s.find(words.AUTOMATE) is None:
        return None
    verdicts: list[tuple[str, Verdict]] = []
    for kind in s.kinds:
        cells = ev.cells_for(s.tools, (kind,))
        if s.tools and cells:
            verdicts += [(f"cell.{c.tool}.{c.kind}", c.decision.verdict) for c in cells]
        else:
            verdicts += [(f"verdict.{k.kind}", k.verdict) for k in ev.kinds if k.kind == kind]
    if not verdicts:
        return None
    ids = tuple(i for i, _ in verdicts if ev.has(i))
    if all(v is Verdict.AUTOMATE_WITH_REVIEW for _, v in verdicts):
        return Hit("automate_kind", ClaimVerdict.OK, "the verdict is automate with review", ids)
    found = "; ".join(f"{i}: {v.value}" for i, v in verdicts)
    if any(v in (Verdict.ASSIST, Verdict.DO_NOT_AUTOMATE) for _, v in verdicts):
        return Hit(
            "automate_kind",
            ClaimVerdict.BLOCKED_CONTRADICTED,
            f"the verdict is not to automate ({found})",
            ids,
        )
    return Hit(
        "automate_kind",
        ClaimVerdict.BLOCKED_CONTRADICTED,
        f"the verdict is that the evidence cannot decide yet ({found})",
        ids,
    )


def hallucination_comparison(s: ParsedSentence, ev: CaseFigures) -> Hit | None:
    """'A makes 60% fewer hallucinations than B', against both tools' pilot rates."""
    if s.find(words.HALLUCINATION) is None or len(s.tools) != 2 or " than " not in s.text:
        return None
    first, second = (ev.tool_summary(t) for t in s.tools)
    if first is None or second is None:
        return None
    a, b = first.hallucinations_per_attempt, second.hallucinations_per_attempt
    if a is None or b is None or b.low <= 0 or b.point <= 0:
        return None
    ids = tuple(i for i in (f"hallucinations.{t}" for t in s.tools) if ev.has(i))
    if words.ATTRIBUTION.search(s.text):
        return Hit(
            "hallucination_comparison",
            ClaimVerdict.OK,
            "reported as the vendor's claim, not as a finding",
            ids,
        )
    fewer = bool(words.FEWER.search(s.text)) and not words.MORE.search(s.text)
    number = next((q for q in s.shares() if not q.vague or FRACTION.search(q.text)), None)
    if number is not None:
        low, high = (
            (1 - number.high, 1 - number.low) if fewer else (1 + number.low, 1 + number.high)
        )
    else:
        low, high = (0.0, 1.0) if fewer else (1.0, float("inf"))
    # Conservative: the two intervals taken at their extremes give the widest ratio they allow.
    allowed = Interval(a.low / b.high, a.point / b.point, a.high / b.low, a.level)
    if high < allowed.low or low > allowed.high:
        reason = (
            f"the pilot's rates ({fmt.rate_interval(a).text} and {fmt.rate_interval(b).text} incidents "
            "per attempt) do not allow that ratio"
        )
        return Hit("hallucination_comparison", ClaimVerdict.BLOCKED_CONTRADICTED, reason, ids)
    if not low <= allowed.point <= high:
        return Hit(
            "hallucination_comparison",
            ClaimVerdict.WARNING_OVERCLAIM,
            "the pilot shows no such difference",
            ids,
        )
    return Hit(
        "hallucination_comparison", ClaimVerdict.OK, "consistent with the pilot's rates", ids
    )


def judge(
    rule: str,
    measure: str,
    claimed: Claimed,
    judged: Sequence[tuple[Cell | str, Interval]],
    hedged: bool,
    zero_matters: bool = False,
    describe: Callable[[str, Interval], str] = lambda _, i: fmt.percent_interval(i).text,
    small: frozenset[str] = frozenset(),
) -> Hit | None:
    """Support when a point (or, for a direction, the whole interval) fits the claim;
    contradiction when some interval rules it out and every estimate misses it on the same
    side; otherwise an overclaim.

    A point stated without its interval only counts as support when the interval is narrow
    and, where `zero_matters` (time saved), excludes zero.
    """
    support: list[tuple[str, Interval]] = []
    against: list[tuple[str, Interval]] = []
    weak: list[tuple[str, Interval]] = []
    for where, interval in judged:
        ident = where if isinstance(where, str) else f"cell.{where.tool}.{where.kind}"
        if interval.high < claimed.low or interval.low > claimed.high:
            against.append((ident, interval))
        elif claimed.direction_only:
            inside = claimed.low < interval.low and interval.high < claimed.high
            (support if inside else weak).append((ident, interval))
        elif (
            claimed.low - claimed.slack <= interval.point <= claimed.high + claimed.slack
            and _firm(interval, hedged, zero_matters, ident in small)
        ):
            support.append((ident, interval))
        else:
            weak.append((ident, interval))
    if (
        zero_matters
        and not hedged
        and claimed.low >= 0
        and judged
        and all(not i.excludes_zero for _, i in judged)
    ):
        shown = "; ".join(
            dict.fromkeys(f"{i}: {describe(i, v)}" for i, v in weak + support + against)
        )
        return Hit(
            rule,
            ClaimVerdict.BLOCKED_CONTRADICTED,
            f"asserts a gain where the report finds no detectable difference ({shown})",
            _ids(weak + support + against),
        )
    if support:
        return Hit(rule, ClaimVerdict.OK, f"consistent with the {measure} measured", _ids(support))
    if against and _same_side(claimed, [i for _, i in against + weak]):
        shown = "; ".join(dict.fromkeys(f"{i}: {describe(i, v)}" for i, v in against))
        return Hit(
            rule,
            ClaimVerdict.BLOCKED_CONTRADICTED,
            f"the {measure} measured rules it out ({shown})",
            _ids(against + weak),
        )
    if weak or against:
        shown = "; ".join(dict.fromkeys(f"{i}: {describe(i, v)}" for i, v in weak + against))
        return Hit(
            rule,
            ClaimVerdict.WARNING_OVERCLAIM,
            f"the {measure} measured is too uncertain to state it as fact ({shown})",
            _ids(weak + against),
        )
    return None


def _same_side(claimed: Claimed, intervals: list[Interval]) -> bool:
    """Every estimate misses the claim on the same side: the evidence leans one way, against it.
    (Estimates on both sides of the claim — 34%, 41% against "40%" — only make it uncertain.)"""
    below = [i.point < claimed.low for i in intervals]
    return all(below) or not any(below)


def _firm(interval: Interval, hedged: bool, zero_matters: bool, small_sample: bool) -> bool:
    """A point stated as fact stands when its interval excludes zero (where zero matters) and
    its sample meets the policy's minimum; a sentence that carries its own uncertainty
    ("90% CI", "about", "no detectable") always stands."""
    if hedged:
        return True
    return not (zero_matters and not interval.excludes_zero) and not small_sample


def _ids(found: list[tuple[str, Interval]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i, _ in found))


def claimed_near(
    s: ParsedSentence, word: re.Match[str], skip: frozenset[float] = frozenset()
) -> Quantity | None:
    """The share a measure word states: the first after it ("saved 34%"), else the nearest
    before it ("34% faster"); never an interval's end, nor a benchmark score in `skip`."""
    shares = [q for q in s.shares() if not q.interval_end and round(q.value, 4) not in skip]
    after = [q for q in shares if q.start >= word.start() and q.start - word.end() <= 45]
    return (
        after[0]
        if after
        else nearest(tuple(q for q in shares if q.end <= word.start()), word.start())
    )


def _claimed_time(s: ParsedSentence) -> Claimed | None:
    saved, lost = words.TIME_SAVED.search(s.text), words.TIME_LOST.search(s.text)
    if saved is None and lost is None:
        return None
    match = saved or lost
    assert match is not None
    gained = saved is not None and (lost is None or saved.start() < lost.start())
    if s.negated_at(match.start()):  # "did not save time": no gain, rather than a loss
        return Claimed(-1.0, 0.0, True) if gained else Claimed(0.0, 1.0, True)
    number = claimed_near(s, match)
    times = next((q for q in s.quantities if q.kind is QuantityKind.MULTIPLE), None)
    if number is None and times is not None and times.value > 1 and gained:
        fraction = 1 - 1 / times.value  # "twice as fast": half the time
        return Claimed(fraction - 0.02, fraction + 0.02, False)
    if number is None or (number.vague and not FRACTION.search(number.text)):
        return Claimed(0.0, 1.0, True) if gained else Claimed(-10.0, 0.0, True)
    low, high = number.low, min(number.high, 10.0)
    if number.value < 0:  # "net time saved at −40%": the sign says which way
        return Claimed(low, high, False)
    return Claimed(low, high, False) if gained else Claimed(-high, -low, False)
