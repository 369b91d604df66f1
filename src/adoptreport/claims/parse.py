"""Draft text → sentences → what each says: numbers with units, names, kinds of work, clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from adoptreport.claims.lexicon import NEGATION, Lexicon


class QuantityKind(StrEnum):
    SHARE = "share"  # a percentage, "9 in 10", "3/4", "half", "most" — kept as a fraction
    MONEY = "money"
    MINUTES = "minutes"
    MULTIPLE = "multiple"  # "2x", "twice"
    NUMBER = "number"  # a bare number: a count, a rate


@dataclass(frozen=True)
class Quantity:
    """A number as written, and the range of true values the writer could mean by it."""

    kind: QuantityKind
    value: float
    low: float
    high: float
    text: str
    start: int
    end: int
    vague: bool = False  # a word such as "most" or "half": checked for direction, not grounding


@dataclass(frozen=True)
class Sentence:
    line: int  # where the sentence starts in the draft, counting from 1
    text: str


@dataclass(frozen=True)
class ParsedSentence:
    line: int
    text: str
    masked: str  # the text with names and dates blanked, offsets kept
    quantities: tuple[Quantity, ...]
    tools: tuple[str, ...]  # tool ids named, directly or through the vendor
    benchmarks: tuple[str, ...]  # benchmark claim ids named
    kinds: tuple[str, ...]  # kind-of-work ids named
    teams: tuple[str, ...]  # team ids named
    clause_starts: tuple[int, ...]

    def negated_at(self, position: int) -> bool:
        """A negation earlier in the same clause ("does not mean …", "we will not cut …")."""
        start = max((s for s in self.clause_starts if s <= position), default=0)
        return NEGATION.search(self.text[start:position]) is not None

    def find(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """The first match of `pattern` that no negation in its clause takes back."""
        return next(
            (m for m in pattern.finditer(self.text) if not self.negated_at(m.start())), None
        )

    def shares(self, vague: bool = True) -> tuple[Quantity, ...]:
        return tuple(
            q for q in self.quantities if q.kind is QuantityKind.SHARE and (vague or not q.vague)
        )


# ---------------------------------------------------------------- splitting

_SKIP_LINE = re.compile(r"^\s*(#|<!--|\||```|~~~|---+\s*$|===+\s*$)")
_LIST_MARK = re.compile(r"^\s*(?:>\s*)*(?:[-*+•]|\d+[.)])\s+")
_QUOTE_MARK = re.compile(r"^\s*(?:>\s*)+")
_MARKUP = re.compile(r"\*\*|__|`|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_END = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9€$£])")
_ABBREVIATIONS = {"e.g", "i.e", "vs", "etc", "approx", "cf", "dr", "mr", "ms", "inc", "ltd", "no"}


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Markdown or plain text → sentences; headings, tables and code blocks are not claims."""
    sentences: list[Sentence] = []
    paragraph: list[tuple[int, str]] = []
    fenced = quoted = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        skip = fenced or bool(_SKIP_LINE.match(raw)) or not raw.strip()
        quote = bool(_QUOTE_MARK.match(raw))
        # A list item or the start of a quotation ends the paragraph before it.
        if skip or _LIST_MARK.match(raw) or (quote and not quoted):
            sentences += _paragraph_sentences(paragraph)
            paragraph = []
        quoted = quote
        if skip:
            continue
        line = _LINK.sub(r"\1", _QUOTE_MARK.sub("", _LIST_MARK.sub("", raw)))
        paragraph.append((number, _MARKUP.sub("", line).strip()))
    return tuple(sentences + _paragraph_sentences(paragraph))


def _paragraph_sentences(lines: list[tuple[int, str]]) -> list[Sentence]:
    if not lines:
        return []
    joined, starts = "", []
    for number, line in lines:
        starts.append((len(joined), number))
        joined += line + " "
    out, begin = [], 0
    for end in _END.finditer(joined):
        word = joined[: end.start()].rsplit(None, 1)[-1].lower().rstrip(".") if end.start() else ""
        if word in _ABBREVIATIONS:
            continue
        out.append((begin, joined[begin : end.end()].strip()))
        begin = end.end()
    out.append((begin, joined[begin:].strip()))
    return [
        Sentence(max(n for offset, n in starts if offset <= at), text) for at, text in out if text
    ]


