"""Context fit: each vendor's context window against each of the organisation's codebases."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from adoptreport.analysis.evidence import RecordRef
from adoptreport.analysis.stats import Interval
from adoptreport.models.case import Codebase

# Bytes → tokens: about 4 bytes of source text per token for the BPE tokenizers that coding
# models use, between 3 (dense code, non-ASCII text) and 5 (long identifiers, whitespace).
BYTES_PER_TOKEN = 4.0
BYTES_PER_TOKEN_LOW = 3.0
BYTES_PER_TOKEN_HIGH = 5.0


def tokens_from_bytes(size: int) -> Interval:
    """Estimated tokens in `size` bytes of text: point bytes/4, range bytes/5 to bytes/3.

    The interval is a stated plausible range, not a confidence interval (level 1.0).
    """
    return Interval(
        size / BYTES_PER_TOKEN_HIGH, size / BYTES_PER_TOKEN, size / BYTES_PER_TOKEN_LOW, 1.0
    )


@dataclass(frozen=True)
class CodebaseSize:
    name: str
    tokens: Interval  # low = point = high when case.yaml states tokens
    estimated: bool  # converted from bytes by the stated rule
    evidence: RecordRef


def codebase_sizes(codebases: list[Codebase], case_file: str) -> tuple[CodebaseSize, ...]:
    sizes = []
    for index, codebase in enumerate(codebases):
        ref = RecordRef(case_file, f"codebases[{index}]", codebase.name)
        if codebase.tokens is not None:
            exact = float(codebase.tokens)
            sizes.append(
                CodebaseSize(codebase.name, Interval(exact, exact, exact, 1.0), False, ref)
            )
        else:
            assert codebase.bytes is not None  # the model requires one of the two
            sizes.append(CodebaseSize(codebase.name, tokens_from_bytes(codebase.bytes), True, ref))
    return tuple(sizes)


class Fit(StrEnum):
    FITS = "fits"
    MAY_FIT = "may fit"  # the window lies inside the codebase's estimated range
    PARTLY = "partly"  # the window holds only a share of the codebase
    UNKNOWN = "unknown"  # the vendor states no context window


@dataclass(frozen=True)
class ContextFit:
    codebase: CodebaseSize
    window: int | None
    fit: Fit
    share: float | None  # window / tokens (point), below 1 when only part fits


def context_fit(window: int | None, codebase: CodebaseSize) -> ContextFit:
    tokens = codebase.tokens
    if window is None:
        return ContextFit(codebase, None, Fit.UNKNOWN, None)
    if window >= tokens.high:
        return ContextFit(codebase, window, Fit.FITS, None)
    share = min(1.0, window / tokens.point) if tokens.point > 0 else None
    fit = Fit.MAY_FIT if window >= tokens.low else Fit.PARTLY
    return ContextFit(codebase, window, fit, share)
