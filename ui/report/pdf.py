"""One painting routine for the summary (QTextDocument paged by hand with a 第 N 页 共 M 页 footer) used by
the PDF writer, the printer and the print preview; PDFs are rendered to bytes and written atomically."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from subsidy_calc.atomic import atomic_write_bytes
from subsidy_calc.export.pdf_port import PdfRenderError
from subsidy_calc.export.summary import SummaryDocument
from subsidy_calc.export.summary_html import summary_html
from ui.fonts import INSTALL_HINT, best_chinese_family, missing_glyphs

BODY_POINT_SIZE = 10
FOOTER_POINT_SIZE = 8
PDF_RESOLUTION = 300
MARGINS_MM = QMarginsF(18, 15, 18, 12)
FOOTER_CHARACTERS = "第页共0123456789"

# Called with (pages painted, total pages); returning False cancels: RenderCancelled is raised.
PageProgress = Callable[[int, int], bool]


class RenderCancelled(Exception):
    """The progress callback asked to stop; the partial output must be discarded (write_pdf writes nothing)."""


class FontMissingError(PdfRenderError):
    """No Chinese font, or the chosen one lacks characters the summary prints: nothing may be written."""


def page_label(page: int, total: int) -> str:
    return f"第 {page} 页 共 {total} 页"


def setup_page(device: QPagedPaintDevice) -> None:
    """A4 portrait with the form's margins (the preview's printer starts out with the same layout)."""
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     MARGINS_MM, QPageLayout.Unit.Millimeter))


def choose_family(text: str) -> str:
    """The Chinese family the summary is printed with; FontMissingError (Chinese + English) if unusable."""
    family = best_chinese_family()
    if family is None:
        raise FontMissingError(f"未安装中文字体,生成的 PDF 中的中文会显示为方框,已停止生成。\n{INSTALL_HINT}")
    missing = missing_glyphs(family, text + FOOTER_CHARACTERS)
    if missing:
        shown = "".join(sorted(missing))
        raise FontMissingError(
            f"字体“{family}”缺少以下字符,生成的 PDF 会显示方框,已停止生成:{shown}\n"
            f"The font \"{family}\" lacks these characters, so the PDF would show boxes; nothing was written: "
            f"{shown}. {INSTALL_HINT}"
        )
    return family


def visible_text(html: str) -> str:
    """The characters an HTML string shows (tags dropped, entities decoded), for the font check."""
    return unescape(re.sub(r"<[^>]*>", "", html))


def build_document(summary: SummaryDocument, device: QPagedPaintDevice | None = None,
                   page_size: QSizeF | None = None) -> tuple[QTextDocument, str]:
    """The QTextDocument of the summary in the checked Chinese family, laid out once for `device`."""
    html = summary_html(summary)
    family = choose_family(visible_text(html) + summary.generated_text)
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setDocumentMargin(0)
    document.setDefaultFont(QFont(family, BODY_POINT_SIZE))
    if device is not None:
        document.documentLayout().setPaintDevice(device)  # measure with the device's fonts and resolution
    if page_size is not None:
        document.setPageSize(page_size)
    document.setHtml(html)
    return document, family


def paint_summary(device: QPagedPaintDevice, summary: SummaryDocument, progress: PageProgress | None = None) -> int:
    """Paint the summary on a PDF writer or a printer page by page; returns the number of pages."""
    resolution = device.logicalDpiY()
    paint_rect = device.pageLayout().paintRectPixels(resolution)
    width, height = float(paint_rect.width()), float(paint_rect.height())
    footer_height = resolution * 0.32  # about 8 mm under the body for the page number
    body_height = height - footer_height
    document, family = build_document(summary, device, QSizeF(width, body_height))
    layout = document.documentLayout()
    total = document.pageCount()
    footer_font = QFont(family, FOOTER_POINT_SIZE)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("无法开始绘制(打印机或 PDF 输出不可用)")
    try:
        for index in range(total):
            if index and not device.newPage():
                raise OSError("无法新建页面")
            painter.save()
            top = index * body_height
            painter.translate(0, -top)
            clip = QRectF(0, top, width, body_height)
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = clip
            layout.draw(painter, context)
            painter.restore()
            painter.setFont(footer_font)
            footer = QRectF(0, body_height, width, footer_height)
            painter.drawText(footer, int(Qt.AlignmentFlag.AlignCenter), page_label(index + 1, total))
            painter.drawText(footer, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             summary.generated_text)
            if progress is not None and not progress(index + 1, total):
                raise RenderCancelled
    finally:
        painter.end()
    return total


def render_pdf_bytes(summary: SummaryDocument, progress: PageProgress | None = None) -> tuple[bytes, int]:
    """The PDF in memory (A4, fonts embedded) and its page count; raises before anything is produced."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    setup_page(writer)
    writer.setTitle(summary.title)
    writer.setCreator(summary.generated_text)
    pages = paint_summary(writer, summary, progress)
    del writer  # flushes the PDF trailer into the buffer
    buffer.close()
    return bytes(data.data()), pages


def write_pdf(path: Path, summary: SummaryDocument, progress: PageProgress | None = None) -> int:
    """Render fully, then replace `path` atomically: a failure leaves no partial file. Returns pages."""
    data, pages = render_pdf_bytes(summary, progress)
    atomic_write_bytes(path, data)
    return pages
