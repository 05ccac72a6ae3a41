"""Undo/redo covers cell edits, row operations, form fields, rule set and stage."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit
from ui_helpers import WELDING, add_class

from ui.columns import ClassColumn
from ui.main_window import MainWindow


def _payable(window: MainWindow) -> str:
    label = window.findChild(QLabel, "payableAmount")
    assert label is not None
    return label.text()


def test_cell_edit_undo_redo_recalculates(window: MainWindow) -> None:
    add_class(window, WELDING)
    model = window.document.classes
    model.setData(model.index(0, ClassColumn.PLANNED), "30")
    assert _payable(window) == "60,000.00"
    window.undo_action.trigger()
    assert model.data(model.index(0, ClassColumn.PLANNED)) == "20"
    assert _payable(window) == "40,000.00"
    window.redo_action.trigger()
    assert _payable(window) == "60,000.00"


def test_row_add_remove_duplicate_are_undoable(window: MainWindow) -> None:
    add_class(window, WELDING)
    model = window.document.classes
    model.duplicate_rows([0])
    assert model.rowCount() == 2
    assert window.current_claim() is None  # duplicate class id until the user changes it
    model.setData(model.index(1, ClassColumn.CLASS_ID), "B1-2")
    assert window.current_claim() is not None
    model.remove_rows([0])
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["B1-2"]
    window.undo_stack.undo()
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == "B1"


def test_form_field_typing_is_one_undo_step(window: MainWindow) -> None:
    name = window.findChild(QLineEdit, "enterpriseName")
    assert name is not None
    for text in ("金", "金昌", "金昌公司"):
        name.setText(text)
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert name.text() == ""
    window.undo_stack.redo()
    assert name.text() == "金昌公司"
    assert window.document.field("enterprise.name") == "金昌公司"


def test_ruleset_and_stage_are_undoable(window: MainWindow) -> None:
    add_class(window, WELDING)
    rulesets = window.findChild(QComboBox, "rulesetCombo")
    stages = window.findChild(QComboBox, "stageCombo")
    assert rulesets is not None and stages is not None
    rulesets.setCurrentIndex(rulesets.findData("nantong-2019"))
    stages.setCurrentIndex(stages.findData("settlement"))
    window.undo_stack.undo()
    assert stages.currentData() == "advance"
    window.undo_stack.undo()
    assert rulesets.currentData() == "jinchang-2024"
    assert window.current_ruleset().id == "jinchang-2024"
    window.undo_stack.redo()
    assert rulesets.currentData() == "nantong-2019"


def test_standard_shortcuts(window: MainWindow) -> None:
    keys = QKeySequence.StandardKey
    assert window.new_action.shortcut() == QKeySequence(keys.New)
    assert window.open_action.shortcut() == QKeySequence(keys.Open)
    assert window.save_action.shortcut() == QKeySequence(keys.Save)
    assert window.save_as_action.shortcut() == QKeySequence(keys.SaveAs)
    assert window.undo_action.shortcut() == QKeySequence("Ctrl+Z")
    assert QKeySequence("Ctrl+Y") in window.redo_action.shortcuts()
    assert window.new_action.shortcut() == QKeySequence("Ctrl+N")
