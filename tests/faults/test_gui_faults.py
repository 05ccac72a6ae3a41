"""Faults the window must survive: a failing disk on save, no Chinese font.

The window's message boxes are replaced by a recorder (their classmethods are the seam, docs/gui.md).
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from subsidy_calc.claim_file import load_claim
from ui import dialogs, main_window
from ui.fonts import INSTALL_HINT
from ui.main_window import MainWindow
from ui.recovery import RecoveryStore

from .helpers import disk_full_under, saved, small_claim

CLASS = ["F01", "焊工", "中级工", "职工学徒", "2023-03-01", "2025-02-28", "20", "15", "3", "2", "", "否", "", ""]


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """What the window's message boxes would have shown (title, text); no box ever blocks a test."""
    messages: list[tuple[str, str]] = []

    def record(_cls: object, _parent: object, title: str, text: str) -> None:
        messages.append((title, text))

    for name in ("warn", "info", "about"):
        monkeypatch.setattr(dialogs.Messages, name, classmethod(record))
    monkeypatch.setattr(dialogs.RecoveryDialog, "ask", classmethod(lambda *_: False))
    monkeypatch.setattr(dialogs.UnsavedChangesDialog, "ask", classmethod(lambda *_: dialogs.SaveChoice.DISCARD))
    return messages


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, shown: list[tuple[str, str]]) -> Any:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings=settings, recovery_dir=tmp_path / "recovery", autosave_ms=20)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.undo_stack.setClean()
    win.close()


def _type_class(window: Any) -> None:
    model = window.document.classes
    row = model.add_row()
    for column, text in enumerate(CLASS):
        if text:
            assert model.setData(model.index(row, column), text)


def test_save_to_a_full_disk(window: Any, shown: list[tuple[str, str]], tmp_path: Path, qtbot: Any,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    disk = tmp_path / "U盘"
    disk.mkdir()
    target = disk / "申请.subsidy.json"
    before = saved(target, small_claim())
    _type_class(window)
    window.form.edits["enterprise.name"].setText("金昌某某有色金属公司")
    qtbot.waitUntil(lambda: window.document.result is not None and window.recovery.path.exists(), timeout=3000)
    disk_full_under(disk, monkeypatch)

    assert window.save_to(target) is False

    ((title, text),) = shown
    assert title == "无法保存"
    assert f"保存“{target}”失败" in text and os.strerror(errno.ENOSPC) in text
    assert target.read_bytes() == before and load_claim(target) == small_claim()
    assert sorted(p.name for p in disk.iterdir()) == [target.name]  # no temporary file left on the disk
    # still running, still unsaved, and what was typed is in the recovery file
    assert window.isVisible() and window.isWindowModified()
    state = RecoveryStore.read(window.recovery.path)
    assert state["classes"][0][:3] == CLASS[:3]
    assert state["fields"]["enterprise.name"] == "金昌某某有色金属公司"
    model = window.document.classes
    model.setData(model.index(0, 7), "16")
    assert window.document.result is not None and window.results.gross.text() != "—"


def test_no_chinese_font_is_explained_and_the_window_still_works(qtbot: Any, tmp_path: Path,
                                                                 shown: list[tuple[str, str]],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_window, "has_chinese_font", lambda: False)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(window)
    window.show()
    banner = window.findChild(QLabel, "fontBanner")
    assert banner is not None and banner.isVisible()
    assert "fonts-wqy-microhei" in banner.text()  # readable in English even when Chinese shows as boxes
    assert "未安装中文字体" in banner.text()
    _type_class(window)
    assert window.document.result is not None
    assert window.results.gross.text() == "40,000.00"  # advance (the default stage): 20 × 4000 × 50%
    window.undo_stack.setClean()



# The whole app without a Chinese font, through run_gui as main.py starts it: the hint goes to stderr, the
# window shows the banner, calculates, and the app exits normally when the window closes.
NO_FONT_APP = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
import ui.app, ui.main_window
ui.app.has_chinese_font = ui.main_window.has_chinese_font = lambda: False
app = QApplication(sys.argv)

def check(window):
    banner = window.findChild(QLabel, "fontBanner")
    print("BANNER", banner is not None and banner.isVisible(), "RESULT", window.document.result is not None)
    window.close()

start_gui = ui.app.start_gui
def start_and_check(argv):
    startup = start_gui(argv)
    startup.ready.connect(check)
    return startup

ui.app.start_gui = start_and_check
sys.exit(ui.app.run_gui(["main.py"]))
"""


def test_app_without_a_chinese_font_starts_explains_and_exits_normally(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SUBSIDY_CALC_DATA_DIR": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-c", NO_FONT_APP], capture_output=True, text=True, encoding="utf-8",
                          timeout=60, cwd=root, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "BANNER True RESULT True" in proc.stdout
    assert INSTALL_HINT in proc.stderr and "Traceback" not in proc.stderr
