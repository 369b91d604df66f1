"""Sentence templates for procurement: gates, fit, ranking stability, context fit and
hallucination claims. Part of `catalogue.SENTENCES`; placeholders as described there."""

from __future__ import annotations

VENDOR_SENTENCES: dict[str, str] = {
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
    "hallucination_reduction_stratified": (
        "{vendor} claims {reduction} fewer hallucinations{which} for {tool} than for "
        "{baseline} ({grade} source: {source}). Like for like, stratified by kind of work over "
        "the {kinds} kinds both were tried on ({attempts} attempts, Mantel–Haenszel), the rate "
        "ratio is {ratio}; the claimed {claimed} lies {position} it: {verdict}."
    ),
    "hallucination_reduction_stratified_paired": (
        "{vendor} claims {reduction} fewer hallucinations{which} for {tool} than for "
        "{baseline} ({grade} source: {source}). Like for like, stratified by kind of work over "
        "the {kinds} kinds both were tried on ({attempts} attempts, Mantel–Haenszel), the rate "
        "ratio is {ratio}, and paired on the {tasks} tasks both tried {paired}; the claimed "
        "{claimed} lies {position} the stratified interval: {verdict}."
    ),
    "hallucination_crude": (
        "Pooling every attempt, the ratio of {tool} to {baseline} would be {crude}; that figure "
        "mixes in kinds of work only one of them was tried on, so it is not used."
    ),
    "hallucination_not_comparable": (
        "{vendor} claims {reduction} fewer hallucinations{which} for {tool} than for "
        "{baseline} ({grade} source: {source}). The pilot tried them on no kind of work in "
        "common, so the claim is not comparable from this pilot."
    ),
    "hallucination_reduction_untested": (
        "{vendor} claims {reduction} fewer hallucinations{which} for {tool} than for {baseline} "
        "({grade} source: {source}). The pilot did not run {baseline}; {tool} had {rate} "
        "incidents per attempt, and the claimed reduction is not verifiable from local data."
    ),
    "hallucination_claim_not_piloted": (
        "{vendor} claims hallucination figures for {tool} ({grade} source: {source}), but the "
        "pilot did not record hallucinations for {tool}: the claim is not verifiable from local "
        "data."
    ),
    "hallucination_rate_claim": (
        "{vendor} claims {claimed} hallucinations{which} per task for {tool} ({grade} source: "
        "{source}); the pilot observed {rate} such incidents per attempt, so the claim is "
        "{verdict}."
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
}
