"""The sentence templates. Text in the report comes from here, filled with formatted numbers.

Placeholders in braces take either a `Number` (printed as its text) or a word from the
case (a tool, vendor or kind-of-work name). Nothing else puts numbers into sentences.
"""

from __future__ import annotations

import re
import string

from adoptreport.analysis.evidence import Evidence
from adoptreport.models import Audience
from adoptreport.statements.catalogue_changes import CHANGE_SENTENCES
from adoptreport.statements.catalogue_checks import CHECK_SENTENCES
from adoptreport.statements.catalogue_designs import DESIGN_SENTENCES
from adoptreport.statements.catalogue_vendors import VENDOR_SENTENCES
from adoptreport.statements.decision_sentences import DECISION_SENTENCES
from adoptreport.statements.model import Number, Section, Statement, StatementKind, Unit

SENTENCES: dict[str, str] = {
    # Benchmark vs. reality
    "claim": (
        "{vendor} reports {score} on {benchmark} for {model} ({grade} source: {source}); "
        "the benchmark's tasks resemble our {scope} work."
    ),
    "claim_vs_scope_below": (
        "On our own {scope} work, {tool} changes were accepted in {acceptance} of {attempts} "
        "attempts, {gap} below the claimed score."
    ),
    "claim_vs_scope_consistent": (
        "On our own {scope} work, {tool} changes were accepted in {acceptance} of {attempts} "
        "attempts, consistent with the claimed score."
    ),
    "claim_vs_scope_above": (
        "On our own {scope} work, {tool} changes were accepted in {acceptance} of {attempts} "
        "attempts, {gap} above the claimed score."
    ),
    "claim_vs_scope_few": (
        "On our own {scope} work, {tool} changes were accepted in {acceptance} of only "
        "{attempts} attempts, fewer than the policy's minimum, so the claim is not compared."
    ),
    "claim_not_piloted": (
        "The pilot did not try {tool} on {scope} work, so the claim was not compared with our own work."
    ),
    "claim_mix": (
        "{vendor} reports {score} on {benchmark} for {model} ({grade} source: {source}); "
        "the benchmark's tasks resemble a mix of our {scope} work."
    ),
    "claim_vs_mix_below": (
        "Reweighted to the benchmark's own mix of kinds of work ({covered} of its tasks are in "
        "kinds the pilot tried {tool} on), {tool} changes were accepted in {acceptance} of "
        "attempts, {gap} below the claimed score."
    ),
    "claim_vs_mix_consistent": (
        "Reweighted to the benchmark's own mix of kinds of work ({covered} of its tasks are in "
        "kinds the pilot tried {tool} on), {tool} changes were accepted in {acceptance} of "
        "attempts, consistent with the claimed score."
    ),
    "claim_vs_mix_above": (
        "Reweighted to the benchmark's own mix of kinds of work ({covered} of its tasks are in "
        "kinds the pilot tried {tool} on), {tool} changes were accepted in {acceptance} of "
        "attempts, {gap} above the claimed score."
    ),
    "claims_tied": (
        "On {benchmark}, {higher}'s {higher_score} and {lower}'s {lower_score} are tied: "
        "with the benchmark's own task counts their intervals overlap, so neither ranks above "
        "the other."
    ),
    "claims_ranked": (
        "On {benchmark}, {higher}'s {higher_score} ranks above {lower}'s {lower_score}: with "
        "the benchmark's own task counts their intervals do not overlap."
    ),
    "headline_meaning": (
        "A benchmark score measures success on the benchmark's own tasks; it is not the share "
        "of our engineering that AI can take on. {scope} work is {scope_share} of our "
        "engineering hours, and the benchmark says nothing about the rest."
    ),
    # Verdicts per kind of work, one sentence per reason (analysis.verdicts.Reason)
    "verdict_automate": (
        "{kind}: automate with review. With {tool}, net time saved was {saved} of the human "
        "baseline after review and rework, and {acceptance} of {attempts} attempts were accepted."
    ),
    "verdict_assist": (
        "{kind}: assist. With {tool}, net time saved was {saved} of the human baseline after "
        "review and rework, and {acceptance} of {attempts} attempts were accepted; the lower "
        "end of {short} falls short of the threshold for automating with review."
    ),
    "verdict_costs_time": (
        "{kind}: do not automate. With {tool}, AI cost time: net time saved was {saved} of the "
        "human baseline over {attempts} attempts, with {acceptance} accepted."
    ),
    "verdict_too_little": (
        "{kind}: do not automate. With {tool}, net time saved was {saved} of the human "
        "baseline over {attempts} attempts, with {acceptance} accepted: below the policy's "
        "minimum for assisting."
    ),
    "verdict_no_difference": (
        "{kind}: insufficient evidence. With {tool}, no detectable difference in time "
        "({saved} of baseline saved over {attempts} attempts; smallest effect detectable: "
        "{mde}); about {more} more attempts ({hours} of engineer time) would decide it with "
        "{power} power if the true effect is the current estimate."
    ),
    "verdict_no_difference_undecidable": (
        "{kind}: insufficient evidence. With {tool}, no detectable difference in time "
        "({saved} of baseline saved over {attempts} attempts; smallest effect detectable with "
        "{power} power: {mde}), and the observed effect is too small for a practical number of "
        "further attempts to decide it."
    ),
    "verdict_undecided_minimum": (
        "{kind}: insufficient evidence. With {tool}, time was saved ({saved} of baseline over "
        "{attempts} attempts), but not clearly above the policy's minimum for assisting; about "
        "{more} more attempts ({hours} of engineer time) would decide it with {power} power if "
        "the true effect is the current estimate."
    ),
    "verdict_undecided_minimum_undecidable": (
        "{kind}: insufficient evidence. With {tool}, time was saved ({saved} of baseline over "
        "{attempts} attempts), but too close to the policy's minimum for assisting for a "
        "practical number of further attempts to decide it."
    ),
    "verdict_after_correction": (
        "{kind}: insufficient evidence. With {tool}, net time saved was {saved} of baseline over "
        "{attempts} attempts, but among the {comparisons} comparisons made at once that is not "
        "clear after the Benjamini–Hochberg correction."
    ),
    "verdict_after_correction_more": (
        "{kind}: insufficient evidence. With {tool}, net time saved was {saved} of baseline over "
        "{attempts} attempts, but among the {comparisons} comparisons made at once that is not "
        "clear after the Benjamini–Hochberg correction; about {more} more attempts would decide "
        "it with {power} power if the true value equals the current estimate."
    ),
    "verdict_too_few": (
        "{kind}: insufficient evidence. Only {attempts} attempts with time measured for "
        "{tool}; the policy asks for {more} more before giving a verdict."
    ),
    "verdict_not_piloted": "{kind}: insufficient evidence. Not piloted; no evidence either way.",
    "verdict_no_time": (
        "{kind}: insufficient evidence. No time was measured for {tool} on this kind of work, "
        "so time saved is not measured; its changes were accepted in {acceptance} of {attempts} "
        "attempts, and the policy asks for {more} attempts with time measured."
    ),
    "verdict_automate_ruled_out": (
        "{kind}: insufficient evidence. Automate with review is ruled out for {tool}: its "
        "changes were accepted in {acceptance} of {attempts} attempts, wholly below the "
        "acceptance automating needs; only {timed} attempts had time measured, and about {more} "
        "more would decide between assist and do not automate."
    ),
    "verdict_automate_ruled_out_no_time": (
        "{kind}: insufficient evidence. Automate with review is ruled out for {tool}: its "
        "changes were accepted in {acceptance} of {attempts} attempts, wholly below the "
        "acceptance automating needs; no time was measured, so whether it saves time is not "
        "measured."
    ),
    # Per tool and kind, the detail behind the verdict table
    "cell": (
        "{tool} on {kind}: {attempts} attempts, accepted {acceptance}, accepted without "
        "rework {clean}, net time saved {saved} of baseline; verdict: {verdict}."
    ),
    "cell_no_difference": (
        "{tool} on {kind}: {attempts} attempts, accepted {acceptance}, accepted without "
        "rework {clean}, net time saved {saved} of baseline (no detectable difference); "
        "verdict: {verdict}."
    ),
    # Review burden
    "review": (
        "Each accepted {tool} change took {review} of review; {rework} of accepted changes "
        "needed rework after review."
    ),
    "hallucinations": (
        "The pilot recorded {rate} hallucination incidents per attempt with {tool} "
        "(invented APIs, nonexistent files, false claims that tests pass and the like)."
    ),
    # Workforce and assumptions
    "workforce_total": (
        "With {option} ({basis}) and {adoption} of engineers using it, the evidence supports "
        "freeing "
        "{hours} of engineering time a week, {fte} at {fte_hours} hours a week (a joint "
        "interval over kinds of work and teams); {unknown} of our engineering hours are in "
        "kinds of work with insufficient evidence for it and are not counted."
    ),
    "workforce_total_all_adopt": (
        "With {option} ({basis}), assuming every engineer uses it (no adoption rate is given), the "
        "evidence supports freeing {hours} of engineering time a week, {fte} at {fte_hours} "
        "hours a week (a joint interval over kinds of work and teams); {unknown} of our "
        "engineering hours are in kinds of work with insufficient evidence for it and are not "
        "counted."
    ),
    "workforce_option": (
        "Bought alone, {option} is worth {hours} a week on the kinds of work its own "
        "evidence puts it to use on, where it saves {saved} of the time; {unknown} of our "
        "engineering hours are in kinds with insufficient evidence for it."
    ),
    "workforce_option_none": (
        "{option}: no kind of work has a verdict of automate with review or assist for it, so "
        "it frees no hours the evidence supports; {unknown} of our engineering hours are in "
        "kinds with insufficient evidence for it."
    ),
    "workforce_excluded": (
        "{option} is judged do not automate on {kinds}: those {excluded} a week are left out of "
        "its hours and value, because it would not be used there."
    ),
    "workforce_unstated": (
        "Teams holding {share} of our engineers leave some kind of work's weekly hours blank; "
        "those hours are unknown, not zero, so every total here is of the stated hours only."
    ),
    "workforce_share": (
        "That is {freed_share} of all engineering hours across every kind of work, beside "
        "the {scope_share} of hours in {scope} work, the kind the headline benchmark resembles."
    ),
    "workforce_not_measured": (
        "The hours the evidence supports freeing are not measured: no kind of work our "
        "engineers spend time on has a verdict from measured time: {unknown} of our "
        "engineering hours are in kinds of work with insufficient evidence."
    ),
    "team_hours_not_measured": (
        "{team} ({headcount} engineers): hours freed not measured; {unknown} a week in kinds "
        "of work with insufficient evidence."
    ),
    "team_hours": (
        "{team} ({headcount} engineers): {hours} a week freed, {fte}; {unknown} a week in kinds "
        "of work with insufficient evidence."
    ),
    "scenario": (
        "Scenario, not a forecast: with {adoption} of engineers using {option}, {low} at the low "
        "end of the joint interval, {base} at its point and {high} at its high end, freed a week."
    ),
    "kind_loss": (
        "{kind}: the pilot measured a loss of time ({saved} of baseline saved); it counts as "
        "zero in the supported figure because the tool would not be used for it."
    ),
    "assumption_checked": (
        "{id}: {verdict}. It claims {claimed}; for its scope ({scope_hours} of engineering "
        "time a week) the evidence supports {supported}."
    ),
    "assumption_missed": (
        "{id}: not supported. It claims {claimed}; for its scope ({scope_hours} of engineering "
        "time a week) the evidence supports {supported}, so the claim exceeds the high end by "
        "{miss}."
    ),
    "assumption_missed_unknown": (
        "{id}: not supported. It claims {claimed}; for its scope ({scope_hours} of engineering "
        "time a week) the evidence supports {supported}; even with the {unknown} of its hours "
        "in kinds with insufficient evidence counted at the best their pilot intervals allow "
        "(at most {ceiling}), the claim exceeds that by {miss}."
    ),
    "assumption_checked_unknown": (
        "{id}: {verdict}. It claims {claimed}; for its scope ({scope_hours} of engineering "
        "time a week) the evidence supports {supported}, with the {unknown} of its hours in "
        "kinds with insufficient evidence excluded, not counted as zero."
    ),
    "assumption_not_testable": (
        "{id}: not testable. It claims {claimed}, but {unknown} of the hours in its scope are "
        "in kinds of work with insufficient evidence."
    ),
    "assumption_empty": "{id}: not testable. No engineering hours fall in its scope.",
    # Cost and value
    "cost_known": (
        "{tool}: {seats} seats at the stated price cost {seat_cost} a year; where its own "
        "evidence puts it to use "
        "it saves {saved} of the time, worth {value} a year at loaded cost, a net value of "
        "{net} before token costs, which are not measured.{excluded}"
    ),
    "cost_known_with_tokens": (
        "{tool}: {seats} seats at the stated price cost {seat_cost} a year and tokens about "
        "{tokens}; where its own "
        "evidence puts it to use it saves {saved} of the time, worth {value} a year at loaded "
        "cost, a net value of {net}.{excluded}"
    ),
    "cost_unused": (
        "{tool}: {seats} seats at the stated price cost {seat_cost} a year; no kind of work has "
        "a verdict of automate with review or assist for it, so the hours it frees are worth "
        "{value} that the evidence supports, a net value of {net}."
    ),
    "tokens_annual": (
        "{tool}'s token cost is about {tokens} a year: the pilot's mean token cost per attempt "
        "in each kind of work it is valued on, times the {tasks} tasks a year that the plan's "
        "engineers do in those kinds now."
    ),
    "tokens_not_measured": "{tool}'s token cost is not measured: {reason}.",
    "per_change_tokens": (
        "{tool}'s tokens cost {tokens} per merged change, over {attempts} pilot attempts with "
        "token counts, failed attempts included."
    ),
    "per_change_hours": (
        "Each change merged with {tool} in the pilot took {hours} of engineers' AI-assisted "
        "work, review and rework, failed attempts included: {engineer_cost} at the average "
        "loaded cost."
    ),
    "per_change_hours_no_rate": (
        "Each change merged with {tool} in the pilot took {hours} of engineers' AI-assisted "
        "work, review and rework, failed attempts included; their money value is not "
        "measured, because {reason}."
    ),
    "cost_no_price": (
        "{tool}: the vendor states no seat price, so its cost is not measured; the hours it "
        "frees on the kinds of work with evidence are worth {value} a year at loaded cost."
    ),
    "cost_no_value": (
        "{tool}: {seats} seats at the stated price cost {seat_cost} a year; the value of the "
        "hours it frees is not measured, because {reason}."
    ),
    "cost_unknown": (
        "{tool}: the vendor states no seat price, so its cost is not measured, and the value "
        "of the hours it frees is not measured either, because {reason}."
    ),
    "break_even": (
        "{tool} saves time on average only when at least {break_even} of attempts are "
        "accepted; across its pilot it reached {acceptance}."
    ),
    # Methodology
    "policy": (
        "Intervals are {level} intervals. A cell needs at least {min_tasks} attempts before "
        "any verdict other than insufficient evidence. Automate with review needs the lower "
        "ends of acceptance at or above {min_acceptance} and of time saved at or above "
        "{min_saved}; assist needs the lower end of time saved above {assist_saved}."
    ),
    "hours_unmeasured": (
        "Weekly hours on {kinds} are not stated for every team, so these kinds are left out "
        "of the work-mix weights; shares of hours are shares of the stated hours."
    ),
    "multiplicity": (
        "Verdicts are {comparisons} comparisons made at once (each tool on each kind of work "
        "with enough timed attempts, net time saved against the assist minimum); "
        "Benjamini–Hochberg keeps the false discovery rate at {rate}, and {withdrawn} "
        "directional verdicts did not survive it."
    ),
    "power": (
        "More attempts needed are those that would decide a verdict against the policy "
        "threshold with {power} power, assuming the true saved fraction equals the current "
        "estimate (exact under the normal model), costed at the pilot's mean engineer time "
        "per attempt for that tool and kind of work."
    ),
    "missing_time": (
        "{missing} of {attempts} attempts lack a baseline or rework time; they count for "
        "acceptance but are left out of time saved, never counted as zero."
    ),
    # Procurement: gates, fit, ranking stability, context fit, hallucination claims
    **VENDOR_SENTENCES,
    **CHANGE_SENTENCES,
    **DECISION_SENTENCES,
    **CHECK_SENTENCES,
}

