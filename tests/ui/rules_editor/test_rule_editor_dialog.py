"""编辑 → 规则集…: copy a set, edit it in the form, check it live, undo, save it as a local set, compare."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QPushButton
from ui_helpers import LEVELS, WELDING, add_class, open_editor, set_level

from subsidy_calc.engine import calculate
from subsidy_calc.enums import SkillLevel
from subsidy_calc.money import format_yuan
from subsidy_calc.rule_draft import problem_text
from subsidy_calc.rule_loading import RuleFileError, load_catalog, load_ruleset, load_ruleset_text, user_rules_dir
from subsidy_calc.rule_rates import LevelRate
from ui.main_window import MainWindow
from ui.rules_editor.dialog import RuleSetEditor

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def own_window(make_window: Any) -> MainWindow:
    """A window on a catalog of its own (this test's user folder), not the shared one."""
    window: MainWindow = make_window(catalog=load_catalog())
    window.show()
    return window


def copy_of(editor: RuleSetEditor, ruleset_id: str) -> None:
    editor.select(ruleset_id)
    button = editor.findChild(QPushButton, "copyRuleSetButton")
    assert button is not None
    button.click()


def line_edit(editor: RuleSetEditor, path: str) -> QLineEdit:
    assert editor.form is not None
    widget = editor.form.editors[path]
    assert isinstance(widget, QLineEdit)
    return widget


def run_main(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", timeout=60, cwd=ROOT)


def test_list_shows_status_source_validity_and_broken_local_files(make_window: Any) -> None:
    folder = user_rules_dir()
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text("id = \n", encoding="utf-8")
    window: MainWindow = make_window(catalog=load_catalog())
    editor = open_editor(window)
    rows = {editor.list.item(r, 0).text(): [editor.list.item(r, c).text() for c in range(5)]  # type: ignore[union-attr]
            for r in range(editor.list.rowCount())}
    assert rows["jinchang-2024"][2] == "假设,须核实" and "内置规则集" in rows["jinchang-2024"][3]
    assert rows["jinchang-2024"][4].startswith("2021-01-01")
    assert rows["broken"][2] == "无法加载" and rows["broken"][3] == "本地规则文件"
    assert "wuhan" in rows  # nothing hidden by the broken file


def test_copy_edit_save_is_local_and_used_by_calc(own_window: MainWindow, tmp_path: Path) -> None:
    editor = open_editor(own_window)
    copy_of(editor, "jinchang-2024")
    assert editor.draft is not None and editor.draft["id"] == "jinchang-2024-local"
    assert editor.draft["status"] == "assumed"
    set_level(editor, "中级工", "4800")
    line_edit(editor, "title").setText("")  # typed by the user below, through the signal
    line_edit(editor, "title").textEdited.emit("金昌(本地修改)")
    assert editor.checked is not None, editor.problems
    save = editor.findChild(QPushButton, "saveRuleSetButton")
    assert save is not None and save.isEnabled()
    save.click()
    saved = user_rules_dir() / "jinchang-2024-local.toml"
    rate = load_ruleset(saved).values[next(iter(load_ruleset(saved).values))].rate
    assert isinstance(rate, LevelRate) and rate.levels[SkillLevel.INTERMEDIATE] == Decimal(4800)
    assert "# 补贴标准" in saved.read_text(encoding="utf-8")
    combo = own_window.findChild(QComboBox, "rulesetCombo")
    assert combo is not None and combo.findData("jinchang-2024-local") >= 0
    listing = run_main("rules")
    assert "jinchang-2024-local" in listing.stdout and "本地规则集" in listing.stdout
    classes = tmp_path / "classes.csv"
    classes.write_text("班级编号,培训职业,培训等级,学徒类型,开班日期,结业日期,计划人数,取证人数\n"
                       "A01,焊工,中级工,职工学徒,2023-03-01,2024-02-29,10,10\n", encoding="utf-8")
    calc = run_main("calc", classes, "--rules", "jinchang-2024-local", "--stage", "settlement",
                    "--claim-date", "2024-03-10", "--json")
    assert calc.returncode == 0, calc.stderr
    assert json.loads(calc.stdout)["gross"] == "48000.00" and json.loads(calc.stdout)["ruleset_local"]


def test_saving_the_open_claims_set_recalculates_at_once(own_window: MainWindow) -> None:
    add_class(own_window, WELDING)
    before = own_window.current_result()
    assert before is not None and before.ruleset_id == "jinchang-2024"
    editor = open_editor(own_window)
    editor.select("jinchang-2024")
    editor.edit_selected()
    set_level(editor, "中级工", "4400")
    assert editor.save()
    after = own_window.current_result()
    assert after is not None and after.gross > before.gross
    claim = own_window.current_claim()
    assert claim is not None
    assert after.gross == calculate(claim, load_catalog().get("jinchang-2024")).gross
    origin = own_window.catalog.origin("jinchang-2024")
    assert origin is not None and origin.local
    info = own_window.form.ruleset_info.text()
    assert "本地规则集" in info and str(origin.path) in info


def test_live_check_gives_the_messages_of_rules_check(own_window: MainWindow, tmp_path: Path) -> None:
    editor = open_editor(own_window)
    copy_of(editor, "jinchang-2024")
    ratio = line_edit(editor, "values.2021-01-01.advance.ratio")
    ratio.setText("2")
    ratio.textEdited.emit("2")
    assert editor.checked is None
    save = editor.findChild(QPushButton, "saveRuleSetButton")
    assert save is not None and not save.isEnabled()
    assert ratio.styleSheet() != ""
    from subsidy_calc.rule_draft import draft_toml

    assert editor.draft is not None
    file = tmp_path / "jinchang-2024-local.toml"
    file.write_text(draft_toml(editor.draft), encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_ruleset(file)
    assert [problem_text(p) for p in caught.value.problems] == editor.problems
    assert any("values.2021-01-01.advance.ratio" in p for p in editor.problems)
    check = run_main("rules", "--check", file)
    assert all(p.split(": ", 1)[1] in check.stderr for p in editor.problems)


def test_undo_restores_value_and_widget(own_window: MainWindow) -> None:
    editor = open_editor(own_window)
    copy_of(editor, "wuhan")
    clause = line_edit(editor, "values.2019-01-01.clause")
    original = clause.text()
    clause.setText("新条款")
    clause.textEdited.emit("新条款")
    assert editor.draft is not None and editor.draft["values"]["2019-01-01"]["clause"] == "新条款"
    editor.undo_stack.undo()
    assert editor.draft["values"]["2019-01-01"]["clause"] == original
    assert line_edit(editor, "values.2019-01-01.clause").text() == original
    editor.undo_stack.redo()
    assert line_edit(editor, "values.2019-01-01.clause").text() == "新条款"


def test_structural_edits_undo(own_window: MainWindow) -> None:
    editor = open_editor(own_window)
    copy_of(editor, "jinchang-2024")
    assert editor.form is not None
    add = editor.form.findChild(QPushButton, "add:values.2021-01-01.advance.instalments")
    assert add is not None
    add.click()
    assert editor.draft is not None and len(editor.draft["values"]["2021-01-01"]["advance"]["instalments"]) == 1
    assert "values.2021-01-01.advance.instalments[1].label" in editor.form.editors
    new_date = editor.form.findChild(QLineEdit, "newKey:values")
    assert new_date is not None
    new_date.setText("2025-01-01")
    add_key = editor.form.findChild(QPushButton, "addKey:values")
    assert add_key is not None
    add_key.click()
    assert set(editor.draft["values"]) == {"2021-01-01", "2025-01-01"}
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert set(editor.draft["values"]) == {"2021-01-01"}
    assert "instalments" not in editor.draft["values"]["2021-01-01"]["advance"]


def test_cancel_with_changes_asks_first(own_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    editor = open_editor(own_window)
    copy_of(editor, "wuhan")
    asked: list[int] = []
    answer = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(RuleSetEditor, "ask_unsaved", lambda _self: asked.append(1) or answer[0])
    editor.reject()  # unchanged: no question
    assert not asked
    editor.show()
    copy_of(editor, "wuhan")
    clause = line_edit(editor, "values.2019-01-01.clause")
    clause.textEdited.emit("改过")
    editor.reject()
    assert asked and editor.isVisible() and editor.draft is not None
    editor.close()
    assert len(asked) == 2 and editor.isVisible()
    answer[0] = QMessageBox.StandardButton.Discard
    editor.reject()
    assert not editor.isVisible()


def test_compare_shows_every_value_and_the_engines_preview(own_window: MainWindow) -> None:
    add_class(own_window, WELDING)
    editor = open_editor(own_window)
    copy_of(editor, "jinchang-2024")
    set_level(editor, "中级工", "5000")
    button = editor.findChild(QPushButton, "compareRuleSetButton")
    assert button is not None
    button.click()
    table = editor.compare.table
    rows = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())  # type: ignore[union-attr]
            for r in range(table.rowCount())}
    assert rows[f"{LEVELS}.中级工"] == ("4000", "5000")
    assert rows["region"] == ("甘肃省金昌市", "甘肃省金昌市")
    claim = own_window.current_claim()
    assert claim is not None and editor.checked is not None
    left = calculate(claim, load_catalog().get("jinchang-2024"))
    right = calculate(claim.model_copy(update={"ruleset_id": editor.checked.id}), editor.checked)
    texts = editor.compare.preview_texts()
    assert texts[0] == [format_yuan(left.gross), format_yuan(right.gross), format_yuan(right.gross - left.gross)]
    assert texts[2][:2] == [format_yuan(left.payable), format_yuan(right.payable)]
    assert right.gross != left.gross


def test_written_file_loads_back_equal_to_the_checked_draft(own_window: MainWindow) -> None:
    editor = open_editor(own_window)
    copy_of(editor, "ruian")
    assert editor.save() and editor.checked is not None
    saved = user_rules_dir() / f"{editor.checked.id}.toml"
    assert load_ruleset_text(saved.read_text(encoding="utf-8"), saved) == editor.checked


def test_closing_the_window_asks_about_an_unsaved_rule_set(own_window: MainWindow,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    editor = open_editor(own_window)
    copy_of(editor, "wuhan")
    line_edit(editor, "values.2019-01-01.clause").textEdited.emit("改过")
    answers = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(RuleSetEditor, "ask_unsaved", lambda _self: answers[0])
    own_window.close()
    assert own_window.isVisible() and editor.draft is not None
    answers[0] = QMessageBox.StandardButton.Discard
    own_window.close()
    assert not own_window.isVisible()


def test_a_later_block_says_a_value_left_out_is_inherited(own_window: MainWindow) -> None:
    editor = open_editor(own_window)
    copy_of(editor, "jinchang-2024")
    assert editor.form is not None
    new_date = editor.form.findChild(QLineEdit, "newKey:values")
    add_key = editor.form.findChild(QPushButton, "addKey:values")
    assert new_date is not None and add_key is not None
    new_date.setText("2026-01-01")
    add_key.click()
    later = line_edit(editor, "values.2026-01-01.period.min_months")
    first = line_edit(editor, "values.2021-01-01.period.min_months")
    assert "沿用" in later.placeholderText() and "沿用" not in first.placeholderText()
