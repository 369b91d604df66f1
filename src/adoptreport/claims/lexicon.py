"""The words a draft sentence is read for: work, workforce, benchmarks, and the case's own names.

Fixed word lists live here as small named patterns; names that vary by case (tools, vendors,
benchmarks, kinds of work) are collected from the `Case` into a `Lexicon`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from adoptreport.models.folder import Case

# What a rule may call the people doing the work.
WORKFORCE_NOUNS = (
    r"engineers?|developers?|devs|programmers?|coders|headcount|head count|FTEs?|"
    r"full[- ]time equivalents?|jobs?|roles?|positions?|staff|people|team members?|"
    r"teams?|workforce|hires?|hiring|contractors?|employees?|juniors?|seniors?"
)
# What a rule may call the work itself, as a whole.
WORK_NOUNS = (
    r"engineering(?: work)?|coding(?: tasks| work)?|code|development(?: work)?|"
    r"software(?: work| engineering)?|programming|work(?:load)?|tasks|tickets|"
    r"pull requests|PRs|backlog|changes"
)
BENCHMARK_WORDS = re.compile(
    r"\b(benchmarks?|leaderboards?|[\w-]*bench\b[\w ]*?|HumanEval|MBPP|evals?)\b", re.IGNORECASE
)
SCORE_VERBS = re.compile(r"\b(scor(?:e|es|ed|ing)|tops?|topped|achiev\w+)\b", re.IGNORECASE)
NEGATION = re.compile(
    r"\b(not|never|no|cannot|neither|nor|without evidence|isn't|aren't|doesn't|don't|won't|"
    r"can't|shouldn't|wouldn't|didn't|nothing|none|nobody|rather than|instead of)\b|n't\b",
    re.IGNORECASE,
)
# Phrases with which a sentence rejects a plan or reading rather than asserting it.
REJECTION = re.compile(
    r"\b(?:(?:is|are|was|were|be|remains?)\s+(?:not|never|un)\s*(?:supported|justified|warranted|"
    r"backed|borne out|grounded|valid|sound|defensible|established|shown|demonstrated)|"
    r"(?:does|do|did)(?: not|n't) (?:follow|hold|support|justify|mean|imply|show|tell|translate|"
    r"carry over|transfer|measure|predict)|unsupported|unfounded|unjustified|unwarranted|"
    r"a misreading|misread\w*|a mistake|an error|wrong|misleading|a fallacy|not evidence|"
    r"no evidence|not a basis|no basis|not a forecast|not a measure|nothing about|says nothing|"
    r"tells us nothing|we reject|rejects?|refut\w*|contradict\w*|cannot be (?:read|inferred|"
    r"concluded|derived|taken|used)|should not be (?:read|used|taken)|must not|"
    r"not (?:a|an|the) (?:share|proportion|fraction|measure)|is not the same as|nothing in|"
    r"exceeds? (?:what )?the evidence|more than the evidence supports|beyond what the evidence|"
    r"not proven|no such figure|no guarantee|not guaranteed|whether|cannot tell|can't tell|"
    r"too early to|remains? to be seen|would settle|would decide|cannot speak for|"
    r"no guide|is silent on)\b",
    re.IGNORECASE,
)
# Reported speech: the sentence tells who said something, rather than asserting it.
ATTRIBUTION = re.compile(
    r"\b(reports?|reported|claims?|claimed|says|said|states?|stated|publishes|published|"
    r"advertises|markets|according to|the vendor|vendor's|marketing)\b",
    re.IGNORECASE,
)
# Words that carry the uncertainty along with a number.
INTERVAL_WORDS = re.compile(
    r"\b(CI|confidence|interval|between|range|uncertain\w*|about|around|roughly|"
    r"approximately|estimated?|may|might|could|no detectable|suggests?)\b|±|[–—]|\bto\b",
    re.IGNORECASE,
)
CERTAINTY = re.compile(
    r"\b(proven|proves?|proved|proof|conclusive(?:ly)?|beyond (?:any |all )?doubt|assured|"
    r"(?:a |with )?certainty|no doubt|indisputabl\w*|unquestionabl\w*|"
    r"guarantee[sd]?|guaranteed|certain(?:ly)?|definitely|undoubtedly|"
    r"always|flawless(?:ly)?|perfect(?:ly)?|error[- ]free|bug[- ]free|risk[- ]free|"
    r"eliminat\w+ (?:all |every )?(?:hallucinations?|errors?|bugs|mistakes|defects)|"
    r"(?:zero|no more|no) (?:hallucinations?|errors|mistakes|defects)|"
    r"never (?:fails|hallucinates|makes mistakes|errs)|every (?:single )?time|without fail|"
    r"100% (?:accurate|reliable|correct)|"
    r"(?:hallucinations?|errors|mistakes) (?:are|is) (?:no longer an? (?:problem|issue|risk)|solved|gone|a thing of the past))\b",
    re.IGNORECASE,
)

COMMON_TEAM_WORDS = {"data", "web", "core", "mobile", "ops", "infra", "qa", "app", "apps", "api"}

# Kinds of work by their everyday names; a case's own labels are added by `Lexicon.of`.
KIND_SYNONYMS: dict[str, str] = {
    "isolated_bugfix": r"bug[- ]?fix(?:es|ing)?|bugs|defect fix(?:es)?|fixing bugs",
    "small_feature": r"(?:small[- ])?features?",
    "tests_and_docs": r"tests?(?:[- ]and[- ]docs)?|test changes|unit tests|documentation|docs",
    "multi_file_refactor": r"(?:multi-file )?refactor(?:s|ing|ings)?",
    "cross_service_change": r"cross[- ]service(?: changes?)?",
    "legacy_change": r"legacy(?: code| changes?)?",
    "ambiguous_requirements": r"ambiguous(?: requirements)?|unclear requirements",
}


@dataclass(frozen=True)
class Lexicon:
    """The case's own names, each as a pattern pointing at what it names."""

    tools: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]  # name → tool ids
    benchmarks: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]  # name → claim ids
    kinds: tuple[tuple[re.Pattern[str], str], ...]  # name → kind id
    teams: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]  # name → team id
    roles: tuple[re.Pattern[str], ...]  # the workforce's roles ("Backend engineer")
    vendors: tuple[re.Pattern[str], ...]  # vendor names, who may be said to claim something
    names: re.Pattern[str]  # every proper name, to hide digits in "Apex Coder 5" from numbers

    @classmethod
    def of(cls, case: Case) -> Lexicon:
        tools: dict[str, set[str]] = {}
        for vendor in case.vendors.vendors:
            ids = {t.id for t in vendor.tools}
            tools.setdefault(vendor.name, set()).update(ids)
            for tool in vendor.tools:
                for name in (tool.name, tool.id, tool.model):
                    if name:
                        tools.setdefault(name, set()).add(tool.id)
        benchmarks: dict[str, set[str]] = {}
        for claim in case.benchmarks.claims:
            tools.setdefault(claim.model, set()).add(claim.tool)
            benchmarks.setdefault(claim.benchmark, set()).add(claim.id)
        kinds = {k.label: k.id for k in case.case.kinds_of_work}
        proper = (
            set(tools)
            | set(benchmarks)
            | {c.source for c in case.benchmarks.claims}
            | {c.name for c in case.case.codebases}
            | {a.id for a in case.assumptions.assumptions}
        )
        teams: dict[str, set[str]] = {}
        for t in case.workforce:  # "web-mobile" is also "web and mobile", "web/mobile"
            for name in {t.team, *(t.team.replace("-", sep) for sep in (" and ", "/", " "))}:
                teams.setdefault(name, set()).add(t.team)
            if t.role.strip():  # "Data engineers" are the data team's people
                teams.setdefault(t.role + "s?", set()).add(t.team)
        roles = {t.role for t in case.workforce if t.role.strip()}
        return cls(
            roles=tuple(_word(r + "s?") for r in sorted(roles, key=len, reverse=True)),
            vendors=tuple(_word(v.name) for v in case.vendors.vendors),
            teams=tuple(_team(n, ids) for n, ids in _longest_first_names(teams)),
            tools=_longest_first(tools),
            benchmarks=_longest_first(benchmarks),
            kinds=tuple(
                (_word(label + "s?"), kind) for label, kind in kinds.items() if label.strip()
            )
            + tuple(
                (_word(pattern, literal=False), kind)
                for kind, pattern in KIND_SYNONYMS.items()
                if kind in kinds.values()
            ),
            names=re.compile("|".join(re.escape(n) for n in sorted(proper, key=len, reverse=True))),
        )


