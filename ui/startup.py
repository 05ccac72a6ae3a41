"""Start-up sequence: paint a window shell at once, build the real window right after the first frame.

Importing the models, loading the rule catalogue and building `MainWindow` take a few hundred milliseconds;
a bare Qt window paints in a fraction of that. So `Startup` first shows `WindowShell` (the window's title and
size, a "starting" line, nothing to type into), waits for its first paint, then imports and builds
`MainWindow`, opens the file given on the command line into it (the shell stays up meanwhile), shows it where
the shell is, closes the shell and emits `ready(window)`. Tests and scripts that start the app this way wait
for `ready`; code that builds `MainWindow` directly gets a finished window from its constructor, as before.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from subsidy_calc.claim_file_name import is_claim_file
from subsidy_calc.exit_status import ExitStatus

from .window_layout import place_window

if TYPE_CHECKING:
    from .main_window import MainWindow

APP_TITLE = "新型学徒制培训补贴计算"
UNTITLED = "未命名申请"
# Translated in MainWindow's context (the window's own strings); listed here so lupdate files them there.
_TRANSLATED = (QT_TRANSLATE_NOOP("MainWindow", "新型学徒制培训补贴计算"), QT_TRANSLATE_NOOP("MainWindow", "未命名申请"))
WINDOW_SIZE = (1500, 920)
# When the shell is never painted (started minimised, no screen), build anyway after this long.
UNPAINTED_BUILD_MS = 500


def window_title(document_name: str) -> str:
    """The title bar text of the main window (and of the shell before it); translated in MainWindow's context."""
    return f"{document_name}[*] — {QCoreApplication.translate('MainWindow', APP_TITLE)}"


class WindowShell(QMainWindow):
    """What the user sees for the few hundred milliseconds before the main window is built: no inputs.

    It touches neither `Qt` nor `QEvent`: PySide creates the Python enums of such a namespace on first use
    (≈ 100 enums, tens of milliseconds), which the main window pays after this frame is on the screen.
    """

    firstPainted = Signal()
    closed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.painted = False
        self.setWindowTitle(window_title(QCoreApplication.translate("MainWindow", UNTITLED)))
        text = QCoreApplication.translate("WindowShell", "正在启动…")
        self.setCentralWidget(QLabel(f"<p align='center'>{text}</p>", self))  # a label centres vertically
        self.resize(*WINDOW_SIZE)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            self.firstPainted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)


class Startup(QObject):
    """Shows the shell, builds the main window after the shell's first frame, then emits `ready`."""

    ready = Signal(QMainWindow)

    def __init__(self, settings: QSettings, claim_file: Path | None = None,
                 build: Callable[[QSettings], MainWindow] | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.claim_file = claim_file
        self._build_window = build if build is not None else _main_window
        self.shell: WindowShell | None = None
        self.window: MainWindow | None = None
        self._scheduled = False
        self._abandoned = False

    def start(self) -> None:
        """Show the shell now; the main window follows from the event loop (call before `app.exec()`)."""
        shell = WindowShell()
        shell.firstPainted.connect(self._schedule_build)
        shell.closed.connect(self._shell_closed)
        self.shell = shell
        place_window(shell, self.settings)  # where the main window was last time, or fitted to the screen
        shell.show()
        QTimer.singleShot(UNPAINTED_BUILD_MS, self._schedule_build)

    def _shell_closed(self) -> None:
        if self.window is None:
            self._scheduled = True  # closed by the user before the window was built: quit, build nothing
            self._abandoned = True  # … or while the command-line file was being read: show nothing

    def _schedule_build(self) -> None:
        if not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self._build)  # after the frame just painted has reached the screen

    def _build(self) -> None:
        shell = self.shell
        assert shell is not None
        try:
            window = self._build_window(self.settings)
        except Exception:  # a broken install must not leave a shell that never fills in
            traceback.print_exc()
            QApplication.exit(ExitStatus.INTERNAL_ERROR)
            return
        window.setGeometry(shell.geometry())
        window.setWindowState(shell.windowState())
        if self.claim_file is not None:
            # Read while the shell is still on the screen (it keeps painting; a slow read shows its progress
            # dialog): the window is painted once, with the claim's totals, not empty first and then again.
            window.open_path(self.claim_file)
        if self._abandoned:  # the user closed the shell during the read: the app is quitting
            window.close()
            window.deleteLater()
            return
        window.show()
        window.activateWindow()
        shell.closed.disconnect(self._shell_closed)
        shell.close()  # after the window is shown, so closing the shell does not quit the app
        shell.deleteLater()
        self.shell = None
        self.window = window
        self.ready.emit(window)


def _main_window(settings: QSettings) -> MainWindow:
    from .main_window import MainWindow  # the models, rule catalogue and document load here, after the frame

    return MainWindow(settings=settings)


def claim_file_argument(argv: list[str]) -> Path | None:
    """The claim file named on the command line (the first `*.json`, any case, after the program), if any."""
    files = [a for a in argv[1:] if is_claim_file(a)]
    return Path(files[0]) if files else None

