"""A build killed at any moment leaves the previous report whole, and no file mistaken for it."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from adoptreport import api
from adoptreport.report.files import remove_stale_temporaries

pytestmark = pytest.mark.slow  # end to end: real PDFs, processes or many examples

SEED = 20261124
KILLS = 4
# Builds the case over and over into the same output, saying when the imports are done.
BUILDER = """
import sys
from adoptreport import api
print("ready", flush=True)
while True:
    api.build(sys.argv[1], sys.argv[2])
"""


def test_sigkill_during_build_leaves_the_previous_report(case_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    previous = api.build(case_copy, out).pdf
    case = yaml.safe_load((case_copy / "case.yaml").read_text(encoding="utf-8"))
    case["title"] = "A newer report"
    (case_copy / "case.yaml").write_text(yaml.safe_dump(case), encoding="utf-8")
    newer = api.build(case_copy, tmp_path / "reference.pdf").pdf
    assert newer != previous

    moments = random.Random(SEED)
    for _ in range(KILLS):
        out.write_bytes(previous)
        with subprocess.Popen(
            [sys.executable, "-c", BUILDER, str(case_copy), str(out)],
            stdout=subprocess.PIPE,
            text=True,
        ) as child:
            assert child.stdout is not None and child.stdout.readline() == "ready\n"
            time.sleep(moments.uniform(0.0, 2.5))  # a moment in the first build or two
            os.kill(child.pid, signal.SIGKILL)
        assert out.read_bytes() in (previous, newer)  # whole: the old one, or the new one
        others = {p.name for p in tmp_path.iterdir()} - {"case", "report.pdf", "reference.pdf"}
        assert all(name.startswith(".report.pdf.") and name.endswith(".tmp") for name in others)


def test_a_killed_writers_temporary_file_is_removed_by_the_next_build(
    case_copy: Path, tmp_path: Path
) -> None:
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        text=True,
        capture_output=True,
        check=True,
    )
    dead = int(child.stdout)  # a process that has ended
    stale = tmp_path / f".report.pdf.{dead}.abc123.tmp"
    stale.write_bytes(b"%PDF-1.7 half a report")
    alive = tmp_path / f".report.pdf.{os.getpid()}.def456.tmp"  # a build still running
    alive.write_bytes(b"%PDF-1.7 being written")
    api.build(case_copy, tmp_path / "report.pdf")
    assert not stale.exists()
    assert alive.exists()
    assert remove_stale_temporaries(tmp_path / "report.pdf") == []
