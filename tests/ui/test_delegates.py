"""Cell editors: date picker, drop-downs, line edits; an unreadable text falls back to a line edit; no silent values."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QStyleOptionViewItem, QWidget
from ui_helpers import WELDING, fill_row

from ui.columns import ClassColumn
from ui.delegates import DraftDelegate
from ui.drafts import CLASS_SCHEMA
from ui.table_model import DraftTableModel


def _setup(qtbot: object) -> tuple[DraftTableModel, DraftDelegate, QWidget]:
    model = DraftTableModel(CLASS_SCHEMA, QUndoStack())
    model.add_row()
    fill_row(model, 0, WELDING)
    parent = QWidget()
    qtbot.addWidget(parent)  # type: ignore[attr-defined]
    return model, DraftDelegate(parent), parent


def test_editors_by_column_kind(qtbot: object) -> None:
    model, delegate, parent = _setup(qtbot)
    option = QStyleOptionViewItem()

    def editor(column: ClassColumn) -> QWidget:
        return delegate.createEditor(parent, option, model.index(0, column))

    assert isinstance(editor(ClassColumn.START_DATE), QDateEdit)
    assert isinstance(editor(ClassColumn.LEVEL), QComboBox)
    assert isinstance(editor(ClassColumn.APPRENTICE_TYPE), QComboBox)
    assert isinstance(editor(ClassColumn.SHORTAGE), QComboBox)
    assert isinstance(editor(ClassColumn.PLANNED), QLineEdit)
    assert isinstance(editor(ClassColumn.OCCUPATION), QLineEdit)
    model.setData(model.index(0, ClassColumn.PLANNED), "约20")
    assert isinstance(editor(ClassColumn.PLANNED), QLineEdit)


def test_date_editor_writes_iso_dates(qtbot: object) -> None:
    model, delegate, parent = _setup(qtbot)
    index = model.index(0, ClassColumn.END_DATE)
    edit = delegate.createEditor(parent, QStyleOptionViewItem(), index)
    delegate.setEditorData(edit, index)
    assert isinstance(edit, QDateEdit)
    assert edit.date() == QDate(2025, 2, 28)
    edit.setDate(QDate(2025, 3, 31))
    delegate.setModelData(edit, model, index)
    assert model.data(index) == "2025-03-31"


def test_level_combo_keeps_equivalent_spelling(qtbot: object) -> None:
    model, delegate, parent = _setup(qtbot)
    index = model.index(0, ClassColumn.LEVEL)
    combo = delegate.createEditor(parent, QStyleOptionViewItem(), index)
    assert isinstance(combo, QComboBox)
    delegate.setEditorData(combo, index)
    assert combo.currentText() == "中级工/四级"
    delegate.setModelData(combo, model, index)
    assert model.data(index) == "中级工"
    combo.setCurrentIndex(combo.findText("高级工/三级"))
    delegate.setModelData(combo, model, index)
    assert model.data(index) == "高级工/三级"
    assert model.draft(0).value is not None


def test_tabbing_through_a_new_row_writes_nothing(qtbot: object) -> None:
    """A new row keeps blank level, type and dates and empty counts until the user chooses them."""
    model = DraftTableModel(CLASS_SCHEMA, QUndoStack())
    model.add_row()
    parent = QWidget()
    qtbot.addWidget(parent)  # type: ignore[attr-defined]
    delegate = DraftDelegate(parent)
    for column in ClassColumn:
        index = model.index(0, column)
        edit = delegate.createEditor(parent, QStyleOptionViewItem(), index)
        delegate.setEditorData(edit, index)
        delegate.setModelData(edit, model, index)
    assert model.draft(0).texts == ("",) * model.columnCount()


def test_negative_count_stays_as_typed_and_is_an_error(qtbot: object) -> None:
    model, delegate, parent = _setup(qtbot)
    index = model.index(0, ClassColumn.DROPPED)
    edit = delegate.createEditor(parent, QStyleOptionViewItem(), index)
    assert isinstance(edit, QLineEdit)
    edit.setText("-5")
    delegate.setModelData(edit, model, index)
    assert model.data(index) == "-5"
    assert "负数" in model.data(index, 3)  # ToolTipRole
