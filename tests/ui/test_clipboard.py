"""Paste rows from a spreadsheet, copy cells, clear cells: each one undo step, one recalculation."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from ui_helpers import WELDING, add_class

from ui.columns import ClassColumn
from ui.main_window import MainWindow

ROWS = ("B1\t焊工\t中级工\t\t2023-03-01\t2025-02-28\t20\t15\t3\t2\n"
        "B2\t电工\t高级工\t\t2023-09-01\t2024-08-31\t10\t8\t0\t2\r\n")


def test_paste_spreadsheet_rows_adds_classes(window: MainWindow) -> None:
    QGuiApplication.clipboard().setText(ROWS)
    view = window.tables.class_table
    view.paste_clipboard()  # type: ignore[attr-defined]
    model = window.document.classes
    assert model.rowCount() == 2
    claim = window.current_claim()
    assert claim is not None and [c.class_id for c in claim.classes] == ["B1", "B2"]
    window.undo_stack.undo()
    assert model.rowCount() == 0
    window.undo_stack.redo()
    assert model.data(model.index(1, ClassColumn.OCCUPATION)) == "电工"


def test_copy_and_clear_selection(window: MainWindow) -> None:
    add_class(window, WELDING)
    view = window.tables.class_table
    model = window.document.classes
    view.selectionModel().select(model.index(0, ClassColumn.CLASS_ID),
                                 view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(model.index(0, ClassColumn.OCCUPATION),
                                 view.selectionModel().SelectionFlag.Select)
    view.copy_selection()  # type: ignore[attr-defined]
    assert QGuiApplication.clipboard().text() == "B1\t焊工"
    view.clear_selection()  # type: ignore[attr-defined]
    assert model.data(model.index(0, ClassColumn.CLASS_ID)) == ""
    assert model.data(model.index(0, ClassColumn.OCCUPATION)) == ""
    assert window.current_claim() is None
    window.undo_stack.undo()
    assert model.data(model.index(0, ClassColumn.OCCUPATION)) == "焊工"
    assert window.current_claim() is not None
