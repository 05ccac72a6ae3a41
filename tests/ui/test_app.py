"""Starting the app: run_gui installs the configured translator, shows the window, opens a file argument."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel

from subsidy_calc.claim_file import save_claim
from subsidy_calc.models import Claim
from subsidy_calc.rule_loading import RuleCatalog, RuleFileError, RuleProblem
from ui import app as app_module
from ui import i18n
from ui.main_window import MainWindow
from ui.settings import default_settings
from ui.startup import Startup


def _windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def test_run_gui_shows_window_and_opens_file(qapp: Any, qtbot: Any, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    ini = tmp_path / "app.ini"
    QSettings(str(ini), QSettings.Format.IniFormat).setValue(i18n.LANGUAGE_KEY, "zh_CN")
    monkeypatch.setattr(app_module, "default_settings", lambda: QSettings(str(ini), QSettings.Format.IniFormat))
    path = tmp_path / "c.subsidy.json"
    save_claim(path, Claim(ruleset_id="wuhan", stage="advance"))
    before = set(map(id, _windows()))
    ready: list[MainWindow] = []
    started: list[Startup] = []
    start_gui = app_module.start_gui

    def recording_start(argv: list[str]) -> Startup:
        started.append(start_gui(argv))
        return started[-1]

    def exec_until_ready() -> int:  # run_gui = start_gui + exec; the window is built inside the loop
        with qtbot.waitSignal(started[0].ready, timeout=30_000) as signal:
            pass
        ready.append(signal.args[0])
        return 0

    monkeypatch.setattr(app_module, "start_gui", recording_start)
    monkeypatch.setattr(QApplication, "exec", staticmethod(exec_until_ready))
    assert app_module.run_gui(["subsidy-calc", str(path)]) == 0
    opened = [w for w in _windows() if id(w) not in before]
    assert opened == ready
    window = opened[0]
    try:
        assert window.isVisible()
        assert window.current_ruleset().id == "wuhan"
        assert window.file_path == path
    finally:
        window.close()
        window.deleteLater()


def test_rule_files_that_failed_are_shown(make_window: Any, catalog: RuleCatalog) -> None:
    broken = RuleFileError(Path("rules/broken.toml"),
                           [RuleProblem(Path("rules/broken.toml"), 3, "rate", "", "必须填写")])
    window: MainWindow = make_window(catalog=RuleCatalog(dict(catalog.rulesets), [broken]))
    banner = window.findChild(QLabel, "ruleErrorBanner")
    assert banner is not None
    assert "broken.toml 第3行" in banner.text()


def test_default_settings_are_isolated(tmp_path: Path) -> None:
    assert default_settings().fileName().startswith(str(tmp_path))
