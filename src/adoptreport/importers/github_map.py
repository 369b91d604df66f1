"""The `--map` of `import github-prs`: how each AI tool shows in a pull request, and which
labels mean which kind of work. Without a map, the built-in one below is used.

    tools:
      claude-code:                      # the tool id in vendors.yaml and pilot.csv
        name: Claude Code
        vendor: anthropic
        vendor_name: Anthropic
        labels: [ai-assisted]           # PR labels (case-insensitive, whole name)
        co_authors: [noreply@anthropic.com]   # text in a `Co-authored-by:` trailer
        markers: [generated with [claude code]]  # text in the PR body or a commit message
        authors: []                     # PR author logins (agents that open PRs)
    kinds:                              # label → kind of work (case-insensitive)
      bug: isolated_bugfix
    default_kind: small_feature         # PRs with no kind label; blank: left out and counted
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from adoptreport.importers.batch import SourceError
from adoptreport.importers.yaml_text import load_yaml
from adoptreport.models.common import Identifier, InputModel, Text

Sign = str  # lower-cased text searched for


class ToolSigns(InputModel):
    name: Text | None = None
    vendor: Identifier
    vendor_name: Text | None = None
    labels: list[Sign] = Field(default_factory=list)
    co_authors: list[Sign] = Field(default_factory=list)
    markers: list[Sign] = Field(default_factory=list)
    authors: list[Sign] = Field(default_factory=list)


class PrMap(InputModel):
    tools: dict[Identifier, ToolSigns] = Field(default_factory=dict)
    kinds: dict[str, Identifier] = Field(default_factory=dict)
    default_kind: Identifier | None = Field(default=None)


BUILT_IN: dict[str, Any] = {
    "tools": {
        "claude-code": {
            "name": "Claude Code",
            "vendor": "anthropic",
            "vendor_name": "Anthropic",
            "co_authors": ["noreply@anthropic.com"],
            "markers": ["generated with [claude code]", "generated with claude code"],
        },
        "github-copilot": {
            "name": "GitHub Copilot",
            "vendor": "github",
            "vendor_name": "GitHub",
            "co_authors": ["copilot@users.noreply.github.com"],
            "authors": ["copilot", "app/copilot-swe-agent", "copilot-swe-agent"],
        },
        "cursor": {
            "name": "Cursor",
            "vendor": "anysphere",
            "vendor_name": "Anysphere",
            "co_authors": ["cursoragent@cursor.com"],
        },
        "aider": {
            "name": "Aider",
            "vendor": "aider",
            "vendor_name": "Aider",
            "co_authors": ["noreply@aider.chat"],
        },
        "devin": {
            "name": "Devin",
            "vendor": "cognition",
            "vendor_name": "Cognition",
            "authors": ["devin-ai-integration", "app/devin-ai-integration"],
        },
    },
    "kinds": {
        "bug": "isolated_bugfix",
        "documentation": "tests_and_docs",
        "docs": "tests_and_docs",
        "tests": "tests_and_docs",
        "enhancement": "small_feature",
        "feature": "small_feature",
        "refactor": "multi_file_refactor",
        "refactoring": "multi_file_refactor",
    },
}


def load_map(path: Path | None) -> PrMap:
    """The map in `path` (lower-cased), or the built-in one."""
    if path is None:
        return _lowered(PrMap.model_validate(BUILT_IN))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourceError(path, "$", "no such file") from None
    try:
        return _lowered(PrMap.model_validate(load_yaml(text, path)))
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "$"
        raise SourceError(path, where, first["msg"]) from None


def _lowered(mapping: PrMap) -> PrMap:
    tools = {
        tool: signs.model_copy(
            update={
                key: [s.lower() for s in getattr(signs, key)]
                for key in ("labels", "co_authors", "markers", "authors")
            }
        )
        for tool, signs in mapping.tools.items()
    }
    kinds = {label.lower(): kind for label, kind in mapping.kinds.items()}
    return mapping.model_copy(update={"tools": tools, "kinds": kinds})
