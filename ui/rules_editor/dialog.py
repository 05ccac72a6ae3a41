"""编辑 → 规则集…: list the sets, copy one, edit every value with live checks, compare, save to the user folder."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from subsidy_calc.models import Claim
from subsidy_calc.rule_draft import KeyPath, check_draft, copy_draft, draft_of, get_at, problem_text, set_at
from subsidy_calc.rule_install import save_local
from subsidy_calc.rule_loading import RuleCatalog
from subsidy_calc.rule_schema import RuleSet

from ..i18n import _tr
from .commands import ReplaceDraftCommand, SetDraftValueCommand
from .compare import ComparePanel
from .export_action import ExportChoice, ask_export_unsaved
from .form import FormHost, RuleForm

DRAFT_KEY = "\x00draft"


def validity_text(ruleset: RuleSet) -> str:
    """有效期 from valid_from / valid_until when the schema has them, else the first effective date."""
    start = getattr(ruleset, "valid_from", None) or ruleset.first_effective
    until = getattr(ruleset, "valid_until", None)
    return _tr("{0} 起").format(start.isoformat()) + (_tr(",至 {0}").format(until.isoformat()) if until else "")


class RuleSetEditor(QDialog):
    """The rule-set editor. `claim` gives the open claim for previews; `rulesSaved(id)` after each save."""

    rulesSaved = Signal(str)
    exportRequested = Signal(str, str)  # the set's id, and what the export leaves out ("" when nothing)

    def __init__(self, catalog: RuleCatalog, claim: Callable[[], Claim | None] = lambda: None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ruleSetEditor")
        self.setWindowTitle(_tr("规则集") + "[*]")
        available = self.screen().availableGeometry()  # fits a 1366×768 laptop, also at 150 %
        self.resize(min(1300, int(available.width() * 0.95)), min(860, int(available.height() * 0.9)))
        self.catalog = catalog
        self.undo_stack = QUndoStack(self)
        self.draft: dict[str, Any] | None = None
        self.draft_source = ""  # the id the draft was started from
        self.checked: RuleSet | None = None
        self.problems: list[str] = []
        self.form: RuleForm | None = None
        self._build(claim)
        self.fill_list()
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    # --- building -------------------------------------------------------------------------------------------
    def _build(self, claim: Callable[[], Claim | None]) -> None:
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        self.list = QTableWidget(0, 5, left)
        self.list.setObjectName("ruleSetList")
        self.list.setHorizontalHeaderLabels([_tr("编号"), _tr("名称"), _tr("状态"), _tr("来源"), _tr("有效期")])
        self.list.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().setVisible(False)
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.doubleClicked.connect(lambda _i: self.edit_selected())
        left_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton(_tr("复制为新规则集"), left)
        self.copy_button.setObjectName("copyRuleSetButton")
        self.copy_button.clicked.connect(self.copy_selected)
        self.edit_button = QPushButton(_tr("编辑"), left)
        self.edit_button.setObjectName("editRuleSetButton")
        self.edit_button.setToolTip(_tr("编辑所选规则集;保存为本地规则集,替代同编号的内置规则集"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.export_button = QPushButton(_tr("导出…"), left)
        self.export_button.setObjectName("exportRuleSetButton")
        self.export_button.setToolTip(_tr("把所选规则集写成 .toml 文件,交给同事或接任的人导入"))
        self.export_button.clicked.connect(self.export_selected)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        self.tabs = QTabWidget(splitter)
        self.tabs.setObjectName("editorTabs")
        edit_page = QWidget(self.tabs)
        edit_layout = QVBoxLayout(edit_page)
        self.heading = QLabel(_tr("请选择一个规则集,点“复制为新规则集”或“编辑”。"), edit_page)
        self.heading.setObjectName("editorHeading")
        self.heading.setWordWrap(True)
        edit_layout.addWidget(self.heading)
        self.form_scroll = QScrollArea(edit_page)
        self.form_scroll.setWidgetResizable(True)
        edit_layout.addWidget(self.form_scroll, 3)
        self.problem_list = QListWidget(edit_page)
        self.problem_list.setObjectName("ruleProblems")
        self.problem_list.setMaximumHeight(100)
        edit_layout.addWidget(self.problem_list, 1)
        self.tabs.addTab(edit_page, _tr("编辑"))
        self.compare = ComparePanel(self.compare_sets, claim, self.tabs)
        self.tabs.addTab(self.compare, _tr("比较"))
        self.tabs.currentChanged.connect(lambda index: self.compare.fill() if index == 1 else None)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setSizes([430, 870])
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        self.undo_button = QPushButton(_tr("撤销"), self)
        self.undo_button.setObjectName("ruleUndoButton")
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button = QPushButton(_tr("重做"), self)
        self.redo_button.setObjectName("ruleRedoButton")
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.save_button = QPushButton(_tr("保存"), self)
        self.save_button.setObjectName("saveRuleSetButton")
        self.save_button.clicked.connect(self.save)
        self.compare_button = QPushButton(_tr("与原规则集比较"), self)
        self.compare_button.setObjectName("compareRuleSetButton")
        self.compare_button.clicked.connect(self.show_comparison)
        close = QPushButton(_tr("关闭"), self)
        close.setObjectName("closeRuleEditorButton")
        close.clicked.connect(self.close)
        for widget in (self.undo_button, self.redo_button):
            widget.setEnabled(False)
            bottom.addWidget(widget)
        bottom.addStretch(1)
        bottom.addWidget(self.compare_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self._update_buttons()

    def fill_list(self) -> None:
        """Every set (status, source, validity), then the files that did not load with their problem."""
        rows: list[tuple[list[str], str, bool]] = []
        for ruleset in sorted(self.catalog.rulesets.values(), key=lambda r: r.id):
            origin = self.catalog.origin(ruleset.id)
            status = _tr("正式") if ruleset.status == "official" else _tr("假设,须核实")
            source = origin.describe() if origin is not None else ""
            rows.append(([ruleset.id, ruleset.title, status, source, validity_text(ruleset)], ruleset.id, True))
        for error in self.catalog.errors:
            where = _tr("本地规则文件") if self.catalog.is_local_error(error) else _tr("规则文件")
            rows.append(([error.file.stem, str(error.file), _tr("无法加载"), where, str(error)], "", False))
        self.list.setRowCount(len(rows))
        for row, (texts, ruleset_id, usable) in enumerate(rows):
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text.splitlines()[0] if text else "")
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, ruleset_id)
                if not usable:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.list.setItem(row, column, item)
        self.list.resizeColumnsToContents()

    def select(self, ruleset_id: str) -> None:
        for row in range(self.list.rowCount()):
            item = self.list.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == ruleset_id:
                self.list.selectRow(row)
                return

    def selected_id(self) -> str | None:
        row = self.list.currentRow()
        item = self.list.item(row, 0) if row >= 0 else None
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, str) and value in self.catalog.rulesets else None

    # --- starting a draft -------------------------------------------------------------------------------------
    def copy_selected(self) -> None:
        ruleset_id = self.selected_id()
        if ruleset_id is not None and self.confirm_discard():
            self.start(copy_draft(self.catalog.get(ruleset_id), self.catalog.rulesets), ruleset_id)

    def edit_selected(self) -> None:
        ruleset_id = self.selected_id()
        if ruleset_id is not None and self.confirm_discard():
            self.start(draft_of(self.catalog.get(ruleset_id)), ruleset_id)

    def start(self, draft: dict[str, Any], source_id: str) -> None:
        self.undo_stack.clear()
        self.draft = draft
        self.draft_source = source_id
        self.rebuild()
        self.undo_stack.setClean()
        self.tabs.setCurrentIndex(0)

    # --- changing the draft (through the undo stack) ------------------------------------------------------------
    def set_value(self, path: KeyPath, value: object, structural: bool) -> None:
        if self.draft is None:
            return
        old = copy.deepcopy(get_at(self.draft, path))
        if old == value:
            return
        self.undo_stack.push(SetDraftValueCommand(self, path, old, copy.deepcopy(value), structural))

    def replace_draft(self, new: dict[str, Any], text: str) -> None:
        if self.draft is not None and text and new != self.draft:
            self.undo_stack.push(ReplaceDraftCommand(self, copy.deepcopy(self.draft), new, text))

    def apply_value(self, path: KeyPath, value: object, structural: bool) -> None:
        """Called by the undo commands: put a value into the draft, show it, check again."""
        assert self.draft is not None
        set_at(self.draft, path, copy.deepcopy(value))
        if structural or self.form is None:
            self.rebuild()
        else:
            self.form.refresh(path)
            self.check()

    def apply_draft(self, data: dict[str, Any]) -> None:
        self.draft = copy.deepcopy(data)
        self.rebuild()

    def rebuild(self) -> None:
        """Build the form again from the draft (after structural edits), keeping the scroll position."""
        if self.draft is None:
            return
        position = self.form_scroll.verticalScrollBar().value()
        self.form = RuleForm(FormHost(self.draft, self.set_value, self.replace_draft))
        old = self.form_scroll.takeWidget()
        self.form_scroll.setWidget(self.form)
        if old is not None:
            old.deleteLater()
        self.form_scroll.verticalScrollBar().setValue(position)
        self.check()

    def check(self) -> None:
        """Live validation: the same loader and messages as `rules --check`."""
        if self.draft is None:
            return
        self.checked, problems = check_draft(self.draft)
        self.problems = [problem_text(p) for p in problems]
        self.problem_list.clear()
        self.problem_list.addItems(self.problems or [_tr("校验通过,可以保存")])
        if self.form is not None:
            self.form.mark_problems({p.key_path: problem_text(p) for p in problems})
        ruleset_id = self.draft.get("id", "")
        target = self.catalog.user_dir / f"{ruleset_id}.toml" if self.catalog.user_dir else None
        replaces = _tr(",将替代同编号的规则集") if ruleset_id in self.catalog.rulesets else ""
        self.heading.setText(_tr("正在编辑 {0}(来自 {1}),保存到 {2}{3}").format(
            ruleset_id, self.draft_source, target, replaces))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.draft is not None and self.checked is not None)
        self.compare_button.setEnabled(self.checked is not None)

    def _clean_changed(self, clean: bool) -> None:
        # Uses only its argument: the stack emits this while it is being destroyed with the dialog.
        self.setWindowModified(not clean)

    # --- comparing --------------------------------------------------------------------------------------------
    def compare_sets(self) -> dict[str, tuple[str, RuleSet]]:
        """The sets offered on both sides of the comparison: the catalog, and the draft when it is valid."""
        sets: dict[str, tuple[str, RuleSet]] = {}
        if self.checked is not None:
            sets[DRAFT_KEY] = (_tr("正在编辑:{0}").format(self.checked.id), self.checked)
        for ruleset in sorted(self.catalog.rulesets.values(), key=lambda r: r.id):
            sets[ruleset.id] = (f"{ruleset.id} {ruleset.title}", ruleset)
        return sets

    def show_comparison(self) -> None:
        """The draft's source on the left, the draft on the right."""
        self.tabs.setCurrentIndex(1)
        self.compare.fill(self.draft_source, DRAFT_KEY)

    # --- saving and closing -----------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.draft is None:
            return True
        self.check()
        if self.checked is None:
            self.warn(_tr("无法保存"), _tr("规则集有错误,请先改正:") + "\n" + "\n".join(self.problems[:15]))
            return False
        try:
            path = save_local(self.checked, self.catalog.user_dir)
        except OSError as exc:
            self.warn(_tr("无法保存"), _tr("无法写入规则文件:{0}").format(exc.strerror or exc))
            return False
        saved_id = self.checked.id
        self.catalog.reload()
        self.undo_stack.setClean()
        self.fill_list()
        self.select(saved_id)
        self.draft_source = saved_id
        self.check()
        self.heading.setText(_tr("已保存到 {0}").format(path))
        self.rulesSaved.emit(saved_id)
        return True

    # --- exporting (the window's RuleActions writes the file) --------------------------------------------------
    def export_selected(self) -> None:
        ruleset_id = self.selected_id()
        if ruleset_id is None:
            self.warn(_tr("导出规则集"), _tr("请先在列表中选择要导出的规则集(无法加载的文件不能导出)。"))
            return
        choice = self.export_choice(ruleset_id)
        if choice is not None:
            self.exportRequested.emit(*choice)

    def export_choice(self, ruleset_id: str) -> tuple[str, str] | None:
        """Before `ruleset_id` is exported: when the draft is that set, or a copy of it, with unsaved changes, ask
        to save it and export it, or to export the saved file (and say so). (id, note) to export, or None."""
        draft_id = str(self.draft.get("id", "")) if self.draft is not None else ""
        if self.undo_stack.isClean() or ruleset_id not in (draft_id, self.draft_source):
            return ruleset_id, ""
        answer = self.ask_export_unsaved(draft_id, ruleset_id)
        if answer == ExportChoice.SAVE_THEN_EXPORT:
            return (self.draft_source, "") if self.save() else None
        if answer == ExportChoice.EXPORT_SAVED:
            return ruleset_id, _tr("规则集编辑器中 {0} 未保存的修改不在这个文件里。").format(draft_id)
        return None

    def ask_export_unsaved(self, draft_id: str, ruleset_id: str) -> ExportChoice:
        return ask_export_unsaved(self, draft_id, ruleset_id)

    def confirm_discard(self) -> bool:
        """True when the draft may be dropped: unchanged, saved now, or the user says discard."""
        if self.draft is None or self.undo_stack.isClean():
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        return QMessageBox.question(self, _tr("规则集已修改"), _tr("正在编辑的规则集有未保存的修改,要保存吗?"),
                                    buttons, QMessageBox.StandardButton.Save)

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def reject(self) -> None:
        if self.confirm_discard():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm_discard():
            event.accept()
        else:
            event.ignore()
