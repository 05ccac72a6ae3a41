"""Table model over the problems (and warnings) of an import: sheet, row, column, value, problem, kind."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from subsidy_calc.input_errors import InputProblem

from ..i18n import _tr


class ProblemColumn(IntEnum):
    SHEET = 0
    ROW = 1
    COLUMN = 2
    VALUE = 3
    MESSAGE = 4
    KIND = 5


_HEADERS = {
    ProblemColumn.SHEET: str(QT_TRANSLATE_NOOP("ProblemTableModel", "工作表")),
    ProblemColumn.ROW: str(QT_TRANSLATE_NOOP("ProblemTableModel", "行")),
    ProblemColumn.COLUMN: str(QT_TRANSLATE_NOOP("ProblemTableModel", "列")),
    ProblemColumn.VALUE: str(QT_TRANSLATE_NOOP("ProblemTableModel", "值")),
    ProblemColumn.MESSAGE: str(QT_TRANSLATE_NOOP("ProblemTableModel", "问题")),
    ProblemColumn.KIND: str(QT_TRANSLATE_NOOP("ProblemTableModel", "类别")),
}
_ERROR = QColor("#FCE4D6")
_WARNING = QColor("#FFF2CC")

Index = QModelIndex | QPersistentModelIndex


class ProblemTableModel(QAbstractTableModel):
    """Read-only rows: every problem (row not imported) first, then every warning (imported, check it)."""

    def __init__(self, problems: list[InputProblem], warnings: list[InputProblem] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[InputProblem, bool]] = [(p, False) for p in problems]
        self._rows += [(w, True) for w in warnings or []]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ProblemColumn)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        problem, warning = self._rows[index.row()]
        column = ProblemColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column is ProblemColumn.SHEET:
                return problem.sheet
            if column is ProblemColumn.ROW:
                return "" if problem.row is None else str(problem.row)
            if column is ProblemColumn.COLUMN:
                return problem.column
            if column is ProblemColumn.VALUE:
                return problem.value
            if column is ProblemColumn.MESSAGE:
                return problem.message
            return _tr("提示(已导入)") if warning else _tr("未导入")
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_WARNING if warning else _ERROR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is ProblemColumn.ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(ProblemColumn):
            return QCoreApplication.translate("ProblemTableModel", _HEADERS[ProblemColumn(section)])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
