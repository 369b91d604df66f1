"""Untrusted text from a case is shown as text: nothing embedded, nothing fetched."""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml
from pydantic import BaseModel, ValidationError
from pypdf import PdfReader

from adoptreport import api
from adoptreport.load.problems import CaseError
from adoptreport.models import (
    AssumptionsFile,
    Audience,
    BenchmarksFile,
    CaseFile,
    RequirementsFile,
    VendorsFile,
)
from adoptreport.models.case import default_kinds_of_work
from tests.conftest import pdf_text
from tests.test_render import _rightmost_word

pytestmark = pytest.mark.slow  # end to end: real PDFs, processes or many examples


def _listen() -> tuple[socket.socket, list[bytes]]:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    received: list[bytes] = []

    def serve() -> None:
        while True:
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            received.append(connection.recv(1024) or b"connected")
            connection.close()

    threading.Thread(target=serve, daemon=True).start()
    return server, received


STRUCTURED: dict[str, type[BaseModel]] = {
    "case.yaml": CaseFile,
    "vendors.yaml": VendorsFile,
    "benchmarks.yaml": BenchmarksFile,
    "requirements.yaml": RequirementsFile,
    "assumptions.yaml": AssumptionsFile,
}
LONG_WORD = 300  # an unbroken word in many fields; a text field may hold 2,000 characters
SHOWN_LITERALLY = [
    "<script>alert(1)</script>",
    "<link rel=attachment href=file:///etc/passwd>",
    "{{ 7*7 }}",
    "{% raw %}x{% endraw %}",
    "<b>bold?</b>",
]


def hostile_strings(port: int) -> list[str]:
    loopback = f"http://127.0.0.1:{port}"
    return [
        *SHOWN_LITERALLY,
        f"<img src={loopback}/img.png>",
        f"<style>body{{background:url({loopback}/style)}}</style>",
        f"a url({loopback}/css) b",
        f'"}},"mark":"image","url":"{loopback}/vega","x":"',
        f"</text><image href='{loopback}/svg'/><text>",
        "right-to-left \u202egnp.exe override",
        "control \x07\x1b[31m\x0b\x7f characters",
        "W" * LONG_WORD,
        "a sentence " * 60,
    ]


def _string_leaves(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _string_leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _string_leaves(value, (*path, index))
    elif isinstance(data, str):
        yield path


def _replaced(data: Any, path: tuple[Any, ...], value: str) -> Any:
    if not path:
        return value
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = _replaced(data[path[0]], path[1:], value)
    return copy


def free_text_paths(data: Any, model: type[BaseModel]) -> list[tuple[Any, ...]]:
    """Every string in the file that the model accepts any text in (not ids, enums, codes)."""
    accepted = []
    for path in _string_leaves(data):
        try:
            model.model_validate(_replaced(data, path, "<b>free text?</b> {{ x }}"))
        except ValidationError:
            continue
        accepted.append(path)
    return accepted


def make_hostile(folder: Path, strings: list[str]) -> int:
    """Put the hostile strings, in turn, into every free-text field of every input file."""
    placed = 0
    case = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8"))
    case["kinds_of_work"] = [k.model_dump() for k in default_kinds_of_work()]
    (folder / "case.yaml").write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")
    for file, model in STRUCTURED.items():
        data = yaml.safe_load((folder / file).read_text(encoding="utf-8"))
        for path in free_text_paths(data, model):
            data = _replaced(data, path, strings[placed % len(strings)])
            placed += 1
        (folder / file).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    workforce = pd.read_csv(folder / "workforce.csv", dtype=str, keep_default_na=False)
    workforce["role"] = [strings[(placed + i) % len(strings)] for i in range(len(workforce))]
    workforce.to_csv(folder / "workforce.csv", index=False)
    pilot = pd.read_csv(folder / "pilot.csv", dtype=str, keep_default_na=False)
    pilot.loc[: len(strings) - 1, "hallucination_kinds"] = strings[: len(pilot)]
    pilot.to_csv(folder / "pilot.csv", index=False)
    claims = "\n".join(f"- {s} scores 88.7% on SWE-bench." for s in strings)
    (folder / "claims.md").write_text(f"# Deck\n\n{claims}\n- {'x' * 5000}\n", encoding="utf-8")
    return placed + len(workforce) + len(strings) + 1


@pytest.mark.parametrize("audience", ["full", "procurement"])
def test_hostile_strings_in_every_text_field(
    audience: str, case_copy: Path, tmp_path: Path
) -> None:
    server, received = _listen()
    placed = make_hostile(case_copy, hostile_strings(server.getsockname()[1]))
    assert placed > 60

    out = tmp_path / "report.pdf"
    api.build(case_copy, out, Audience(audience), tmp_path / "tables")
    server.close()

    assert received == []
    raw = out.read_bytes()
    for marker in (b"/EmbeddedFile", b"/FileAttachment", b"/Launch", b"file:", b"root:x:0:0"):
        assert marker not in raw, marker
    reader = PdfReader(out)
    assert not reader.attachments
    links = [
        str(annotation.get_object().get("/A", {}).get("/URI", ""))
        for page in reader.pages
        for annotation in page.get("/Annots", [])
    ]
    assert not [link for link in links if link.startswith("file:") or "127.0.0.1" in link]
    text = pdf_text(out)
    for string in SHOWN_LITERALLY:
        assert string in text, string
    # Controls and direction overrides are written out, not obeyed: "\u202egnp.exe" is no "exe.png".
    assert "right-to-left [U+202E]gnp.exe override" in text
    for control in ("[U+0007]", "[U+001B]", "[U+000B]", "[U+007F]"):
        assert control in text, control
    assert "49" not in re.findall(r"\S+", text[: text.index("{{ 7*7 }}")])[-1:]
    rightmost, width = _rightmost_word(out)
    assert rightmost <= width - 18 / 25.4 * 72 + 1  # nothing past the 18 mm right margin
    roles = pd.read_excel(tmp_path / "tables" / "tables.xlsx", sheet_name=None)
    cells = {str(v) for frame in roles.values() for v in frame.to_numpy().ravel()}
    assert any("[U+0007]" in cell for cell in cells)
    # Looked at by eye when written (`pdftoppm -r 50 -png`): long names wrap inside their cells.


def test_a_text_field_over_the_limit_is_refused_with_the_limit(case_copy: Path) -> None:
    case = yaml.safe_load((case_copy / "case.yaml").read_text(encoding="utf-8"))
    case["organisation"] = "W" * 5000
    (case_copy / "case.yaml").write_text(yaml.safe_dump(case), encoding="utf-8")
    with pytest.raises(CaseError) as error:
        api.validate(case_copy)
    assert [str(p) for p in error.value.problems] == [
        "case.yaml: organisation: string should have at most 2000 characters (got 'WWWWWWWWWWWWW"
        "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW…')"
    ]


def test_control_characters_in_a_chart_label_render_as_svg_and_png() -> None:
    from adoptreport.report.charts import to_png, to_svg

    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": {"values": [{"tool": "bell\x07tool\u202e", "share": 0.5}]},
        "mark": "bar",
        "encoding": {"y": {"field": "tool", "type": "nominal"}, "x": {"field": "share"}},
    }
    assert "bell[U+0007]tool[U+202E]" in to_svg(spec)
    assert to_png(spec).startswith(b"\x89PNG")  # vl-convert aborted the process before