# ---------------------------------------------------------------- numbers

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twenty": 20, "hundred": 100, "a hundred": 100,
}  # fmt: skip
_WORD_NUM = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_CURRENCY = r"€|\$|£|EUR|USD|GBP|euros?|dollars?|pounds"
_PATTERNS: tuple[tuple[QuantityKind, re.Pattern[str]], ...] = (
    (
        QuantityKind.MONEY,
        re.compile(
            rf"(?:(?:€|\$|£)\s?(?P<a>{_NUM})\s?(?P<sa>million|thousand|billion|bn|m|k)?\b"
            rf"|(?P<b>{_NUM})\s?(?P<sb>million|thousand|billion|bn|m|k)?\s?(?:{_CURRENCY})\b)",
            re.IGNORECASE,
        ),
    ),
    (QuantityKind.SHARE, re.compile(rf"(?P<a>{_NUM})\s?(?:%|percent\b|per cent\b|percentage points?\b|points?\b|pp\b|pts\b)", re.I)),
    (
        QuantityKind.SHARE,
        re.compile(
            rf"\b(?P<n>\d+|{_WORD_NUM})\s+(?:in|out of)\s+(?:every\s+)?(?P<d>\d+|{_WORD_NUM})\b"
            r"|\b(?P<sn>\d)/(?P<sd>\d{1,2})\b",
            re.IGNORECASE,
        ),
    ),
    (QuantityKind.MINUTES, re.compile(rf"(?P<a>{_NUM})\s?(?P<u>min(?:ute)?s?|hours?|hrs?)\b", re.I)),
    (QuantityKind.MULTIPLE, re.compile(rf"(?P<a>{_NUM})\s?(?:x|×)(?!\w)|\b(?P<w>twice|double[sd]?)\b", re.I)),
    (QuantityKind.NUMBER, re.compile(rf"(?<![\w.])(?P<a>{_NUM})(?![\w.]*\w)")),
)  # fmt: skip
# Vague shares, as the range a careful reader would grant them.
_VAGUE: tuple[tuple[re.Pattern[str], float, float], ...] = tuple(
    (re.compile(rf"\b(?:{words})\b", re.IGNORECASE), low, high)
    for words, low, high in (
        (r"nearly all|almost all|virtually all|almost every|nearly every", 0.85, 1.0),
        (r"three quarters|three-quarters", 0.7, 0.8),
        (r"two thirds|two-thirds", 0.62, 0.72),
        (r"most|the majority|majority|the bulk|the lion's share", 0.5, 1.0),
        (r"half|halves|halved|halving|cut in half", 0.45, 0.55),
        (r"a third|one third|one-third", 0.28, 0.38),
        (r"a quarter|one quarter", 0.2, 0.3),
        (r"a minority|few|a few|rarely|seldom", 0.0, 0.5),
    )
)
_APPROX = re.compile(
    r"(?:about|around|roughly|approximately|nearly|almost|some|~|close to)\s*$", re.I
)
_ABOVE = re.compile(r"(?:more than|over|above|at least|upwards of|>|≥)\s*$", re.IGNORECASE)
_BELOW = re.compile(r"(?:less than|under|below|at most|up to|fewer than|<|≤)\s*$", re.IGNORECASE)
# Numbers that are names, not quantities: years, FY27, H2, Q3, v2, GPT-5.5, dates.
_NOT_QUANTITIES = re.compile(
    r"\b(?:19|20)\d\d\b(?!\s?%)|\b(?:FY|H|Q|v|V)\d+\b|\b[A-Za-z]+[- ]?\d+(?:\.\d+)*[a-z]?-?\b(?=[A-Za-z-])"
    r"|\b[A-Za-z]+-\d+(?:\.\d+)*\b|\b\d{4}-\d\d-\d\d\b"
)


def parse(sentence: Sentence, lexicon: Lexicon) -> ParsedSentence:
    """Read one sentence for numbers, names and clause boundaries."""
    text = sentence.text
    masked = _mask(text, lexicon)
    return ParsedSentence(
        line=sentence.line,
        text=text,
        masked=masked,
        quantities=_quantities(text, masked),
        tools=_named(text, lexicon.tools),
        benchmarks=_named(text, lexicon.benchmarks),
        kinds=tuple(
            dict.fromkeys(kind for pattern, kind in lexicon.kinds if pattern.search(masked))
        ),
        teams=_named(text, lexicon.teams),
        clause_starts=(0, *(m.end() for m in _CLAUSE.finditer(text))),
    )


_CLAUSE = re.compile(
    r"[,;:()]|\s[–—-]\s|\b(?:but|which|although|though|while|whereas|yet|so|because|since|and)\b",
    re.IGNORECASE,
)


def _mask(text: str, lexicon: Lexicon) -> str:
    """The text with names and dates blanked out, keeping every offset."""

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"\S", "_", match.group())

    return _NOT_QUANTITIES.sub(
        blank, lexicon.names.sub(blank, text) if lexicon.names.pattern else text
    )


