"""ReportActions: the File-menu actions export, preview and print through monkeypatched dialogs."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QTableWidgetItem, QWidget

from subsidy_calc.export import pdf_fonts, pdf_render
from subsidy_calc.export.summary import SummaryDocument, build_summary
from tests.report.conftest import pdftotext, squeeze
from tests.report.samples import ENTERPRISE_NAME
from ui.report import background, pdf, preview
from ui.report.actions import ReportActions


class Calls:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.asked: list[str] = []
        self.shown: list[SummaryDocument] = []


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def calls(monkeypatch, tmp_path) -> Calls:
    record = Calls()

    def ask(cls, parent, caption, file_filter, suggested):
        record.asked.append(suggested)
        return tmp_path / Path(suggested).stem  # no suffix: the action adds it

    monkeypatch.setattr(ReportActions, "ask_save_path", classmethod(ask))
    monkeypatch.setattr(ReportActions, "show_error", classmethod(lambda cls, p, t, text: record.errors.append(text)))
    monkeypatch.setattr(ReportActions, "show_warning",
                        classmethod(lambda cls, p, t, text: record.warnings.append(text)))
    monkeypatch.setattr(ReportActions, "run_preview", classmethod(lambda cls, p, s: record.shown.append(s)))
    monkeypatch.setattr(ReportActions, "run_print", classmethod(lambda cls, p, s: record.shown.append(s)))
    return record


def test_actions_have_chinese_texts_and_print_shortcut(window, sample):
    report = ReportActions(window, lambda: sample)
    texts = [a.text() for a in report.actions()]
    assert texts[:5] == ["导出 PDF…", "导出 Excel…", "导出 CSV…", "打印预览…", "打印…"]
    assert report.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert report.full_ids_action.isCheckable() and not report.full_ids_action.isChecked()


def test_no_claim_shows_a_message_and_asks_nothing(window, calls):
    report = ReportActions(window, lambda: None)
    for action in report.actions()[:5]:
        action.trigger()
    assert len(calls.warnings) == 5 and "不能导出" in calls.warnings[0]
    assert calls.asked == [] and calls.shown == []


def test_export_pdf_writes_the_file(qtbot, window, calls, sample, tmp_path):
    report = ReportActions(window, lambda: sample)
    with qtbot.waitSignal(report.exported) as signal:
        report.export_pdf_action.trigger()
    path = Path(signal.args[0])
    assert path.suffix == ".pdf" and path.exists() and ENTERPRISE_NAME in calls.asked[0]
    assert "83,000.00" in squeeze(pdftotext(path))
    assert calls.errors == []


def test_export_xlsx_and_csv(window, calls, sample, tmp_path):
    report = ReportActions(window, lambda: sample)
    xlsx, csv = report.export_xlsx(), report.export_csv()
    assert xlsx is not None and xlsx.suffix == ".xlsx"
    assert csv is not None and csv.suffix == ".csv"
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".csv", ".xlsx"]


def test_full_ids_option_reaches_the_summary(window, calls, sample):
    report = ReportActions(window, lambda: sample)
    report.print_preview_action.trigger()
    report.full_ids_action.setChecked(True)
    report.print_action.trigger()
    masked, full = calls.shown
    first = sample[1].apprentices[0].id_number
    assert masked.roster[0][3] != first and full.roster[0][3] == first


def test_missing_font_is_an_error_message_and_no_file(window, calls, sample, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_fonts, "font_candidates", lambda: ())
    report = ReportActions(window, lambda: sample)
    assert report.export_pdf() is None
    assert calls.errors and "中文字体" in calls.errors[0]
    assert list(tmp_path.iterdir()) == []


def test_pdf_and_excel_are_made_off_the_gui_thread(qtbot, window, calls, sample, monkeypatch):
    threads: list[str] = []
    real = pdf_render.render_summary_pdf

    def spy(summary, progress=None):
        threads.append(threading.current_thread().name)
        return real(summary, progress)

    monkeypatch.setattr("ui.report.pdf.render_summary_pdf", spy)
    report = ReportActions(window, lambda: sample)
    assert report.export_pdf() is not None
    assert threads == ["export"] and threading.current_thread() is threading.main_thread()


def test_cancelling_an_export_writes_nothing(qtbot, window, calls, sample, monkeypatch, tmp_path):
    def cancel_at_once(parent, label, cancel_text, work):
        return real_make(parent, label, cancel_text, lambda progress: (progress(0, 1), work(lambda d, t: False))[1])

    real_make = background.make_off_thread
    monkeypatch.setattr("ui.report.actions.make_off_thread", cancel_at_once)
    report = ReportActions(window, lambda: sample)
    assert report.export_pdf() is None
    assert calls.errors == [] and not list(tmp_path.glob("*.pdf"))


def test_printer_prints_the_pages_of_the_pdf(qapp, sample, tmp_path):
    summary = build_summary(*sample)
    data, pages = pdf.render_pdf_bytes(summary)
    printer = preview.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    rasters = preview.PdfPages(data)
    assert preview.print_pages(printer, rasters) == pages
    rasters.close()
    printed = PdfReader(str(tmp_path / "printed.pdf"))
    assert len(printed.pages) == pages
    sizes = [(float(p.mediabox.width) > float(p.mediabox.height)) for p in printed.pages]
    original = [(float(p.mediabox.width) > float(p.mediabox.height)) for p in PdfReader(io.BytesIO(data)).pages]
    assert sizes == original and any(original)  # the roster annex prints landscape, the form portrait


def test_preview_shows_every_page_of_the_pdf(qtbot, window, sample):
    summary = build_summary(*sample)
    data, pages = pdf.render_pdf_bytes(summary)
    dialog = preview.PdfPreviewDialog(window, summary, data)
    qtbot.addWidget(dialog)
    assert "打印预览" in dialog.windowTitle()
    assert dialog.model.rowCount() == pages
    first = dialog.model.data(dialog.model.index(0), Qt.ItemDataRole.DecorationRole)
    assert abs(first.width() - 794) <= 1 and abs(first.height() - 1123) <= 1  # A4 at 96 dpi
    image = first.toImage()
    dark = sum(1 for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)
               if QColor(image.pixel(x, y)).lightness() < 128)
    assert dark > 300  # text and table borders
    dialog.reject()


def test_cancelled_pdf_writes_nothing(qapp, sample, tmp_path):
    path = tmp_path / "cancelled.pdf"
    with pytest.raises(pdf.RenderCancelled):
        pdf.write_pdf(path, build_summary(*sample), progress=lambda done, total: done < 2)
    assert list(tmp_path.iterdir()) == []


def test_materials_dialog_shows_the_printed_checklist(qtbot, window, sample, monkeypatch):
    from ui.report.materials_dialog import MaterialsDialog

    shown: list[MaterialsDialog] = []
    monkeypatch.setattr(ReportActions, "run_materials",
                        classmethod(lambda cls, parent, summary: shown.append(MaterialsDialog(parent, summary))))
    report = ReportActions(window, lambda: sample)
    assert report.materials_action in report.actions() and report.materials_action.text() == "申报材料清单…"
    report.materials_action.trigger()
    dialog = shown[0]
    qtbot.addWidget(dialog)
    summary = build_summary(*sample)
    table = dialog.table
    assert table.rowCount() == len(summary.materials) >= 5
    def cell(row: int, col: int) -> QTableWidgetItem:
        item = table.item(row, col)
        assert item is not None
        return item

    for row, line in enumerate(summary.materials):
        assert cell(row, 1).text() == line.text
        assert (cell(row, 0).checkState() == Qt.CheckState.Checked) == line.ready
    roster_row = next(r for r, line in enumerate(summary.materials) if line.text.startswith("学徒名册"))
    assert cell(roster_row, 0).checkState() == Qt.CheckState.Checked
    assert "申报材料清单" in dialog.windowTitle()


def test_a_name_completed_after_the_dialog_asks_before_replacing_a_file(window, calls, sample, tmp_path, monkeypatch):
    """The dialog returned a name without .csv (it asked about that name only); the completed name exists."""
    from ui.dialogs import ReplaceQuestion

    questions: list[Path] = []
    answers = [False, True]
    monkeypatch.setattr(ReplaceQuestion, "ask", classmethod(lambda cls, parent, path: questions.append(path)
                                                            or answers.pop(0)))
    report = ReportActions(window, lambda: sample)
    first = report.export_csv()  # nothing there yet: written without a question
    assert first is not None and questions == []
    first.write_bytes(b"the officer's own file")
    assert report.export_csv() is None  # asked, answered No: the file is left as it was
    assert questions == [first] and first.read_bytes() == b"the officer's own file"
    assert report.export_csv() == first  # asked again, answered Yes: replaced
    assert questions == [first, first] and first.read_bytes() != b"the officer's own file"