SENTENCES.update(DESIGN_SENTENCES)  # the pilot designs' sentences, in a file of their own

# Words that turn a benchmark score into a statement about our workforce or workload.
WORKFORCE_WORDS = re.compile(
    r"\b(jobs?|headcount|FTEs?|engineers?|staff|people|hours|replac\w*|automat\w*|"
    r"of (our|the) (work|engineering))\b",
    re.IGNORECASE,
)


# A plan's own words are printed only like this: quoted, attributed, then judged (" — ").
QUOTATION = re.compile(r"“\{quote\}” \(\{source\}\) — ")


class ExtrapolationError(ValueError):
    """A sentence would map a benchmark score onto work, jobs or headcount."""


# "{attempts} attempts" and "{more} more attempts" read "1 attempt" when the count is one.
COUNTED_NOUN = re.compile(r"\{(\w+)\}((?: more)? (?:attempt|codebase|draw|engineer|seat|task))s\b")


def _singular_where_one(template: str, numbers: dict[str, Number]) -> str:
    def noun(match: re.Match[str]) -> str:
        number = numbers.get(match.group(1))
        one = number is not None and number.unit is Unit.COUNT and number.value == 1
        return match.group()[:-1] if one else match.group()

    return COUNTED_NOUN.sub(noun, template)


