"""Print preview and printing of the claim's PDF: the pages shown and printed are the PDF's own pages, rasterised
by PDFium one at a time (memory stays within a few pages however long the roster). Printing never uses the
preview's zoom: it renders each page at the printer's resolution."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAction, QKeySequence, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from subsidy_calc.export.summary import SummaryDocument
from ui.i18n import _tr
from ui.report.pdf import render_pdf_bytes
from ui.report.preview_pages import PdfPages as PdfPages  # printing and tests use preview.PdfPages
from ui.report.preview_view import Fit, PageView
from ui.report.preview_zoom import MAX_SCALE, MIN_SCALE, percent_text

PRINT_DPI_CAP = 300  # a 600 dpi printer still gets 300 dpi pages: sharp text, a quarter of the memory


class PdfPreviewDialog(QDialog):
    """The claim's pages as they will print, with zoom (放大 / 缩小, Ctrl+wheel, 适合宽度, 适合页面, 100%), 打印… and
    关闭. It opens fitted to the width: on a 1366×768 screen at 150 % that is the one zoom where every page,
    the landscape roster too, is seen across without scrolling sideways."""

    def __init__(self, parent: QWidget | None, summary: SummaryDocument, data: bytes) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("打印预览 - {title}").format(title=summary.title))
        self.pages = PdfPages(data)
        self.view = PageView(self.pages, self)
        self.model = self.view.page_model
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = buttons.addButton(self.tr("打印…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self._print)
        layout = QVBoxLayout(self)
        layout.addLayout(self._zoom_bar())
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.view.zoomChanged.connect(self._show_zoom)
        host = parent.screen() if parent is not None else self.screen()
        area = host.availableGeometry()  # 920 wide: a landscape roster page (842 pt) fits across; as tall as fits
        self.resize(min(920, area.width() - 16), max(400, min(int(area.height() * 0.92), area.height() - 40)))
        self._show_zoom(self.view.scale)

    def _zoom_bar(self) -> QHBoxLayout:
        view = self.view
        self.zoom_out_action = self._action(self.tr("缩小"), view.zoom_out, QKeySequence.StandardKey.ZoomOut)
        self.zoom_in_action = self._action(self.tr("放大"), view.zoom_in, QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_action.setShortcuts([*self.zoom_in_action.shortcuts(), QKeySequence("Ctrl+=")])
        self.fit_width_action = self._action(self.tr("适合宽度"), lambda: view.fit_to(Fit.WIDTH))
        self.fit_page_action = self._action(self.tr("适合页面"), lambda: view.fit_to(Fit.PAGE))
        self.actual_size_action = self._action("100%", lambda: view.zoom_to(1.0))
        keys = {action: " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
                for action in (self.zoom_in_action, self.zoom_out_action)}
        self.zoom_in_action.setToolTip(self.tr("放大({keys},或按住 Ctrl 向上滚动鼠标滚轮)").format(
            keys=keys[self.zoom_in_action]))
        self.zoom_out_action.setToolTip(self.tr("缩小({keys},或按住 Ctrl 向下滚动鼠标滚轮)").format(
            keys=keys[self.zoom_out_action]))
        self.fit_width_action.setToolTip(self.tr("最宽的一页(横向的学徒名册)正好占满窗口宽度,每页都不用左右滚动"))
        self.fit_page_action.setToolTip(self.tr("每一页都整页可见"))
        self.actual_size_action.setToolTip(self.tr("实际大小:与纸面一样大"))
        for action in (self.fit_width_action, self.fit_page_action):
            action.setCheckable(True)
        self.zoom_label = QLabel(self)
        self.zoom_label.setToolTip(self.tr("当前显示比例"))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("4000%"))
        bar = QHBoxLayout()
        for item in (self.zoom_out_action, self.zoom_label, self.zoom_in_action, None, self.fit_width_action,
                     self.fit_page_action, self.actual_size_action):
            if item is None:
                bar.addSpacing(12)
            elif isinstance(item, QAction):
                button = QToolButton(self)
                button.setDefaultAction(item)
                bar.addWidget(button)
            else:
                bar.addWidget(item)
        bar.addStretch(1)
        return bar

    def _action(self, text: str, slot: Callable[[], None],
                keys: QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcuts(keys)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _show_zoom(self, scale: float) -> None:
        self.zoom_label.setText(percent_text(scale))
        self.zoom_in_action.setEnabled(scale < MAX_SCALE)
        self.zoom_out_action.setEnabled(scale > MIN_SCALE)
        self.fit_width_action.setChecked(self.view.fit == Fit.WIDTH)
        self.fit_page_action.setChecked(self.view.fit == Fit.PAGE)

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
