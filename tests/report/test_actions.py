"""ReportActions: the File-menu actions export, preview and print through monkeypatched dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from subsidy_calc.export.summary import SummaryDocument, build_summary
from tests.report.conftest import pdftotext, squeeze
from tests.report.samples import ENTERPRISE_NAME
from ui.report import actions as actions_module
from ui.report import pdf, preview
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
    monkeypatch.setattr(pdf, "best_chinese_family", lambda: None)
    report = ReportActions(window, lambda: sample)
    assert report.export_pdf() is None
    assert calls.errors and "中文字体" in calls.errors[0]
    assert list(tmp_path.iterdir()) == []


def test_large_roster_shows_progress(qtbot, window, calls, sample, monkeypatch):
    monkeypatch.setattr(actions_module, "LARGE_ROSTER", 5)
    report = ReportActions(window, lambda: sample)
    assert report.export_pdf() is not None


def test_printer_uses_the_same_painter(qapp, sample, tmp_path):
    summary = build_summary(*sample)
    printer = preview.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = pdf.paint_summary(printer, summary)
    text = squeeze(pdftotext(tmp_path / "printed.pdf"))
    assert "捌万叁仟元整" in text and f"第{pages}页共{pages}页" in text


def test_preview_dialog_paints_on_request(qtbot, window, sample):
    printer = preview.make_printer()
    dialog = preview.make_preview_dialog(window, build_summary(*sample), printer)
    assert isinstance(dialog, QPrintPreviewDialog)
    qtbot.addWidget(dialog)
    assert "打印预览" in dialog.windowTitle()
    with qtbot.waitSignal(dialog.paintRequested, timeout=5000):
        dialog.show()
    dialog.close()


def test_cancelled_pdf_writes_nothing(qapp, sample, tmp_path):
    path = tmp_path / "cancelled.pdf"
    with pytest.raises(pdf.RenderCancelled):
        pdf.write_pdf(path, build_summary(*sample), progress=lambda done, total: done < 2)
    assert list(tmp_path.iterdir()) == []
