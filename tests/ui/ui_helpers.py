"""Helpers shared by the window tests: valid identifiers, two realistic classes, filling rows."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QTableWidget
from stdnum.cn import uscc

from bench.samples import make_id
from ui.columns import ClassColumn
from ui.main_window import MainWindow
from ui.rules_editor.dialog import RuleSetEditor
from ui.table_model import DraftTableModel


def credit_code(base17: str = "91620300MA71ABCD1") -> str:
    return base17 + uscc.calc_check_digit(base17)


def id_number(serial: int, birth: date = date(1990, 1, 1)) -> str:
    return make_id("620302", birth, serial)


WELDING = {
    ClassColumn.CLASS_ID: "B1", ClassColumn.OCCUPATION: "焊工", ClassColumn.LEVEL: "中级工",
    ClassColumn.START_DATE: "2023-03-01", ClassColumn.END_DATE: "2025-02-28", ClassColumn.PLANNED: 20,
    ClassColumn.CERTIFIED: 15, ClassColumn.COMPLETED_NO_CERT: 3, ClassColumn.DROPPED: 2,
}
ELECTRICIAN = {
    ClassColumn.CLASS_ID: "B2", ClassColumn.OCCUPATION: "电工", ClassColumn.LEVEL: "三级",
    ClassColumn.START_DATE: "2023-09-01", ClassColumn.END_DATE: "2024-08-31", ClassColumn.PLANNED: 10,
    ClassColumn.CERTIFIED: 8, ClassColumn.DROPPED: 2, ClassColumn.ADVANCE_PAID: "25,000",
    ClassColumn.SHORTAGE: "是",
}


def fill_row(model: DraftTableModel, row: int, values: dict[Any, object]) -> None:
    for column, value in values.items():
        assert model.setData(model.index(row, int(column)), value)


def add_class(window: MainWindow, values: dict[Any, object]) -> int:
    row = window.document.classes.add_row()
    fill_row(window.document.classes, row, values)
    return row


def open_editor(window: MainWindow) -> RuleSetEditor:
    window.rule_actions.edit_action.trigger()
    editor = window.findChild(RuleSetEditor, "ruleSetEditor")
    assert editor is not None and editor.isVisible()
    return editor


# The level table of a rule set's first dated block, as the rule-set editor's form names it.
LEVELS = "values.2021-01-01.rate.levels"


def set_level(editor: RuleSetEditor, level: str, amount: str) -> None:
    assert editor.form is not None
    table = editor.form.editors[LEVELS]
    assert isinstance(table, QTableWidget)
    for row in range(table.rowCount()):
        key, value = table.item(row, 0), table.item(row, 1)
        if key is not None and value is not None and key.text() == level:
            value.setText(amount)
            return
    raise AssertionError(level)
