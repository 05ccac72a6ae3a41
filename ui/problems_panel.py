"""The problems panel (problemsList): each problem of a draft in plain Chinese; activating one goes to its place."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from .i18n import _tr
from .problems import Problem

MAX_SHOWN = 500
_ERROR = QColor("#b00020")
_HINT = QColor("#555555")


class ProblemsList(QListWidget):
    """Lists the document's problems; `problemActivated` carries the Problem the user chose (click or Enter)."""

    problemActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsList")
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self._problems: list[Problem] = []
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def show_problems(self, problems: list[Problem], hint: str = "") -> None:
        """The problems (red); with none, an optional grey hint (a blank new claim gets a friendly one)."""
        if problems == self._problems and (problems or self._hint_shown() == hint):
            return
        self._problems = list(problems)
        self.setUpdatesEnabled(False)
        self.clear()
        for number, problem in enumerate(problems[:MAX_SHOWN]):
            item = QListWidgetItem(problem.text)
            item.setForeground(QBrush(_ERROR))
            item.setToolTip(_tr("双击或按回车键转到这里"))
            item.setData(Qt.ItemDataRole.UserRole, number)
            self.addItem(item)
        if len(problems) > MAX_SHOWN:
            self.addItem(_tr("……另有 {0} 个问题未显示").format(len(problems) - MAX_SHOWN))
        if not problems and hint:
            item = QListWidgetItem(hint)
            item.setForeground(QBrush(_HINT))
            item.setData(Qt.ItemDataRole.UserRole + 1, "hint")
            self.addItem(item)
        self.setUpdatesEnabled(True)

    def _hint_shown(self) -> str:
        item = self.item(0)
        return item.text() if item is not None and item.data(Qt.ItemDataRole.UserRole + 1) == "hint" else ""

    def _activated(self, item: QListWidgetItem) -> None:
        number = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(number, int) and 0 <= number < len(self._problems):
            self.problemActivated.emit(self._problems[number])
