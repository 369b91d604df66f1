"""Sentence templates for the pilot's designs (statements.designs): arms, paired tasks,
forecasts, the pilot flow. Part of the catalogue (`catalogue.SENTENCES` holds them too); kept
in a file of their own so each stays short. An observational comparison never claims a cause.
"""

from __future__ import annotations

DESIGN_SENTENCES: dict[str, str] = {
    "arms_randomised_detected": (
        "Randomised comparison: over {tasks} tasks by {engineers} engineers, each task assigned "
        "at random to work with AI allowed or not, the engineers' total time (their own work, "
        "review and rework) changed by {change} with AI, {adjusted}."
    ),
    "arms_randomised_no_difference": (
        "Randomised comparison: over {tasks} tasks by {engineers} engineers, each task assigned "
        "at random to work with AI allowed or not, the engineers' total time (their own work, "
        "review and rework) changed by {change} with AI, {adjusted}: no detectable difference."
    ),
    "arms_randomised_no_interval": (
        "Randomised comparison: over {tasks} tasks, the engineers' total time changed by "
        "{change} with AI, {adjusted}; the clustered interval is not available, because an arm "
        "has fewer than {minimum} engineers ({ai_engineers} with AI, {control_engineers} "
        "without), so the figure carries no stated uncertainty."
    ),
    "arms_observational_detected": (
        "Observational comparison, not an effect of AI: over {tasks} tasks by {engineers} "
        "engineers, the total time of tasks done with AI differed by {change} from tasks done "
        "without it, {adjusted}. The tasks were not assigned at random, so the difference may "
        "come from which tasks were done with AI."
    ),
    "arms_observational_no_difference": (
        "Observational comparison, not an effect of AI: over {tasks} tasks by {engineers} "
        "engineers, the total time of tasks done with AI differed by {change} from tasks done "
        "without it, {adjusted}: no detectable difference. The tasks were not assigned at random."
    ),
    "arms_observational_no_interval": (
        "Observational comparison, not an effect of AI: over {tasks} tasks, the total time of "
        "tasks done with AI differed by {change} from tasks done without it, {adjusted}; the "
        "clustered interval is not available, because an arm has fewer than {minimum} engineers "
        "({ai_engineers} with AI, {control_engineers} without). The tasks were not assigned at "
        "random."
    ),
    "arms_no_time": (
        "The comparison of work with and without AI has no total time measured in one of the "
        "arms, so the change in time is not measured."
    ),
    "arms_rule": (
        "{filled} rows lacked review or rework minutes; each took the mean of its arm (the rule "
        "a published randomised study used for missing rework). Leaving those rows out instead "
        "gives a change of {change}."
    ),
    "arms_not_recorded": "No row records {columns}, so they are left out of the total time.",
    "arms_acceptance": (
        "Changes were accepted in {ai} of {ai_rows} tasks with AI and {control} of "
        "{control_rows} tasks without, a difference of {difference}."
    ),
    "arms_acceptance_observational": (
        "Changes were accepted in {ai} of {ai_rows} tasks done with AI and {control} of "
        "{control_rows} done without, a difference of {difference}; the tasks were not "
        "assigned at random, so this describes the tasks, not an effect of AI."
    ),
    "arms_forecast": (
        "Against the engineers' own forecasts of each task's time, made before the work, total "
        "time ran {ai} with AI and {control} without: measuring AI against forecasts alone "
        "would read part of the forecasts' error as an effect of AI."
    ),
    "paired_tools": (
        "On the {tasks} tasks both {first} and {second} tried, {first}'s total time (AI-assisted "
        "work, review and rework) was {ratio} times {second}'s; only {first} got its change "
        "accepted on {first_only} of them and only {second} on {second_only}; in acceptance, {test} "
        "(exact McNemar test)."
    ),
    "paired_tools_untimed": (
        "On the {tasks} tasks both {first} and {second} tried, time was not measured for both; "
        "only {first} got its change accepted on {first_only} of them and only {second} on "
        "{second_only}; in acceptance, {test} (exact McNemar test)."
    ),
    "paired_arms": (
        "On the {tasks} tasks done both with AI and without, the total time with AI was {ratio} "
        "times the time without; only the work with AI was accepted on {first_only} of them and "
        "only the work without AI on {second_only}; in acceptance, {test} (exact McNemar test)."
    ),
    "paired_arms_untimed": (
        "On the {tasks} tasks done both with AI and without, time was not measured for both; "
        "only the work with AI was accepted on {first_only} of them and only the work without "
        "AI on {second_only}; in acceptance, {test} (exact McNemar test)."
    ),
    "method_observational": (
        "Observational design: each tool's attempts are compared with an estimate of the time a "
        "person alone would need, made before the work (baseline minutes). The estimates are "
        "forecasts, so their errors move time saved, and the tools were tried on tasks the "
        "teams chose."
    ),
    "method_randomised": (
        "Randomised design: the {rows} rows of the study that holds the control arm were each "
        "assigned at random to work with AI allowed or not, so comparing the arms estimates an "
        "effect of AI on that work. Other rows (tool trials) are analysed as observational."
    ),
    "method_arms_observational": (
        "The {rows} rows of the study with a control arm were not assigned at random (the case "
        "declares an observational design), so comparing work with and without AI shows an "
        "association, never an effect of AI."
    ),
    "method_estimator": (
        "The change in total time is exp(β) − 1, where β is the coefficient of working with AI "
        "in an ordinary least-squares regression of the log of each task's total time on the "
        "arm{forecast}. Its interval is cluster-robust by engineer ({engineers} engineers, G), "
        "with Student t critical values on G − 1 degrees of freedom."
    ),
    "method_estimator_no_interval": (
        "The change in total time is exp(β) − 1, where β is the coefficient of working with AI "
        "in an ordinary least-squares regression of the log of each task's total time on the "
        "arm{forecast}. With fewer than {minimum} engineers in an arm, its clustered interval "
        "is not available."
    ),
    "method_paired": (
        "Paired comparisons use only the tasks both sides tried: the ratio of their summed "
        "total times, with a seeded bootstrap over tasks, and for acceptance an exact McNemar "
        "test on the tasks only one side got accepted."
    ),
    "method_forecast": (
        "Forecast against measured: each arm's measured total times summed, over the sum of "
        "their forecasts, minus one, with a bootstrap interval over tasks."
    ),
    "flow": (
        "Pilot flow: of {eligible} eligible tasks, {withheld} were withheld by participants, "
        "{opted_out} left out because their engineer opted out and {dropped} dropped. Why: {why}"
    ),
    "flow_not_given": (
        "The pilot flow is not given: the case does not say how many tasks were eligible, "
        "withheld by participants, opted out or dropped, so what the pilot left out is not known."
    ),
}
