"""Language: Chinese by default, English through Preferences (stored in QSettings, .qm translator); the English
catalogue is complete and current: lupdate over every ui/ source adds nothing untranslated, the committed .qm is
the compiled .ts, and each translation keeps its source's placeholders."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from subsidy_calc.rule_fields import ListShape, ModelShape, Shape, TableShape, UnionShape, fields_of
from subsidy_calc.rule_schema import RuleSet
from ui import dialogs, i18n, i18n_catalog
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


def test_chinese_loads_qts_own_translation_with_the_apps(window: MainWindow, restore_chinese: None) -> None:
    """Qt's standard buttons (Save/Discard/Cancel, Yes/No) come from Qt's qtbase_zh_CN.qm, not from ours."""
    assert (i18n.qt_translations_dir() / "qtbase_zh_CN.qm").is_file()
    i18n.install_translator("zh_CN")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QCoreApplication.translate("QPlatformTheme", "Discard") == "丢弃"
    i18n.install_translator("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "update_translations.sh"
TS = i18n.I18N_DIR / "subsidy_en.ts"
QM = i18n.I18N_DIR / "subsidy_en.qm"
HOW_TO_FIX = "run scripts/update_translations.sh, translate the new messages in ui/i18n/subsidy_en.ts, run it again"
# {0} / {name} for str.format, %1 / %n for Qt, HTML tags: a translation must keep every one of its source's.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\d+|n)|</?[A-Za-z][^<>]*>")
ACCELERATOR = re.compile(r"&(?=[^\s&])")

Key = tuple[str, str, str, bool]  # context, source, disambiguation comment, numerus


def qt_tool(name: str) -> str | None:
    """A PySide6 console tool: beside this interpreter (the venv's bin or Scripts folder), else on PATH."""
    return shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)


def lupdate_options() -> list[str]:
    """The options of scripts/update_translations.sh, so that this test refreshes exactly as the script does."""
    match = re.search(r"^LUPDATE_OPTIONS=\((.*)\)$", SCRIPT.read_text(encoding="utf-8"), re.MULTILINE)
    assert match, f"LUPDATE_OPTIONS=(...) not found in {SCRIPT}"
    return shlex.split(match.group(1))


def ui_sources() -> list[str]:
    """Every Python file under ui/, in every subpackage (the script's `find ui -name '*.py'`)."""
    return sorted(path.relative_to(REPO).as_posix() for path in (REPO / "ui").rglob("*.py")
                  if "__pycache__" not in path.parts)


def messages(ts: Path) -> dict[Key, ET.Element]:
    """Every message of a .ts by (context, source, comment, numerus), with its <translation> element."""
    found: dict[Key, ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "",
                   message.get("numerus") == "yes")
            translation = message.find("translation")
            assert translation is not None, key
            found[key] = translation
    return found


def untranslated(catalogue: dict[Key, ET.Element]) -> list[str]:
    return [f"[{key[0]}] {key[1]}" for key, translation in catalogue.items()
            if translation.get("type") in {"unfinished", "vanished", "obsolete"}]


