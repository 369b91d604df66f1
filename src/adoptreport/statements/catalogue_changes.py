"""Sentence templates of the changes since the previous period (analysis.diff; merged into
the catalogue, which holds them all in `catalogue.SENTENCES`)."""

from __future__ import annotations

CHANGE_SENTENCES: dict[str, str] = {
    "change_kind": (
        "{kind}: accepted in {old_acceptance} of attempts in {old_period} and {new_acceptance} "
        "in {new_period}, a change of {acceptance_change} ({acceptance_detected}); net time "
        "saved went from {old_saved} to {new_saved} of baseline, a change of {saved_change} "
        "({saved_detected})."
    ),
    "change_kind_acceptance_only": (
        "{kind}: accepted in {old_acceptance} of attempts in {old_period} and {new_acceptance} "
        "in {new_period}, a change of {acceptance_change} ({acceptance_detected}); net time "
        "saved was not measured in both periods, so its change is not stated."
    ),
    "change_kind_unmatched": (
        "{kind}: {old_attempts} attempts in {old_period} and {new_attempts} in {new_period}; "
        "a change needs attempts in both periods."
    ),
    "change_verdict": "{kind}: the verdict went from {old_verdict} in {old_period} to {new_verdict}.",
    "change_added": "New in {new_period}: {what} {names}.",
    "change_dropped": "No longer in the case since {old_period}: {what} {names}.",
    "change_assumption": "{id}: {old_verdict} in {old_period}, {new_verdict} now.",
    "change_rule": (
        "A change is called detectable when both periods have at least {minimum} attempts on "
        "the kind of work, its {level} interval for the difference (new minus old) excludes "
        "zero — Newcombe's score interval for acceptance; for net time saved a bootstrap of "
        "both periods' attempts, by more than the bootstrap's own Monte Carlo error — and it "
        "survives a Benjamini–Hochberg correction at {rate} over the {compared} changes "
        "compared at once. Figures pool every tool piloted on a kind of work."
    ),
}
