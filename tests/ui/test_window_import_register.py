"""The window's roster import (menu, drop) and the double-claim register checks on save and export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from ui_helpers import WELDING, add_class

from bench.samples import make_roster_workbook
from ui.claim_guards import DoubleClaimGuard
from ui.importing.result_dialog import ImportResultDialog
from ui.main_window import MainWindow
from ui.report.actions import ReportActions


def _import(window: MainWindow, qtbot: Any, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ImportResultDialog, "confirm", classmethod(lambda cls, p, r: True))
    with qtbot.waitSignal(window.importing.actions.import_finished, timeout=20000):
        window.importing.actions.import_path(path)


def test_file_menu_offers_import_and_template(window: MainWindow) -> None:
    texts = [a.text() for a in window.file_menu.actions()]
    assert "导入花名册…" in texts and "保存花名册模板…" in texts


def test_imported_workbook_fills_classes_and_roster_as_one_undo_step(
        window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    info = make_roster_workbook(tmp_path / "roster.xlsx", 40, n_classes=2, bad_rows=3, seed=1)
    _import(window, qtbot, info.path, monkeypatch)
    assert window.document.roster.rowCount() == 40
    assert window.document.classes.rowCount() == 2
    claim = window.current_claim()
    assert claim is not None and len(claim.roster) == 40
    window.undo_stack.undo()
    assert window.document.roster.rowCount() == 0


def test_a_dropped_roster_file_is_imported(window: MainWindow, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    dropped: list[Path] = []
    monkeypatch.setattr(window.importing.actions, "import_path", lambda path, mapping=None: dropped.append(path))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "花名册.xlsx"))])
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert dropped == [tmp_path / "花名册.xlsx"]
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    window.dropEvent(QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, other, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    assert len(dropped) == 1


def test_second_claim_for_the_same_people_is_flagged_on_save_and_before_export(
        make_window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    info = make_roster_workbook(tmp_path / "roster.xlsx", 12, n_classes=1, seed=2)
    shown: list[str] = []
    monkeypatch.setattr(DoubleClaimGuard, "show_overlaps", classmethod(lambda cls, parent, text: shown.append(text)))

    first = make_window()
    _import(first, qtbot, info.path, monkeypatch)
    assert first.save_to(tmp_path / "first.subsidy.json")
    assert shown == []  # nothing to overlap with yet

    second = make_window()
    _import(second, qtbot, info.path, monkeypatch)
    assert second.save_to(tmp_path / "second.subsidy.json")
    assert len(shown) == 1 and "培训期重叠" in shown[0] and "********" in shown[0]

    asked: list[str] = []
    monkeypatch.setattr(DoubleClaimGuard, "ask_continue", classmethod(lambda cls, p, text: asked.append(text) or False))
    target = tmp_path / "out.csv"
    monkeypatch.setattr(ReportActions, "ask_save_path", classmethod(lambda *_a: target))
    monkeypatch.setattr(ReportActions, "show_warning", classmethod(lambda *a: None))
    assert second.report_actions.export_csv() is None
    assert asked and "仍要导出吗" in asked[0] and not target.exists()


def test_saving_again_does_not_flag_the_claim_against_itself(
        window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(DoubleClaimGuard, "show_overlaps", classmethod(lambda cls, parent, text: shown.append(text)))
    _import(window, qtbot, make_roster_workbook(tmp_path / "r.xlsx", 5, n_classes=1, seed=3).path, monkeypatch)
    add_class(window, WELDING)
    path = tmp_path / "claim.subsidy.json"
    assert window.save_to(path) and window.save_to(path)
    assert shown == []
    assert window.double_claims.before_export(window.current_claim())  # type: ignore[arg-type]


def test_erasing_the_register_asks_first_then_removes_register_and_key(
        window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from subsidy_calc.register import default_key_store, default_path

    monkeypatch.setattr(DoubleClaimGuard, "show_overlaps", classmethod(lambda cls, parent, text: None))
    _import(window, qtbot, make_roster_workbook(tmp_path / "r.xlsx", 3, n_classes=1, seed=4).path, monkeypatch)
    assert window.save_to(tmp_path / "claim.subsidy.json")
    keys = default_key_store(default_path())
    assert default_path().exists() and keys.load() is not None
    assert "清除重复申领登记…" in [a.text() for a in window.file_menu.actions()]
    monkeypatch.setattr(DoubleClaimGuard, "confirm_erase", classmethod(lambda cls, parent, text: False))
    window.double_claims.erase_action.trigger()
    assert default_path().exists()
    asked: list[str] = []
    monkeypatch.setattr(DoubleClaimGuard, "confirm_erase",
                        classmethod(lambda cls, parent, text: asked.append(text) is None))
    window.double_claims.erase_action.trigger()
    assert asked and "密钥" in asked[0]
    assert not default_path().exists() and keys.load() is None
    assert "已清除重复申领登记" in window.statusBar().currentMessage()


def test_a_stale_temporary_copy_beside_a_claim_is_removed_when_it_is_opened(
        window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.setattr(DoubleClaimGuard, "show_overlaps", classmethod(lambda cls, parent, text: None))
    _import(window, qtbot, make_roster_workbook(tmp_path / "r.xlsx", 3, n_classes=1, seed=5).path, monkeypatch)
    path = tmp_path / "claim.subsidy.json"
    assert window.save_to(path)
    stale = tmp_path / ".claim.subsidy.json.abcd1234.tmp"
    fresh = tmp_path / ".claim.subsidy.json.efgh5678.tmp"
    other = tmp_path / ".other.json.abcd1234.tmp"
    for leftover in (stale, fresh, other):
        leftover.write_text("{}", encoding="utf-8")
    os.utime(stale, (1, 1))
    os.utime(other, (1, 1))
    assert window.open_path(path)
    assert not stale.exists() and fresh.exists() and other.exists()


@pytest.mark.parametrize("kind", ["dense", "ods", "bomb-of-digits"])
def test_the_window_says_why_a_hostile_file_is_refused(
        window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    from tests.hostile.files import ods, sheet, text_cell, xlsx_with_sheet_xml
    from ui.importing.actions import ImportActions

    if kind == "dense":
        path = xlsx_with_sheet_xml(tmp_path / "dense.xlsx", sheet(
            f'<row r="1">{text_cell("A1", "x")}</row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))
        expected = "工作表“学徒花名册”的数据行数(表头除外)超过上限(上限 200,000 行,实际 1,048,575 行)"
    elif kind == "ods":
        path = ods(tmp_path / "r.ods", '<table:table-row table:number-rows-repeated="3000"><table:table-cell '
                                       'office:value-type="string" table:number-columns-repeated="3000"><text:p>x'
                                       "</text:p></table:table-cell></table:table-row>")
        expected = "工作表“学徒花名册”的列数超过上限(上限 256 列,实际 3,000 列)"
    else:
        path = tmp_path / "digits.xlsx"
        path.write_bytes(b"PK\x03\x04" + b"9" * 5000)
        expected = "不是有效的 Excel 文件"
    shown: list[str] = []
    monkeypatch.setattr(ImportActions, "show_error", lambda self, title, message: shown.append(message))
    with qtbot.waitSignal(window.importing.actions.import_finished, timeout=20000):
        window.importing.actions.import_path(path)
    assert len(shown) == 1 and expected in shown[0]


def test_the_last_import_result_can_be_read_again_after_its_dialog_closed(
        window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What was refused, and what the refused people would have earned, stays one menu item away."""
    actions = window.importing.actions
    assert actions.last_result_action in window.file_menu.actions() and not actions.last_result_action.isEnabled()
    info = make_roster_workbook(tmp_path / "roster.xlsx", 40, n_classes=2, bad_rows=3, seed=1)
    _import(window, qtbot, info.path, monkeypatch)
    shown: list[Any] = []
    monkeypatch.setattr(ImportResultDialog, "review", classmethod(lambda cls, parent, result: shown.append(result)))
    assert actions.last_result_action.isEnabled()
    assert "文件 → 上次导入结果…" in window.statusBar().currentMessage()
    actions.last_result_action.trigger()
    result = actions.last_result
    assert result is not None and shown == [result]
    assert result.rows_rejected == 3 and len(result.roster) == 40
    dialog = ImportResultDialog(window, result, review=True)  # what review() shows: nothing left to apply
    qtbot.addWidget(dialog)
    assert dialog.apply_button is None and dialog.model.rowCount() == len(result.problems) + len(result.warnings)
    assert dialog.save_button.isEnabled()
