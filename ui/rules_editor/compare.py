"""Side by side: every value of two rule sets, and what the open claim gets under each (engine totals)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from subsidy_calc.models import Claim
from subsidy_calc.money import format_yuan
from subsidy_calc.rule_compare import Preview, preview, side_by_side
from subsidy_calc.rule_schema import RuleSet

from ..i18n import _tr

CHANGED = QColor("#fff3c4")


class ComparePanel(QWidget):
    """Two combos (left, right), the value table and the claim preview; `sets()` supplies the choices."""

    def __init__(self, sets: Callable[[], dict[str, tuple[str, RuleSet]]], claim: Callable[[], Claim | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparePanel")
        self._sets = sets
        self._claim = claim
        layout = QVBoxLayout(self)
        pick = QHBoxLayout()
        self.left_combo, self.right_combo = QComboBox(self), QComboBox(self)
        self.left_combo.setObjectName("compareLeft")
        self.right_combo.setObjectName("compareRight")
        self.only_changed = QCheckBox(_tr("只显示不同的值"), self)
        self.only_changed.setObjectName("compareOnlyChanged")
        pick.addWidget(QLabel(_tr("左:"), self))
        pick.addWidget(self.left_combo, 1)
        pick.addWidget(QLabel(_tr("右:"), self))
        pick.addWidget(self.right_combo, 1)
        pick.addWidget(self.only_changed)
        layout.addLayout(pick)
        self.summary = QLabel(self)
        self.summary.setObjectName("compareSummary")
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("compareTable")
        self.table.setHorizontalHeaderLabels([_tr("键"), _tr("左"), _tr("右")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 300)
        self.table.setColumnWidth(1, 260)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(_tr("当前申请在两个规则集下的结果(由计算引擎算出):"), self))
        self.preview = QTableWidget(3, 3, self)
        self.preview.setObjectName("previewTable")
        self.preview.setHorizontalHeaderLabels([_tr("左"), _tr("右"), _tr("差额(右−左)")])
        self.preview.setVerticalHeaderLabels([_tr("应得"), _tr("已预支"), _tr("本次应付")])
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.setMaximumHeight(130)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.preview)
        self.preview_note = QLabel(self)
        self.preview_note.setObjectName("previewNote")
        self.preview_note.setWordWrap(True)
        layout.addWidget(self.preview_note)
        for combo in (self.left_combo, self.right_combo):
            combo.currentIndexChanged.connect(lambda _i: self.update_view())
        self.only_changed.toggled.connect(lambda _on: self.update_view())

    def fill(self, left: str | None = None, right: str | None = None) -> None:
        """Refill the choices (keeping or setting the chosen keys) and show the comparison."""
        sets = self._sets()
        for combo, wanted in ((self.left_combo, left), (self.right_combo, right)):
            keep = wanted if wanted is not None else combo.currentData()
            blocked = combo.blockSignals(True)
            combo.clear()
            for key, (label, _ruleset) in sets.items():
                combo.addItem(label, key)
            index = combo.findData(keep)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.blockSignals(blocked)
        self.update_view()

    def chosen(self) -> tuple[RuleSet | None, RuleSet | None]:
        sets = self._sets()
        left, right = sets.get(self.left_combo.currentData()), sets.get(self.right_combo.currentData())
        return (left[1] if left else None), (right[1] if right else None)

    def update_view(self) -> None:
        left, right = self.chosen()
        if left is None or right is None:
            self.table.setRowCount(0)
            self.summary.setText(_tr("请选择两个规则集;正在编辑的规则集有错误时不能比较"))
            self._show_preview(None, None)
            return
        rows = side_by_side(left, right)
        changed = [r for r in rows if r.left != r.right]
        shown = changed if self.only_changed.isChecked() else rows
        self.summary.setText(_tr("共 {0} 项,不同 {1} 项").format(len(rows), len(changed)))
        self.table.setRowCount(len(shown))
        bold = QFont()
        bold.setBold(True)
        for row, difference in enumerate(shown):
            for column, text in enumerate((difference.path, difference.left, difference.right)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if difference.left != difference.right:
                    item.setBackground(QBrush(CHANGED))
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        self._show_preview(left, right)

    def _show_preview(self, left: RuleSet | None, right: RuleSet | None) -> None:
        claim = self._claim()
        if claim is None or left is None or right is None:
            self.preview_note.setText(_tr("当前申请还不能计算(或没有打开申请),没有结果可比较。"))
            for row in range(3):
                for column in range(3):
                    self.preview.setItem(row, column, QTableWidgetItem("—"))
            return
        results = [preview(claim, left), preview(claim, right)]
        for column, result in enumerate(results):
            for row, amount in enumerate(_amounts(result)):
                self.preview.setItem(row, column, QTableWidgetItem(format_yuan(amount)))
        for row, (a, b) in enumerate(zip(_amounts(results[0]), _amounts(results[1]), strict=True)):
            self.preview.setItem(row, 2, QTableWidgetItem(format_yuan(b - a)))
        errors = [r.ruleset_id for r in results if r.has_errors]
        self.preview_note.setText(
            _tr("注意:在 {0} 下申请有错误,见主窗口提示。").format("、".join(errors)) if errors else "")

    def preview_texts(self) -> list[list[str]]:
        """The preview table as shown (rows 应得 / 已预支 / 本次应付; columns left, right, difference)."""
        return [[_text(self.preview.item(r, c)) for c in range(3)] for r in range(3)]


def _amounts(result: Preview) -> tuple[Decimal, Decimal, Decimal]:
    return (result.gross, result.advance_paid, result.payable)


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""
