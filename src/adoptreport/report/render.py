"""The view → HTML (Jinja) → PDF (WeasyPrint), written atomically."""

from __future__ import annotations

import base64
import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import weasyprint
from markupsafe import Markup, escape
from weasyprint.urls import URLFetcher

from adoptreport.report.fonts import SYSTEM_NOTO, css_font_stack, drawable, font_files
from adoptreport.report.view import ReportView
from adoptreport.text import breakable, visible_controls

TEMPLATE = "report.html.j2"


class RenderError(RuntimeError):
    """WeasyPrint reported a problem (a refused or missing resource, a layout error)."""


# WeasyPrint subsets fonts with HarfBuzz-Subset when the system has it, else with fontTools
# (about twice as slow, a slightly larger file, the same text). WeasyPrint logs the fallback
# as a warning; a build tolerates it and says what to install.
SUBSET_FALLBACK = "Using fontTools instead of HarfBuzz-Subset"
SUBSET_NOTE = (
    "note: the PDF's fonts were subset with fontTools, as the HarfBuzz-Subset library is not "
    "installed; install it for faster builds and slightly smaller PDFs "
    "(Debian/Ubuntu: apt-get install libharfbuzz-subset0)"
)


@dataclass(frozen=True)
class Rendered:
    """A rendered report and what the user should know about how it was made."""

    content: bytes
    notes: tuple[str, ...] = ()


def templates_dir() -> Path:
    """Templates ship inside the package; a source checkout keeps them at the top level."""
    packaged = Path(str(resources.files("adoptreport") / "templates"))
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[3] / "templates"


def font_dir() -> Path:
    import fontpkg_inter

    return Path(str(resources.files(fontpkg_inter) / "files"))


class PackageOnlyFetcher(URLFetcher):  # type: ignore[misc]
    """Fetches `data:` URLs and the package's own templates and fonts; refuses all else."""

    def __init__(self, roots: tuple[Path, ...], files: tuple[Path, ...] = ()) -> None:
        super().__init__(allowed_protocols={"data", "file"})
        self.roots = tuple(r.resolve() for r in roots)
        self.files = frozenset(f.resolve() for f in files)  # exactly the font files used

    def fetch(self, url: str, headers: Any = None) -> Any:
        if url.startswith("file:"):
            from urllib.request import url2pathname

            path = Path(url2pathname(url.removeprefix("file:").split("?")[0])).resolve()
            inside = any(path.is_relative_to(root) for root in self.roots)
            if not inside and path not in self.files:
                raise ValueError(
                    f"refused to read {url}: outside the package's templates and fonts"
                )
        elif not url.startswith("data:"):
            raise ValueError(f"refused to fetch {url}: the report reads no URLs")
        return super().fetch(url, headers)


def _printable(value: object) -> object:
    """Every value a template prints, control characters written out and long words made
    breakable; Markup (our SVG, data and file URIs, all ASCII without spaces) is kept as is."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return breakable(drawable(visible_controls(value)))
    return value


def _id_breaks(value: object) -> Markup:
    """An id that breaks only after "-", "_" or "." (a piece over 30 characters, a hostile
    name, still breaks every 20 so that it stays inside its column)."""
    pieces = re.split(r"([-_.])", visible_controls(str(value)))
    return Markup("").join(
        Markup(escape(breakable(p))) + (Markup("<wbr>") if p in "-_." and p else Markup(""))
        for p in pieces
    )


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_printable,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # An attribute value (an anchor id) is escaped but kept whole: no break points in it.
    env.filters["attribute"] = lambda value: Markup(escape(visible_controls(str(value))))
    env.filters["id_breaks"] = _id_breaks
    env.filters["svg_data_uri"] = lambda svg: Markup(
        "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    )
    return env


FONT_FILES = ("Inter[opsz,wght].ttf", "Inter-Italic[opsz,wght].ttf")  # the shipped text face


@dataclass(frozen=True)
class FontFace:
    family: str
    url: Markup  # a file or data URI: printed whole, never broken
    italic: bool


def _faces(standalone: bool) -> tuple[FontFace, ...]:
    """@font-face rules in lookup order. The one-file HTML inlines the shipped fonts only (a
    browser has its own fallbacks; a CJK font would make the file tens of megabytes)."""
    faces = []
    for f in font_files():
        if standalone:
            if not str(f.path).startswith(str(SYSTEM_NOTO)):
                faces.append(FontFace(f.family, Markup(_data_uri(f.path, "font/ttf")), f.italic))
        else:
            faces.append(FontFace(f.family, Markup(f.path.as_uri()), f.italic))
    return tuple(faces)


def _render(view: ReportView, standalone: bool) -> str:
    css = (templates_dir() / "report.css").read_text(encoding="utf-8") if standalone else None
    return (
        environment()
        .get_template(TEMPLATE)
        .render(
            report=view,
            fonts=_faces(standalone),
            font_stack=Markup(css_font_stack()),
            inline_css=Markup(css) if css is not None else None,
        )
    )


def render_html(view: ReportView) -> str:
    """HTML for WeasyPrint: the stylesheet and fonts are read from the package."""
    return _render(view, standalone=False)


def render_standalone_html(view: ReportView) -> str:
    """One self-contained HTML file: stylesheet, fonts and charts inline; it fetches nothing."""
    return _render(view, standalone=True)


def _data_uri(path: Path, media_type: str) -> str:
    return f"data:{media_type};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


@contextmanager
def _weasyprint_problems() -> Iterator[list[str]]:
    """Collect what WeasyPrint logs: a missing image only logs, and must fail the build."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logger = logging.getLogger("weasyprint")
    handler = Collect(level=logging.WARNING)
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)


@contextmanager
def _source_date(epoch: int) -> Iterator[None]:
    """fontTools stamps subset fonts with the clock unless SOURCE_DATE_EPOCH is set."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def render_pdf(html: str, identifier: bytes, source_date: int) -> Rendered:
    """PDF/UA-tagged PDF bytes, the same for the same inputs.

    `identifier` fixes the file ID; `source_date` (Unix seconds) stands in for the clock.
    Any WeasyPrint warning fails the build (`RenderError`), except the font-subsetting
    fallback, which becomes a note.
    """
    fetcher = PackageOnlyFetcher((templates_dir(),), tuple(f.path for f in font_files()))
    with _weasyprint_problems() as problems, _source_date(source_date):
        document = weasyprint.HTML(
            string=html, base_url=str(templates_dir()) + "/", url_fetcher=fetcher
        )
        pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=identifier)
    fallback = [p for p in problems if p.startswith(SUBSET_FALLBACK)]
    problems = [p for p in problems if not p.startswith(SUBSET_FALLBACK)]
    if problems:
        raise RenderError("; ".join(problems))
    return Rendered(pdf, (SUBSET_NOTE,) if fallback else ())
