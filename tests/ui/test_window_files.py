"""Save / open round trip, title and modified marker, recent files, unsaved-changes prompt."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from ui_helpers import ELECTRICIAN, WELDING, add_class, credit_code, id_number

from subsidy_calc.claim_file import load_claim
from ui import settings as prefs
from ui.columns import ClassColumn
from ui.dialogs import SaveChoice
from ui.main_window import MainWindow


def _fill(window: MainWindow) -> None:
    window.form.edits["enterprise.name"].setText("金昌某某有限公司")
    window.form.edits["enterprise.credit_code"].setText(credit_code())
    window.form.stage_combo.setCurrentIndex(window.form.stage_combo.findData("settlement"))
    add_class(window, WELDING)
    add_class(window, ELECTRICIAN)
    add_class(window, {**WELDING, ClassColumn.CLASS_ID: "B3", ClassColumn.PLANNED: 1, ClassColumn.CERTIFIED: "",
                       ClassColumn.COMPLETED_NO_CERT: "", ClassColumn.DROPPED: ""})
    roster = window.document.roster
    roster.add_row(texts=["张三", id_number(1), "B3", "取证", "ZS-001", "2023-01-01", "2026-12-31"])
    assert window.document.problems == []


def test_save_then_open_round_trip(make_window: Any, tmp_path: Path, recorder: Any) -> None:
    first: MainWindow = make_window()
    _fill(first)
    claim = first.current_claim()
    assert claim is not None
    recorder.save_path = tmp_path / "申请.subsidy.json"
    assert first.save_action.isEnabled()
    first.save_action.trigger()
    assert recorder.messages == []
    assert load_claim(recorder.save_path) == claim
    assert first.windowTitle().startswith("申请.subsidy.json[*]")
    assert not first.isWindowModified()
    second: MainWindow = make_window()
    recorder.open_path = recorder.save_path
    second.open_action.trigger()
    assert second.current_claim() == claim
    assert second.file_path == recorder.save_path
    assert not second.isWindowModified()
    assert second.document.classes.data(second.document.classes.index(1, ClassColumn.CLASS_ID)) == "B2"
    assert second.current_result() == first.current_result()


def test_modified_marker_and_recent_files(window: MainWindow, tmp_path: Path, settings: QSettings) -> None:
    assert not window.isWindowModified()
    add_class(window, WELDING)
    assert window.isWindowModified()
    assert "[*]" in window.windowTitle()
    path = tmp_path / "a.subsidy.json"
    assert window.save_to(path)
    assert not window.isWindowModified()
    assert prefs.recent_files(settings) == [str(path)]
    assert [a.text() for a in window.recent_menu.actions()] == [str(path)]


def test_open_broken_file_explains_and_keeps_content(window: MainWindow, tmp_path: Path, recorder: Any) -> None:
    add_class(window, WELDING)
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"format": "something-else"}), encoding="utf-8")
    assert not window.open_path(broken)
    assert "不是本软件的申请文件" in recorder.messages[0][1]
    assert window.document.classes.rowCount() == 1


def test_close_with_changes_asks(make_window: Any, recorder: Any, tmp_path: Path) -> None:
    window: MainWindow = make_window()
    window.show()
    add_class(window, WELDING)
    recorder.unsaved_answer = SaveChoice.CANCEL
    assert not window.close()
    assert recorder.unsaved_asked == 1
    assert window.isVisible()
    recorder.unsaved_answer = SaveChoice.SAVE
    recorder.save_path = tmp_path / "saved.subsidy.json"
    assert window.close()
    assert recorder.save_path.exists()


def test_new_claim_asks_and_discards(window: MainWindow, recorder: Any) -> None:
    add_class(window, WELDING)
    recorder.unsaved_answer = SaveChoice.CANCEL
    window.new_action.trigger()
    assert window.document.classes.rowCount() == 1
    recorder.unsaved_answer = SaveChoice.DISCARD
    window.new_action.trigger()
    assert recorder.unsaved_asked == 2
    assert window.document.classes.rowCount() == 0
    assert not window.isWindowModified()
    assert window.undo_stack.count() == 0


def test_unchanged_window_closes_without_asking(make_window: Any, recorder: Any) -> None:
    window: MainWindow = make_window()
    window.show()
    assert window.close()
    assert recorder.unsaved_asked == 0


def test_opening_runs_off_the_gui_thread_and_can_be_cancelled(
        window: MainWindow, tmp_path: Path, monkeypatch: Any) -> None:
    import threading
    import time

    from PySide6.QtCore import QThread, QTimer
    from PySide6.QtWidgets import QProgressDialog

    from ui import background_open

    add_class(window, WELDING)
    assert window.save_to(tmp_path / "a.subsidy.json")
    from subsidy_calc.claim_file import read_claim_file as real
    threads: list[bool] = []
    release = threading.Event()

    def slow(path: Path) -> Any:
        threads.append(QThread.currentThread() is not window.thread())
        release.wait(5)
        return real(path)

    monkeypatch.setattr(background_open, "read_claim_file", slow)

    def press_cancel() -> None:
        dialogs = window.findChildren(QProgressDialog)
        assert dialogs
        dialogs[-1].canceled.emit()  # what its 取消 button does

    QTimer.singleShot(100, press_cancel)
    started = time.monotonic()
    assert not window.open_path(tmp_path / "a.subsidy.json")  # cancelled
    release.set()
    assert time.monotonic() - started < 4
    assert threads == [True]
    assert window.document.classes.rowCount() == 1
