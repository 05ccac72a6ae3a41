"""Cell editors by column kind: date pickers, drop-downs, spin boxes; raw text is never silently lost."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from subsidy_calc.enums import ApprenticeType, Outcome, SkillLevel

from .columns import Editor
from .table_model import DraftTableModel

Index = QModelIndex | QPersistentModelIndex

CHOICES: dict[Editor, list[str]] = {
    Editor.LEVEL: [f"{level.label}/{level.grade}" for level in SkillLevel],
    Editor.APPRENTICE_TYPE: [t.label for t in ApprenticeType],
    Editor.STATUS: [o.label for o in Outcome],
    Editor.YES_NO: ["否", "是"],
}
_PARSERS = {
    Editor.LEVEL: SkillLevel.parse,
    Editor.APPRENTICE_TYPE: ApprenticeType.parse,
    Editor.STATUS: Outcome.parse,
}


def _same_choice(kind: Editor, a: str, b: str) -> bool:
    parse = _PARSERS.get(kind)
    if parse is None:
        return a.strip() == b.strip()
    try:
        return parse(a) == parse(b)
    except ValueError:
        return False


def _editor_kind(index: Index) -> Editor:
    model = index.model()
    if isinstance(model, QSortFilterProxyModel):
        model = model.sourceModel()
    if isinstance(model, DraftTableModel):
        return model.schema.specs[index.column()].editor
    return Editor.TEXT


class DraftDelegate(QStyledItemDelegate):
    """Picks the editor from the column's kind; a text the editor cannot show gets a plain line edit."""

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem, index: Index) -> QWidget:
        kind = _editor_kind(index)
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if kind is Editor.DATE and (not text or QDate.fromString(text, "yyyy-MM-dd").isValid()):
            editor = QDateEdit(parent)
            editor.setDisplayFormat("yyyy-MM-dd")
            editor.setCalendarPopup(True)
            return editor
        if kind in CHOICES:
            combo = QComboBox(parent)
            combo.addItems(CHOICES[kind])
            return combo
        if kind is Editor.COUNT and (not text or text.isdigit()):
            spin = QSpinBox(parent)
            spin.setRange(0, 100_000)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            return spin
        line = QLineEdit(parent)
        if kind in (Editor.MONEY, Editor.COUNT):
            line.setAlignment(Qt.AlignmentFlag.AlignRight)
        return line

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        kind = _editor_kind(index)
        if isinstance(editor, QDateEdit):
            day = QDate.fromString(text, "yyyy-MM-dd")
            editor.setDate(day if day.isValid() else QDate.currentDate())
        elif isinstance(editor, QComboBox):
            found = next((i for i in range(editor.count()) if _same_choice(kind, editor.itemText(i), text)), -1)
            if found < 0 and text.strip():
                editor.insertItem(0, text)  # keep what the user typed selectable, even if invalid
                found = 0
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(text) if text.isdigit() else 0)
        elif isinstance(editor, QLineEdit):
            editor.setText(text)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QDateEdit):
            value = editor.date().toString("yyyy-MM-dd")
        elif isinstance(editor, QComboBox):
            value = editor.currentText()
        elif isinstance(editor, QSpinBox):
            value = str(editor.value())
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:
            return
        current = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if current and _same_choice(_editor_kind(index), value, current):
            return  # the same value in another spelling (四级 / 中级工): keep the user's text
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), 24))
