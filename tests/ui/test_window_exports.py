"""The window's public API feeds the exporters (ui.report.actions) as they expect."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ui_helpers import WELDING, add_class

from ui.main_window import MainWindow
from ui.report.actions import ReportActions


def test_report_actions_export_the_window_claim(window: MainWindow, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    window.form.stage_combo.setCurrentIndex(window.form.stage_combo.findData("settlement"))
    add_class(window, WELDING)
    target = tmp_path / "classes.csv"
    monkeypatch.setattr(ReportActions, "ask_save_path", classmethod(lambda *_a: target))
    warnings: list[Any] = []
    monkeypatch.setattr(ReportActions, "show_warning", classmethod(lambda *a: warnings.append(a)))
    actions = ReportActions(window, window.calculated)
    assert actions.export_csv() == target
    text = target.read_bytes().decode("utf-8-sig")
    assert "B1" in text and "120000.00" in text.replace(",", "")


def test_calculated_is_none_while_drafts_are_invalid(window: MainWindow) -> None:
    window.document.classes.add_row()
    assert window.calculated() is None


def test_file_menu_offers_export_and_print(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [a.text() for a in window.file_menu.actions()]
    for wanted in ("导出 PDF…", "导出 Excel…", "导出 CSV…", "打印预览…", "打印…"):
        assert wanted in texts
    assert window.report_actions.print_action.shortcut().toString() == "Ctrl+P"
    window.form.stage_combo.setCurrentIndex(window.form.stage_combo.findData("settlement"))
    add_class(window, WELDING)
    target = tmp_path / "claim.pdf"
    monkeypatch.setattr(ReportActions, "ask_save_path", classmethod(lambda *_a: target))
    monkeypatch.setattr(ReportActions, "show_warning", classmethod(lambda *a: None))
    window.report_actions.export_pdf_action.trigger()
    assert target.read_bytes().startswith(b"%PDF")
    assert "claim.pdf" in window.statusBar().currentMessage()


def test_export_dialog_starts_in_the_claim_folder_with_a_suggested_name(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui_helpers import credit_code

    window.form.edits["enterprise.name"].setText("金昌某某有限公司")
    window.form.edits["enterprise.credit_code"].setText(credit_code())
    window.form.stage_combo.setCurrentIndex(window.form.stage_combo.findData("settlement"))
    window.form.claim_date.setDate(window.form.claim_date.date().fromString("2025-03-10", "yyyy-MM-dd"))
    add_class(window, WELDING)
    folder = tmp_path / "申请"
    folder.mkdir()
    assert window.save_to(folder / "a.subsidy.json")
    asked: list[str] = []

    def ask(_cls: object, _parent: object, _caption: str, _filter: str, suggested: str) -> None:
        asked.append(suggested)

    monkeypatch.setattr(ReportActions, "ask_save_path", classmethod(ask))
    monkeypatch.setattr(ReportActions, "show_warning", classmethod(lambda *a: None))
    assert window.report_actions.export_pdf() is None
    assert asked == [str(folder / "金昌某某有限公司_清算_2025-03-10.pdf")]
