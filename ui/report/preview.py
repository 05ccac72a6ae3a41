"""Print preview and printing of the claim's PDF: the pages shown and printed are the PDF's own pages, rasterised
by PDFium one at a time (memory stays at one page however long the roster)."""

from __future__ import annotations

from typing import Any

import pypdfium2 as pdfium
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListView, QVBoxLayout, QWidget

from subsidy_calc.export.summary import SummaryDocument
from ui.i18n import _tr
from ui.report.pdf import render_pdf_bytes

PREVIEW_DPI = 96  # a page at its real size on an ordinary screen
PRINT_DPI_CAP = 300  # a 600 dpi printer still gets 300 dpi pages: sharp text, a quarter of the memory
CACHE_PAGES = 12

ModelIndex = QModelIndex | QPersistentModelIndex


class PdfPages:
    """A PDF held in memory, each page rendered to a QImage on request."""

    def __init__(self, data: bytes) -> None:
        self._pdf = pdfium.PdfDocument(data)

    def __len__(self) -> int:
        return len(self._pdf)

    def size_points(self, index: int) -> tuple[float, float]:
        width, height = self._pdf[index].get_size()
        return float(width), float(height)

    def image(self, index: int, dpi: float) -> QImage:
        page = self._pdf[index]
        bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
        image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
        return image.copy()  # own the pixels: the bitmap's buffer goes away with it

    def close(self) -> None:
        self._pdf.close()


class PageModel(QAbstractListModel):
    """The pages as list items; a page is rendered only when the view shows it, and a few are cached."""

    def __init__(self, pages: PdfPages, dpi: float = PREVIEW_DPI) -> None:
        super().__init__()
        self._pages = pages
        self._dpi = dpi
        self._cache: dict[int, QPixmap] = {}

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._pages)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DecorationRole:
            if row not in self._cache:
                if len(self._cache) >= CACHE_PAGES:
                    self._cache.pop(next(iter(self._cache)))
                self._cache[row] = QPixmap.fromImage(self._pages.image(row, self._dpi))
            return self._cache[row]
        if role == Qt.ItemDataRole.SizeHintRole:
            width, height = self._pages.size_points(row)
            return QSize(int(width * self._dpi / 72) + 16, int(height * self._dpi / 72) + 16)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("第 {page} 页 共 {total} 页").format(page=row + 1, total=len(self._pages))
        return None


class PdfPreviewDialog(QDialog):
    """The claim's pages as they will print, with 打印… and 关闭."""

    def __init__(self, parent: QWidget | None, summary: SummaryDocument, data: bytes) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("打印预览 - {title}").format(title=summary.title))
        self.pages = PdfPages(data)
        self.model = PageModel(self.pages)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(False)
        self.view.setSpacing(6)
        self.view.setStyleSheet("QListView { background: #808080; }")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = buttons.addButton(self.tr("打印…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self._print)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        host = parent.screen() if parent is not None else self.screen()
        area = host.availableGeometry()  # 920 wide: a landscape roster page (842 pt) fits across; as tall as fits
        self.resize(min(920, area.width() - 16), max(400, min(int(area.height() * 0.92), area.height() - 40)))

    def _print(self) -> None:
        if ask_and_print(self, self.pages):
            self.accept()

    def done(self, result: int) -> None:
        super().done(result)
        self.pages.close()


def make_printer() -> QPrinter:
    """A high-resolution printer; the PDF's pages carry their own margins, so the printer prints full page."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    return printer


def print_pages(printer: QPrinter, pages: PdfPages) -> int:
    """Draw every page of the PDF on the printer, one rasterised page at a time; returns the pages printed."""
    dpi = min(printer.resolution(), PRINT_DPI_CAP)
    painter = QPainter()
    for index in range(len(pages)):
        width, height = pages.size_points(index)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if width > height
                                   else QPageLayout.Orientation.Portrait)  # the roster annex is landscape
        if index == 0 and not painter.begin(printer):
            raise OSError(_tr("无法开始打印(打印机不可用)"))
        if index and not printer.newPage():
            painter.end()
            raise OSError(_tr("无法新建打印页面"))
        full = printer.pageLayout().fullRectPixels(printer.resolution())
        scale = min(full.width() / width, full.height() / height)  # keep the page's proportions
        target = QRectF(full.x(), full.y(), width * scale, height * scale)
        painter.drawImage(target, pages.image(index, dpi))
    if painter.isActive():
        painter.end()
    return len(pages)


def ask_and_print(parent: QWidget | None, pages: PdfPages) -> bool:
    printer = make_printer()
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    print_pages(printer, pages)
    return True


def show_print_preview(parent: QWidget | None, summary: SummaryDocument) -> bool:
    """Render the PDF (FontMissingError before any dialog), then show its pages. True if printed."""
    data, _pages = render_pdf_bytes(summary)
    dialog = PdfPreviewDialog(parent, summary, data)
    return dialog.exec() == QDialog.DialogCode.Accepted


def print_summary(parent: QWidget | None, summary: SummaryDocument) -> bool:
    """Render the PDF, ask for a printer and print its pages; False when the user cancels."""
    data, _pages = render_pdf_bytes(summary)
    pages = PdfPages(data)
    try:
        return ask_and_print(parent, pages)
    finally:
        pages.close()
