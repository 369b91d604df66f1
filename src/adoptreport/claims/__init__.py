"""check-claims: draft sentences from a deck judged against the case's evidence.

Sits after `statements`: it reads the case, the findings and the statements, and nothing
before it imports it. `claims_review` is what a report view calls for a "Claims review".
"""

from adoptreport.claims.check import ClaimReview, ClaimsReview, check_text, claims_review
from adoptreport.claims.report import as_table
from adoptreport.claims.verdict import ClaimVerdict

__all__ = [
    "ClaimReview",
    "ClaimVerdict",
    "ClaimsReview",
    "as_table",
    "check_text",
    "claims_review",
]
