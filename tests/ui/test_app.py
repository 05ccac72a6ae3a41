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


def _windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def test_run_gui_shows_window_and_opens_file(qapp: Any, tmp_path: Path, settings: QSettings,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    ini = tmp_path / "app.ini"
    QSettings(str(ini), QSettings.Format.IniFormat).setValue(i18n.LANGUAGE_KEY, "zh_CN")
    monkeypatch.setattr(app_module, "default_settings", lambda: QSettings(str(ini), QSettings.Format.IniFormat))
    monkeypatch.setattr(QApplication, "exec", lambda _self: 0)
    path = tmp_path / "c.subsidy.json"
    save_claim(path, Claim(ruleset_id="wuhan", stage="advance"))
    before = set(map(id, _windows()))
    assert app_module.run_gui(["subsidy-calc", str(path)]) == 0
    opened = [w for w in _windows() if id(w) not in before]
    assert len(opened) == 1
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
