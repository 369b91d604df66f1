"""A period diff → statements: what changed since the previous period, with its evidence."""

from __future__ import annotations

from adoptreport.analysis.diff import KindChange, PeriodDiff, RateChange
from adoptreport.analysis.evidence import Evidence, RecordRef
from adoptreport.statements import formatting as fmt
from adoptreport.statements.catalogue import state
from adoptreport.statements.model import Number, Section, Statement, StatementKind, Unit
from adoptreport.statements.numbers import counted, proportion, with_interval

NOT_IN_CASE = "not in the case"
DETECTED = {
    True: "a detectable change",
    False: "no detectable difference",
    None: "too few attempts in one period to tell",
}


def change_statements(diff: PeriodDiff, evidence: tuple[Evidence, ...] = ()) -> list[Statement]:
    """Per kind of work, then verdict changes, tools, vendors and assumptions, then the rule."""
    periods = {"old_period": diff.old_period, "new_period": diff.new_period}
    out = [_kind(k, periods) for k in diff.kinds]
    out += [
        state(
            f"change.verdict.{k.kind}",
            Section.CHANGES,
            StatementKind.FINDING,
            "change_verdict",
            {},
            {
                "kind": k.label,
                "old_verdict": k.old_verdict.value if k.old_verdict else NOT_IN_CASE,
                "new_verdict": k.new_verdict.value if k.new_verdict else NOT_IN_CASE,
                "old_period": diff.old_period,
            },
            (k.old_evidence, k.new_evidence),
        )
        for k in diff.kinds
        if k.verdict_changed
    ]
    for what, added, dropped, file in (
        ("tools", diff.tools_added, diff.tools_dropped, "vendors.yaml"),
        ("vendors", diff.vendors_added, diff.vendors_dropped, "vendors.yaml"),
    ):
        ref = (RecordRef(file, "vendors", what),)
        if added:
            words = {"what": what, "names": ", ".join(added), "new_period": diff.new_period}
            out.append(_plain(f"change.{what}.added", "change_added", words, ref))
        if dropped:
            words = {"what": what, "names": ", ".join(dropped), "old_period": diff.old_period}
            out.append(_plain(f"change.{what}.dropped", "change_dropped", words, ref))
    out += [
        _plain(
            f"change.assumption.{a.id}",
            "change_assumption",
            {
                "id": a.id,
                "old_verdict": a.old.value if a.old else NOT_IN_CASE,
                "new_verdict": a.new.value if a.new else NOT_IN_CASE,
                "old_period": diff.old_period,
            },
            (RecordRef("assumptions.yaml", "assumptions", a.id),),
        )
        for a in diff.assumptions
    ]
    level = Number("confidence_level", diff.level, Unit.CONFIDENCE, f"{diff.level * 100:g}%")
    compared = sum(
        1 for k in diff.kinds for c in (k.acceptance, k.saved_fraction) if c.detectable is not None
    )
    out.append(
        state(
            "change.rule",
            Section.CHANGES,
            StatementKind.CAVEAT,
            "change_rule",
            {
                "level": level,
                "minimum": counted("min_tasks_per_cell", diff.minimum),
                "compared": counted("changes_compared", compared),
                "rate": Number(
                    "false_discovery_rate",
                    1 - diff.level,
                    Unit.PROPORTION,
                    f"{(1 - diff.level) * 100:.0f}%",
                ),
            },
            {},
            evidence,
        )
    )
    return out


def _plain(id: str, key: str, words: dict[str, str], evidence: tuple[Evidence, ...]) -> Statement:
    return state(id, Section.CHANGES, StatementKind.FINDING, key, {}, words, evidence)


def _kind(k: KindChange, periods: dict[str, str]) -> Statement:
    evidence = (k.old_evidence, k.new_evidence)
    words = {"kind": k.label, **periods}
    numbers: dict[str, Number]
    if k.acceptance.difference is None:
        key = "change_kind_unmatched"
        numbers = {
            "old_attempts": counted("old_attempts", k.old_attempts),
            "new_attempts": counted("new_attempts", k.new_attempts),
        }
    else:
        numbers = _change_numbers("acceptance", k.acceptance, Unit.PROPORTION)
        words["acceptance_detected"] = DETECTED[k.acceptance.detectable]
        if k.saved_fraction.difference is None:
            key = "change_kind_acceptance_only"
        else:
            key = "change_kind"
            numbers |= _change_numbers("saved", k.saved_fraction, Unit.SAVED_FRACTION)
            words["saved_detected"] = DETECTED[k.saved_fraction.detectable]
    return state(
        f"change.kind.{k.kind}",
        Section.CHANGES,
        StatementKind.FINDING,
        key,
        numbers,
        words,
        evidence,
    )


def _change_numbers(name: str, change: RateChange, unit: Unit) -> dict[str, Number]:
    assert change.old is not None and change.new is not None and change.difference is not None
    return {
        f"old_{name}": proportion(f"old_{name}", change.old, unit),
        f"new_{name}": proportion(f"new_{name}", change.new, unit),
        f"{name}_change": with_interval(
            f"{name}_change",
            Unit.PERCENTAGE_POINTS,
            change.difference,
            fmt.points_interval(change.difference),
        ),
    }
