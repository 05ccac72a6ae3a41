"""Print preview and printing of the summary through the same painter as the PDF (ui.report.pdf)."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from subsidy_calc.export.summary import SummaryDocument
from ui.report.pdf import build_document, paint_summary, setup_page


def make_printer() -> QPrinter:
    """A high-resolution printer preset to A4 portrait with the form's margins."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    setup_page(printer)
    return printer


def make_preview_dialog(parent: QWidget | None, summary: SummaryDocument, printer: QPrinter) -> QPrintPreviewDialog:
    """The preview dialog, painting with paint_summary; raises FontMissingError before it is built."""
    build_document(summary)  # the font check: refuse before showing boxes
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(dialog.tr("打印预览 - {title}").format(title=summary.title))
    dialog.paintRequested.connect(lambda device: paint_summary(device, summary))
    return dialog


def show_print_preview(parent: QWidget | None, summary: SummaryDocument) -> bool:
    """Modal preview; the dialog's own print button prints with the same painter. True if printed."""
    printer = make_printer()
    dialog = make_preview_dialog(parent, summary, printer)
    return dialog.exec() == QDialog.DialogCode.Accepted


def print_summary(parent: QWidget | None, summary: SummaryDocument) -> bool:
    """Ask for a printer (QPrintDialog) and print; False when the user cancels."""
    build_document(summary)
    printer = make_printer()
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    paint_summary(printer, summary)
    return True
