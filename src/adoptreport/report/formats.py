"""What a build can produce besides the default A4 PDF: paper sizes and output formats."""

from __future__ import annotations

from enum import StrEnum


class Paper(StrEnum):
    """Page sizes; the value is the CSS `@page` size."""

    A4 = "a4"
    LETTER = "letter"


class OutputFormat(StrEnum):
    PDF = "pdf"
    HTML = "html"
    JSON = "json"
