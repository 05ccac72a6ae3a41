"""The claim summary as a PDF (ReportLab platypus): A4, fonts embedded as subsets, 第 N 页 共 M 页 footers.

This is the one rendering of the printed claim: the PDF file, the print preview and the printer all use these
bytes (the window rasterises the pages for preview and printing). Everything is made in memory; a missing
font or glyph raises FontMissingError before a byte is written anywhere.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import partial
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate

from .pdf_fonts import FontSet, chinese_fonts
from .pdf_story import Styles, story
from .summary import SummaryDocument

MARGINS = (18 * mm, 15 * mm, 18 * mm, 12 * mm)  # left, top, right, bottom
FOOTER_Y = 6 * mm
FOOTER_SIZE = 8

# Called with (pages laid out so far, 0 while the total is not known yet); returning False cancels.
PageProgress = Callable[[int, int], bool]


class RenderCancelled(Exception):
    """The progress callback asked to stop; nothing was produced."""


def page_label(page: int, total: int) -> str:
    return f"第 {page} 页 共 {total} 页"


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab has no type hints
    """Holds each finished page until the total is known, then writes every footer (第 N 页 共 M 页)."""

    def __init__(self, *args: Any, footer: tuple[str, str, Callable[[int], bool]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._footer_font, self._generated, self._progress = footer

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        if not self._progress(len(self._pages)):
            raise RenderCancelled
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            width, _height = self._pagesize
            self.setFont(self._footer_font, FOOTER_SIZE)
            self.drawCentredString(width / 2, FOOTER_Y, page_label(number, total))
            self.drawRightString(width - MARGINS[2], FOOTER_Y, self._generated)
            super().showPage()
        super().save()


def _template(name: str, size: tuple[float, float]) -> PageTemplate:
    left, top, right, bottom = MARGINS
    frame = Frame(left, bottom, size[0] - left - right, size[1] - top - bottom, id=name,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    return PageTemplate(id=name, frames=[frame], pagesize=size)


def render_summary_pdf(summary: SummaryDocument, progress: PageProgress | None = None,
                       fonts: FontSet | None = None) -> tuple[bytes, int]:
    """The PDF in memory and its page count; FontMissingError or RenderCancelled before anything is produced."""
    fonts = fonts or chinese_fonts()
    styles = Styles(fonts)
    portrait, wide = A4, landscape(A4)
    width = portrait[0] - MARGINS[0] - MARGINS[2]
    front, roster, materials = story(styles, summary, width, wide[0] - MARGINS[0] - MARGINS[2])
    roster_template = "landscape" if summary.roster else "portrait"
    flow = [*front, NextPageTemplate(roster_template), PageBreak(), *roster,
            NextPageTemplate("portrait"), PageBreak(), *materials]
    buffer = io.BytesIO()
    document = BaseDocTemplate(buffer, pagesize=portrait, title=summary.title, author="",
                               creator=summary.generated_text, subject=summary.title,
                               pageTemplates=[_template("portrait", portrait), _template("landscape", wide)])
    pages = 0

    def step(done: int) -> bool:
        nonlocal pages
        pages = done
        return progress is None or progress(done, 0)

    maker = partial(_NumberedCanvas, footer=(fonts.body, summary.generated_text, step),
                    initialFontName=fonts.body, initialFontSize=10)
    document.build(flow, canvasmaker=maker)
    return buffer.getvalue(), pages