def _named(
    text: str, names: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]
) -> tuple[str, ...]:
    """Ids named in the text, in reading order; a longer name hides the shorter ones inside it."""
    taken: list[tuple[int, int, tuple[str, ...]]] = []
    for pattern, ids in names:
        for match in pattern.finditer(text):
            if not any(a < match.end() and match.start() < b for a, b, _ in taken):
                taken.append((match.start(), match.end(), ids))
    return tuple(dict.fromkeys(i for _, _, ids in sorted(taken) for i in ids))


_CONFIDENCE = re.compile(rf"(?:{_NUM})\s?%\s?(?:CI|confidence|credible|interval)\b", re.IGNORECASE)
# "75–94%", "−32% to 6.7%": both ends are shares, though only the last carries the sign.
_SHARE_RANGE = re.compile(
    rf"[−-]?(?P<a>{_NUM})\s?%?\s?(?:–|—|-|to)\s?[−-]?(?P<b>{_NUM})\s?%", re.IGNORECASE
)


def _quantities(text: str, masked: str) -> tuple[Quantity, ...]:
    # A confidence level is how an interval is stated, not a claim about the work.
    masked = _CONFIDENCE.sub(lambda m: "_" * len(m.group()), masked)
    found = _range_ends(text, masked)
    for kind, pattern in _PATTERNS:  # in order: "€2m" is money before "2" is a number
        for match in pattern.finditer(masked):
            value = _value(kind, match)
            if value is None or any(_overlaps(q, *match.span()) for q in found):
                continue
            low, high = _range(kind, value, match, masked)
            found.append(
                Quantity(kind, value, low, high, text[slice(*match.span())], *match.span())
            )
    for pattern, low, high in _VAGUE:
        for match in pattern.finditer(masked):
            if not any(_overlaps(q, *match.span()) for q in found):
                middle = (low + high) / 2
                share = QuantityKind.SHARE
                found.append(Quantity(share, middle, low, high, match.group(), *match.span(), True))
    return tuple(sorted(found, key=lambda q: q.start))


def _range_ends(text: str, masked: str) -> list[Quantity]:
    """Both ends of "75–94%" as shares, each at the precision it is written with."""
    ends = []
    for match in _SHARE_RANGE.finditer(masked):
        for group in ("a", "b"):
            value = _number(match.group(group)) / 100
            digits = re.search(r"\.(\d+)", match.group(group))
            step = 10.0 ** -(len(digits.group(1)) if digits else 0) / 200
            start, end = match.span(group)
            share = QuantityKind.SHARE
            ends.append(
                Quantity(share, value, value - step, value + step, text[start:end], start, end)
            )
    return ends


def _overlaps(quantity: Quantity, start: int, end: int) -> bool:
    return quantity.start < end and start < quantity.end


def _number(text: str) -> float:
    return float(_WORD_NUMBERS.get(text.lower(), 0) or text.replace(",", ""))


def _value(kind: QuantityKind, match: re.Match[str]) -> float | None:
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    if kind is QuantityKind.MONEY:
        amount = groups.get("a") or groups["b"]
        scale = (groups.get("sa") or groups.get("sb") or "").lower()
        return _number(amount) * _SCALE.get(scale, 1.0)
    if "n" in groups or "sn" in groups:
        top, bottom = (
            _number(groups.get("n") or groups["sn"]),
            _number(groups.get("d") or groups["sd"]),
        )
        return top / bottom if 0 < top <= bottom else None
    if "w" in groups:
        return 2.0
    value = _number(groups["a"])
    if kind is QuantityKind.MINUTES and groups["u"].lower().startswith("h"):
        return value * 60
    return value / 100 if kind is QuantityKind.SHARE else value


def _range(
    kind: QuantityKind, value: float, match: re.Match[str], masked: str
) -> tuple[float, float]:
    """Rounding as written ("88%" is 87.5–88.5%), widened by "about", one-sided by "over"."""
    digits = re.search(r"\.(\d+)", match.group())
    step = 10.0 ** -(len(digits.group(1)) if digits else 0) / 2
    if kind is QuantityKind.SHARE and "n" not in match.groupdict():
        step /= 100
    elif kind is QuantityKind.SHARE:
        step = 0.005
    before = masked[max(0, match.start() - 20) : match.start()]
    if _ABOVE.search(before):
        return value, float("inf") if kind is not QuantityKind.SHARE else 1.0
    if _BELOW.search(before):
        return 0.0, value
    if _APPROX.search(before):
        step = max(step, 0.03 if kind is QuantityKind.SHARE else abs(value) * 0.1)
    return value - step, value + step
