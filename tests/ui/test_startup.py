"""Start-up: the shell paints first and takes no input; the window is built after it, then `ready` is emitted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QLineEdit

from subsidy_calc.exit_status import ExitStatus
from subsidy_calc.money import format_yuan
from ui.main_window import MainWindow
from ui.startup import Startup, WindowShell, claim_file_argument
from ui.window_layout import initial_geometry


def _state(startup: Startup) -> tuple[MainWindow | None, WindowShell | None]:
    return startup.window, startup.shell


def _built_window(settings: QSettings, recovery_dir: Path) -> MainWindow:
    return MainWindow(settings=settings, recovery_dir=recovery_dir, offer_recovery=False)


def test_shell_paints_before_the_window_exists_and_takes_no_input(qtbot: Any, settings: QSettings,
                                                                  recovery_dir: Path) -> None:
    built: list[MainWindow] = []

    def build(s: QSettings) -> MainWindow:
        shell = startup.shell
        assert shell is not None and shell.painted and shell.isVisible()  # the frame came first
        built.append(_built_window(s, recovery_dir))
        return built[-1]

    startup = Startup(settings, build=build)
    startup.start()
    shell = startup.shell
    assert isinstance(shell, WindowShell)
    assert startup.window is None and not built
    # fitted to the screen at the first start (the offscreen screen is 800×800), as the window will be
    assert shell.geometry() == initial_geometry(shell.screen().availableGeometry(), shell.minimumSizeHint())
    assert shell.windowTitle().replace("[*]", "") == built_title_without_marker()
    assert not shell.findChildren(QLineEdit) and not shell.findChildren(QAbstractItemView)
    assert not shell.findChildren(QAbstractButton)
    with qtbot.waitSignal(startup.ready, timeout=30_000) as ready:
        pass
    window: MainWindow = ready.args[0]
    try:
        assert built == [window]
        assert window.isVisible() and not shell.isVisible()
        assert window.geometry() == shell.geometry()
        assert window.document.result is not None and window.results.gross.text() == "0.00"
        assert _state(startup) == (window, None)
    finally:
        window.close()
        window.deleteLater()


def built_title_without_marker() -> str:
    return "未命名申请 — 新型学徒制培训补贴计算"


def test_a_file_that_cannot_be_opened_is_reported_and_the_window_still_becomes_ready(
        qtbot: Any, settings: QSettings, recovery_dir: Path, tmp_path: Path, recorder: Any) -> None:
    broken = tmp_path / "broken.subsidy.json"
    broken.write_text("{", encoding="utf-8")
    startup = Startup(settings, broken, build=lambda s: _built_window(s, recovery_dir))
    startup.start()
    with qtbot.waitSignal(startup.ready, timeout=30_000) as ready:
        pass
    window = ready.args[0]
    try:
        assert [title for title, _ in recorder.messages] == ["无法打开"]
        assert window.file_path is None
    finally:
        window.close()
        window.deleteLater()


def _claim_file(tmp_path: Path) -> Path:
    from bench.data import write_claim_file

    return write_claim_file(tmp_path / "start.subsidy.json", 2, 5)


def test_the_file_is_read_before_the_window_shows_so_its_first_frame_has_the_totals(
        qtbot: Any, settings: QSettings, recovery_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[bool, bool]] = []
    opened = MainWindow.open_path

    def open_path(window: MainWindow, path: Path) -> bool:
        shell = startup.shell
        seen.append((window.isVisible(), shell is not None and shell.isVisible()))
        return opened(window, path)

    monkeypatch.setattr(MainWindow, "open_path", open_path)
    startup = Startup(settings, _claim_file(tmp_path), build=lambda s: _built_window(s, recovery_dir))
    startup.start()
    with qtbot.waitSignal(startup.ready, timeout=30_000) as ready:
        pass
    window: MainWindow = ready.args[0]
    try:
        assert seen == [(False, True)]  # read while the shell was up and the window not yet shown
        assert window.isVisible() and window.file_path is not None
        result = window.current_result()
        assert result is not None and result.gross > 0
        assert window.results.gross.text() == format_yuan(result.gross)
    finally:
        window.close()
        window.deleteLater()


def test_closing_the_shell_while_the_file_is_read_shows_no_window(
        qtbot: Any, settings: QSettings, recovery_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[MainWindow] = []
    opened = MainWindow.open_path

    def open_path(window: MainWindow, path: Path) -> bool:
        assert startup.shell is not None
        startup.shell.close()  # the user gives up while the file is being read
        return opened(window, path)

    def build(s: QSettings) -> MainWindow:
        built.append(_built_window(s, recovery_dir))
        return built[-1]

    monkeypatch.setattr(MainWindow, "open_path", open_path)
    readies: list[object] = []
    startup = Startup(settings, _claim_file(tmp_path), build=build)
    startup.ready.connect(readies.append)
    startup.start()
    qtbot.waitUntil(lambda: bool(built) and not shiboken6.isValid(built[0]), timeout=30_000)  # closed, deleted
    assert not readies and startup.window is None


def test_closing_the_shell_before_the_window_is_built_builds_nothing(qtbot: Any, settings: QSettings) -> None:
    calls: list[QSettings] = []

    def build(s: QSettings) -> MainWindow:
        calls.append(s)
        raise AssertionError("built after the shell was closed")

    startup = Startup(settings, build=build)
    startup.start()
    assert startup.shell is not None
    startup.shell.close()
    qtbot.wait(800)  # past the paint and the unpainted fallback
    assert not calls and startup.window is None


def test_a_window_that_fails_to_build_ends_the_app_with_internal_error(
        qtbot: Any, settings: QSettings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda status=0: exits.append(status)))

    def build(_s: QSettings) -> MainWindow:
        raise RuntimeError("broken install")

    startup = Startup(settings, build=build)
    startup.start()
    qtbot.waitUntil(lambda: bool(exits), timeout=30_000)
    assert exits == [ExitStatus.INTERNAL_ERROR] and startup.window is None
    assert "RuntimeError: broken install" in capsys.readouterr().err
    assert startup.shell is not None
    startup.shell.close()


def test_claim_file_argument_is_the_first_json_after_the_program() -> None:
    assert claim_file_argument(["main.py"]) is None
    assert claim_file_argument(["main.py.json", "-x", "a.subsidy.json", "b.json"]) == Path("a.subsidy.json")


# What the shell's first frame may cost: ui.app and ui.startup import no models, no pydantic, not the window.
BEFORE_FIRST_FRAME = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
import ui.app
startup = ui.app.start_gui(["main.py"])

def painted():
    print("LOADED", sorted(m for m in HEAVY if m in sys.modules))
    app.quit()

HEAVY = ("pydantic", "subsidy_calc.models", "subsidy_calc.rule_loading", "ui.main_window", "ui.document")
startup.shell.firstPainted.connect(painted)
app.exec()
"""


def test_the_first_frame_loads_no_models_and_not_the_window(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SUBSIDY_CALC_DATA_DIR": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-c", BEFORE_FIRST_FRAME], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, cwd=root, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "LOADED []" in proc.stdout, proc.stdout
