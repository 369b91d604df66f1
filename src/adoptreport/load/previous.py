"""The previous period's case: found from case.yaml, kept inside the case folder."""

from __future__ import annotations

from pathlib import Path

from adoptreport.load.problems import CaseError, Problem
from adoptreport.models.folder import Case


def previous_case_folder(case: Case) -> Path | None:
    """The folder `previous_case` names, resolved; refuses one outside the case folder.

    A path written in a case is untrusted: only a path given on the command line may lead
    elsewhere (`build --previous`, `diff OLD NEW`).
    """
    named = case.case.previous_case
    if named is None:
        return None
    root = case.root.resolve()
    target = (root / named).resolve()
    if target == root or not target.is_relative_to(root):
        raise CaseError(
            [
                Problem(
                    case.files.get("case", "case.yaml"),
                    "",
                    "previous_case",
                    f"{named!r} leads outside the case folder (to {target}); put the previous "
                    "case inside the case folder, or give it on the command line with --previous",
                )
            ]
        )
    return target
