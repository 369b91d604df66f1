"""measure-repo on a small tree built here: text, binary, git-ignored and vendored files."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from adoptreport import api
from adoptreport.cli.app import app


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "src" / "pkg").mkdir(parents=True)
    (root / "src" / "pkg" / "main.py").write_text("x" * 4000)
    (root / "README.md").write_text("y" * 1000)
    (root / "logo.png").write_bytes(b"\x89PNG\0\0" + b"z" * 500)
    (root / ".gitignore").write_text("*.log\nbuild-output/\n")
    (root / "debug.log").write_text("l" * 9000)
    (root / "build-output").mkdir()
    (root / "build-output" / "bundle.js").write_text("b" * 9000)
    (root / "src" / ".gitignore").write_text("generated.py\n")
    (root / "src" / "generated.py").write_text("g" * 9000)
    (root / "node_modules" / "left-pad").mkdir(parents=True)
    (root / "node_modules" / "left-pad" / "index.js").write_text("n" * 9000)
    (root / "vendor").mkdir()
    (root / "vendor" / "lib.go").write_text("v" * 9000)
    return root


def test_counts_only_text_files_that_git_would_track(checkout: Path) -> None:
    size = api.measure_repo(checkout)
    texts = [checkout / "src/pkg/main.py", checkout / "README.md", checkout / ".gitignore"]
    texts.append(checkout / "src/.gitignore")
    assert size.text_bytes == sum(p.stat().st_size for p in texts)
    assert size.files_counted == 4
    assert (size.skipped_binary, size.skipped_ignored, size.skipped_vendored) == (1, 3, 2)
    assert size.tokens.point == pytest.approx(size.text_bytes / 4)
    assert size.tokens.low == pytest.approx(size.text_bytes / 5)
    assert size.tokens.high == pytest.approx(size.text_bytes / 3)


def test_cli_prints_total_skips_method_and_a_yaml_snippet(checkout: Path) -> None:
    result = CliRunner().invoke(app, ["measure-repo", str(checkout), "--name", "shop"])
    assert result.exit_code == 0, result.output
    size = api.measure_repo(checkout)
    assert f"{size.text_bytes:,} bytes of text in 4 files" in result.output
    assert "skipped: 1 binary, 3 git-ignored, 2 in vendored or generated folders." in result.output
    assert "bytes ÷ 4 (range ÷ 5 to ÷ 3)" in result.output
    assert result.output.endswith(
        f"codebases:\n- name: shop\n  tokens: {round(size.text_bytes / 4)}\n"
    )


def test_cli_refuses_a_file(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("hi")
    result = CliRunner().invoke(app, ["measure-repo", str(target)])
    assert result.exit_code == 2
    assert f"{target} is not a folder; give the folder of a checkout" in result.output
