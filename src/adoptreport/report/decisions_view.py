"""The "Decisions requested" page: the decision statements grouped and ordered per audience."""

from __future__ import annotations

from dataclasses import dataclass

from adoptreport.models import Audience
from adoptreport.report.cells import Part, body_parts
from adoptreport.statements import Section, Statement
from adoptreport.statements.audiences import DECISION_GROUPS

GROUP_TITLES = {
    "staffing": "Staffing assumptions in the plan",
    "vendor": "Vendor",
    "pilot": "Pilot work that would settle what is undecided",
    "basis": "How hours become money",
}
GROUP_PREFIXES = {
    "staffing": ("decision.assumption.",),
    "vendor": ("decision.vendor", "decision.requirement.", "decision.claim_version."),
    "pilot": ("decision.pilot.",),
    "basis": ("decision.basis",),
}
# The badge a decision's lead gets: green to go ahead, dark red to refuse, grey for open.
LEAD_CLASSES = {
    "Accept. ": "decision-go",
    "Reject. ": "decision-stop",
    "Not yet decidable. ": "decision-open",
    "No vendor yet. ": "decision-open",
    "Extend the pilot. ": "decision-open",
    "Stop piloting. ": "decision-stop",
    "Pilot first. ": "decision-open",
}


@dataclass(frozen=True)
class DecisionItem:
    id: str
    lead: str  # "Accept.", "Choose Brightline.", "" for a supporting line
    lead_class: str
    parts: tuple[Part, ...]
    kind: str


@dataclass(frozen=True)
class DecisionGroup:
    name: str
    title: str
    items: tuple[DecisionItem, ...]


def _item(s: Statement) -> DecisionItem:
    lead = s.lead
    css = LEAD_CLASSES.get(lead, "decision-go" if lead.startswith("Choose ") else "")
    return DecisionItem(s.id, lead.strip(), css, body_parts(s), s.kind.value)


def decision_groups(
    statements: tuple[Statement, ...], audience: Audience
) -> tuple[DecisionGroup, ...]:
    """The audience's decision groups in its order; a group with nothing to decide is left out."""
    decisions = [
        s for s in statements if s.section is Section.DECISIONS and audience in s.audiences
    ]
    groups = []
    for name in DECISION_GROUPS[audience]:
        items = tuple(_item(s) for s in decisions if s.id.startswith(GROUP_PREFIXES[name]))
        if items:
            groups.append(DecisionGroup(name, GROUP_TITLES[name], items))
    return tuple(groups)
