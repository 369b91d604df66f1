"""The number reader: every quantity a sentence states, with its unit and the values it allows.

Digits ("88.7%", "378 h", "EUR 1.2 million", "9.4 FTE", "200k tokens"), words ("nine in ten",
"four-fifths", "twice"), and vague shares ("most", "the majority", "a fraction") are all read
into one `Quantity`: a kind (the unit family), a value, and the range of true values a careful
reader grants the writer (rounding as written, widened by "about", one-sided by "over").
Version numbers and ids ("GPT-5.5", "v2", "ISO 27001", "FY27", dates) are never read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum


class QuantityKind(StrEnum):
    SHARE = "share"  # a percentage, "9 in 10", "3/4", "four-fifths", "most" — kept as a fraction
    MONEY = "money"
    MINUTES = "minutes"  # a duration, in minutes ("378 h" is 22,680)
    FTE = "FTE"  # full-time equivalents
    TOKENS = "tokens"
    MULTIPLE = "multiple"  # "2x", "twice", "three times faster"
    DAYS = "days"  # a duration in days: never hours, whatever the number
    NUMBER = "number"  # a bare number: a count, a rate, a score


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
    vague: bool = False  # "most", "half", "five": checked for direction, never for grounding
    interval_end: bool = False  # an end of a stated interval, "(90% CI 27–52%)"
    count: float | None = None  # the numerator of "18 of 405 attempts", itself a count
    slack: float = 0.0  # more room when matching evidence: "seven in eight" is any 0.81–0.94

    @property
    def shown(self) -> float:
        """The value in the unit it is written in (hours for "378 h")."""
        return (
            self.value / 60 if self.text.rstrip().lower().endswith(_HOUR_SUFFIXES) else self.value
        )

    @property
    def share_like(self) -> bool:
        """A share, or a bare decimal below one ("0.887") that may be one."""
        return self.kind is QuantityKind.SHARE or (
            self.kind is QuantityKind.NUMBER and 0 < self.value < 1 and "." in self.text
        )


_HOUR_SUFFIXES = ("h", "hr", "hrs", "hour", "hours")
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNITS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# Every number from one to ninety-nine as words ("thirty-two", "eighty nine"), and a few more.
WORD_NUMBERS: dict[str, float] = {
    **{w: i for i, w in enumerate(_UNITS, start=1)},
    **{w: 20 + 10 * i for i, w in enumerate(_TENS)},
    **{f"{t}{sep}{u}": 20 + 10 * i + j for i, t in enumerate(_TENS)
       for j, u in enumerate(_UNITS[:9], start=1) for sep in ("-", " ")},
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "a thousand": 1000,
}  # fmt: skip
# As one structured pattern (tens, then an optional unit), not an alternation of 180 words.
_WORD_NUM = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS[:9])})(?![\w-]))?"
    rf"|one hundred|a hundred|a dozen|a thousand|hundred"
    rf"|{'|'.join(sorted(_UNITS, key=len, reverse=True))})"
)
_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
    "tenth": 10, "tenths": 10,
}  # fmt: skip
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_SCALES = r"million|thousand|billion|bn|mn|m|k"
_CURRENCY = r"€|\$|£|EUR|USD|GBP|euros?|dollars?|pounds"


def _patterns(words: str) -> tuple[tuple[QuantityKind, re.Pattern[str]], ...]:
    """The number patterns, with `words` as the pattern for a number written in words."""
    return (
        (QuantityKind.MONEY, re.compile(
            rf"(?:(?:€|\$|£|\b(?:EUR|USD|GBP))\s?(?P<a>{_NUM})\s?(?P<sa>{_SCALES})?\b"
            rf"|(?P<b>{_NUM})\s?(?P<sb>{_SCALES})?\s?(?:{_CURRENCY})(?!\w))", re.IGNORECASE)),
        (QuantityKind.SHARE, re.compile(
            rf"(?P<a>{_NUM})\s?(?:%|percent\b|per cent\b|percentage points?\b|points?\b|pp\b|pts\b)"
            rf"|\b(?P<pw>{words})[\s-](?:percent|per cent)\b", re.I)),
        (QuantityKind.MINUTES, re.compile(r"\b(?P<u1>half an hour|an hour|a minute|(?:a )?quarter of an hour)\b", re.I)),
        (QuantityKind.SHARE, re.compile(
            rf"\b(?P<n>{_NUM}|{words}|once)\s+(?:[a-z-]+\s+)?(?:times\s+)?(?:in|out of|of every|every|for every|of the|of)\s+(?:every\s+)?(?P<d>{_NUM}|{words})\b"
            r"|(?<![\w./-])(?P<sn>\d)/(?P<sd>\d{1,2})(?![\w./])"
            rf"|\b(?P<fn>{words}|a)[- ](?P<fd>{'|'.join(_DENOMINATORS)})\b", re.IGNORECASE)),
        (QuantityKind.FTE, re.compile(rf"(?P<a>{_NUM}|\b(?:{words}))\s?(?:FTEs?|full[- ]time equivalents?)\b", re.I)),
        (QuantityKind.DAYS, re.compile(rf"(?P<a>{_NUM}|\b(?:{words}))\s?(?:(?:working|work|calendar|person|engineer|man)[- ])?days?\b", re.I)),
        (QuantityKind.TOKENS, re.compile(rf"(?P<a>{_NUM})\s?(?P<sa>k|m|million|thousand)?[- ]?tokens?\b", re.I)),
        (QuantityKind.MINUTES, re.compile(
            rf"(?P<a>{_NUM}|\b(?:{words}))\s?(?P<u>min(?:ute)?s?|hours?|hrs?|h)\b", re.I)),
        (QuantityKind.MULTIPLE, re.compile(
            rf"(?P<a>{_NUM})\s?(?:x|×)(?!\w)|\b(?P<w>twice|double[sd]?|triple[sd]?)\b"
            rf"|\b(?P<t>{_NUM}|{words})\s+times\s+(?=(?:as|faster|quicker|more|fewer|less|better|higher|lower|slower|the)\b)", re.I)),
        (QuantityKind.NUMBER, re.compile(rf"(?<![\w.])(?P<a>{_NUM})(?![\w.]*\w)")),
        (QuantityKind.NUMBER, re.compile(rf"\b(?P<v>{words})\b", re.IGNORECASE)),
    )  # fmt: skip


_PATTERNS = _patterns(_WORD_NUM)
# Most sentences have no number in words: the same patterns without that branch are faster.
_DIGIT_PATTERNS = _patterns(r"(?!x)x")
_HAS_WORD_NUMBER = re.compile(rf"\b(?:{_WORD_NUM})\b", re.IGNORECASE)
# Vague shares, as the range a careful reader would grant them.
_VAGUE: tuple[tuple[re.Pattern[str], float, float], ...] = tuple(
    (re.compile(rf"\b(?:{words})\b", re.IGNORECASE), low, high)
    for words, low, high in (
        (r"nearly all|almost all|virtually all|almost every|nearly every|all but a few", 0.85, 1.0),
        (r"the vast majority|a large majority|(?<!at )(?<!at the )most|the majority|majority|the bulk|the lion's share|the better part", 0.5, 1.0),
        (r"half|halves|halved|halving|cut in half", 0.45, 0.55),
        (r"more often than not", 0.5, 1.0),
        (r"(?:the|that|this) same (?:share|proportion|fraction|percentage|rate)|the proportion|the share|the fraction|the percentage", 0.0, 1.0),
        (r"a fraction|a proportion|a portion|a share|a part|a chunk|a slice|a good deal|a large part|a big part", 0.0, 1.0),
        (r"a minority|few|a few|rarely|seldom", 0.0, 0.5),
    )
)  # fmt: skip
_APPROX = re.compile(
    r"(?:about|around|roughly|approximately|nearly|near|almost|some|~|close to|circa|ca\.)[\s-]*$",
    re.I,
)
_ABOVE = re.compile(r"(?:more than|over|above|at least|upwards of|in excess of|>|≥)\s*$", re.I)
_BELOW = re.compile(
    r"(?:less than|under|below|at most|up to|fewer than|no more than|<|≤)\s*$", re.I
)
# "half an hour of review at most", "ten hours or more": one-sided, said after the number.
_BELOW_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+(?:at most|at the most|or less|or fewer|or under|tops)\b", re.I
)
_ABOVE_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+(?:at least|or more|or over|or above|plus)\b", re.I
)
# Numbers that are names, not quantities: years, FY27, H2, Q3, v2, GPT-5.5, ISO 27001, dates,
# versions ("3.11.2", "Claude 3.5 Sonnet"), ids ("PR #412", "TKT-1234").
NOT_QUANTITIES = re.compile(
    r"\b(?:19|20)\d\d\b(?!\s?%)|\b(?:FY|H|Q|v|V)\d+(?:\.\d+)*\b"
    r"|\b[A-Za-z]+[- ]?\d+(?:\.\d+)*[a-z]?-?\b(?=[A-Za-z-])|\b(?!(?:near|nearly|over|under|around|about|circa|approx|sub|mid|low|high|upper|lower|top|just|some|almost|roughly)-)[A-Za-z]+-\d+(?:\.\d+)*\b"
    r"|\b\d{4}-\d\d-\d\d\b|\b\d+\.\d+\.\d+\b|#\d+\b"
    r"|\b(?:ISO|IEC|SOC|RFC|PEP|CVE|PR|issue|ticket|id|ID|version|release|Python|Java|Node|ES)\s?\d+(?:[.-]\d+)*\b"
    r"|(?<=[\w,]\s)(?!(?:EUR|USD|GBP|CI|FTE)\b)[A-Z][A-Za-z]+\s\d+\.\d+\b(?!\s?(?:%|x\b|×|h\b|hours?|min|"
    r"FTE|million|m\b|k\b|bn\b|per\b|incidents|hallucinations?|tokens|points?|times))"
)
CONFIDENCE = re.compile(rf"(?:{_NUM})\s?%\s?(?:CI|confidence|credible|interval)\b", re.I)
# "75–94%", "−32% to 6.7%": both ends are shares, though only the last carries the sign.
_SHARE_RANGE = re.compile(
    rf"[−-]?(?P<a>{_NUM})\s?%?\s?(?:–|—|-|to)\s?[−-]?(?P<b>{_NUM})\s?%", re.IGNORECASE
)
_MONEYISH = (
    rf"(?:(?:€|\$|£|EUR|USD|GBP)\s?)?[−-]?(?:{_NUM})\s?(?:%|h|hours|min|minutes|FTE|million|m|k)?"
)
# Where a sentence states a range rather than a point: "(90% CI 27–52%)", "between 218 and 514
# hours", "EUR 737,000 to EUR 1,712,000", "5.4–12.9 FTE".
_INTERVAL = re.compile(
    r"\((?:\d+% )?(?:CI|confidence interval|interval|estimated|range)[^)]*\)"
    rf"|\bbetween\s+{_MONEYISH}\s+and\s+{_MONEYISH}"
    rf"|(?:interval|range|CI)\s+(?:of\s+|from\s+)?{_MONEYISH}\s?(?:–|—|to)\s?{_MONEYISH}"
    rf"|{_MONEYISH}\s?(?:–|—)\s?{_MONEYISH}",
    re.IGNORECASE,
)


def read_quantities(text: str, masked: str) -> tuple[Quantity, ...]:
    """Every quantity in `text`; `masked` is the text with names blanked (offsets kept)."""
    masked = CONFIDENCE.sub(lambda m: "_" * len(m.group()), masked)
    found = _range_ends(text, masked)
    patterns = _PATTERNS if _HAS_WORD_NUMBER.search(masked) else _DIGIT_PATTERNS
    for kind, pattern in patterns:  # in order: "€2m" is money before "2" is a number
        for match in pattern.finditer(masked):
            value = _value(kind, match)
            if value is None or any(_overlaps(q, *match.span()) for q in found):
                continue
            low, high = _range(kind, value, match, masked)
            vague = bool({"v", "fd"} & {k for k, v in match.groupdict().items() if v})
            text_of = text[slice(*match.span())]
            numerator = match.groupdict().get("n") if kind is QuantityKind.SHARE else None
            count = _number(numerator) if numerator else None
            slack = _slack(kind, match)
            found.append(
                Quantity(
                    kind, value, low, high, text_of, *match.span(), vague, count=count, slack=slack
                )
            )
    for match in _DAY_AMOUNT.finditer(masked):  # "frees a full working week": 5 days
        if not any(_overlaps(q, *match.span("amount")) for q in found):
            days = 5.0 if match["unit"].lower() == "week" else 1.0
            low, high = _range_around(days, masked[: match.start("amount")])
            found.append(Quantity(QuantityKind.DAYS, days, low, high, match["amount"],
                                  *match.span("amount")))  # fmt: skip
    for pattern, low, high in _VAGUE:
        for match in pattern.finditer(masked):
            if not any(_overlaps(q, *match.span()) for q in found):
                before = masked[max(0, match.start() - 20) : match.start()]
                lo = low if not _BELOW.search(before) else 0.0  # "fewer than half"
                hi = high if not _ABOVE.search(before) else 1.0  # "more than half"
                share = QuantityKind.SHARE
                found.append(
                    Quantity(share, (lo + hi) / 2, lo, hi, match.group(), *match.span(), True)
                )
    spans = [m.span() for m in _INTERVAL.finditer(text)]
    return tuple(
        sorted(
            (_signed(q, text, any(a <= q.start < b for a, b in spans)) for q in found),
            key=lambda q: q.start,
        )
    )


# "a day" or "a full working week" as an amount of time gained or lost (not "… a week" as a rate).
_DAY_AMOUNT = re.compile(
    r"\b(?:free\w*|sav\w*|gain\w*|gets? back|got back|give\w* back|recover\w*|los[et]\w*|"
    r"costs?|tak\w*|took|spend\w*|spent)\s+(?:(?:about|around|roughly|nearly|almost|up to|"
    r"over|more than|at least)\s+)?(?P<amount>(?:a|one|an entire|a whole)\s+(?:full\s+)?"
    r"(?:working\s+|work\s+)?(?P<unit>day|week))\b",
    re.IGNORECASE,
)


def _range_around(value: float, before: str) -> tuple[float, float]:
    """The range a round amount allows: one-sided after "over", wider after "about"."""
    if _ABOVE.search(before):
        return value, float("inf")
    if _BELOW.search(before):
        return 0.0, value
    spread = 0.1 if _APPROX.search(before) else 0.0
    return value * (1 - spread), value * (1 + spread)


def _signed(q: Quantity, text: str, end: bool) -> Quantity:
    """The quantity negated when written with a minus ("−0.9%"), and marked as an interval's end."""
    minus = (
        q.start > 0
        and text[q.start - 1] in "−-"
        and (q.start < 2 or not text[q.start - 2].isalnum())
    )
    if not minus or q.vague:
        return replace(q, interval_end=end)
    return replace(q, value=-q.value, low=-q.high, high=-q.low, interval_end=end)


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


