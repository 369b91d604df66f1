"""What a rule says about a sentence: a verdict, the reason, and the statements behind it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from adoptreport.claims.evidence import CaseFigures
from adoptreport.claims.parse import ParsedSentence


class ClaimVerdict(StrEnum):
    BLOCKED_EXTRAPOLATION = "blocked-extrapolation"
    BLOCKED_CONTRADICTED = "blocked-contradicted"
    WARNING_UNGROUNDED = "warning-ungrounded"
    WARNING_OVERCLAIM = "warning-overclaim"
    OK = "ok"

    @property
    def blocked(self) -> bool:
        return self.value.startswith("blocked")


SEVERITY = tuple(ClaimVerdict)  # most severe first


@dataclass(frozen=True)
class Hit:
    rule: str
    verdict: ClaimVerdict
    reason: str
    statements: tuple[str, ...] = ()  # statement ids: the support, or the grounded alternative


Rule = Callable[[ParsedSentence, CaseFigures], Hit | None]