def english(translation: ET.Element, numerus: bool) -> list[str]:
    if numerus:
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the committed .ts, refreshed from today's sources with the script's lupdate options."""
    lupdate = qt_tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed (it comes with the PySide6 wheel)")
    copy = tmp_path_factory.mktemp("i18n") / TS.name
    shutil.copyfile(TS, copy)
    subprocess.run([lupdate, *lupdate_options(), *ui_sources(), "-ts", str(copy)], cwd=REPO, check=True,
                   capture_output=True, timeout=300)
    return copy


def test_the_script_scans_every_ui_source_recursively() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    assert "find ui -name '*.py'" in text
    assert "-no-obsolete" in lupdate_options()
    assert "tr+=_tr" in lupdate_options()
    assert any("/" in source.removeprefix("ui/") for source in ui_sources())  # subpackages are included


def test_tr_alias_is_defined_once() -> None:
    """lupdate files every _tr(...) call under context "": a module's own _tr with another context would look its
    strings up where the .qm does not have them (they would stay Chinese in the English UI)."""
    own = [source for source in ui_sources() if source != "ui/i18n.py"
           and re.search(r"^def _tr\(", (REPO / source).read_text(encoding="utf-8"), re.MULTILINE)]
    assert own == [], "import _tr from ui.i18n instead"


def rule_field_titles(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[str]:
    """Every field title of a rule model and of the models nested in it (tables, lists, unions)."""
    if model in seen:
        return set()
    seen.add(model)
    titles: set[str] = set()
    for spec in fields_of(model):
        titles.add(spec.title)
        shapes: list[Shape] = [spec.shape]
        while shapes:
            shape = shapes.pop()
            if isinstance(shape, ModelShape):
                titles |= rule_field_titles(shape.model, seen)
            elif isinstance(shape, UnionShape):
                for _tag, member in shape.members:
                    titles |= rule_field_titles(member, seen)
            elif isinstance(shape, TableShape):
                shapes.append(shape.value)
            elif isinstance(shape, ListShape):
                shapes.append(shape.item)
    return titles


def test_rule_editor_labels_are_in_the_catalogue() -> None:
    """The rule-set editor shows _tr(title) for each field: lupdate finds the titles in ui/i18n_catalog.py."""
    titles = rule_field_titles(RuleSet, set())
    assert "补贴标准" in titles and len(titles) > 30
    missing = sorted(titles - set(i18n_catalog.RULE_FIELD_TITLES))
    assert missing == [], "add these to RULE_FIELD_TITLES in ui/i18n_catalog.py"


def test_committed_catalogue_is_fully_translated() -> None:
    assert untranslated(messages(TS)) == [], HOW_TO_FIX


def test_every_source_string_has_an_english_translation(refreshed: Path) -> None:
    missing = untranslated(messages(refreshed))
    assert missing == [], f"{len(missing)} UI string(s) without English ({HOW_TO_FIX}): {missing[:20]}"


def test_committed_catalogue_has_exactly_the_sources_strings(refreshed: Path) -> None:
    committed, current = set(messages(TS)), set(messages(refreshed))
    assert sorted(current - committed) == [], f"strings not yet in the .ts ({HOW_TO_FIX})"
    assert sorted(committed - current) == [], f"strings no longer in the sources ({HOW_TO_FIX})"


def test_compiled_qm_is_the_committed_ts(tmp_path: Path) -> None:
    lrelease = qt_tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed (it comes with the PySide6 wheel)")
    compiled = tmp_path / QM.name
    subprocess.run([lrelease, str(TS), "-qm", str(compiled)], check=True, capture_output=True, timeout=120)
    assert compiled.read_bytes() == QM.read_bytes(), f"{QM.name} is stale: run scripts/update_translations.sh"


def test_translations_keep_placeholders_tags_and_accelerators() -> None:
    wrong = []
    for (context, source, _comment, numerus), translation in messages(TS).items():
        for text in english(translation, numerus):
            if (sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source))
                    or len(ACCELERATOR.findall(text)) != len(ACCELERATOR.findall(source))):
                wrong.append(f"[{context}] {source!r} -> {text!r}")
    assert wrong == []


def test_plural_messages_have_both_english_forms() -> None:
    plural = {key: translation for key, translation in messages(TS).items() if key[3]}
    assert plural, "the catalogue has plural (%n) messages"
    for key, translation in plural.items():
        forms = english(translation, numerus=True)
        assert len(forms) == 2 and all(form.strip() and "%n" in form for form in forms), (key, forms)


def test_the_checks_see_a_missing_translation(tmp_path: Path) -> None:
    """The helpers above really report an unfinished message and a dropped placeholder."""
    ts = tmp_path / "t.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="en_US">'
                  "<context><name>C</name><message><source>甲 {0}</source>"
                  '<translation type="unfinished"></translation></message></context></TS>', encoding="utf-8")
    assert untranslated(messages(ts)) == ["[C] 甲 {0}"]
    assert PLACEHOLDER.findall("甲 {0} %1 %n <b>") == ["{0}", "%1", "%n", "<b>"]
    assert ACCELERATOR.findall("文件(&F)") == ["&"] and ACCELERATOR.findall("A && B") == []