def _slack(kind: QuantityKind, match: re.Match[str]) -> float:
    """ "seven in eight" is rounded to eighths: as a ground, any share nearer 7/8 than 6/8 or
    8/8 may be meant (checked against an interval, it is 7/8 as written)."""
    bottom = match.groupdict().get("d") or match.groupdict().get("sd")
    if kind is not QuantityKind.SHARE or not bottom or _number(bottom) > 20:
        return 0.0
    return 0.5 / _number(bottom)


def _overlaps(quantity: Quantity, start: int, end: int) -> bool:
    return quantity.start < end and start < quantity.end


def _number(text: str) -> float:
    if text.lower() == "once":
        return 1.0
    return float(WORD_NUMBERS.get(text.lower(), 0) or text.replace(",", ""))


def _value(kind: QuantityKind, match: re.Match[str]) -> float | None:
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    if kind is QuantityKind.MONEY or kind is QuantityKind.TOKENS:
        amount = groups.get("a") or groups["b"]
        scale = (groups.get("sa") or groups.get("sb") or "").lower()
        return _number(amount) * _SCALE.get(scale, 1.0)
    if "fd" in groups:
        top = 1.0 if groups["fn"].lower() == "a" else _number(groups["fn"])
        return top / _DENOMINATORS[groups["fd"].lower()] if top < 10 else None
    if "n" in groups or "sn" in groups:
        top = _number(groups.get("n") or groups["sn"])
        bottom = _number(groups.get("d") or groups["sd"])
        return top / bottom if 0 < top <= bottom else None
    if "w" in groups:
        return 3.0 if groups["w"].lower().startswith("trip") else 2.0
    if "u1" in groups:
        return {"half an hour": 30.0, "an hour": 60.0, "a minute": 1.0}.get(
            groups["u1"].lower(), 15.0
        )
    value = _number(groups.get("a") or groups.get("t") or groups.get("pw") or groups["v"])
    if kind is QuantityKind.MINUTES and groups["u"].lower().startswith("h"):
        return value * 60
    return value / 100 if kind is QuantityKind.SHARE else value


