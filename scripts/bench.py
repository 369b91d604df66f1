"""Benchmark `validate` and `build` on large pilots, next to the floor measured in the same run.

    python scripts/bench.py [--rows 10000,100000,1000000] [--parquet-10m] [--work DIR]

For each size it writes a case folder (a copy of the default case in inputs/ whose pilot is
resampled, seeded, to that many rows with unique task ids; about a fifth of them come from the
default case's randomised study, so they carry engineers and ai / control arms), then runs, each in a fresh child
process: `adoptreport validate`, `adoptreport build`, reading the pilot with pyarrow alone, and
importing WeasyPrint and rendering a one-line PDF. Wall time is measured around the child;
peak memory is the child's maximum resident set size (resource.getrusage(RUSAGE_CHILDREN),
taken per run as each run is the only child alive). Prints a markdown table.

Not a timed test: numbers depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CASE = ROOT / "inputs"
SEED = 20261124

PYARROW_FLOOR = """
import sys, pyarrow.csv, pyarrow.parquet
path = sys.argv[1]
table = pyarrow.parquet.read_table(path) if path.endswith(".parquet") else pyarrow.csv.read_csv(path)
print(table.num_rows)
"""

WEASYPRINT_FLOOR = """
import sys, weasyprint
weasyprint.HTML(string="<p>floor</p>").write_pdf(sys.argv[1])
"""


def make_case(rows: int, folder: Path, parquet: bool) -> Path:
    """A copy of the default case with a pilot of `rows` rows resampled from the default one."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(DEFAULT_CASE, folder)
    source = pd.read_csv(DEFAULT_CASE / "pilot.csv", dtype=str, keep_default_na=False)
    rng = np.random.default_rng(SEED + rows)
    pilot = source.iloc[rng.integers(0, len(source), size=rows)].reset_index(drop=True)
    pilot["task_id"] = [f"T{i:08d}" for i in range(rows)]
    (folder / "pilot.csv").unlink()
    if parquet:
        typed = pilot.replace("", None)
        numeric = [c for c in typed.columns if c.endswith("_minutes")] + [
            "hallucinations",
            "escaped_defects",
            "files_touched",
            "services_touched",
        ]
        typed[numeric] = typed[numeric].apply(pd.to_numeric)
        typed["date"] = pd.to_datetime(typed["date"])
        typed.to_parquet(folder / "pilot.parquet", index=False)
        return folder / "pilot.parquet"
    pilot.to_csv(folder / "pilot.csv", index=False)
    return folder / "pilot.csv"


def page_count(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def run(sizes: list[int], parquet_sizes: list[int], work: Path) -> list[dict[str, str]]:
    python = sys.executable
    cli = [python, "-m", "adoptreport"]
    results = []
    for rows, parquet in [(n, False) for n in sizes] + [(n, True) for n in parquet_sizes]:
        case = work / f"case-{rows}{'-parquet' if parquet else ''}"
        pilot = make_case(rows, case, parquet)
        output = work / f"report-{rows}.pdf"
        runs = {
            "pyarrow read": [python, "-c", PYARROW_FLOOR, str(pilot)],
            "weasyprint floor": [python, "-c", WEASYPRINT_FLOOR, str(work / "floor.pdf")],
            "validate": [*cli, "validate", str(case)],
            "build": [*cli, "build", str(case), "-o", str(output)],
        }
        for name, command in runs.items():
            # A fresh interpreter per run, measured by a wrapper so ru_maxrss is this run's.
            wall, peak, code = measure_isolated(command)
            results.append(
                {
                    "pilot": f"{rows:,} rows {'Parquet' if parquet else 'CSV'}",
                    "run": name,
                    "wall s": f"{wall:.2f}",
                    "peak MB": f"{peak:,.0f}",
                    "exit": str(code),
                    "pages": str(page_count(output)) if name == "build" and code == 0 else "",
                }
            )
            print(" | ".join(results[-1].values()), file=sys.stderr, flush=True)
    return results


WRAPPER = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
wall = time.perf_counter() - start
print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


def measure_isolated(command: list[str]) -> tuple[float, float, int]:
    """Run `command` under a small wrapper process, so its peak memory is its own."""
    out = subprocess.run(
        [sys.executable, "-c", WRAPPER, *command], capture_output=True, text=True, check=True
    )
    wall, peak_kb, code = out.stdout.split()
    return float(wall), int(peak_kb) / 1024, int(code)


def table(results: list[dict[str, str]]) -> str:
    columns = list(results[0])
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(r[c] for c in columns) + " |" for r in results]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="10000,100000,1000000", help="CSV pilot sizes")
    parser.add_argument(
        "--parquet-10m", action="store_true", help="also a 10,000,000-row Parquet pilot"
    )
    parser.add_argument("--parquet", default="", help="other Parquet pilot sizes, comma-separated")
    parser.add_argument("--work", type=Path, help="where to write the cases (default: a temp dir)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.rows.split(",") if s]
    parquet_sizes = [int(s) for s in args.parquet.split(",") if s]
    if args.parquet_10m:
        parquet_sizes.append(10_000_000)
    work = args.work or Path(tempfile.mkdtemp(prefix="adoptreport-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} CPUs; cases in {work}", file=sys.stderr)
    print(table(run(sizes, parquet_sizes, work)))


if __name__ == "__main__":
    main()
