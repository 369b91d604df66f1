"""A build on a machine without libharfbuzz-subset0: the PDF is still built, the same bytes
each time, and one line says what to install. Run for real in child processes where the
library cannot be loaded: the C library loader (cffi) refuses it, WeasyPrint itself is as
installed and falls back to fontTools on its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from adoptreport.report.render import SUBSET_NOTE
from tests.conftest import DEFAULT_CASE, pdf_text

# Runs the CLI after making cffi unable to open any HarfBuzz-Subset library, as on a machine
# where the package is not installed (WeasyPrint tries several names; each one fails).
WITHOUT_HARFBUZZ_SUBSET = """
import sys
import cffi.api

_dlopen = cffi.api.FFI.dlopen

def dlopen(self, name, *args, **kwargs):
    if isinstance(name, str) and "harfbuzz-subset" in name:
        raise OSError(f"cannot load library {name!r}: not installed on this machine")
    return _dlopen(self, name, *args, **kwargs)

cffi.api.FFI.dlopen = dlopen
import weasyprint.text.ffi

assert weasyprint.text.ffi.harfbuzz_subset is None, "HarfBuzz-Subset was loaded after all"
from adoptreport.cli.app import main

sys.argv = ["adoptreport", *sys.argv[1:]]
main()
"""


def _build_without_subset(out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    env.pop("PYTHONWARNINGS", None)  # as a user runs it
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_HARFBUZZ_SUBSET, "build", str(DEFAULT_CASE), "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )


@pytest.mark.slow
def test_a_build_without_harfbuzz_subset_writes_the_same_pdf_and_says_what_to_install(
    tmp_path: Path, default_report: tuple[object, Path, str]
) -> None:
    _, with_subset, text = default_report
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    for out in (first, second):
        result = _build_without_subset(out)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"wrote {out} (")
        assert result.stderr == SUBSET_NOTE + "\n"  # one line, and no warning or traceback
    assert "apt-get install libharfbuzz-subset0" in SUBSET_NOTE
    assert first.read_bytes()[:5] == b"%PDF-"
    assert first.read_bytes() == second.read_bytes()  # byte-identical across rebuilds
    assert first.read_bytes() != with_subset.read_bytes()  # fontTools did subset these fonts
    assert pdf_text(first) == text  # and the reader sees the same report
