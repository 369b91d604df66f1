"""The sentences of the "Decisions requested" page; catalogue.SENTENCES includes them.

A plan's own words are printed only as a quotation: `“{quote}” ({source})`, followed by the
verdict the evidence gives it. `catalogue.say` refuses a `{quote}` printed any other way.
"""

from __future__ import annotations

DECISION_SENTENCES: dict[str, str] = {
    # Staffing assumptions: accept / reject / not yet decidable, in the plan's own words
    "decision_assumption_accept": (
        "Accept. {label}: the plan says “{quote}” ({source}) — supported: it claims {claimed}; "
        "the evidence supports {supported}."
    ),
    "decision_assumption_reject": (
        "Reject. {label}: the plan says “{quote}” ({source}) — not supported: it claims "
        "{claimed}; the evidence supports {supported}, short of the claim by {miss}."
    ),
    "decision_assumption_open": (
        "Not yet decidable. {label}: the plan says “{quote}” ({source}) — plausible: it claims "
        "{claimed}, inside the range the evidence supports, {supported}."
    ),
    "decision_assumption_untestable": (
        "Not yet decidable. {label}: the plan says “{quote}” ({source}) — not testable: it "
        "claims {claimed}, but {unknown} of the hours in its scope are in kinds of work with "
        "insufficient evidence."
    ),
    "decision_assumption_empty": (
        "Not yet decidable. {label}: the plan says “{quote}” ({source}) — not testable: no "
        "engineering hours fall in its scope."
    ),
    # The vendor to choose
    "decision_vendor": (
        "Choose {vendor}. Total yearly cost {total} for {tool}: seats {seat_cost} and tokens "
        "{tokens}. It meets {passed} of {gates} must-requirements and ranks first of {ranked} "
        "on weighted fit in {share} of {draws} reweightings. The engineering time it frees is "
        "worth a net {net} a year after seats and tokens, as capacity, not cash."
    ),
    "decision_vendor_unstable": (
        "No vendor yet. {vendor} fits best (total yearly cost {total} for {tool}), but ranks "
        "first in only {share} of {draws} reweightings: a modest change of weights changes the "
        "choice."
    ),
    "decision_vendor_none": (
        "No vendor yet. No vendor meets every must-requirement with a fit the pilot measured."
    ),
    "decision_total": ("{tool}: total yearly cost {total}, seats {seat_cost} and tokens {tokens}."),
    "decision_requirement": (
        "{requirement} (must): required {required}; {vendor} offers {offered}, {status}. "
        "Why it is required: {reason}"
    ),
    "decision_claim_version": (
        "{vendor}'s benchmark claim names {model}; the pilot ran {tool}, and benchmarks.yaml "
        "counts the claim for it. Ask {vendor} to confirm in writing that they are the same "
        "version."
    ),
    # The pilot extension that would settle the undecided kinds of work
    "decision_pilot": (
        "Extend the pilot. {kind}: about {more} more attempts with {tool} would decide it, "
        "about {hours} of engineer time at the {per_attempt} an attempt took in the pilot."
    ),
    "decision_pilot_undecidable": (
        "Stop piloting. {kind}: with {tool}, the observed effect is too small for a practical "
        "number of further attempts to decide it."
    ),
    "decision_pilot_not_piloted": (
        "Pilot first. {kind}: not piloted yet; the policy asks for at least {minimum} attempts "
        "per tool before a verdict."
    ),
    # What finance needs to read the money
    "decision_basis": (
        "Money in this report is engineering time valued at each team's loaded cost, "
        "{rate_low} to {rate_high} an hour, over {weeks} working weeks a year, for {headcount} "
        "engineers in {teams} teams. One FTE is {fte_hours} hours a week; the workforce file "
        "records {per_engineer} hours of engineering work a week per engineer. Value is "
        "capacity, not cash: it becomes cash only if the freed hours are re-deployed or not "
        "bought."
    ),
}
