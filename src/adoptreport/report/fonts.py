"""The fonts the report draws with, in lookup order, and what they cover.

Shipped with the package (PyPI): Inter, then Noto Sans, Noto Sans Arabic, Devanagari and Thai.
Installed by the Makefile (Debian): Noto Sans CJK, Noto Sans Hebrew. A
character none of them covers is printed as `[U+XXXX]`, with a warning naming the file and field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import import_module, resources
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont
from pydantic import BaseModel

from adoptreport.models.folder import Case
from adoptreport.text import visible_controls

# Debian's Noto packages (fonts-noto-cjk, fonts-noto-core, fonts-noto-color-emoji).
SYSTEM_NOTO = Path("/usr/share/fonts")


@dataclass(frozen=True)
class FontFile:
    family: str
    path: Path
    italic: bool = False


def _package_font(package: str, family: str, name: str, italic: bool = False) -> FontFile | None:
    try:
        module = import_module(package)
    except ImportError:
        return None
    path = Path(str(resources.files(module) / "files" / name))
    return FontFile(family, path, italic) if path.is_file() else None


def _system_font(family: str, relative: str) -> FontFile | None:
    path = SYSTEM_NOTO / relative
    return FontFile(family, path) if path.is_file() else None


@cache
def font_files() -> tuple[FontFile, ...]:
    """Every font the report may use, in lookup order; the ones not present are left out."""
    candidates = (
        _package_font("fontpkg_inter", "Inter", "Inter[opsz,wght].ttf"),
        _package_font("fontpkg_inter", "Inter", "Inter-Italic[opsz,wght].ttf", italic=True),
        _package_font("fontpkg_noto_sans", "Noto Sans", "NotoSans[wdth,wght].ttf"),
        _package_font(
            "fontpkg_noto_sans_arabic", "Noto Sans Arabic", "NotoSansArabic[wdth,wght].ttf"
        ),
        _package_font(
            "fontpkg_noto_sans_devanagari",
            "Noto Sans Devanagari",
            "NotoSansDevanagari[wdth,wght].ttf",
        ),
        _package_font("fontpkg_noto_sans_thai", "Noto Sans Thai", "NotoSansThai[wdth,wght].ttf"),
        _system_font("Noto Sans Hebrew", "truetype/noto/NotoSansHebrew-Regular.ttf"),
        _system_font("Noto Sans CJK SC", "opentype/noto/NotoSansCJK-Regular.ttc"),
        # Noto Color Emoji (fonts-noto-color-emoji) is left out: Pango picks its digits and
        # spaces over Inter's, and a colour bitmap font breaks the PDF's byte-identity; an
        # emoji is printed as [U+XXXX] with a warning instead.
    )
    return tuple(f for f in candidates if f is not None)


def families() -> tuple[str, ...]:
    """Font families in lookup order, each once."""
    return tuple(dict.fromkeys(f.family for f in font_files()))


def css_font_stack() -> str:
    return ", ".join(f'"{family}"' for family in families())


def _cmap(path: Path) -> set[int]:
    """The code points a font file draws (a collection: its first font, the one CSS names)."""
    if path.suffix == ".ttc":
        with TTCollection(str(path)) as collection:
            return set(collection.fonts[0].getBestCmap() or {})
    with TTFont(str(path)) as font:
        return set(font.getBestCmap() or {})


@cache
def covered() -> frozenset[int]:
    """Code points some font of the lookup order draws; white space and joiners always pass."""
    codes: set[int] = set()
    for f in font_files():
        codes |= _cmap(f.path)
    return frozenset(codes | {0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x200B, 0x200C, 0x200D, 0xFE0F})


def uncovered(text: str) -> list[str]:
    """The characters of `text` no font covers, each once, in order."""
    codes = covered()
    return list(dict.fromkeys(c for c in text if ord(c) not in codes))


def drawable(text: str) -> str:
    """`text` with each character no font covers written as `[U+XXXX]`."""
    missing = uncovered(text)
    if not missing:
        return text
    pattern = re.compile("|".join(re.escape(c) for c in missing))
    return pattern.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def _strings(value: object, path: str) -> list[tuple[str, str]]:
    """Every string in a parsed input, with its path ("vendors[1].name")."""
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, BaseModel):
        return [
            item
            for name in type(value).model_fields
            for item in _strings(getattr(value, name), f"{path}.{name}" if path else name)
        ]
    if isinstance(value, list | tuple):
        return [item for i, v in enumerate(value) for item in _strings(v, f"{path}[{i}]")]
    if isinstance(value, dict):
        return [item for k, v in value.items() for item in _strings(v, f"{path}.{k}")]
    return []


def glyph_warnings(case: Case) -> tuple[str, ...]:
    """One line per input field holding a character no shipped or installed font draws."""
    parts: list[tuple[str, object, str]] = [
        (case.files.get(role, role), getattr(case, role), "")
        for role in ("case", "benchmarks", "vendors", "requirements", "assumptions")
    ]
    parts += [
        (case.files.get("workforce", "workforce"), team, f"row {row}")
        for team, row in zip(case.workforce, case.workforce_rows, strict=True)
    ]
    lines = []
    for file, model, where in parts:
        for path, text in _strings(model, ""):
            missing = uncovered(visible_controls(text))  # a control is shown as [U+0007]
            if missing:
                codes = ", ".join(f"U+{ord(c):04X}" for c in missing)
                field = f"{where}: {path}" if where else path
                lines.append(
                    f"{file}: {field}: no installed font draws {codes}; printed as [U+XXXX] "
                    "(install the Debian Noto fonts: make report)"
                )
    return tuple(lines)


@cache
def _family_cmaps() -> tuple[tuple[str, frozenset[int]], ...]:
    merged: dict[str, set[int]] = {}
    for f in font_files():
        merged.setdefault(f.family, set()).update(_cmap(f.path))
    return tuple((family, frozenset(codes)) for family, codes in merged.items())


def family_for(text: str) -> str:
    """The first family of the lookup order that draws all of `text`; failing that, the one
    that draws most of it. An SVG label is drawn in one family: WeasyPrint's SVG text does not
    fall back through a CSS font list, only to the system's fonts."""
    codes = {ord(c) for c in text if not c.isspace()}
    best, best_count = "Inter", -1
    for family, cmap in _family_cmaps():
        count = len(codes & cmap)
        if count == len(codes):
            return family
        if count > best_count:
            best, best_count = family, count
    return best
