"""导出规则集… / 导出…: write a rule set (shipped or local) to a .toml file, to give to a colleague or a successor."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from subsidy_calc.file_problems import windows_name_problem, write_error_reason
from subsidy_calc.rule_install import export_ruleset
from subsidy_calc.rule_loading import RuleCatalog

from ..dialogs import completed_save_path
from ..i18n import _tr
from ..settings import last_directory, remember_directory


class ExportChoice(Enum):
    """The answer when the set to export has unsaved edits in the editor."""

    SAVE_THEN_EXPORT = "save"
    EXPORT_SAVED = "saved"
    CANCEL = "cancel"


def ask_export_unsaved(parent: QWidget, draft_id: str, ruleset_id: str) -> ExportChoice:
    """保存并导出 the draft / 只导出已保存的 set / 取消."""
    box = QMessageBox(QMessageBox.Icon.Question, _tr("规则集有未保存的修改"),
                      _tr("正在编辑的规则集 {0} 有未保存的修改。导出的是规则文件夹里已保存的文件,不含这些修改。")
                      .format(draft_id), QMessageBox.StandardButton.Cancel, parent)
    save = box.addButton(_tr("保存并导出 {0}").format(draft_id), QMessageBox.ButtonRole.AcceptRole)
    saved = box.addButton(_tr("只导出已保存的 {0}").format(ruleset_id), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return ExportChoice.SAVE_THEN_EXPORT
    return ExportChoice.EXPORT_SAVED if clicked is saved else ExportChoice.CANCEL


class RuleExporter:
    """Asks where (`<id>.toml` in the user's last folder), writes through `export_ruleset` (atomic; the file loads
    back as the same set) and says what was written, or why nothing was. Dialogs are classmethods tests replace."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    @classmethod
    def ask_path(cls, parent: QWidget, caption: str, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, caption, suggested, _tr("规则文件 (*.toml)"))
        return Path(name) if name else None

    @classmethod
    def choose(cls, parent: QWidget, options: list[tuple[str, str]]) -> str | None:
        """Which set, when the open claim names none: (id, label) pairs; the chosen id or None."""
        labels = [label for _id, label in options]
        label, ok = QInputDialog.getItem(parent, _tr("导出规则集"),
                                         _tr("当前申请没有选定可用的规则集。要导出哪一个?"), labels, 0, False)
        return next((i for i, text in options if text == label), None) if ok else None

    @classmethod
    def confirm(cls, parent: QWidget, title: str, text: str) -> bool:
        return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes

    @classmethod
    def inform(cls, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    @classmethod
    def warn(cls, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def choose_from(self, parent: QWidget, catalog: RuleCatalog) -> str | None:
        options = [(r.id, f"{r.id}  {r.title}") for r in sorted(catalog.rulesets.values(), key=lambda r: r.id)]
        return self.choose(parent, options) if options else None

    def export(self, catalog: RuleCatalog, ruleset_id: str, parent: QWidget, note: str = "") -> Path | None:
        """Export the set in force under `ruleset_id`; `note` is added to the closing message (what is not in it)."""
        path = self.ask_path(parent, _tr("导出规则集 {0}").format(ruleset_id),
                             str(Path(last_directory(self._settings)) / f"{ruleset_id}.toml"))
        if path is None:
            return None
        path = completed_save_path(parent, path, ".toml")
        if path is None:
            return None
        refused = windows_name_problem(path.name)  # said at once, before any question about the name
        if refused is not None:
            self._cannot_write(parent, path, refused)
            return None
        if path.stem != ruleset_id and not self.confirm(
                parent, _tr("文件名与规则集编号不同"),
                _tr("导入规则集时,文件名必须是“{0}.toml”(与规则集编号相同);“{1}”要先改回这个名字才能导入。"
                    "\n\n仍然保存为“{1}”吗?").format(ruleset_id, path.name)):
            return None
        try:
            target = export_ruleset(catalog, ruleset_id, path)
        except OSError as exc:
            self._cannot_write(parent, path, write_error_reason(exc))
            return None
        remember_directory(self._settings, target.parent)  # the next dialog starts where this file went
        ruleset = catalog.get(ruleset_id)
        origin = catalog.origin(ruleset_id)
        text = _tr("已导出规则集 {0}({1}),版本 {2}").format(ruleset.id, ruleset.title, ruleset.version)
        if origin is not None:
            text += "\n" + _tr("来源:{0}").format(origin.describe())
        text += "\n" + _tr("文件:{0}").format(target)
        if note:
            text += "\n" + note
        text += "\n\n" + _tr("同事可在 文件 → 导入规则集… 中导入这个文件。")
        self.inform(parent, _tr("已导出规则集"), text)
        return target

    def _cannot_write(self, parent: QWidget, path: Path, reason: str) -> None:
        self.warn(parent, _tr("无法导出规则集"),
                  _tr("无法写入“{0}”:{1}。\n没有写入任何内容(原有的同名文件保持不变)。").format(path, reason))