def _team(name: str, ids: tuple[str, ...]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """A team id that is also an everyday word ("data") counts only as "data team" or as the
    report writes a team, "data (12 engineers)"."""
    if name.lower() in COMMON_TEAM_WORDS:
        return re.compile(rf"(?<![\w-]){re.escape(name)}(?=\s+team\b|\s*\(\d)", re.I), ids
    return _word(name), ids


def _longest_first_names(names: dict[str, set[str]]) -> list[tuple[str, tuple[str, ...]]]:
    return [(n, tuple(sorted(names[n]))) for n in sorted(names, key=len, reverse=True)]


def _word(text: str, literal: bool = True) -> re.Pattern[str]:
    body = re.escape(text).replace(r"s\?", "s?") if literal else text
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _longest_first(
    names: dict[str, set[str]],
) -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    # Longest names first, so "Apex Coder 5" wins over the vendor "Apex AI" or "Apex Coder".
    ordered = sorted(names, key=len, reverse=True)
    return tuple((_word(n), tuple(sorted(names[n]))) for n in ordered)


# ---------------------------------------------------------------- phrases the rules look for

_W = rf"(?:{WORKFORCE_NOUNS})\b"
# Up to three words between a verb and the people it acts on, none of them a preposition or a
# word that makes the object time ("reduce the time engineers spend" is about time, not jobs);
# a share may come first ("shed a third of its engineers").
_GAP = r"(?:\W+(?:a |one |two |three )?(?:third|quarter|half|fifth|tenth|\d+%?)\s+of)?(?:\W+(?!(?:for|of|to|with|by|from|on|in|at|time|hours|effort|burden|toil|load)\b)[\w-]+){0,3}?\W+"
WORKFORCE_CUTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("cut", rf"\b(?:cut|cuts|cutting|los[et]\w*|shed\w*|reduc\w*|shrink\w*|trim\w*|slash\w*|downsiz\w*|halv\w*|lower\w*|scale down|free\w* up|sav\w*){_GAP}{_W}"),
        ("replace", rf"\b(?:replac\w*|substitut\w*|take the place of|do(?:es|ing)? the (?:work|jobs?) of|stand in for|take over from|takes? over the (?:work|jobs?) of){_GAP}{_W}"),
        ("need fewer", rf"\b(?:no longer need\w*|(?:not|n't|no longer) need to (?:fill|backfill|replace)|(?:do not|don't|won't|will not|doesn't|does not) need to hire|won't need|will not need|need\w* fewer|need\w* less|hir\w* fewer|stop hiring|freez\w* hiring|hiring freeze|lay(?:ing)? off|laid off|layoffs?|let go(?: of)?|eliminat\w*|redundan\w*|fewer|only need|need only|run with|get by with){_GAP}{_W}"),
        ("no need to fill", rf"\b(?:not|n't|no longer) need to (?:fill|backfill|replace|hire)(?:\W+[\w-]+){{0,5}}?\W+(?:{WORKFORCE_NOUNS}|seats|requisitions|reqs|openings|vacancies|backfills?)\b"),
        ("redundant", rf"{_W}(?:\W+[\w-]+){{0,3}}?\W+(?:redundant|obsolete|unnecessary|laid off|let go)\b"),
        ("a tool as a person", r"\b(?:is|as good as|equivalent to|equals?|worth)\s+(?:basically |essentially |effectively |now |like |already )*(?:a|an|one|\d+)\s+(?:[\w-]+\s+)?(?:engineer|developer|programmer|FTE)s?\b"),
        ("a tool over people", r"\b(?:better than|outperforms?|beats?)\s+(?:most |many |all |the average )?(?:of\s+)?(?:our\s+)?(?:[\w-]+\s+)?(?:engineers|developers|programmers)\b"),
        ("fewer people, same work", r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+)?(?:engineers|developers|people)\s+(?:can\s+|could\s+|will\s+)?do (?:the work|what)\b"),
        ("headcount down", r"\b(?:headcount|FTE) (?:reduction|cuts?|savings?)\b|\b(?:job|role) (?:cuts|losses)\b|\b(?:freez\w* (?:\w+ ){0,2}hiring|hiring freeze|stop hiring|layoffs?|lay off|laid off)\b"),
    )
)  # fmt: skip
GENERAL_WORK = r"engineering(?: work)?|coding(?: tasks| work)?|development(?: work)?|software(?: work| engineering| development)?|programming|(?:our |the )?work(?:load)?|(?:our |the )?(?:coding )?tasks|tickets|backlog"
ENGINEERING_AUTOMATED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("engineering can be automated", rf"\b(?:{GENERAL_WORK})\b(?:\W+[\w-]+){{0,3}}?\W+(?:can|could|will|would|is|are)\s+(?:now\s+|soon\s+|largely\s+|mostly\s+|fully\s+|entirely\s+|be\s+)*(?:automat\w*|replac\w*|done by AI|handled by AI)"),
        ("automate engineering", rf"\b(?:fully |entirely |completely |largely |mostly )?(?:automat\w*|replac\w*)\s+(?:[\w-]+\s+){{0,3}}?(?:of\s+)?(?:our |the |their |its )(?:{GENERAL_WORK}|engineering|engineers|developers)\b(?!\s+(?:hours|time))"),
        ("AI does the engineering", r"\bAI\b(?:\W+[\w-]+){0,3}?\W+(?:replace|do|does|take over|takes over)\s+(?:all |most )?(?:of\s+)?(?:our|the)\s+(?:engineering|coding|software work|development)\b(?!\s+(?:hours|time))"),
    )
)  # fmt: skip
# Verbs that turn a share of work into something AI can do.
CAPABILITY = re.compile(
    r"\b(automat\w*|replac\w*|handl\w*|do|does|done|doing|take over|takes over|take on|takes on|"
    r"writ\w*|wrote|solv\w*|complet\w*|perform\w*|eliminat\w*|no human|without (?:a )?human|"
    r"on its own|autonomous\w*|by AI|can be|could be)\b",
    re.IGNORECASE,
)
TIME_SAVED = re.compile(
    r"\b(faster|quicker|(?:twice|\d+(?:\.\d+)?\s?x|times) as (?:fast|quick)|speeds? up|sped up|speeding up|accelerat\w*|productiv\w*|"
    r"(?:sav\w*|cut\w*|reduc\w*|halv\w*|shorten\w*|lower\w*|trim\w*)(?:\W+[\w-]+){0,7}?\W+"
    r"(?:time|hours|minutes|effort|cycle time|lead time)|(?:time|hours) sav\w*|less time|"
    r"shav\w*(?:\W+[\w-]+){0,7}?\W+(?:time|hours)|(?:time|hours|effort)(?:\W+[\w-]+){0,7}?\W+"
    r"(?:cut|reduc\w*|halv\w*|shorten\w*|lower\w*|trim\w*|fall|fell|drop\w*|shr[iu]nk\w*))\b",
    re.IGNORECASE,
)
TIME_LOST = re.compile(
    r"\b(slower|(?:took|takes|take|taking) (?:\w+ )?longer|costs? (?:us )?(?:\w+ )?time|cost time|"
    r"lost time|loses time|more time|slow\w* (?:\w+ )?down|add\w* time|time lost)\b",
    re.IGNORECASE,
)
ACCEPTED = re.compile(
    r"\b(accept\w*|merg\w*|approv\w*|landed|succe\w*|pass\w* review|shipp\w*|right|correct)\b",
    re.IGNORECASE,
)
AUTOMATE = re.compile(r"\b(automat\w*|hand\w* (?:it |them )?over|delegat\w*)\b", re.IGNORECASE)
HALLUCINATION = re.compile(r"\bhallucinat\w*", re.IGNORECASE)
FEWER = re.compile(r"\b(fewer|less|lower|reduc\w*|drops?|cuts?|halves)\b", re.IGNORECASE)
MORE = re.compile(r"\b(more|higher|increas\w*|rises?|doubles?)\b", re.IGNORECASE)
