"""QAbstractTableModel over a list of row drafts; every user edit goes through the undo stack."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QUndoStack

from .cell_notes import CellNote, Notes
from .columns import Editor
from .commands import InsertRowsCommand, RemoveRowsCommand, SetCellCommand, SetCellsCommand
from .drafts import BLANK_ROW, RowDraft, RowSchema
from .i18n import _tr

ERROR_BRUSH = QBrush(QColor("#ffd6d6"))
ROSTER_BRUSH = QBrush(QColor("#e3effc"))  # counts taken from the roster (read-only)
_RIGHT_ALIGNED = (Editor.COUNT, Editor.MONEY, Editor.HOURS)
Index = QModelIndex | QPersistentModelIndex


def cell_text(value: object) -> str:
    """What an editor or a caller hands setData → the cell's text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, QDate):
        return value.toString("yyyy-MM-dd") if value.isValid() else ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _background(invalid: bool, note: CellNote | None) -> QBrush | None:
    if invalid or (note is not None and note.error):
        return ERROR_BRUSH
    return ROSTER_BRUSH if note is not None and note.read_only else None


class DraftTableModel(QAbstractTableModel):
    """Rows of drafts (raw texts + errors + validated object); only the edited row is revalidated."""

    contentChanged = Signal()

    def __init__(self, schema: RowSchema[Any], undo_stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(parent)
        self.schema = schema
        self._undo = undo_stack
        self._rows: list[RowDraft[Any]] = []
        self._notes: Notes = {}
        self._cache: tuple[list[Any], list[tuple[int, int, str]]] | None = None  # values, problems until a change

    # --- Qt model API -------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.schema.column_count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        draft = self._rows[index.row()]
        column = index.column()
        note = self._notes.get((index.row(), column))
        if role == Qt.ItemDataRole.DisplayRole and note is not None and note.shown is not None:
            return note.shown
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return draft.texts[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return draft.errors.get(column) or (note.tooltip if note is not None else None)
        if role == Qt.ItemDataRole.BackgroundRole:
            return _background(column in draft.errors, note)
        if role == Qt.ItemDataRole.FontRole and note is not None and note.shown is not None:
            italic = QFont()
            italic.setItalic(True)
            return italic
        if role == Qt.ItemDataRole.TextAlignmentRole and self.schema.specs[column].editor in _RIGHT_ALIGNED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < self.schema.column_count:
                return self.header_text(section)
            return None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        note = self._notes.get((index.row(), index.column()))
        if note is not None and note.read_only:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """An edit as the user makes it: validated, recalculated and undoable."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.row() >= len(self._rows):
            return False
        text = cell_text(value)
        old = self._rows[index.row()].texts[index.column()]
        if text != old:
            self._undo.push(SetCellCommand(self, index.row(), index.column(), old, text))
        return True

    def set_notes(self, notes: Notes) -> None:
        """Replace the cell notes (roster counts, engine refusals); repaints only the rows whose notes changed."""
        if notes == self._notes:
            return
        rows = {key[0] for key in notes.keys() | self._notes.keys() if notes.get(key) != self._notes.get(key)}
        self._notes = notes
        last = self.schema.column_count - 1
        for row in sorted(r for r in rows if r < len(self._rows)):
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def note(self, row: int, column: int) -> CellNote | None:
        return self._notes.get((row, column))

    # --- reading --------------------------------------------------------------------------------------
    def header_text(self, column: int) -> str:
        return QCoreApplication.translate("columns", self.schema.header(column))

    def draft(self, row: int) -> RowDraft[Any]:
        return self._rows[row]

    def drafts(self) -> list[RowDraft[Any]]:
        return list(self._rows)

    def values(self) -> list[Any]:
        """The validated objects of every row (call only when problems() is empty); a new list each call."""
        return list(self._summary()[0])

    def problems(self) -> list[str]:
        """'培训班第 2 行:…' for each invalid cell, in row order."""
        return [text for _, _, text in self._summary()[1]]

    def problem_cells(self) -> list[tuple[int, int, str]]:
        """(row, column, '培训班第 2 行:…') for each invalid cell, in row order."""
        return list(self._summary()[1])

    def _summary(self) -> tuple[list[Any], list[tuple[int, int, str]]]:
        if self._cache is None:
            found: list[tuple[int, int, str]] = []
            for row, draft in enumerate(self._rows):
                if draft.blank:
                    found.append((row, 0, f"{self.schema.what}第 {row + 1} 行:{BLANK_ROW}"))
                elif draft.value is None:
                    found.extend((row, column, f"{self.schema.what}第 {row + 1} 行:{draft.errors[column]}")
                                 for column in sorted(draft.errors))
            self._cache = ([draft.value for draft in self._rows], found)
        return self._cache

    def _changed(self) -> None:
        self._cache = None
        self.contentChanged.emit()

    # --- changes applied by undo commands (not undoable themselves) ---------------------------------
    def apply_text(self, row: int, column: int, text: str) -> None:
        self._rows[row] = self.schema.with_text(self._rows[row], column, text)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.schema.column_count - 1))
        self._changed()

    def apply_texts(self, cells: Sequence[tuple[int, int, str]]) -> None:
        """Set many cells, revalidating each touched row once."""
        by_row: dict[int, list[tuple[int, str]]] = {}
        for row, column, text in cells:
            by_row.setdefault(row, []).append((column, text))
        for row, changes in by_row.items():
            texts = list(self._rows[row].texts)
            for column, text in changes:
                texts[column] = text
            self._rows[row] = self.schema.validate(texts)
        if by_row:
            last = self.schema.column_count - 1
            self.dataChanged.emit(self.index(min(by_row), 0), self.index(max(by_row), last))
            self._changed()

    def insert_drafts(self, row: int, drafts: Sequence[RowDraft[Any]]) -> None:
        if not drafts:
            return
        self.beginInsertRows(QModelIndex(), row, row + len(drafts) - 1)
        self._rows[row:row] = list(drafts)
        self.endInsertRows()
        self._changed()

    def take_rows(self, rows: Sequence[int]) -> list[RowDraft[Any]]:
        """Remove the given rows (ascending) and return their drafts in the same order."""
        taken = [self._rows[r] for r in rows]
        for row in sorted(rows, reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        self._changed()
        return taken

    def reset_drafts(self, drafts: Sequence[RowDraft[Any]]) -> None:
        self.beginResetModel()
        self._rows = list(drafts)
        self.endResetModel()
        self._changed()

    # --- undoable operations for the window ------------------------------------------------------------
    def add_row(self, row: int | None = None, texts: Sequence[str] | None = None) -> int:
        """Append (or insert at row) an empty or pre-filled row; returns its index."""
        at = len(self._rows) if row is None else max(0, min(row, len(self._rows)))
        draft = self.schema.validate(texts) if texts is not None else self.schema.empty()
        label = _tr("添加一行")
        self._undo.push(InsertRowsCommand(self, at, [draft], label))
        return at

    def set_cells(self, top: int, left: int, block: Sequence[Sequence[str]], label: str) -> None:
        """Write a block of texts (a paste) at (top, left) as one undo step; rows are added as needed."""
        width = self.schema.column_count
        changes = []
        needed = top + len(block) - len(self._rows)
        for offset, values in enumerate(block):
            for step, text in enumerate(values):
                row, column = top + offset, left + step
                if column < width:
                    old = self._rows[row].texts[column] if row < len(self._rows) else ""
                    if text != old:
                        changes.append((row, column, old, text))
        if not changes and needed <= 0:
            return
        self._undo.beginMacro(label)
        if needed > 0:
            empty = [self.schema.empty() for _ in range(needed)]
            self._undo.push(InsertRowsCommand(self, len(self._rows), empty, _tr("添加一行")))
        if changes:
            self._undo.push(SetCellsCommand(self, changes, label))
        self._undo.endMacro()

    def clear_cells(self, cells: Sequence[tuple[int, int]], label: str) -> None:
        """Empty the given cells as one undo step."""
        changes = [(r, c, self._rows[r].texts[c], "") for r, c in cells if self._rows[r].texts[c]]
        if changes:
            self._undo.push(SetCellsCommand(self, changes, label))

    def duplicate_rows(self, rows: Sequence[int]) -> None:
        chosen = sorted(set(r for r in rows if 0 <= r < len(self._rows)))
        if not chosen:
            return
        copies = [self._rows[r] for r in chosen]
        label = _tr("复制 {0} 行").format(len(copies))
        self._undo.push(InsertRowsCommand(self, chosen[-1] + 1, copies, label))

    def remove_rows(self, rows: Sequence[int]) -> None:
        chosen = sorted(set(r for r in rows if 0 <= r < len(self._rows)))
        if chosen:
            self._undo.push(RemoveRowsCommand(self, chosen))
