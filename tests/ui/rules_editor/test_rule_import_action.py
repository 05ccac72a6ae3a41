"""文件 → 导入规则集…: an invalid file is refused with the `rules --check` message; a good one is installed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox

from subsidy_calc.enums import SkillLevel
from subsidy_calc.rule_loading import RULES_DIR, RuleFileError, load_catalog, load_ruleset, user_rules_dir
from subsidy_calc.rule_toml import ruleset_toml
from tests.subsidy_calc.rule_helpers import shipped, with_level_rate
from ui import settings as prefs
from ui.main_window import MainWindow
from ui.rules_editor.wiring import RuleActions


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    shown: dict[str, list[str]] = {"warn": [], "confirm": []}
    monkeypatch.setattr(RuleActions, "warn", classmethod(lambda _c, _p, _t, text: shown["warn"].append(text)))

    def confirm(_cls: object, _parent: object, text: str) -> bool:
        shown["confirm"].append(text)
        return True

    monkeypatch.setattr(RuleActions, "confirm", classmethod(confirm))
    return shown


def test_invalid_file_is_refused_with_the_check_message(make_window: Any, tmp_path: Path,
                                                         dialogs: dict[str, list[str]]) -> None:
    window: MainWindow = make_window(catalog=load_catalog())
    broken = tmp_path / "ruian.toml"
    broken.write_text((RULES_DIR / "ruian.toml").read_text(encoding="utf-8").replace("share = 0.6", "share = 6"),
                      encoding="utf-8")
    assert window.rule_actions.import_file(broken) is None
    with pytest.raises(RuleFileError) as caught:
        load_ruleset(broken)
    assert dialogs["warn"] and all(str(p) in dialogs["warn"][0] for p in caught.value.problems)
    assert not (user_rules_dir() / "ruian.toml").exists() and not dialogs["confirm"]


def test_good_file_shows_changes_installs_and_recalculates(make_window: Any, tmp_path: Path,
                                                           dialogs: dict[str, list[str]]) -> None:
    window: MainWindow = make_window(catalog=load_catalog())
    edited = with_level_rate(shipped("wuhan"), SkillLevel.INTERMEDIATE, Decimal(5600), version="2026.2")
    source = tmp_path / "wuhan.toml"
    source.write_text(ruleset_toml(edited), encoding="utf-8")
    plan = window.rule_actions.import_file(source)
    assert plan is not None and not dialogs["warn"]
    assert "values.2019-01-01.rate.levels.中级工: 5000 → 5600" in dialogs["confirm"][0]
    assert window.catalog.get("wuhan") == edited
    origin = window.catalog.origin("wuhan")
    assert origin is not None and origin.local and origin.path == user_rules_dir() / "wuhan.toml"
    combo = window.findChild(QComboBox, "rulesetCombo")
    assert combo is not None and "本地" in combo.itemText(combo.findData("wuhan"))


def test_the_file_dialog_starts_in_the_last_folder_and_remembers_the_one_chosen(
        make_window: Any, settings: QSettings, tmp_path: Path, dialogs: dict[str, list[str]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """文件 → 导入规则集… opens where the user's other dialogs open (not Qt's working folder), and the next dialog
    opens in the folder the rule file came from (e.g. a colleague's USB stick)."""
    last, stick = tmp_path / "last", tmp_path / "stick"
    last.mkdir()
    stick.mkdir()
    settings.setValue(prefs.LAST_DIR_KEY, str(last))
    source = stick / "wuhan.toml"
    source.write_text(ruleset_toml(with_level_rate(shipped("wuhan"), SkillLevel.INTERMEDIATE, Decimal(5600),
                                                   version="2026.2")), encoding="utf-8")
    started_in: list[str] = []
    answers: list[Path | None] = [source, None]

    def ask_path(_cls: object, _parent: object, folder: str) -> Path | None:
        started_in.append(folder)
        return answers.pop(0)

    monkeypatch.setattr(RuleActions, "ask_path", classmethod(ask_path))
    window: MainWindow = make_window(catalog=load_catalog())
    window.rule_actions.import_action.trigger()
    assert window.catalog.get("wuhan").version == "2026.2"  # chosen and installed
    window.rule_actions.import_action.trigger()  # cancelled: nothing changes
    assert started_in == [str(last), str(stick)]
    assert prefs.last_directory(settings) == str(stick)
