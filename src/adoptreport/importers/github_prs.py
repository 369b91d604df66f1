"""`gh pr list --state all --json number,title,body,labels,author,createdAt,mergedAt,closedAt,
state,reviews,commits,additions,deletions,changedFiles` → pilot rows.

Field mapping (also in `adoptreport import github-prs --help` and the README):
  number            → task_id `pr-<number>` (--prefix: another prefix, e.g. one per repo)
  AI involvement    → tool, from the map: a label, the PR author (an agent), a `Co-authored-by:`
                      trailer or commit author of a known assistant, a marker ("Generated with
                      …") in the body or a commit message; none found → arm `control`, tool blank
  labels            → kind of work via the map (else its default_kind; else left out, counted)
  state MERGED      → outcome merged; CLOSED → rejected; OPEN → left out and counted
  author.login      → engineer
  createdAt         → date; reviews[].submittedAt → hours_to_first_review (elapsed, not effort)
  mergedAt          → hours_to_merge (elapsed hours since createdAt, not effort)
  changedFiles      → files_touched
Minutes of work, review or rework, tokens, cost, defects: not in the source, left blank. A
comparison of AI rows with control rows from this source is observational, not randomised.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from adoptreport.importers.batch import (
    IDENTIFIER,
    Batch,
    KindNeeded,
    SourceError,
    ToolNeeded,
    identifier,
    label_of,
    number,
    read_json,
)
from adoptreport.importers.github_map import PrMap
from adoptreport.models.case import DEFAULT_KINDS_OF_WORK

CO_AUTHOR = re.compile(r"^\s*co-authored-by:(.*)$", re.IGNORECASE | re.MULTILINE)
STATES = ("OPEN", "CLOSED", "MERGED")
DEFAULT_LABELS = {kind: label for kind, label, _ in DEFAULT_KINDS_OF_WORK}


@dataclass(frozen=True)
class Signs:
    """The map, indexed for a fast pass over many pull requests."""

    labels: dict[str, str]
    authors: dict[str, str]
    co_authors: tuple[tuple[str, str], ...]
    markers: tuple[tuple[str, str], ...]
    kinds: dict[str, str]
    default_kind: str | None

    @classmethod
    def of(cls, mapping: PrMap, default_kind: str | None) -> Signs:
        def index(key: str) -> dict[str, str]:
            return {s: t for t, signs in mapping.tools.items() for s in getattr(signs, key)}

        return cls(
            index("labels"),
            index("authors"),
            tuple(index("co_authors").items()),
            tuple(index("markers").items()),
            mapping.kinds,
            default_kind or mapping.default_kind,
        )


class _Reader:
    """Typed access to one pull request, errors naming the file and JSON path."""

    def __init__(self, path: Path, pr: Any, at: int) -> None:
        self.path, self.where = path, f"$[{at}]"
        if not isinstance(pr, dict):
            self.fail("", "must be an object (one pull request)")
        self.pr: dict[str, Any] = pr
        self.labels: list[str] = []

    def fail(self, field: str, message: str) -> None:
        raise SourceError(self.path, f"{self.where}{field}", message)

    def items(self, key: str) -> list[dict[str, Any]]:
        value = self.pr.get(key) or []
        if type(value) is not list or any(type(v) is not dict for v in value):
            self.fail(f".{key}", f"must be a list of objects (got {value!r:.60})")
        return value

    def time(self, value: Any, field: str) -> dt.datetime | None:
        if value is None or value == "":
            return None
        try:
            return dt.datetime.fromisoformat(str(value))
        except ValueError:
            self.fail(field, f"must be an ISO 8601 time (got {value!r:.60})")
            raise  # unreachable: fail raises

    def text(self, key: str) -> str:
        value = self.pr.get(key)
        return value if isinstance(value, str) else ""


def _hours(start: dt.datetime, end: dt.datetime | None) -> str:
    if end is None or end < start:
        return ""
    return number((end - start).total_seconds() / 3600)


def _tool(pr: _Reader, labels: list[str], login: str, signs: Signs) -> list[str]:
    """Every tool the PR shows, in the order: labels, author, trailers and commit authors,
    markers."""
    found = [signs.labels[name] for name in labels if name in signs.labels]
    if login in signs.authors:
        found.append(signs.authors[login])
    texts = [pr.text("body")]
    people = []
    for at, commit in enumerate(pr.items("commits")):
        texts += (commit.get("messageHeadline") or "", commit.get("messageBody") or "")
        authors = commit.get("authors") or []
        if not isinstance(authors, list):
            pr.fail(f".commits[{at}].authors", "must be a list")
        people += [str(v) for a in authors if isinstance(a, dict) for v in a.values() if v]
    text = "\n".join(texts).lower()
    named = "\n".join(people).lower()
    if "co-authored-by" in text:
        named += "\n" + "\n".join(CO_AUTHOR.findall(text))
    found += [tool for sign, tool in signs.co_authors if sign in named]
    found += [tool for sign, tool in signs.markers if sign in text]
    return list(dict.fromkeys(found))


def _first_review(pr: _Reader, login: str) -> dt.datetime | None:
    times = []
    for at, review in enumerate(pr.items("reviews")):
        author = review.get("author")
        who = author.get("login") if isinstance(author, dict) else None
        if who is not None and str(who).lower() == login:
            continue  # an author's own comment is not a review
        when = pr.time(review.get("submittedAt"), f".reviews[{at}].submittedAt")
        if when is not None:
            times.append(when)
    return min(times) if times else None


def _basics(pr: _Reader) -> tuple[int, str, dt.datetime, list[str], str]:
    """number, state, opened, label names (lower-cased) and author login of a PR."""
    num = pr.pr.get("number")
    if not isinstance(num, int) or isinstance(num, bool) or num < 1:
        pr.fail(".number", f"must be a positive whole number (got {num!r:.60})")
    state = pr.pr.get("state")
    if state not in STATES:
        pr.fail(".state", f"must be one of {', '.join(STATES)} (got {state!r:.60})")
    opened = pr.time(pr.pr.get("createdAt"), ".createdAt")
    if opened is None:
        pr.fail(".createdAt", "missing: ask gh for createdAt")
    labels = []
    for at, label in enumerate(pr.items("labels")):
        name = label.get("name")
        if not isinstance(name, str):
            pr.fail(f".labels[{at}].name", f"must be text (got {name!r:.60})")
        labels.append(str(name).lower())
    pr.labels = labels
    author = pr.pr.get("author")
    login = str(author.get("login") or "ghost") if isinstance(author, dict) else "ghost"
    return num, str(state), opened, labels, login.lower()  # type: ignore[return-value]


def _row(
    pr: _Reader, signs: Signs, source: str, tally: Counter[str], prefix: str
) -> dict[str, str] | None:
    num, state, opened, labels, login = _basics(pr)
    if state == "OPEN":
        tally["still open"] += 1
        return None
    tools = _tool(pr, labels, login, signs)
    author = pr.pr.get("author")
    if not tools and isinstance(author, dict) and author.get("is_bot"):
        tally["opened by a bot with no AI tool found"] += 1
        return None
    if len(tools) > 1:
        tally["(kept) several AI tools shown; the first found is used"] += 1
    kind = next((signs.kinds[name] for name in labels if name in signs.kinds), signs.default_kind)
    if kind is None:
        tally["no kind-of-work label in the map (and no default kind)"] += 1
        return None
    merged = pr.time(pr.pr.get("mergedAt"), ".mergedAt")
    files = pr.pr.get("changedFiles")
    return {
        "task_id": f"{prefix}{num}",
        "tool": tools[0] if tools else "",
        "kind_of_work": kind,
        "outcome": "merged" if state == "MERGED" else "rejected",
        "arm": "ai" if tools else "control",
        "engineer": identifier(login),
        "files_touched": str(files) if isinstance(files, int) and files >= 0 else "",
        "date": opened.date().isoformat(),
        "hours_to_first_review": _hours(opened, _first_review(pr, login)),
        "hours_to_merge": _hours(opened, merged) if state == "MERGED" else "",
        "source": source,
    }


def import_github_prs(
    path: Path,
    *,
    mapping: PrMap,
    default_kind: str | None = None,
    source: str | None = None,
    task_prefix: str = "pr-",
) -> Batch:
    """One pilot row per closed or merged pull request in `gh pr list --json` output."""
    prs = read_json(path)
    if not isinstance(prs, list):
        raise SourceError(path, "$", "must be a list of pull requests (gh pr list --json …)")
    source = source or f"github-prs:{path.name}"
    if not IDENTIFIER.match(f"{task_prefix}1"):
        raise SourceError(
            path,
            "--prefix",
            f"task ids must start with a letter or digit "
            f"and hold only letters, digits and _ . : - (got {task_prefix!r})",
        )
    signs = Signs.of(mapping, default_kind)
    tally: Counter[str] = Counter()
    rows = []
    unknown: Counter[str] = Counter()
    known = signs.labels.keys() | signs.kinds.keys()
    for at, item in enumerate(prs):
        pr = _Reader(path, item, at)
        row = _row(pr, signs, source, tally, task_prefix)
        if row is not None:
            rows.append(row)
            unknown.update(n for n in pr.labels if n not in known)
    tools = sorted({row["tool"] for row in rows if row["tool"]})
    needed = tuple(_tool_needed(tool, mapping) for tool in tools)
    kinds = tuple(
        KindNeeded(k, label_of(k, DEFAULT_LABELS))
        for k in dict.fromkeys(r["kind_of_work"] for r in rows)
    )
    notes: tuple[str, ...] = ()
    if unknown:
        names = ", ".join(f"{name} ({count})" for name, count in sorted(unknown.items())[:10])
        notes = (f"labels not in the map, ignored: {names}",)
    kept = {k: v for k, v in tally.items() if k.startswith("(kept)")}
    left_out = {k: v for k, v in tally.items() if k not in kept}
    notes += tuple(f"{k.removeprefix('(kept) ')}: {v}" for k, v in kept.items())
    return Batch("github-prs", source, tuple(rows), needed, kinds, left_out, notes)


def _tool_needed(tool: str, mapping: PrMap) -> ToolNeeded:
    signs = mapping.tools[tool]
    return ToolNeeded(tool, signs.vendor, signs.name or tool, signs.vendor_name or signs.vendor)
