"""Language: Chinese by default, English through Preferences (stored in QSettings, .qm translator)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from ui import dialogs, i18n
from ui.main_window import MainWindow


@pytest.fixture
def restore_chinese() -> Iterator[None]:
    yield
    i18n.install_translator("zh_CN")


def test_chinese_is_the_source_language(window: MainWindow) -> None:
    assert window.file_menu.title() == "文件(&F)"
    assert QCoreApplication.translate("MainWindow", "文件(&F)") == "文件(&F)"


def test_preferences_switch_to_english(window: MainWindow, make_window: Any, settings: QSettings,
                                       monkeypatch: pytest.MonkeyPatch, restore_chinese: None) -> None:
    monkeypatch.setattr(dialogs.PreferencesDialog, "ask", classmethod(lambda _c, _p, _l: "en"))
    window.form.edits["enterprise.name"].setText("金昌某某有限公司")
    window.document.classes.add_row()  # a draft with problems: kept through the switch
    window.preferences()
    switched = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    assert len(switched) == 1 and switched[0] is not window and not window.isVisible()
    now = switched[0]
    try:
        assert now.file_menu.title() == "&File"  # at once, no restart
        assert now.form.edits["enterprise.name"].text() == "金昌某某有限公司"
        assert now.document.classes.rowCount() == 1 and now.isWindowModified()
    finally:
        now.undo_stack.setClean()
        now.close()
    assert settings.value(i18n.LANGUAGE_KEY) == "en"
    assert i18n.configured_language(settings) == "en"
    assert QCoreApplication.translate("MainWindow", "文件(&F)") == "&File"
    assert QCoreApplication.translate("", "申请单位") == "Applicant enterprise"
    assert QCoreApplication.translate("columns", "班级编号") == "Class ID"
    english: MainWindow = make_window()
    assert english.file_menu.title() == "&File"
    assert english.document.classes.header_text(0) == "Class ID"
    assert english.form.stage_combo.itemText(1) == "Settlement (after training)"


def test_language_follows_system_until_chosen(settings: QSettings) -> None:
    assert i18n.configured_language(settings) == i18n.system_language()
    i18n.save_language(settings, "zh_CN")
    assert i18n.configured_language(settings) == "zh_CN"
    settings.setValue(i18n.LANGUAGE_KEY, "klingon")
    assert i18n.configured_language(settings) == i18n.system_language()


def test_every_source_string_has_an_english_translation() -> None:
    text = (i18n.I18N_DIR / "subsidy_en.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert (i18n.I18N_DIR / "subsidy_en.qm").stat().st_size > 1000


def test_chinese_loads_qts_own_translation_with_the_apps(window: MainWindow, restore_chinese: None) -> None:
    """Qt's standard buttons (Save/Discard/Cancel, Yes/No) come from Qt's qtbase_zh_CN.qm, not from ours."""
    assert (i18n.qt_translations_dir() / "qtbase_zh_CN.qm").is_file()
    i18n.install_translator("zh_CN")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QCoreApplication.translate("QPlatformTheme", "Discard") == "丢弃"
    i18n.install_translator("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
