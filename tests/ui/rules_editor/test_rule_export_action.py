"""文件 → 导出规则集… and the editor's 导出…: a .toml file that imports back as the same set, unsaved edits never
exported silently, errors said in Chinese with nothing left behind."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QPushButton
from ui_helpers import open_editor, set_level

from subsidy_calc.enums import SkillLevel
from subsidy_calc.rule_fingerprint import fingerprint
from subsidy_calc.rule_loading import RULES_DIR, load_catalog, load_ruleset, user_rules_dir
from subsidy_calc.rule_rates import LevelRate
from ui import settings as prefs
from ui.main_window import MainWindow
from ui.rules_editor.dialog import RuleSetEditor
from ui.rules_editor.export_action import ExportChoice, RuleExporter
from ui.rules_editor.wiring import RuleActions


@dataclass
class Shown:
    """What the export's dialogs were asked and said; `path` is what the save dialog answers."""

    path: Path | None = None
    asked: list[tuple[str, str]] = field(default_factory=list)  # (caption, suggested)
    choices: list[list[str]] = field(default_factory=list)
    choice: str | None = None
    confirmed: list[str] = field(default_factory=list)
    confirm_answer: bool = True
    info: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Shown:
    record = Shown()

    def ask_path(_cls: object, _parent: object, caption: str, suggested: str) -> Path | None:
        record.asked.append((caption, suggested))
        return record.path

    def choose(_cls: object, _parent: object, options: list[tuple[str, str]]) -> str | None:
        record.choices.append([i for i, _label in options])
        return record.choice

    def confirm(_cls: object, _parent: object, _title: str, text: str) -> bool:
        record.confirmed.append(text)
        return record.confirm_answer

    monkeypatch.setattr(RuleExporter, "ask_path", classmethod(ask_path))
    monkeypatch.setattr(RuleExporter, "choose", classmethod(choose))
    monkeypatch.setattr(RuleExporter, "confirm", classmethod(confirm))
    monkeypatch.setattr(RuleExporter, "inform", classmethod(lambda _c, _p, _t, text: record.info.append(text)))
    monkeypatch.setattr(RuleExporter, "warn", classmethod(lambda _c, _p, _t, text: record.warnings.append(text)))
    return record


@pytest.fixture
def own_window(make_window: Any, settings: QSettings, tmp_path: Path) -> MainWindow:
    """A window on a catalog of its own (this test's user folder); the user's last folder is `last`."""
    (tmp_path / "last").mkdir()
    settings.setValue(prefs.LAST_DIR_KEY, str(tmp_path / "last"))
    window: MainWindow = make_window(catalog=load_catalog())
    window.show()
    return window


def click(editor: RuleSetEditor, name: str) -> None:
    button = editor.findChild(QPushButton, name)
    assert button is not None and button.isVisible()
    button.click()


def intermediate_rate(path: Path) -> Decimal:
    ruleset = load_ruleset(path)
    rate = ruleset.values[max(ruleset.values)].rate
    assert isinstance(rate, LevelRate)
    return rate.levels[SkillLevel.INTERMEDIATE]


def test_menu_exports_the_open_claims_set_beside_import(own_window: MainWindow, shown: Shown,
                                                        tmp_path: Path) -> None:
    actions = own_window.file_menu.actions()
    names = [a.objectName() for a in actions]
    assert names.index("exportRulesAction") == names.index("importRulesAction") + 1
    assert actions[names.index("exportRulesAction")].text() == "导出规则集…"
    ruleset_id = own_window.document.field("ruleset_id")
    assert ruleset_id == "jinchang-2024"
    shown.path = tmp_path / "last" / "jinchang-2024"  # typed without the extension
    own_window.rule_actions.export_action.trigger()
    target = tmp_path / "last" / "jinchang-2024.toml"
    assert shown.asked == [("导出规则集 jinchang-2024", str(target))]
    assert target.read_text(encoding="utf-8") == (RULES_DIR / "jinchang-2024.toml").read_text(encoding="utf-8")
    assert not shown.warnings and not shown.choices and not shown.confirmed
    assert "已导出规则集 jinchang-2024" in shown.info[0] and str(target) in shown.info[0]
    assert "内置规则集" in shown.info[0] and "导入规则集" in shown.info[0]


