"""文件 → 由预支申请生成清算申请…: a new settlement claim made from a saved advance claim (core:
subsidy_calc.settlement_from_advance); the window only picks the file and shows the draft."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from subsidy_calc.claim_file import ClaimFileError, load_claim
from subsidy_calc.engine import calculate
from subsidy_calc.settlement_from_advance import NotAnAdvanceClaim, settlement_from_advance

from . import settings as prefs
from .dialogs import ClaimFileDialog, Messages

if TYPE_CHECKING:
    from .main_window import MainWindow


class SettlementFromAdvance(QObject):
    """Owns the menu action; `make_from(path)` is the whole step (tests call it directly)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.action = QAction(self.tr("由预支申请生成清算申请(&T)…"), window)
        self.action.setStatusTip(self.tr("选择已保存的预支申请:单位、机构、规则集和班级照搬,已预支金额按预支申请的结果填入"))
        self.action.triggered.connect(self.choose)

    def choose(self) -> None:
        window = self._window
        if not window.maybe_save():
            return
        folder = str(window.file_path.parent) if window.file_path else prefs.last_directory(window.settings)
        path = ClaimFileDialog.open_path(window, folder)
        if path is not None:
            self.make_from(path)

    def make_from(self, path: Path) -> bool:
        """Load the advance claim, calculate it, and put its settlement draft in the window as a new claim."""
        window = self._window
        title = self.tr("无法生成清算申请")
        try:
            advance = load_claim(path)
            ruleset = window.catalog.get(advance.ruleset_id)
            draft = settlement_from_advance(advance, calculate(advance, ruleset), date.today())
        except (ClaimFileError, NotAnAdvanceClaim) as exc:
            Messages.warn(window, title, str(exc))
            return False
        except KeyError:
            Messages.warn(window, title, self.tr("预支申请使用的规则集“{0}”不在本软件中。").format(advance.ruleset_id))
            return False
        window.start_new_from_draft(draft)
        window.statusBar().showMessage(
            self.tr("已由预支申请“{0}”生成清算申请:请填写每位学徒的结业状态,然后保存。").format(path.name), 15000)
        return True
