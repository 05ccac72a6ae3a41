"""Starting the desktop app: QApplication, translator, Chinese font check, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from subsidy_calc import __version__
from subsidy_calc.claim_file import is_claim_file

from .app_icon import app_icon
from .fonts import INSTALL_HINT, has_chinese_font
from .i18n import configured_language, install_translator
from .main_window import MainWindow
from .settings import default_settings
from .smoke import arm_smoke_test


def run_gui(argv: list[str]) -> int:
    """Run the window until it closes; returns the exit status. A claim file path may follow the program."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName("subsidy-calc")
    app.setApplicationName("subsidy-calc")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    settings = default_settings()
    install_translator(configured_language(settings))
    if not has_chinese_font():
        print(INSTALL_HINT, file=sys.stderr)
    window = MainWindow(settings=settings)
    window.show()
    arm_smoke_test(app, window)
    files = [a for a in argv[1:] if is_claim_file(a)]
    if files:
        window.open_path(Path(files[0]))
    return app.exec()