def test_exported_local_set_imports_back_as_the_same_set(own_window: MainWindow, make_window: Any, shown: Shown,
                                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    editor = open_editor(own_window)
    editor.select("jinchang-2024")
    click(editor, "copyRuleSetButton")
    set_level(editor, "中级工", "4800")
    assert editor.save()
    original = own_window.catalog.get("jinchang-2024-local")
    editor.select("jinchang-2024-local")
    shown.path = tmp_path / "last" / "jinchang-2024-local.toml"
    click(editor, "exportRuleSetButton")
    assert shown.path.is_file() and not shown.warnings and "本地规则集" in shown.info[0]
    # A colleague's machine: an empty user folder, the file imported through 文件 → 导入规则集….
    colleague = tmp_path / "colleague-rules"
    monkeypatch.setenv("SUBSIDY_CALC_RULES_DIR", str(colleague))
    monkeypatch.setattr(RuleActions, "confirm", classmethod(lambda _c, _p, _t: True))
    other: MainWindow = make_window(catalog=load_catalog(), recovery_dir=tmp_path / "other-recovery",
                                    settings=QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat))
    assert "jinchang-2024-local" not in other.catalog.rulesets
    assert other.rule_actions.import_file(shown.path) is not None
    back = other.catalog.get("jinchang-2024-local")
    origin = other.catalog.origin("jinchang-2024-local")
    assert origin is not None and origin.path == colleague / "jinchang-2024-local.toml"
    assert back == original and fingerprint(back) == fingerprint(original)
    assert intermediate_rate(origin.path) == Decimal(4800)


def test_unsaved_edits_are_saved_first_when_the_user_says_so(own_window: MainWindow, shown: Shown,
                                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, str]] = []

    def answer(_self: RuleSetEditor, draft_id: str, ruleset_id: str) -> ExportChoice:
        asked.append((draft_id, ruleset_id))
        return ExportChoice.SAVE_THEN_EXPORT

    monkeypatch.setattr(RuleSetEditor, "ask_export_unsaved", answer)
    editor = open_editor(own_window)
    editor.select("jinchang-2024")
    editor.edit_selected()
    set_level(editor, "中级工", "4400")
    shown.path = tmp_path / "last" / "jinchang-2024.toml"
    click(editor, "exportRuleSetButton")
    assert asked == [("jinchang-2024", "jinchang-2024")]
    assert editor.undo_stack.isClean() and (user_rules_dir() / "jinchang-2024.toml").is_file()
    assert intermediate_rate(shown.path) == Decimal(4400) and not shown.warnings


def test_exporting_the_saved_file_says_the_edits_are_not_in_it(own_window: MainWindow, shown: Shown,
                                                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RuleSetEditor, "ask_export_unsaved", lambda _s, _d, _r: ExportChoice.EXPORT_SAVED)
    editor = open_editor(own_window)
    editor.select("jinchang-2024")
    editor.copy_selected()  # a copy, jinchang-2024-local, of the set the open claim uses
    set_level(editor, "中级工", "4400")
    shown.path = tmp_path / "last" / "jinchang-2024.toml"
    own_window.rule_actions.export_action.trigger()  # the menu asks too, while the editor is open
    assert intermediate_rate(shown.path) == Decimal(4000)
    assert "jinchang-2024-local 未保存的修改不在这个文件里" in shown.info[0]
    assert not editor.undo_stack.isClean() and not (user_rules_dir() / "jinchang-2024-local.toml").exists()


def test_cancel_at_the_unsaved_question_or_the_save_dialog_writes_nothing(
        own_window: MainWindow, shown: Shown, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RuleSetEditor, "ask_export_unsaved", lambda _s, _d, _r: ExportChoice.CANCEL)
    editor = open_editor(own_window)
    editor.select("wuhan")
    editor.edit_selected()
    editor.set_value(("title",), "武汉(改)", structural=False)
    click(editor, "exportRuleSetButton")
    assert not shown.asked  # no save dialog after 取消
    editor.select("ruian")  # a set the draft is not about: no question, straight to the save dialog
    click(editor, "exportRuleSetButton")
    assert shown.asked == [("导出规则集 ruian", str(tmp_path / "last" / "ruian.toml"))]
    assert list((tmp_path / "last").iterdir()) == [] and not shown.info and not shown.warnings


