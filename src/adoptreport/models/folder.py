"""The validated contents of one case folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from adoptreport.models.assumptions import AssumptionsFile
from adoptreport.models.benchmarks import BenchmarksFile
from adoptreport.models.case import CaseFile
from adoptreport.models.requirements import RequirementsFile
from adoptreport.models.vendors import VendorsFile
from adoptreport.models.workforce import Team

# The pilot table after validation: one column per PilotAttempt field plus `source_row`,
# the row's number as a person sees it in the file (CSV line, or spreadsheet row).
SOURCE_ROW = "source_row"


@dataclass(frozen=True)
class Case:
    root: Path
    case: CaseFile
    benchmarks: BenchmarksFile
    vendors: VendorsFile
    requirements: RequirementsFile
    workforce: tuple[Team, ...]
    workforce_rows: tuple[int, ...]  # the file row of each team
    assumptions: AssumptionsFile
    pilot: pd.DataFrame
    files: dict[str, str]  # role ("pilot", "workforce", ...) -> file name inside the case
    claims_text: str | None = None

    def file(self, role: str) -> str:
        """The file name of a role ("requirements"), or its usual name when the optional
        file is absent (its defaults stand in, and evidence still names where they belong)."""
        return self.files.get(role, f"{role}.yaml")
