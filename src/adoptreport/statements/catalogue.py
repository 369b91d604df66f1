"""The sentence templates. Text in the report comes from here, filled with formatted numbers.

Placeholders in braces take either a `Number` (printed as its text) or a word from the
case (a tool, vendor or kind-of-work name). Nothing else puts numbers into sentences.
"""

from __future__ import annotations

import re
import string

from adoptreport.analysis.evidence import Evidence
from adoptreport.models import Audience
from adoptreport.statements.catalogue_designs import DESIGN_SENTENCES
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
    "claim_vs_mix_below": (
        "Across the kinds of work {tool} was piloted on, weighted by our engineering hours "
        "({covered} of all hours), its changes were accepted in {acceptance} of attempts, "
        "{gap} below the claimed score."
    ),
    "claim_vs_mix_consistent": (
        "Across the kinds of work {tool} was piloted on, weighted by our engineering hours "
        "({covered} of all hours), its changes were accepted in {acceptance} of attempts, "
        "consistent with the claimed score."
    ),
    "claim_vs_mix_above": (
        "Across the kinds of work {tool} was piloted on, weighted by our engineering hours "
        "({covered} of all hours), its changes were accepted in {acceptance} of attempts, "
        "{gap} above the claimed score."
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
        "({saved} of baseline saved over {attempts} attempts); about {more} more attempts "
        "would decide it if the observed effect holds."
    ),
    "verdict_no_difference_undecidable": (
        "{kind}: insufficient evidence. With {tool}, no detectable difference in time "
        "({saved} of baseline saved over {attempts} attempts), and the observed effect is too "
        "small for a practical number of further attempts to decide it."
    ),
    "verdict_undecided_minimum": (
        "{kind}: insufficient evidence. With {tool}, time was saved ({saved} of baseline over "
        "{attempts} attempts), but not clearly above the policy's minimum for assisting; about "
        "{more} more attempts would decide it if the observed effect holds."
    ),
    "verdict_undecided_minimum_undecidable": (
        "{kind}: insufficient evidence. With {tool}, time was saved ({saved} of baseline over "
        "{attempts} attempts), but too close to the policy's minimum for assisting for a "
        "practical number of further attempts to decide it."
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
        "With {adoption} of engineers using the tools, the evidence supports freeing {hours} "
        "of engineering time a week, {fte} at {fte_hours} hours a week; {unknown} of our "
        "engineering hours are in kinds of work with insufficient evidence and are not counted."
    ),
    "workforce_total_all_adopt": (
        "Assuming every engineer uses the tools (no adoption rate is given), the evidence "
        "supports freeing {hours} of engineering time a week, {fte} at {fte_hours} hours a "
        "week; {unknown} of our engineering hours are in kinds of work with insufficient "
        "evidence and are not counted."
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
        "With {adoption} of engineers using the tools: {low} in the low case, {base} in the "
        "base case and {high} in the high case, freed a week."
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
    "assumption_not_testable": (
        "{id}: not testable. It claims {claimed}, but {unknown} of the hours in its scope are "
        "in kinds of work with insufficient evidence."
    ),
    "assumption_empty": "{id}: not testable. No engineering hours fall in its scope.",
    # Cost and value
    "cost_known": (
        "{tool}: {seats} seats at the stated price cost {seat_cost} a year; the hours it frees "
        "on the kinds of work with evidence are worth {value} a year at loaded cost, a net "
        "value of {net} before token costs, which are not measured."
    ),
    "cost_known_with_tokens": (
        "{tool}: {seats} seats at the stated price cost {seat_cost} a year and tokens about "
        "{tokens}; the hours it frees on the kinds of work with evidence are worth {value} a "
        "year at loaded cost, a net value of {net}."
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
    "missing_time": (
        "{missing} of {attempts} attempts lack a baseline or rework time; they count for "
        "acceptance but are left out of time saved, never counted as zero."
    ),
    # Procurement: gates, fit, ranking stability, context fit, hallucination claims
    "gate_pass": "{requirement}: met. {vendor} offers {offered}; required: {required}.",
    "gate_fail": "{requirement}: not met. {vendor} offers {offered}; required: {required}.",
    "gate_unverified": (
        "{requirement}: unverified. {vendor} does not state its {attribute}; required: "
        "{required}. An unstated attribute is never counted as met."
    ),
    "vendor_excluded": (
        "{vendor} is excluded by a must-requirement: {requirement} is not met ({vendor} offers "
        "{offered}; required: {required}){others}."
    ),
    "vendor_unverified": (
        "{vendor} fails no must-requirement but does not state {requirements}; it is ranked, "
        "marked unverified, until it does."
    ),
    "fit_ranked": (
        "{vendor} ranks {rank} of {ranked} on weighted fit with a score of {score}, scored by "
        "{tool}: should-requirements met {met} of their weight; measured across our work mix, "
        "acceptance {acceptance} and net time saved {saved}."
    ),
    "fit_excluded": (
        "{vendor} is not ranked because a gate excludes it; measured with {tool} across our "
        "work mix, acceptance was {acceptance} and net time saved {saved}."
    ),
    "fit_not_measured": (
        "{vendor}: the pilot did not measure any of its tools on kinds of work with stated "
        "hours, so its measured fit is not measured and it is not ranked."
    ),
    "fit_tool_choice": (
        "{vendor} offers several tools; it is scored by {tool}, the one the pilot measured on "
        "the largest share of our engineering hours ({covered}); a tool tried on fewer kinds "
        "of work does not stand in for the vendor."
    ),
    "headline_not_best": (
        "{vendor} has the highest {grade}-source benchmark claim ({score} on {benchmark} for "
        "{model}), yet ranks {rank} of {ranked} on weighted fit, which scores our pilot's "
        "measurements and never a benchmark claim; {best} fits best."
    ),
    "headline_best": (
        "{vendor} has the highest {grade}-source benchmark claim ({score} on {benchmark} for "
        "{model}) and also ranks first on weighted fit, which scores our pilot's measurements "
        "and never a benchmark claim."
    ),
    "headline_excluded": (
        "{vendor} has the highest {grade}-source benchmark claim ({score} on {benchmark} for "
        "{model}), but a must-requirement excludes it."
    ),
    "stability_stable": (
        "Over {draws} seeded reweightings (each weight multiplied by a random factor between "
        "{low} and {high}), {leader} ranks first in {share} of draws: the ranking is stable."
    ),
    "stability_unstable": (
        "Over {draws} seeded reweightings (each weight multiplied by a random factor between "
        "{low} and {high}), {leader} ranks first in only {share} of draws, below the "
        "{threshold} this report asks for: the ranking is not stable, and a modest change of "
        "weights changes the choice."
    ),
    "stability_share": "{vendor} ranks first in {share} of the reweighted draws.",
    "context_fits": "{codebase} ({size}) fits whole in the context window of {vendor} ({window}).",
    "context_partly": (
        "The context window of {vendor} ({window}) holds {share} of {codebase} ({size})."
    ),
    "context_may_fit": (
        "{codebase} ({size}) may or may not fit in the context window of {vendor} ({window})."
    ),
    "context_unknown": (
        "{vendor} states no context window, so whether {codebase} ({size}) fits is not measured."
    ),
    "context_summary": (
        "The context window of {vendor} ({window}) holds {whole} of our {codebases} codebases whole."
    ),
    "context_summary_unknown": (
        "{vendor} states no context window, so its fit to our codebases is not measured."
    ),
    "hallucination_kind": (
        "{tool}, {kind}: {rate} per attempt; {incidents} in {attempts} attempts."
    ),
    "hallucination_reduction_tested": (
        "{vendor} claims {reduction} fewer hallucinations for {tool} than for {baseline} "
        "({grade} source: {source}). The pilot ran both: {tool} had {rate} incidents per "
        "attempt and {baseline} {baseline_rate}, a rate ratio of {ratio}; the claimed ratio of "
        "{claimed} lies {position} the interval, so the claim is {verdict}."
    ),
    "hallucination_reduction_untested": (
        "{vendor} claims {reduction} fewer hallucinations for {tool} than for {baseline} "
        "({grade} source: {source}). The pilot did not run {baseline}; {tool} had {rate} "
        "incidents per attempt, and the claimed reduction is not verifiable from local data."
    ),
    "hallucination_claim_not_piloted": (
        "{vendor} claims hallucination figures for {tool} ({grade} source: {source}), but the "
        "pilot did not record hallucinations for {tool}: the claim is not verifiable from local "
        "data."
    ),
    "hallucination_rate_claim": (
        "{vendor} claims {claimed} hallucinations per task for {tool} ({grade} source: "
        "{source}); the pilot observed {rate} incidents per attempt, so the claim is {verdict}."
    ),
    "fit_method": (
        "Weighted fit is the weighted mean of item scores between 0 and 1: each should-"
        "requirement scores 1 when met and 0 when not met or not stated; measured acceptance "
        "and net time saved across our work mix (a loss counts as 0) together weigh {measured} "
        "of the total. Ranking stability multiplies every weight by an independent random "
        "factor between {low} and {high} in {draws} draws (seed {seed}); the ranking is called "
        "stable when the leader ranks first in at least {threshold} of draws."
    ),
    "should_weight": "{requirement}: weight {weight}.",
    "tokens_method": (
        "A codebase given in bytes is converted at {per_token} bytes per token, with a range "
        "of {low} to {high} bytes per token; adoptreport measure-repo estimates a checkout the "
        "same way."
    ),
    # Changes since the previous period (analysis.diff)
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
        "A change is called detectable when its {level} interval for the difference (new minus "
        "old) excludes zero: Newcombe's score interval for acceptance, a bootstrap of both "
        "periods' attempts for net time saved. Figures pool every tool piloted on a kind of work."
    ),
}

