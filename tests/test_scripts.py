"""Names in any script: the PDF builds with shipped or installed fonts; a character no font
draws is printed as [U+XXXX] with a warning naming the file and field, never a failure."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from adoptreport import api
from adoptreport.models import Audience
from adoptreport.report.fonts import families
from tests.conftest import pdf_text

pytestmark = pytest.mark.slow


def _edit(path: Path, change: dict[str, object]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(change)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_cjk_devanagari_arabic_hebrew_and_emoji_names_build(
    case_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(case_copy / "case.yaml", {"organisation": "北风物流 नॉर्थविंड", "title": "AI 🚀 review"})
    vendors = yaml.safe_load((case_copy / "vendors.yaml").read_text(encoding="utf-8"))
    vendors["vendors"][0]["name"] = "שחר אייפקס"
    vendors["vendors"][0]["tools"][0]["name"] = "أداة Apex"
    (case_copy / "vendors.yaml").write_text(yaml.safe_dump(vendors, allow_unicode=True), "utf-8")
    out = tmp_path / "report.pdf"
    api.build(case_copy, out, Audience.BOARD)
    warning = capsys.readouterr().err
    assert "case.yaml: title: no installed font draws U+1F680" in warning
    text = pdf_text(out)
    assert "[U+1F680]" in text and "北风物流" in text
    fonts = set()
    for page in PdfReader(out).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    shipped = tuple(f.replace(" ", "") for f in families()) + tuple(families())
    assert all(name.replace("-", "").startswith(shipped) for name in fonts), fonts
    assert any("CJK" in name for name in fonts) and any("Hebrew" in name for name in fonts)
