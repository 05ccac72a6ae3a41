"""The two actions the window offers (导入花名册…, 保存花名册模板…) and the import flow behind them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from subsidy_calc.models import Claim
from subsidy_calc.rule_schema import RuleSet

from ..dialogs import completed_save_path

if TYPE_CHECKING:  # the importer (calamine, openpyxl) loads on first use, not at every start of the window
    from subsidy_calc.importer import HeaderMappingNeeded, ImportResult

    from .worker import ImportWorker

FILE_FILTER = str(QT_TRANSLATE_NOOP(
    "ImportActions", "花名册 (*.xlsx *.xlsm *.xls *.ods *.csv);;Excel 工作簿 (*.xlsx);;CSV (*.csv)"))


class ImportActions(QObject):
    """Owns the actions and runs imports in a worker thread with a cancellable progress dialog.

    `apply(result)` is called on the GUI thread only when the user confirms the result dialog."""

    imported = Signal(object)  # ImportResult, after apply
    import_finished = Signal()  # every import attempt ends with this (applied, cancelled or failed)

    def __init__(self, parent: QWidget, existing_claim_provider: Callable[[], Claim | None],
                 apply: Callable[[ImportResult], None],
                 ruleset_provider: Callable[[], RuleSet | None] = lambda: None) -> None:
        super().__init__(parent)
        self._parent = parent
        self._existing = existing_claim_provider
        self._apply = apply
        self._rules = ruleset_provider
        self.import_action = QAction(self.tr("导入花名册…"), self)
        self.import_action.setStatusTip(self.tr("从 Excel 或 CSV 花名册导入培训班和学徒"))
        self.import_action.triggered.connect(self.choose_and_import)
        self.save_template_action = QAction(self.tr("保存花名册模板…"), self)
        self.save_template_action.setStatusTip(self.tr("保存一个可填写的花名册 Excel 模板"))
        self.save_template_action.triggered.connect(self.save_template)
        self.last_result_action = QAction(self.tr("上次导入结果…"), self)
        self.last_result_action.setObjectName("lastImportResultAction")
        self.last_result_action.setStatusTip(self.tr("再看一遍上次导入的问题清单,以及未导入的学徒按规则可得的金额"))
        self.last_result_action.setEnabled(False)
        self.last_result_action.triggered.connect(self.show_last_result)
        self.last_result: ImportResult | None = None  # the last import applied to the window
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self._thread: QThread | None = None
        self._worker: ImportWorker | None = None
        self.progress_dialog: QProgressDialog | None = None

    # --- file choosers (methods so tests replace them) -------------------------------------------
    def choose_import_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self._parent, self.tr("导入花名册"), "", self.tr(FILE_FILTER))
        return Path(name) if name else None

    def choose_template_path(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self._parent, self.tr("保存花名册模板"), self.tr("花名册模板.xlsx"),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        return Path(name) if name else None

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self._parent, title, message)

    # --- template ---------------------------------------------------------------------------------
    def save_template(self) -> Path | None:
        path = self.choose_template_path()
        if path is None:
            return None
        path = completed_save_path(self._parent, path, ".xlsx")
        if path is None:
            return None
        try:
            from subsidy_calc.importer.template import write_template

            write_template(path)
        except OSError as exc:
            self.show_error(self.tr("保存失败"), self.tr("无法保存模板:") + str(exc.strerror or exc))
            return None
        return path

    # --- import -------------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._thread is not None

    def choose_and_import(self) -> None:
        path = self.choose_import_path()
        if path is not None:
            self.import_path(path)

    def import_path(self, path: Path, mapping: dict[str, str] | None = None) -> None:
        """Start importing `path` (also the entry point for drag and drop)."""
        if self.busy:
            return
        self.import_action.setEnabled(False)
        from .worker import ImportWorker

        worker = ImportWorker(Path(path), self._existing(), self._rules(), mapping)
        thread = QThread(self)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        worker.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        worker.mapping_needed.connect(self._on_mapping_needed, Qt.ConnectionType.QueuedConnection)
        worker.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        worker.cancelled.connect(self._on_cancelled, Qt.ConnectionType.QueuedConnection)
        worker.done.connect(thread.quit, Qt.ConnectionType.DirectConnection)  # quit() is thread-safe
        dialog = QProgressDialog(self.tr("正在读取并检查“%1”…").replace("%1", Path(path).name), self.tr("取消"),
                                 0, 0, self._parent)
        dialog.setWindowTitle(self.tr("导入花名册"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)  # runs on the GUI thread; the worker thread is busy reading
        self._thread, self._worker, self.progress_dialog = thread, worker, dialog
        self._mapping = dict(mapping or {})
        self._path = Path(path)
        thread.start()

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def shutdown(self) -> None:
        """Cancel a running import and wait for its thread (call from the window's closeEvent; also runs on
        QApplication.aboutToQuit) so no QThread is destroyed while running. Nothing is applied."""
        thread = self._thread
        if thread is None:
            return
        self.cancel()
        thread.quit()
        thread.wait(30_000)
        self._finish_thread()

    def _from_current_worker(self) -> bool:
        """Signals still queued from a worker that was shut down are ignored."""
        return self._worker is not None and self.sender() is self._worker

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress_dialog is not None and total > 0:
            self.progress_dialog.setMaximum(total)
            self.progress_dialog.setValue(min(done, total))

    def _finish_thread(self) -> None:
        thread, worker, dialog = self._thread, self._worker, self.progress_dialog
        self._thread = self._worker = self.progress_dialog = None
        if dialog is not None:
            dialog.canceled.disconnect()
            dialog.close()
            dialog.deleteLater()
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()
        if worker is not None:
            worker.deleteLater()
        self.import_action.setEnabled(True)

    def _on_finished(self, result: ImportResult) -> None:
        if not self._from_current_worker():
            return
        self._finish_thread()
        from .result_dialog import ImportResultDialog

        if ImportResultDialog.confirm(self._parent, result):
            self._apply(result)
            self.last_result = result
            self.last_result_action.setEnabled(True)
            self.imported.emit(result)
        self.import_finished.emit()

    def show_last_result(self) -> None:
        """文件 → 上次导入结果…: the result dialog of the last applied import, to read or save its problem list."""
        if self.last_result is None:
            return
        from .result_dialog import ImportResultDialog

        ImportResultDialog.review(self._parent, self.last_result)

    def _on_mapping_needed(self, error: HeaderMappingNeeded) -> None:
        if not self._from_current_worker():
            return
        self._finish_thread()
        from .mapping_dialog import HeaderMappingDialog

        mapping = HeaderMappingDialog.ask(self._parent, error.found_headers, error.required_fields, error.kind)
        if mapping is None:
            self.import_finished.emit()
            return
        self.import_path(self._path, {**self._mapping, **mapping})

    def _on_failed(self, message: str) -> None:
        if not self._from_current_worker():
            return
        self._finish_thread()
        self.show_error(self.tr("无法导入"), message)
        self.import_finished.emit()

    def _on_cancelled(self) -> None:
        if not self._from_current_worker():
            return
        self._finish_thread()
        self.import_finished.emit()