SENTENCES.update(DESIGN_SENTENCES)  # the pilot designs' sentences, in a file of their own

# Words that turn a benchmark score into a statement about our workforce or workload.
WORKFORCE_WORDS = re.compile(
    r"\b(jobs?|headcount|FTEs?|engineers?|staff|people|hours|replac\w*|automat\w*|"
    r"of (our|the) (work|engineering))\b",
    re.IGNORECASE,
)


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
    filled = _singular_where_one(template, numbers)
    text = filled.format(**{k: n.text for k, n in numbers.items()}, **words)
    if any(n.unit is Unit.BENCHMARK_SCORE for n in numbers.values()):
        without_words = template.format(**{k: "" for k in fields})
        if WORKFORCE_WORDS.search(without_words):
            raise ExtrapolationError(
                f"sentence {key!r} puts a benchmark score beside workforce words"
            )
    # A sentence that opens with a name (a team, a tool, an id) keeps the name as written.
    return text if template.startswith("{") else text[0].upper() + text[1:]


# A verdict sentence opens with its subject and verdict ("Legacy change: do not automate. "),
# which a table shows in columns of its own: that opening is the statement's typed lead.
LEAD = re.compile(r"^\{(?:kind|id)\}: (?:\{verdict\}|[a-z ]+)\. ")


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
