"""What a person reads where the case has an id: labels for assumptions and requirements."""

from __future__ import annotations

from adoptreport.models.requirements import requirement_label

__all__ = ["assumption_label", "requirement_label"]


def assumption_label(number: int) -> str:
    """An assumption as the report names it: its place in assumptions.yaml, counted from 1."""
    return f"Assumption {number}"