def _range(
    kind: QuantityKind, value: float, match: re.Match[str], masked: str
) -> tuple[float, float]:
    """Rounding as written ("88%" is 87.5–88.5%; "53,000" is 52,500–53,500), widened by
    "about", one-sided by "over"."""
    step = _step(kind, value, match)
    before = masked[max(0, match.start() - 20) : match.start()]
    after = masked[match.end() : match.end() + 40]
    if _ABOVE.search(before) or _ABOVE_AFTER.match(after):
        return value, float("inf") if kind is not QuantityKind.SHARE else 1.0
    if _BELOW.search(before) or _BELOW_AFTER.match(after):
        return 0.0, value
    if _APPROX.search(before):
        step = max(step, 0.03 if kind is QuantityKind.SHARE else abs(value) * 0.1)
    return value - step, value + step


def _step(kind: QuantityKind, value: float, match: re.Match[str]) -> float:
    """Half the last written digit, in the quantity's own unit."""
    groups = match.groupdict()
    if kind is QuantityKind.SHARE and groups.get("fd"):
        return 0.04  # "three quarters" is a round figure, not 75.0%
    if kind is QuantityKind.SHARE and (groups.get("n") or groups.get("sn")):
        return 0.005
    written = groups.get("a") or groups.get("b") or groups.get("t") or ""
    digits = re.search(r"\.(\d+)", written)
    if kind is QuantityKind.SHARE:  # percentages are rounded to the digit, never to tens
        return 10.0 ** -(len(digits.group(1)) if digits else 0) / 200
    if digits:
        step = 10.0 ** -len(digits.group(1)) / 2
    else:
        zeros = len(written.replace(",", "")) - len(written.replace(",", "").rstrip("0"))
        # "53,000" is rounded to the thousand; "400" and "100" are taken as written.
        step = 10.0 ** min(zeros, 3) / 2 if len(written.replace(",", "")) > 3 else 0.5
    return step * (value / _number(written) if written and _number(written) else 1.0)
