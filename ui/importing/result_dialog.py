"""What an import found: counts, the table of problems and warnings, saving the list as xlsx."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from subsidy_calc.importer import ImportResult
from subsidy_calc.importer.problem_list import write_problem_report
from subsidy_calc.money import format_yuan

from ..dialogs import completed_save_path
from .problem_model import ProblemColumn, ProblemTableModel

REFUSED_LISTED = 10  # refused people named one by one; the rest are counted


class ImportResultDialog(QDialog):
    """Counts, the problem table, “保存问题清单(xlsx)…”; OK applies the good rows, Cancel drops everything."""

    def __init__(self, parent: QWidget | None, result: ImportResult, review: bool = False) -> None:
        """`review`: the result of an import already applied (文件 → 上次导入结果…): nothing to apply, only close."""
        super().__init__(parent)
        self.import_result = result
        self.setWindowTitle(self.tr("导入结果:") + result.source.name)
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary_text(), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.refused_label = QLabel(self._refused_text(), self)
        self.refused_label.setObjectName("refusedWorth")
        self.refused_label.setWordWrap(True)
        self.refused_label.setStyleSheet("color: #a31515;")
        self.refused_label.setVisible(bool(result.refused_worth))
        layout.addWidget(self.refused_label)
        self.model = ProblemTableModel(result.problems, result.warnings, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(ProblemColumn.MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(self.model.rowCount() > 0)
        layout.addWidget(self.table)
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("保存问题清单(xlsx)…"), self)
        self.save_button.setEnabled(self.model.rowCount() > 0)
        self.save_button.clicked.connect(self.save_report)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        if result.rows_imported and not review:
            self.apply_button: QPushButton | None = self.buttons.addButton(
                self.tr("导入 %n 行", "", result.rows_imported), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            self.apply_button = None
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _summary_text(self) -> str:
        r = self.import_result
        text = self.tr("可导入 %1 行(培训班 %2 个,学徒 %3 人);未导入 %4 行;提示 %5 条。").replace(
            "%1", str(r.rows_imported)).replace("%2", str(len(r.classes))).replace("%3", str(len(r.roster))).replace(
            "%4", str(r.rows_rejected)).replace("%5", str(len(r.warnings)))
        if r.rows_rejected:
            text += self.tr("未导入的行不会进入申请;请按问题清单改正后重新导入。")
        return text

    def _refused_text(self) -> str:
        """What the refused people of known classes would have earned: the cost of importing as it is."""
        worth = self.import_result.refused_worth
        if not worth:
            return ""
        total = sum((w.amount for w in worth), Decimal(0))
        shown = [self.tr("第 {0} 行 {1}({2},{3}){4} 元").format(
            w.person.row, w.person.name or "—", w.person.class_id, w.outcome.label, format_yuan(w.amount))
            for w in worth[:REFUSED_LISTED]]
        more = len(worth) - len(shown)
        text = self.tr("未导入的学徒中有 {0} 人属于已知班级;按当前规则集清算,他们合计可得 {1} 元,"
                       "不改正就不会计入申请:").format(len(worth), format_yuan(total)) + ";".join(shown)
        if more:
            text += self.tr(";另有 {0} 人").format(more)
        return text

    def choose_report_path(self) -> Path | None:
        """Where to save the problem list (a method so tests can replace the file dialog)."""
        suggested = self.import_result.source.with_name(self.import_result.source.stem + "-问题清单.xlsx")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("保存问题清单"), str(suggested),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        return Path(name) if name else None

    def save_report(self) -> Path | None:
        path = self.choose_report_path()
        if path is None:
            return None
        path = completed_save_path(self, path, ".xlsx")
        if path is None:
            return None
        try:
            write_problem_report(path, self.import_result.problems, self.import_result.warnings)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("保存失败"), self.tr("无法保存问题清单:") + str(exc.strerror or exc))
            return None
        return path

    @classmethod
    def review(cls, parent: QWidget | None, result: ImportResult) -> None:
        """Show an applied import's result again (what was refused, what it would have earned). Tests replace it."""
        dialog = cls(parent, result, review=True)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    @classmethod
    def confirm(cls, parent: QWidget | None, result: ImportResult) -> bool:
        """Show the result; True when the user chose to import the good rows. Tests monkeypatch this."""
        dialog = cls(parent, result)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted and result.rows_imported > 0
        finally:
            dialog.deleteLater()
