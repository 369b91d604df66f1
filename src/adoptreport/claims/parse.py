"""Draft text → sentences → what each says: numbers with units, names, kinds of work, clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass

from adoptreport.claims.lexicon import NEGATION, REJECTION, Lexicon
from adoptreport.claims.quantities import NOT_QUANTITIES, Quantity, QuantityKind, read_quantities

__all__ = ["ParsedSentence", "Quantity", "QuantityKind", "Sentence", "parse", "split_sentences"]


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
    rejects: bool = False  # it rejects a plan or reading ("… is not supported by the pilot")

    def negated_at(self, position: int) -> bool:
        """A negation earlier in the same clause ("does not mean …", "we will not cut …")."""
        start = max((s for s in self.clause_starts if s <= position), default=0)
        return NEGATION.search(self.text[start:position]) is not None

    def find(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """The first match of `pattern` that no negation in its clause takes back."""
        return next(
            (m for m in pattern.finditer(self.masked) if not self.negated_at(m.start())), None
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
    fenced = quoted = commented = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        # An HTML comment (the starter's instructions) is for the writer, not a claim.
        opens = not fenced and "<!--" in raw
        skip = fenced or commented or opens or bool(_SKIP_LINE.match(raw)) or not raw.strip()
        commented = (commented or opens) and "-->" not in raw.split("<!--")[-1]
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


def parse(sentence: Sentence, lexicon: Lexicon) -> ParsedSentence:
    """Read one sentence for numbers, names and clause boundaries."""
    text = sentence.text
    masked = _mask(text, lexicon)
    return ParsedSentence(
        line=sentence.line,
        text=text,
        masked=masked,
        quantities=read_quantities(text, masked),
        tools=_named(text, lexicon.tools),
        benchmarks=_named(text, lexicon.benchmarks),
        kinds=tuple(
            dict.fromkeys(kind for pattern, kind in lexicon.kinds if pattern.search(masked))
        ),
        teams=_named(text, lexicon.teams),
        clause_starts=(0, *(m.end() for m in _CLAUSE.finditer(text))),
        rejects=REJECTION.search(text) is not None,
    )


_CLAUSE = re.compile(
    r"[,;:()]|\s[–—-]\s|\b(?:but|which|although|though|while|whereas|yet|so|because|since|and)\b",
    re.IGNORECASE,
)


def _mask(text: str, lexicon: Lexicon) -> str:
    """The text with names and dates blanked out, keeping every offset."""

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"\S", "_", match.group())

    return NOT_QUANTITIES.sub(
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
