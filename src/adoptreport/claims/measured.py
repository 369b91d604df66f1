"""Rules against the pilot: time saved, acceptance, verdicts and hallucination rates.

A claim is supported when a measured point (or, for a bare direction, a whole interval) fits
it; contradicted when the measurements rule it out and all lean the same way; otherwise it
is stated with more certainty than the evidence has.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from adoptreport.analysis.pilot import Cell
from adoptreport.analysis.stats import Interval
from adoptreport.analysis.verdicts import Verdict
from adoptreport.claims import lexicon as words
from adoptreport.claims.evidence import WIDE_INTERVAL, Evidence
from adoptreport.claims.parse import ParsedSentence
from adoptreport.claims.rules import capable_near, hedged, nearest, share_of_work
from adoptreport.claims.verdict import ClaimVerdict, Hit
from adoptreport.statements import formatting as fmt


@dataclass(frozen=True)
class _Claimed:
    """What a sentence claims about a pilot measure: a range, or only a direction."""

    low: float
    high: float
    direction_only: bool


def time_saved(s: ParsedSentence, ev: Evidence) -> Hit | None:
    """Time saved or lost on a kind of work, against each matching cell's saved fraction."""
    claimed = _claimed_time(s)
    cells = [c for c in ev.cells_for(s.tools, s.kinds) if c.saved_fraction is not None]
    if claimed is None or not s.kinds or not cells:
        return None
    judged = [(c, c.saved_fraction) for c in cells if c.saved_fraction is not None]
    return _judge("time_saved", "time saved", claimed, judged, hedged(s), zero_matters=True)


def acceptance_share(s: ParsedSentence, ev: Evidence) -> Hit | None:
    """A share of changes accepted (merged) for a kind of work, against the cells' acceptance."""
    verb = s.find(words.ACCEPTED)
    cells = ev.cells_for(s.tools, s.kinds)
    if verb is None or not s.kinds or not cells or words.TIME_SAVED.search(s.text):
        return None
    quantity = nearest(s.shares(), verb.start())
    if quantity is None:
        return None
    claimed = _Claimed(quantity.low, quantity.high, direction_only=False)
    judged = [(c, c.acceptance) for c in cells]
    return _judge("acceptance_share", "acceptance", claimed, judged, hedged(s))


def share_of_our_work(s: ParsedSentence, ev: Evidence) -> Hit | None:
    """'AI can do X of our tasks': against each tool's acceptance across our work mix."""
    if s.kinds:
        return None
    for quantity in s.shares():
        if s.negated_at(quantity.start):
            continue
        if share_of_work(s, quantity, ev, general=True) and capable_near(s, quantity):
            # Each tool's acceptance across our whole work mix, as vendor fit measures it.
            judged = [(i, a) for t, i, a in ev.work_mix if not s.tools or t in s.tools]
            claimed = _Claimed(quantity.low, quantity.high, direction_only=False)
            return _judge(
                "share_of_our_work", "acceptance across our work", claimed, judged, hedged(s)
            )
    return None


def automate_kind(s: ParsedSentence, ev: Evidence) -> Hit | None:
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
        ClaimVerdict.WARNING_OVERCLAIM,
        f"the evidence cannot decide yet ({found})",
        ids,
    )


def hallucination_comparison(s: ParsedSentence, ev: Evidence) -> Hit | None:
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
    number = next((q for q in s.shares(vague=False)), None)
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


def _judge(
    rule: str,
    measure: str,
    claimed: _Claimed,
    judged: Sequence[tuple[Cell | str, Interval]],
    hedged: bool,
    zero_matters: bool = False,
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
        elif claimed.low <= interval.point <= claimed.high and _firm(
            interval, hedged, zero_matters
        ):
            support.append((ident, interval))
        else:
            weak.append((ident, interval))
    if support:
        return Hit(rule, ClaimVerdict.OK, f"consistent with the {measure} measured", _ids(support))
    if against and _same_side(claimed, [i for _, i in against + weak]):
        shown = "; ".join(f"{i}: {fmt.percent_interval(v).text}" for i, v in against)
        return Hit(
            rule,
            ClaimVerdict.BLOCKED_CONTRADICTED,
            f"the {measure} measured rules it out ({shown})",
            _ids(against + weak),
        )
    if weak or against:
        shown = "; ".join(f"{i}: {fmt.percent_interval(v).text}" for i, v in weak + against)
        return Hit(
            rule,
            ClaimVerdict.WARNING_OVERCLAIM,
            f"the {measure} measured is too uncertain to state it as fact ({shown})",
            _ids(weak + against),
        )
    return None


def _same_side(claimed: _Claimed, intervals: list[Interval]) -> bool:
    """Every estimate misses the claim on the same side: the evidence leans one way, against it.
    (Estimates on both sides of the claim — 34%, 41% against "40%" — only make it uncertain.)"""
    below = [i.point < claimed.low for i in intervals]
    return all(below) or not any(below)


def _firm(interval: Interval, hedged: bool, zero_matters: bool) -> bool:
    if zero_matters and not interval.excludes_zero:
        return False
    return hedged or interval.high - interval.low <= WIDE_INTERVAL


def _ids(found: list[tuple[str, Interval]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i, _ in found))


def _claimed_time(s: ParsedSentence) -> _Claimed | None:
    saved, lost = words.TIME_SAVED.search(s.text), words.TIME_LOST.search(s.text)
    if saved is None and lost is None:
        return None
    match = saved or lost
    assert match is not None
    gained = saved is not None and (lost is None or saved.start() < lost.start())
    if s.negated_at(match.start()):  # "did not save time": no gain, rather than a loss
        return _Claimed(-1.0, 0.0, True) if gained else _Claimed(0.0, 1.0, True)
    number = nearest(s.shares(), match.start())
    if number is None or (number.vague and not re.search(r"hal(f|v)", number.text, re.I)):
        return _Claimed(0.0, 1.0, True) if gained else _Claimed(-10.0, 0.0, True)
    low, high = number.low, min(number.high, 10.0)
    return _Claimed(low, high, False) if gained else _Claimed(-high, -low, False)
