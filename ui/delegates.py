"""Cell editors by column kind: date pickers, drop-downs, line edits; an editor never writes a value the user
did not choose (an empty cell stays empty when tabbed through) and raw text is never silently lost."""

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
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from subsidy_calc.enums import ApprenticeType, Outcome, SkillLevel

from .columns import Editor
from .table_model import DraftTableModel

Index = QModelIndex | QPersistentModelIndex
BLANK_DATE = QDate(1900, 1, 1)  # the date editor's "nothing chosen" value, shown as an empty field

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
            editor.setMinimumDate(BLANK_DATE)
            editor.setSpecialValueText(" ")  # BLANK_DATE shows as empty: tabbing through writes nothing
            return editor
        if kind in CHOICES:
            combo = QComboBox(parent)
            combo.addItem("")  # nothing chosen yet
            combo.addItems(CHOICES[kind])
            return combo
        line = QLineEdit(parent)  # counts too: -5 or 2.5 stay as typed and are shown as errors
        if kind in (Editor.MONEY, Editor.COUNT):
            line.setAlignment(Qt.AlignmentFlag.AlignRight)
        return line

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        kind = _editor_kind(index)
        if isinstance(editor, QDateEdit):
            day = QDate.fromString(text, "yyyy-MM-dd")
            editor.setDate(day if day.isValid() else BLANK_DATE)
            if not day.isValid():  # the popup shows this month, though nothing is chosen
                today = QDate.currentDate()
                editor.calendarWidget().setCurrentPage(today.year(), today.month())
        elif isinstance(editor, QComboBox):
            found = next((i for i in range(editor.count()) if _same_choice(kind, editor.itemText(i), text)), -1)
            if found < 0 and text.strip():
                editor.insertItem(0, text)  # keep what the user typed selectable, even if invalid
                found = 0
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(text)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QDateEdit):
            value = "" if editor.date() == BLANK_DATE else editor.date().toString("yyyy-MM-dd")
        elif isinstance(editor, QComboBox):
            value = editor.currentText()
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
