"""Input models: one per case file. The typed schema is the contract of a case folder."""

from adoptreport.models.assumptions import Assumption, AssumptionsFile
from adoptreport.models.benchmarks import BenchmarkClaim, BenchmarksFile
from adoptreport.models.case import Audience, CaseFile, KindOfWork, Policy
from adoptreport.models.common import SourceGrade
from adoptreport.models.pilot import ACCEPTED_OUTCOMES, Outcome, PilotAttempt
from adoptreport.models.requirements import RequirementsFile
from adoptreport.models.vendors import Tool, Vendor, VendorsFile
from adoptreport.models.workforce import Team

__all__ = [
    "ACCEPTED_OUTCOMES",
    "Assumption",
    "AssumptionsFile",
    "Audience",
    "BenchmarkClaim",
    "BenchmarksFile",
    "CaseFile",
    "KindOfWork",
    "Outcome",
    "PilotAttempt",
    "Policy",
    "RequirementsFile",
    "SourceGrade",
    "Team",
    "Tool",
    "Vendor",
    "VendorsFile",
]
