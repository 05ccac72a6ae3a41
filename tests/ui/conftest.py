"""Fixtures for window tests: temp settings and recovery folder, dialogs that never block."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from subsidy_calc.rule_loading import RuleCatalog, load_catalog
from ui import dialogs
from ui.main_window import MainWindow

_CATALOG = load_catalog()


class Recorder:
    """Stands in for the modal dialogs; remembers what would have been shown."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []
        self.unsaved_answer = dialogs.SaveChoice.DISCARD
        self.unsaved_asked = 0
        self.recovery_answer = False
        self.recovery_asked: list[str] = []
        self.save_path: Path | None = None
        self.open_path: Path | None = None


@pytest.fixture(autouse=True)
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    rec = Recorder()

    def message(_cls: object, _parent: object, title: str, text: str) -> None:
        rec.messages.append((title, text))

    def unsaved(_cls: object, _parent: object, _name: str) -> dialogs.SaveChoice:
        rec.unsaved_asked += 1
        return rec.unsaved_answer

    def recovery(_cls: object, _parent: object, description: str) -> bool:
        rec.recovery_asked.append(description)
        return rec.recovery_answer

    for name in ("warn", "info", "about"):
        monkeypatch.setattr(dialogs.Messages, name, classmethod(message))
    monkeypatch.setattr(dialogs.UnsavedChangesDialog, "ask", classmethod(unsaved))
    monkeypatch.setattr(dialogs.RecoveryDialog, "ask", classmethod(recovery))
    monkeypatch.setattr(dialogs.ClaimFileDialog, "save_path", classmethod(lambda _c, _p, _s: rec.save_path))
    monkeypatch.setattr(dialogs.ClaimFileDialog, "open_path", classmethod(lambda _c, _p, _d: rec.open_path))
    return rec


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path: Path) -> None:
    """default_settings() (user-scope INI) writes below tmp_path, never to the real home."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def catalog() -> RuleCatalog:
    return _CATALOG


@pytest.fixture
def recovery_dir(tmp_path: Path) -> Path:
    return tmp_path / "recovery"


@pytest.fixture
def make_window(qtbot: Any, settings: QSettings, recovery_dir: Path,
                catalog: RuleCatalog) -> Iterator[Any]:
    created: list[MainWindow] = []

    def make(**kwargs: Any) -> MainWindow:
        options: dict[str, Any] = {"catalog": catalog, "settings": settings, "recovery_dir": recovery_dir,
                                   "autosave_ms": 20}
        options.update(kwargs)
        window = MainWindow(**options)
        created.append(window)
        return window

    yield make
    for window in created:
        try:
            window.undo_stack.setClean()
            window.close()
            window.deleteLater()
        except RuntimeError:  # already deleted by the test (simulated crash)
            pass


@pytest.fixture
def window(make_window: Any) -> MainWindow:
    win: MainWindow = make_window()
    win.show()
    return win
