"""Modal dialogs, each behind a classmethod `ask` (or similar) that tests monkeypatch."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from subsidy_calc.claim_file_name import is_claim_file

from .i18n import LANGUAGES, _tr


class ReplaceQuestion:
    """The question a save dialog asks about an existing file, for a name the program completed after the dialog
    closed (申请表 → 申请表.pdf): the dialog asked about 申请表, never about 申请表.pdf. Tests replace `ask`."""

    @classmethod
    def ask(cls, parent: QWidget | None, path: Path) -> bool:
        answer = QMessageBox.question(
            parent, _tr("文件已存在"), _tr("“{0}”已存在。\n\n要替换它吗?").format(str(path)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes


def completed_save_path(parent: QWidget | None, chosen: Path, suffix: str,
                        has_suffix: bool | None = None) -> Path | None:
    """The path a save dialog returned, with `suffix` added when it lacks it (`has_suffix` decides when the test
    is not simply the last suffix, e.g. .subsidy.json); None when the completed name names an existing file and
    the user does not want it replaced. A name the user typed in full was already asked about by the dialog."""
    complete = chosen.suffix.lower() == suffix.lower() if has_suffix is None else has_suffix
    if complete:
        return chosen
    path = chosen.with_name(chosen.name + suffix)
    if path.exists() and not ReplaceQuestion.ask(parent, path):
        return None
    return path


def claim_file_filter() -> str:
    return _tr("申请文件 (*.subsidy.json *.json);;所有文件 (*)")


class SaveChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class UnsavedChangesDialog:
    """保存修改? Save / Discard / Cancel."""

    @classmethod
    def ask(cls, parent: QWidget | None, document_name: str) -> SaveChoice:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_tr("未保存的修改"))
        box.setText(_tr("“{0}”有未保存的修改,是否保存?").format(document_name))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return SaveChoice.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return SaveChoice.DISCARD
        return SaveChoice.CANCEL


class RecoveryDialog:
    """Offer to restore drafts left behind by a window that did not close cleanly."""

    @classmethod
    def ask(cls, parent: QWidget | None, description: str) -> bool:
        answer = QMessageBox.question(
            parent, _tr("恢复未保存的内容"),
            _tr("上次程序没有正常关闭,发现未保存的内容:\n{0}\n\n是否恢复?").format(description),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes


class ClaimFileDialog:
    """Choose a claim file to open or a place to save one."""

    @classmethod
    def open_path(cls, parent: QWidget | None, directory: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, _tr("打开申请文件"), directory, claim_file_filter())
        return Path(name) if name else None

    @classmethod
    def save_path(cls, parent: QWidget | None, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, _tr("保存申请文件"), suggested, claim_file_filter())
        if not name:
            return None
        path = Path(name)
        return completed_save_path(parent, path, ".subsidy.json", has_suffix=is_claim_file(path))


class Messages:
    """Message boxes; tests replace these so nothing blocks."""

    @classmethod
    def warn(cls, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    @classmethod
    def info(cls, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    @classmethod
    def about(cls, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.about(parent, title, text)


class PreferencesDialog(QDialog):
    """Preferences: the UI language (applies at once: the window is built again in it)."""

    def __init__(self, parent: QWidget | None, language: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("首选项"))
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("languageCombo")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        form = QFormLayout()
        form.addRow(_tr("界面语言:"), self.language_combo)
        note = QLabel(_tr("界面语言在下次启动时完全生效。"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, language: str) -> str | None:
        """The chosen language code, or None when cancelled."""
        dialog = cls(parent, language)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        code = dialog.language_combo.currentData()
        return code if isinstance(code, str) else None