def test_a_claim_without_a_usable_set_asks_which(own_window: MainWindow, shown: Shown, tmp_path: Path) -> None:
    own_window.document.edit_field("ruleset_id", "nowhere-2030")
    shown.choice = None
    own_window.rule_actions.export_action.trigger()
    assert shown.choices[0] == sorted(own_window.catalog.rulesets) and not shown.asked
    shown.choice = "nantong-2019"
    shown.path = tmp_path / "last" / "nantong-2019.toml"
    own_window.rule_actions.export_action.trigger()
    assert load_ruleset(shown.path) == own_window.catalog.get("nantong-2019")


def test_another_file_name_is_exported_only_when_confirmed(own_window: MainWindow, shown: Shown,
                                                           tmp_path: Path) -> None:
    shown.path = tmp_path / "last" / "金昌规则.toml"
    shown.confirm_answer = False
    own_window.rule_actions.export_action.trigger()
    assert "“jinchang-2024.toml”" in shown.confirmed[0] and not shown.path.exists()
    shown.confirm_answer = True
    own_window.rule_actions.export_action.trigger()
    assert shown.path.is_file() and shown.info


@pytest.mark.parametrize(("name", "words"), [("CON.toml", "Windows 保留的设备名"), ("a:b.toml", "不允许的字符")])
def test_a_name_windows_refuses_is_said_and_nothing_written(own_window: MainWindow, shown: Shown, tmp_path: Path,
                                                            name: str, words: str) -> None:
    shown.path = tmp_path / "last" / name
    shown.confirm_answer = True
    own_window.rule_actions.export_action.trigger()
    assert words in shown.warnings[0] and "没有写入任何内容" in shown.warnings[0]
    assert not shown.confirmed  # refused at once, not asked "save as CON.toml anyway?" first
    assert list((tmp_path / "last").iterdir()) == [] and not shown.info


@pytest.mark.parametrize(("code", "words"), [(errno.ENOSPC, "磁盘已满"), (errno.EACCES, "没有写入权限")])
def test_a_failed_write_is_said_in_chinese_and_leaves_the_old_file(own_window: MainWindow, shown: Shown,
                                                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   code: int, words: str) -> None:
    target = tmp_path / "last" / "jinchang-2024.toml"
    target.write_text("an older export", encoding="utf-8")
    shown.path = target

    def failing(_fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", failing)
    own_window.rule_actions.export_action.trigger()
    warning = shown.warnings[0]
    assert words in warning and str(target) in warning and "原有的同名文件保持不变" in warning
    assert [p.name for p in (tmp_path / "last").iterdir()] == ["jinchang-2024.toml"]
    assert target.read_text(encoding="utf-8") == "an older export" and not shown.info


def test_export_with_nothing_selected_says_what_to_do(own_window: MainWindow, shown: Shown,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(RuleSetEditor, "warn", lambda _s, _t, text: said.append(text))
    editor = open_editor(own_window)
    editor.list.clearSelection()
    editor.list.setCurrentCell(-1, -1)
    click(editor, "exportRuleSetButton")
    assert said and "请先在列表中选择" in said[0] and not shown.asked


def test_the_next_export_starts_in_the_folder_the_last_one_went_to(own_window: MainWindow, shown: Shown,
                                                                    tmp_path: Path) -> None:
    elsewhere = tmp_path / "U盘"
    elsewhere.mkdir()
    shown.path = elsewhere / "jinchang-2024.toml"
    own_window.rule_actions.export_action.trigger()
    assert (elsewhere / "jinchang-2024.toml").exists()
    own_window.rule_actions.export_action.trigger()
    assert shown.asked[-1] == ("导出规则集 jinchang-2024", str(elsewhere / "jinchang-2024.toml"))
