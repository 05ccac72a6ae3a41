"""File-menu actions for the claim summary: export PDF / Excel / CSV, print preview, print."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from subsidy_calc.models import Claim
from subsidy_calc.results import ClaimResult
from subsidy_calc.rule_loading import RuleOrigin
from subsidy_calc.rule_schema import RuleSet

if TYPE_CHECKING:
    from subsidy_calc.export.summary import SummaryDocument

from ui.dialogs import completed_save_path

from .background import Work, make_off_thread

# The writers (xlsxwriter, QtPrintSupport, the PDF painter) are imported when first used: they are not
# needed to show the window, and importing them at start-up cost ~50 ms of every launch.

Calculated = tuple[Claim, ClaimResult, RuleSet]
Provider = Callable[[], Calculated | None]


class ReportActions(QObject):
    """Owns the export and print actions; `provider` returns the current claim, its result and rule set,
    or None when the claim cannot be calculated (then a message explains why nothing is exported)."""

    exported = Signal(str)  # the path written, for the window's status bar

    def __init__(self, parent: QWidget, provider: Provider, confirm: Callable[[Claim], bool] | None = None,
                 origin: Callable[[str], RuleOrigin | None] | None = None) -> None:
        super().__init__(parent)
        self._origin = origin  # where a rule set comes from: a local one is named on paper
        self._window = parent
        self._provider = provider
        self._confirm = confirm  # asked before anything is exported or printed (the double-claim check)
        self.folder: Callable[[], Path | None] = lambda: None  # where export dialogs start (the claim's folder)
        self.export_pdf_action = self._action(self.tr("导出 PDF…"), self.export_pdf)
        self.export_xlsx_action = self._action(self.tr("导出 Excel…"), self.export_xlsx)
        self.export_csv_action = self._action(self.tr("导出 CSV…"), self.export_csv)
        self.print_preview_action = self._action(self.tr("打印预览…"), self.print_preview)
        self.print_action = self._action(self.tr("打印…"), self.print_summary)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.materials_action = self._action(self.tr("申报材料清单…"), self.show_materials)
        self.materials_action.setToolTip(self.tr("本阶段应提交的材料;本软件已生成或已有数据的已打勾"))
        self.full_ids_action = QAction(self.tr("名册打印完整身份证号"), self)
        self.full_ids_action.setCheckable(True)
        self.full_ids_action.setToolTip(self.tr("默认隐去身份证号中间 8 位;勾选后打印和导出完整号码"))

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def actions(self) -> list[QAction]:
        """In menu order: export PDF, Excel, CSV, print preview, print, the materials checklist, the full-ID option."""
        return [self.export_pdf_action, self.export_xlsx_action, self.export_csv_action,
                self.print_preview_action, self.print_action, self.materials_action, self.full_ids_action]

    # Dialogs: small classmethods so tests can monkeypatch them.
    @classmethod
    def ask_save_path(cls, parent: QWidget, caption: str, file_filter: str, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, caption, suggested, file_filter)
        return Path(name) if name else None

    @classmethod
    def show_error(cls, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    @classmethod
    def show_warning(cls, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    @classmethod
    def run_preview(cls, parent: QWidget, summary: SummaryDocument) -> None:
        from ui.report import preview

        preview.show_print_preview(parent, summary)

    @classmethod
    def run_print(cls, parent: QWidget, summary: SummaryDocument) -> None:
        from ui.report import preview

        preview.print_summary(parent, summary)

    @classmethod
    def run_materials(cls, parent: QWidget, summary: SummaryDocument) -> None:
        from ui.report.materials_dialog import MaterialsDialog

        MaterialsDialog(parent, summary).exec()

    # The work.
    def _summary(self) -> tuple[SummaryDocument, ClaimResult] | None:
        calculated = self._provider()
        if calculated is None:
            self.show_warning(self._window, self.tr("无法导出"),
                              self.tr("当前申请有无法计算的内容(请先修正表格中标红的单元格),暂不能导出或打印。"))
            return None
        claim, result, ruleset = calculated
        if self._confirm is not None and not self._confirm(claim):
            return None
        origin = self._origin(ruleset.id) if self._origin is not None else None
        from subsidy_calc.export.summary import build_summary  # the paper's modules: on the first export

        summary = build_summary(claim, result, ruleset, full_ids=self.full_ids_action.isChecked(), origin=origin)
        return summary, result

    def _suggested(self, summary: SummaryDocument, suffix: str) -> str:
        """单位名称_阶段_申领日期.pdf, in the claim's folder when the window names one (`folder`)."""
        name = next((i.value for i in summary.enterprise if i.label == "单位名称"), "")
        name = "".join(ch for ch in name if ch not in '\\/:*?"<>|').strip("—").strip()
        file_name = f"{name or '申请单位'}_{summary.stage_label}_{summary.claim_date}{suffix}"
        folder = self.folder()
        return str(folder / file_name) if folder is not None else file_name

    def _ask(self, summary: SummaryDocument, caption: str, file_filter: str, suffix: str) -> Path | None:
        path = self.ask_save_path(self._window, caption, file_filter, self._suggested(summary, suffix))
        return completed_save_path(self._window, path, suffix) if path is not None else None

    def _off_thread(self, label: str, work: Work) -> bytes:
        """The file's bytes made off the GUI thread behind a cancellable progress dialog (see background.py)."""
        return make_off_thread(self._window, label, self.tr("取消"), work)

    def _write(self, path: Path, make: Callable[[], bytes], result: ClaimResult) -> bool:
        from subsidy_calc.export.outputs import OutputError, write_all
        from ui.report.pdf import FontMissingError, RenderCancelled

        try:
            write_all([(path, make())])
        except RenderCancelled:
            return False
        except FontMissingError as exc:
            self.show_error(self._window, self.tr("无法生成 PDF"), str(exc))
            return False
        except OutputError as exc:
            self.show_error(self._window, self.tr("导出失败"),
                            self.tr("无法写入文件“{path}”:{reason}").format(path=str(exc.path), reason=exc.reason))
            return False
        if result.has_errors:
            self.show_warning(self._window, self.tr("已导出,但申请存在错误"),
                              self.tr("文件已保存,顶部标有“本申请存在错误,不可提交”。请修正错误后重新导出。"))
        self.exported.emit(str(path))
        return True

    def export_pdf(self) -> Path | None:
        found = self._summary()
        if found is None:
            return None
        summary, result = found
        path = self._ask(summary, self.tr("导出 PDF"), self.tr("PDF 文件 (*.pdf)"), ".pdf")
        if path is None:
            return None
        def make() -> bytes:
            from ui.report.pdf import render_pdf_bytes

            return self._off_thread(self.tr("正在生成 PDF…"), lambda progress: render_pdf_bytes(summary, progress)[0])

        return path if self._write(path, make, result) else None

    def export_xlsx(self) -> Path | None:
        found = self._summary()
        if found is None:
            return None
        summary, result = found
        path = self._ask(summary, self.tr("导出 Excel"), self.tr("Excel 工作簿 (*.xlsx)"), ".xlsx")
        if path is None:
            return None
        def make() -> bytes:
            from subsidy_calc.export.xlsx import workbook_bytes

            return self._off_thread(self.tr("正在生成 Excel 工作簿…"),
                                    lambda _progress: workbook_bytes(summary, result))

        return path if self._write(path, make, result) else None

    def export_csv(self) -> Path | None:
        found = self._summary()
        if found is None:
            return None
        summary, result = found
        path = self._ask(summary, self.tr("导出 CSV"), self.tr("CSV 文件 (*.csv)"), ".csv")
        if path is None:
            return None
        from subsidy_calc.export.csv_export import classes_csv_bytes

        return path if self._write(path, lambda: classes_csv_bytes(result), result) else None

    def show_materials(self) -> None:
        """The checklist needs no font check and no confirmation: it exports nothing."""
        calculated = self._provider()
        if calculated is None:
            self.show_warning(self._window, self.tr("无法显示"),
                              self.tr("当前申请有无法计算的内容(请先修正表格中标红的单元格),暂不能列出材料清单。"))
            return
        claim, result, ruleset = calculated
        from subsidy_calc.export.summary import build_summary

        self.run_materials(self._window, build_summary(claim, result, ruleset))

    def print_preview(self) -> None:
        self._show(self.run_preview)

    def print_summary(self) -> None:
        self._show(self.run_print)

    def _show(self, run: Callable[[QWidget, SummaryDocument], None]) -> None:
        from ui.report.pdf import FontMissingError

        found = self._summary()
        if found is None:
            return
        try:
            run(self._window, found[0])
        except FontMissingError as exc:
            self.show_error(self._window, self.tr("无法生成 PDF"), str(exc))
