"""Window wiring for the roster importer (menu, drag and drop) and the double-claim register checks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from subsidy_calc.models import Claim
from ui.importing.actions import ImportActions
from ui.importing.drop import accepts_drop

if TYPE_CHECKING:
    from subsidy_calc.importer import ImportResult
    from ui.main_window import MainWindow

MAX_LISTED = 20


class DoubleClaimGuard(QObject):
    """Warns before export and after saving when people of this claim are in another saved claim.

    The register (subsidy_calc.register) keeps keyed hashes of ID numbers, never the numbers; 文件 →
    清除重复申领登记… erases it and its key (docs/privacy.md)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.erase_action = QAction(self.tr("清除重复申领登记…"), window)
        self.erase_action.setObjectName("eraseRegisterAction")
        self.erase_action.triggered.connect(self.erase)

    @classmethod
    def confirm_erase(cls, parent: QWidget, text: str) -> bool:
        answer = QMessageBox.question(parent, QCoreApplication.translate("DoubleClaimGuard", "清除重复申领登记"),
                                      text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def erase(self) -> None:
        """Erase the register and its key after a confirmation; say what was removed or why not."""
        text = self.tr("将删除本机的重复申领登记库及其密钥:此后无法再发现与以前保存的申请重复的人员,"
                       "直到重新保存这些申请。申请文件本身不受影响。\n\n确定要清除吗?")
        if not self.confirm_erase(self._window, text):
            return
        from subsidy_calc.register import RegisterError, erase_register  # sqlite3, hmac: when first used

        try:
            removed = erase_register()
        except RegisterError as exc:
            self.show_overlaps(self._window, self.tr("未能清除重复申领登记:{0}").format(exc))
            return
        self._window.statusBar().showMessage(self.tr("已清除重复申领登记:{0}").format("、".join(removed)), 10000)

    def claim_key(self) -> str:
        from subsidy_calc.register import claim_key_for_path

        path = self._window.file_path
        return claim_key_for_path(path) if path is not None else f"unsaved:{id(self._window)}"

    @classmethod
    def ask_continue(cls, parent: QWidget, text: str) -> bool:
        answer = QMessageBox.warning(parent, QCoreApplication.translate("DoubleClaimGuard", "可能重复申领"), text,
                                     QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                     QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def show_overlaps(cls, parent: QWidget, text: str) -> None:
        QMessageBox.warning(parent, QCoreApplication.translate("DoubleClaimGuard", "可能重复申领"), text)

    def _listing(self, lines: list[str]) -> str:
        shown = "\n".join(f"• {line}" for line in lines[:MAX_LISTED])
        more = self.tr("\n……另有 {0} 条").format(len(lines) - MAX_LISTED) if len(lines) > MAX_LISTED else ""
        return shown + more

    def before_export(self, claim: Claim) -> bool:
        """True to go on: no overlap, or the user chose to export anyway."""
        from subsidy_calc.register import overlap_warnings

        lines = overlap_warnings(claim, self.claim_key())
        if not lines:
            return True
        text = self.tr("以下人员已在其他已保存的申请中申领过重叠的培训期:") + "\n" + self._listing(lines)
        return self.ask_continue(self._window, text + "\n\n" + self.tr("仍要导出吗?"))

    def after_save(self, claim: Claim, path: Path) -> None:
        """Record the saved claim in the register and say which people overlap other claims."""
        from subsidy_calc.register import RegisterError, check_and_record_with_notices, claim_key_for_path

        try:
            recorded = check_and_record_with_notices(claim, claim_key_for_path(path))
        except RegisterError as exc:
            self.show_overlaps(self._window, self.tr("申请已保存,但未能登记或检查重复申领:{0}").format(exc))
            return
        overlaps = recorded.overlaps
        for notice in recorded.notices:
            self._window.statusBar().showMessage(notice, 15000)
        if overlaps:
            text = self.tr("已保存。注意:以下人员已在其他申请中申领过重叠的培训期:") + "\n"
            self.show_overlaps(self._window, text + self._listing([str(o) for o in overlaps]))


class ImportWiring(QObject):
    """File → 导入花名册… / 保存花名册模板…, and roster files dropped on the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.actions = ImportActions(window, window.current_claim, self.apply, window.current_ruleset)
        window.setAcceptDrops(True)

    def apply(self, result: ImportResult) -> None:
        """Merge the imported classes and roster into the window as one undoable step."""
        classes, roster = result.merged_classes_and_roster(self._window.current_claim())
        self._window.replace_roster(roster, classes)
        message = result.summary()
        if result.rows_rejected or result.warnings:
            message += self.tr(";问题清单可在 文件 → 上次导入结果… 中再看")
        self._window.statusBar().showMessage(message, 15000)

    def drag_enter(self, event: QDragEnterEvent) -> None:
        if accepts_drop(event.mimeData()) is not None:
            event.acceptProposedAction()

    def drop(self, event: QDropEvent) -> None:
        path = accepts_drop(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.actions.import_path(path)
