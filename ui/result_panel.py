"""The result part of the window: amounts, amount in capitals, notices and "为什么是这个数"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from subsidy_calc.money import format_yuan
from subsidy_calc.results import ClaimResult, Severity

from .i18n import _tr
from .problems_panel import ProblemsList

MAX_NOTICES = 500
NO_VALUE = "—"
_COLOURS = {Severity.ERROR: QColor("#b00020"), Severity.WARNING: QColor("#8a5a00"), Severity.INFO: QColor("#333333")}



class ResultPanel(QWidget):
    """Shows a ClaimResult as the engine computed it (no arithmetic here).

    The totals stay at the top; problems, notices and the explanation share tabs below them, so the totals
    are on screen however small the window is."""

    classRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox(_tr("计算结果(元)"), self)
        form = QFormLayout(box)
        self.gross = self._amount_label("grossAmount")
        self.advance = self._amount_label("advanceAmount")
        self.payable = self._amount_label("payableAmount")
        bold = QFont(self.payable.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.25)
        self.payable.setFont(bold)
        self.payable_caption = QLabel(_tr("本次应付:"), box)
        form.addRow(_tr("应得补贴:"), self.gross)
        form.addRow(_tr("已预支(扣除):"), self.advance)
        form.addRow(self.payable_caption, self.payable)
        self.words = QLabel(NO_VALUE, box)
        self.words.setObjectName("payableInWords")
        self.words.setWordWrap(True)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(_tr("大写:"), self.words)
        layout.addWidget(box)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("resultTabs")
        # A narrow column (230 px at 1366×768 and 150 %) shows every tab, their titles shortened with "…" when
        # they must be, the whole title in the tooltip; never a scrolled tab bar with a tab out of sight.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.problems = ProblemsList(self.tabs)
        self._add_tab(self.problems, _tr("问题"))
        self.notices = QListWidget(self.tabs)
        self.notices.setObjectName("noticesList")
        self.notices.setWordWrap(True)
        self.notices.setUniformItemSizes(False)
        self.notices.currentItemChanged.connect(self._notice_chosen)
        self._add_tab(self.notices, _tr("提示"))
        self.explanation = QPlainTextEdit(self.tabs)
        self.explanation.setObjectName("explanationView")
        self.explanation.setReadOnly(True)
        self.explanation.setPlaceholderText(_tr("在培训班表中选择一个班级,这里显示它的计算过程。"))
        self._add_tab(self.explanation, _tr("为什么是这个数"))
        layout.addWidget(self.tabs, 1)
        self._showing_problems = True

    def _add_tab(self, page: QWidget, title: str) -> None:
        self._set_tab_title(self.tabs.addTab(page, title), title)

    def _set_tab_title(self, index: int, title: str) -> None:
        self.tabs.setTabText(index, title)
        self.tabs.setTabToolTip(index, title)

    def _amount_label(self, name: str) -> QLabel:
        label = QLabel(NO_VALUE, self)
        label.setObjectName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_result(self, result: ClaimResult | None) -> None:
        self.notices.clear()
        if result is None:
            for label in (self.gross, self.advance, self.payable, self.words):
                label.setText(NO_VALUE)
            self.payable_caption.setText(_tr("本次应付:"))
            self._set_tab_title(1, _tr("提示"))
            return
        self.gross.setText(format_yuan(result.gross))
        self.advance.setText(format_yuan(result.advance_paid))
        self.payable.setText(format_yuan(result.payable))
        self.payable_caption.setText(_tr("应退回:") if result.refund_owed else _tr("本次应付:"))
        self.words.setText(result.payable_in_words)
        notices = result.all_notices()
        self._add_items([(n.severity, str(n), n.class_id) for n in notices])
        self._set_tab_title(1, _tr("提示 ({0})").format(len(notices)) if notices else _tr("提示"))

    def show_problem_count(self, count: int, blank: bool = False) -> None:
        """Tab title with the count; the problems tab comes forward when problems appear (or for a blank
        claim's hint), the explanation when the last one is gone."""
        self._set_tab_title(0, _tr("问题 ({0})").format(count) if count else _tr("问题"))
        showing = count > 0 or blank
        if showing != self._showing_problems:
            self.tabs.setCurrentIndex(0 if showing else 2)
            self._showing_problems = showing

    def _add_items(self, items: list[tuple[Severity, str, str | None]]) -> None:
        self.notices.setUpdatesEnabled(False)
        self.notices.blockSignals(True)
        for severity, text, class_id in items[:MAX_NOTICES]:
            item = QListWidgetItem(text)
            item.setForeground(QBrush(_COLOURS[severity]))
            item.setData(Qt.ItemDataRole.UserRole, class_id)
            self.notices.addItem(item)
        if len(items) > MAX_NOTICES:
            self.notices.addItem(_tr("……另有 {0} 条未显示").format(len(items) - MAX_NOTICES))
        self.notices.blockSignals(False)
        self.notices.setUpdatesEnabled(True)

    def _notice_chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        class_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(class_id, str) and class_id:
            self.classRequested.emit(class_id)

    def show_explanation(self, text: str) -> None:
        if self.explanation.toPlainText() != text:
            self.explanation.setPlainText(text)
