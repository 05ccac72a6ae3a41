"""Autosave of raw drafts to a recovery file, and the offer to recover after a crash."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import shiboken6
from ui_helpers import WELDING, add_class

from ui.columns import ClassColumn
from ui.main_window import MainWindow
from ui.recovery import RecoveryStore, default_recovery_dir


def _crash(window: MainWindow) -> None:
    """The window goes away without closeEvent, as when the process dies."""
    window.autosave_timer.stop()
    shiboken6.delete(window)


def test_autosave_writes_raw_texts_even_when_invalid(window: MainWindow, qtbot: Any) -> None:
    add_class(window, WELDING)
    model = window.document.classes
    model.setData(model.index(0, ClassColumn.PLANNED), "二十人")
    qtbot.waitUntil(lambda: window.recovery.path.exists(), timeout=2000)
    state = json.loads(window.recovery.path.read_text(encoding="utf-8"))
    assert state["classes"][0][ClassColumn.PLANNED] == "二十人"
    assert state["fields"]["ruleset_id"] == "jinchang-2024"


def test_recover_after_crash(make_window: Any, recorder: Any, qtbot: Any, recovery_dir: Path) -> None:
    first: MainWindow = make_window()
    add_class(first, WELDING)
    first.form.edits["enterprise.name"].setText("金昌某某公司")
    model = first.document.classes
    model.setData(model.index(0, ClassColumn.START_DATE), "去年三月")
    first.write_recovery()
    _crash(first)
    recorder.recovery_answer = True
    second: MainWindow = make_window()
    assert len(recorder.recovery_asked) == 1
    assert "培训班 1 个" in recorder.recovery_asked[0]
    restored = second.document.classes
    assert restored.data(restored.index(0, ClassColumn.START_DATE)) == "去年三月"
    assert restored.data(restored.index(0, ClassColumn.OCCUPATION)) == "焊工"
    assert second.form.edits["enterprise.name"].text() == "金昌某某公司"
    assert second.isWindowModified()
    assert [p for p in recovery_dir.glob("*.json") if p != second.recovery.path] == []


def test_declined_recovery_is_deleted(make_window: Any, recorder: Any, recovery_dir: Path) -> None:
    first: MainWindow = make_window()
    add_class(first, WELDING)
    first.write_recovery()
    _crash(first)
    recorder.recovery_answer = False
    second: MainWindow = make_window()
    assert len(recorder.recovery_asked) == 1
    assert second.document.classes.rowCount() == 0
    assert list(recovery_dir.glob("*.json")) == []
    make_window()
    assert len(recorder.recovery_asked) == 1  # nothing left to offer


def test_clean_close_and_save_delete_the_recovery_file(make_window: Any, tmp_path: Path, recorder: Any) -> None:
    window: MainWindow = make_window()
    add_class(window, WELDING)
    window.write_recovery()
    assert window.recovery.path.exists()
    assert window.save_to(tmp_path / "c.subsidy.json")
    assert not window.recovery.path.exists()
    window.document.classes.setData(window.document.classes.index(0, ClassColumn.PLANNED), "30")
    window.write_recovery()
    assert window.recovery.path.exists()
    window.show()
    assert window.close()  # recorder answers DISCARD
    assert not window.recovery.path.exists()


def test_a_running_window_is_not_offered(make_window: Any, recorder: Any) -> None:
    first: MainWindow = make_window()
    add_class(first, WELDING)
    first.write_recovery()
    make_window()
    assert recorder.recovery_asked == []


def test_recovery_folder_follows_env(monkeypatch: Any, tmp_path: Path) -> None:
    monkeypatch.setenv("SUBSIDY_CALC_DATA_DIR", str(tmp_path / "d"))
    assert default_recovery_dir() == tmp_path / "d" / "recovery"
    store = RecoveryStore(default_recovery_dir())
    store.write({"format": "x"})
    assert store.path.parent == tmp_path / "d" / "recovery"
    store.discard()
    store.release()
