"""帮助 → 用户手册 (F1): docs/用户手册.md shown in a window, with its screenshots."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from .dialogs import Messages
from .i18n import _tr

MANUAL = Path(__file__).resolve().parent.parent / "docs" / "用户手册.md"


class ManualDialog(QDialog):
    """A non-modal reader of the manual: Markdown rendered by Qt, images from the manual's folder."""

    def __init__(self, text: str, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manualDialog")
        self.setWindowTitle(_tr("用户手册"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("manualView")
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(folder)])
        self.browser.setMarkdown(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        if parent is not None:
            area = parent.screen().availableGeometry()
            self.resize(min(1000, int(area.width() * 0.8)), int(area.height() * 0.85))


def open_manual(parent: QWidget, path: Path = MANUAL) -> ManualDialog | None:
    """Show the manual; a message (not a crash) when it is not installed next to the program."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        Messages.warn(parent, _tr("用户手册"), _tr("找不到用户手册:{0}").format(path))
        return None
    dialog = ManualDialog(text, path.parent, parent)
    dialog.show()
    return dialog
