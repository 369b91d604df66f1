"""Who or what a figure is per: the team or organisation as the report states it, one engineer,
or each team; and a figure in days, which is never a figure in hours.

"About four hours per engineer a week" for backend is the team's 144 h spread over its 36
engineers; "12 FTE per team" is a figure for every team, checked against each team's own; "133
days of engineering time" is not "133 h", whatever a working day is taken to be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from adoptreport.claims.evidence import CaseFigures
from adoptreport.claims.parse import ParsedSentence
from adoptreport.claims.quantities import Quantity, QuantityKind

PEOPLE_WORD = r"(?:engineers?|developers?|devs|heads|persons?|people|staff|employees?)"
# "per engineer", "for each developer", "a head" after the figure …
PER_HEAD_AFTER = re.compile(
    rf"^\W*(?:[\w-]+\s+){{0,4}}?(?:per|each|every|a|an|for each|for every)\s+(?:[\w-]+\s+)?{PEOPLE_WORD}\b",
    re.IGNORECASE,
)
# … or "each platform engineer gets back", "data engineers each get back" before it.
PER_HEAD_BEFORE = re.compile(
    rf"(?:\b(?:each|every|per|the average|an average|a typical|one)\s+(?:[\w-]+\s+){{0,3}}?{PEOPLE_WORD}\b"
    rf"|\b{PEOPLE_WORD}\s+(?:would\s+|will\s+|could\s+)?(?:each|individually|apiece)\b)"
    r"(?:\W+[\w-]+){0,6}?\W*$",
    re.IGNORECASE,
)
PER_TEAM = re.compile(
    r"^\W*(?:[\w-]+\s+){0,4}?(?:per|each|every|a|for each|for every)\s+(?:[\w-]+\s+)?(?:teams?|squads?)\b"
    r"|\b(?:each|every|per)\s+(?:[\w-]+\s+)?(?:teams?|squads?)\b(?:\W+[\w-]+){0,6}?\W*$",
    re.IGNORECASE,
)
# A day is 8 working hours or 24 calendar hours; either way never the same number of hours.
DAY_MINUTES = (8 * 60, 24 * 60)


@dataclass(frozen=True)
class Scope:
    """What the report's figure would be, for a figure stated per head or per team."""

    quantity: Quantity  # the claim in the report's terms (per head × headcount)
    every_team: bool = False  # "per team": each team's own figure is the claim
    heads: float = 0.0  # per engineer: the headcount it was multiplied by
    days: bool = False  # written in days, read as the minutes it could mean

    @property
    def note(self) -> str:
        """How the figure was put in the report's terms, for the reason given."""
        notes = []
        if self.days:
            notes.append("a figure in days is not the same figure in hours (a day is 8 to 24 h)")
        if self.heads:
            notes.append(f"stated per engineer, it is that figure times {self.heads:g} engineers")
        if self.every_team:
            notes.append("stated per team, it is checked against each team's own figure")
        return "; ".join(notes)


def scope_of(s: ParsedSentence, q: Quantity, ev: CaseFigures) -> Scope:
    """The quantity as the report would state it: in minutes for days, times the headcount of
    the team named (or everyone) when it is per engineer, flagged when it is per team."""
    days = q.kind is QuantityKind.DAYS
    q = in_minutes(q)
    if q.kind not in (QuantityKind.MINUTES, QuantityKind.FTE, QuantityKind.MONEY):
        return Scope(q, days=days)
    after, before = s.text[q.end : q.end + 50], s.text[max(0, q.start - 60) : q.start]
    if PER_TEAM.search(after) or PER_TEAM.search(before):
        return Scope(q, every_team=True, days=days)
    if PER_HEAD_AFTER.search(after) or PER_HEAD_BEFORE.search(before):
        teams = [t for t in ev.case.workforce if not s.teams or t.team in s.teams]
        heads = sum(t.headcount for t in teams)
        if heads:
            scaled = replace(q, value=q.value * heads, low=q.low * heads, high=q.high * heads)
            return Scope(scaled, heads=heads, days=days)
    return Scope(q, days=days)


def in_minutes(q: Quantity) -> Quantity:
    """A figure in days as the range of minutes it could mean (8 to 24 hours a day)."""
    if q.kind is not QuantityKind.DAYS:
        return q
    short, long = DAY_MINUTES
    return replace(
        q, kind=QuantityKind.MINUTES, value=q.value * short, low=q.low * short, high=q.high * long
    )
