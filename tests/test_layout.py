"""The package's shape: one folder per pipeline stage, imports that only run downstream,
modules and functions short enough to read, and a default case its generator reproduces."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import DEFAULT_CASE, ROOT

PACKAGE = ROOT / "src" / "adoptreport"

# The pipeline, in order: a module may import its own stage and earlier ones, never a later.
# Importers turn source files into case files, so they stand with loading.
STAGES = {
    "models": 0,
    "text": 0,  # a leaf: printable text for any stage; imports nothing of ours
    "load": 1,
    "importers": 1,
    "analysis": 2,
    "measure": 2,  # a checkout's size for case.yaml, on analysis's token rule
    "statements": 3,
    "claims": 4,
    "report": 5,
    "api": 6,
    "cli": 7,
    "__main__": 7,
}
LOOSE_MODULES_ALLOWED = 2  # besides api.py, __init__.py and __main__.py
MAX_FILE_LINES = 450
MAX_FUNCTION_LINES = 80


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _stage(module: str) -> str:
    """'adoptreport.report.view' → 'report'; 'adoptreport' itself has no stage."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _module_name(path: Path, package: Path = PACKAGE) -> str:
    relative = path.relative_to(package.parent).with_suffix("")
    parts = [p for p in relative.parts if p != "__init__"]
    return ".".join(parts)


def _imported(tree: ast.AST) -> list[tuple[int, str]]:
    """Every `adoptreport…` module a file imports, function-level imports included."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "adoptreport":
                found += [(node.lineno, f"adoptreport.{a.name}") for a in node.names]
            elif node.module.startswith("adoptreport."):
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("adoptreport")]
    return found


def backward_imports(files: list[Path], package: Path = PACKAGE) -> list[str]:
    """'file:line: stage imports later-stage module' for every import against the pipeline."""
    wrong = []
    for path in files:
        own = _stage(_module_name(path, package))
        if own not in STAGES:
            continue
        for line, module in _imported(ast.parse(path.read_text(encoding="utf-8"))):
            target = _stage(module)
            if target in STAGES and STAGES[target] > STAGES[own]:
                where = path.relative_to(package.parent)
                wrong.append(f"{where}:{line}: {own} imports {module}")
    return wrong


def test_every_module_belongs_to_a_stage() -> None:
    stages = {_stage(_module_name(p)) for p in _modules()} - {""}
    assert stages <= set(STAGES), stages - set(STAGES)


def test_no_stage_imports_a_later_one() -> None:
    assert backward_imports(_modules()) == []


def test_the_import_check_catches_a_backward_import(tmp_path: Path) -> None:
    """The check itself can fail: analysis reaching into the report is caught."""
    package = tmp_path / "adoptreport"
    (package / "analysis").mkdir(parents=True)
    probe = package / "analysis" / "probe.py"
    probe.write_text(
        "from adoptreport.statements import Statement\n"
        "def late():\n    from adoptreport import api\n",
        encoding="utf-8",
    )
    assert backward_imports([probe], package) == [
        "adoptreport/analysis/probe.py:1: analysis imports adoptreport.statements",
        "adoptreport/analysis/probe.py:3: analysis imports adoptreport.api",
    ]


def test_the_tree_shows_the_pipeline() -> None:
    loose = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__", "__main__", "api"}
    assert len(loose) <= LOOSE_MODULES_ALLOWED, loose
    folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert {"models", "load", "analysis", "statements", "claims", "report", "cli"} <= folders


def test_modules_and_functions_are_short_enough_to_read() -> None:
    long_files, long_functions = [], []
    for path in _modules():
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > MAX_FILE_LINES:
            long_files.append(f"{path.relative_to(ROOT)}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long_functions.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.name}")
    assert long_files == []
    assert long_functions == []


def test_the_generator_reproduces_the_default_case(tmp_path: Path) -> None:
    """examples/generate_default_case.py writes inputs/ byte for byte."""
    out = tmp_path / "generated"
    subprocess.run(
        [sys.executable, str(ROOT / "examples" / "generate_default_case.py"), str(out)],
        check=True,
        capture_output=True,
    )
    committed = sorted(p.name for p in DEFAULT_CASE.iterdir() if p.is_file())
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == committed
    for name in committed:
        assert (out / name).read_bytes() == (DEFAULT_CASE / name).read_bytes(), name
