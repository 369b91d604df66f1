"""Findings → Statement records, worded from the sentence catalogue."""

from adoptreport.statements.build import build_statements
from adoptreport.statements.model import Number, Section, Statement, StatementKind, Unit

__all__ = ["Number", "Section", "Statement", "StatementKind", "Unit", "build_statements"]
