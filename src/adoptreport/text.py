"""Text from a case, made printable: control characters shown as their code point."""

from __future__ import annotations

import re

# C0 and C1 controls except tab and line breaks, and the non-characters XML cannot hold: no font
# draws them (WeasyPrint would print an empty box) and vl-convert aborts on one in an SVG label.
# Bidirectional overrides and isolates too: "\u202egnp.exe" would be shown as "exe.png".
UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]"
)


def visible_controls(text: str) -> str:
    """`text` with each control character written as `[U+0007]`, so it is shown, not dropped."""
    return UNPRINTABLE.sub(lambda match: f"[U+{ord(match.group()):04X}]", text)


LONG_WORD = re.compile(r"\S{30,}")
BREAK_EVERY = 20


def breakable(text: str) -> str:
    """`text` with a zero-width space after every 20 characters of a word over 30 long (a URL,
    a 2,000-character name), so it wraps in its table cell instead of running off the page.
    CSS `overflow-wrap: anywhere` would do the same but doubles WeasyPrint's layout time."""
    return LONG_WORD.sub(
        lambda m: "\u200b".join(
            m.group()[i : i + BREAK_EVERY] for i in range(0, len(m.group()), BREAK_EVERY)
        ),
        text,
    )
