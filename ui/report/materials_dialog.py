"""申报材料清单 in the window: the same lines as the printed checklist page, ticked where the app has the data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from subsidy_calc.export.summary import MATERIALS_TITLE, SummaryDocument


class MaterialsDialog(QDialog):
    """A read-only table of the stage's materials; a checked box marks what the app already produced or holds."""

    def __init__(self, parent: QWidget | None, summary: SummaryDocument) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("{title}({stage})").format(title=MATERIALS_TITLE, stage=summary.stage_label))
        note = QLabel(summary.materials_note, self)
        note.setWordWrap(True)
        headers = [self.tr("序号"), self.tr("材料"), self.tr("要求"), self.tr("份数"), self.tr("本软件"),
                   self.tr("出处")]
        self.table = QTableWidget(len(summary.materials), len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for row, line in enumerate(summary.materials):
            number = QTableWidgetItem(str(row + 1))
            number.setCheckState(Qt.CheckState.Checked if line.ready else Qt.CheckState.Unchecked)
            number.setFlags(Qt.ItemFlag.ItemIsEnabled)  # shown, not toggled: the tick follows the data
            cells = (line.text, line.required_text, line.copies_text, line.note or "—", line.source)
            self.table.setItem(row, 0, number)
            for col, text in enumerate(cells, start=1):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        for col, width in ((1, 300), (4, 200), (5, 260)):
            self.table.setColumnWidth(col, width)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(980, 520)