def say(key: str, numbers: dict[str, Number], words: dict[str, str]) -> str:
    """Fill sentence `key`; every placeholder must be given exactly once."""
    template = SENTENCES[key]
    fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    given = set(numbers) | set(words)
    if fields != given or set(numbers) & set(words):
        raise KeyError(f"sentence {key!r} takes {sorted(fields)}, got {sorted(given)}")
    if "quote" in fields and not QUOTATION.search(template):
        raise ValueError(f"sentence {key!r} must print {{quote}} as an attributed quotation")
    filled = _singular_where_one(template, numbers)
    text = filled.format(**{k: n.text for k, n in numbers.items()}, **words)
    if any(n.unit is Unit.BENCHMARK_SCORE for n in numbers.values()):
        # Words (names, and a plan's own words quoted as a quotation) are not ours: the
        # guard reads the sentence we write around them.
        without_words = template.format(**{k: "" for k in fields})
        if WORKFORCE_WORDS.search(without_words):
            raise ExtrapolationError(
                f"sentence {key!r} puts a benchmark score beside workforce words"
            )
    # A sentence that opens with a name (a team, a tool, an id) keeps the name as written.
    return text if template.startswith("{") else text[0].upper() + text[1:]


# A verdict sentence opens with its subject and verdict ("Legacy change: do not automate. "),
# which a table shows in columns of its own: that opening is the statement's typed lead.
LEAD = re.compile(
    r"^(?:\{(?:kind|id)\}: (?:\{verdict\}|[a-z ]+)\. "
    r"|(?:Accept|Reject|Not yet decidable|No vendor yet|Extend the pilot|Stop piloting|Pilot first)\. "
    r"|Choose \{vendor\}\. )"
)


def lead(key: str, words: dict[str, str]) -> str:
    """The filled lead of sentence `key`, or "" when it opens without one."""
    opening = LEAD.match(SENTENCES[key])
    return opening.group(0).format(**words) if opening else ""


def state(
    id: str,
    section: Section,
    kind: StatementKind,
    key: str,
    numbers: dict[str, Number],
    words: dict[str, str],
    evidence: tuple[Evidence, ...],
    audiences: tuple[Audience, ...] = tuple(Audience),
) -> Statement:
    """A statement worded by sentence `key`, carrying exactly the numbers it prints."""
    text = say(key, numbers, words)
    return Statement(
        id, section, kind, audiences, text, tuple(numbers.values()), evidence, lead(key, words)
    )
