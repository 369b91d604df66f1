"""Untrusted text from a case is shown as text: nothing embedded, nothing fetched."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import yaml
from pypdf import PdfReader

from adoptreport import api
from tests.conftest import pdf_text


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


def test_hostile_strings_render_literally(case_copy: Path, tmp_path: Path) -> None:
    server, received = _listen()
    port = server.getsockname()[1]
    hostile = [
        "<link rel=attachment href=file:///etc/passwd>",
        f"<img src=http://127.0.0.1:{port}/x.png>",
        "<script>alert(1)</script>",
        "{{ 7*7 }}",
        f"<style>body{{background:url(http://127.0.0.1:{port}/bg)}}</style>",
    ]
    case = yaml.safe_load((case_copy / "case.yaml").read_text())
    case["organisation"] = hostile[0]
    case["title"] = hostile[1] + " " + hostile[3]
    (case_copy / "case.yaml").write_text(yaml.safe_dump(case))
    vendors = yaml.safe_load((case_copy / "vendors.yaml").read_text())
    vendors["vendors"][0]["tools"][0]["name"] = hostile[2]
    vendors["vendors"][1]["name"] = hostile[4]
    (case_copy / "vendors.yaml").write_text(yaml.safe_dump(vendors))

    out = tmp_path / "hostile.pdf"
    api.build(case_copy, out)
    server.close()

    text = pdf_text(out)
    for string in hostile[:4]:  # shown literally: "{{ 7*7 }}" was not evaluated to 49
        assert string in text, string
    raw = out.read_bytes()
    assert b"/EmbeddedFile" not in raw
    assert not PdfReader(out).attachments
    assert b"root:x:0:0" not in raw
    assert received == []
