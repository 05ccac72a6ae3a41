"""Starting the desktop app: QApplication, translator, Chinese font check, then the window (see startup.py)."""

from __future__ import annotations

import sys
from functools import partial

from PySide6.QtWidgets import QApplication

from subsidy_calc import __version__

from .app_icon import app_icon
from .fonts import INSTALL_HINT, has_chinese_font
from .i18n import configured_language, install_translator
from .import_hook import answer_without_reading_sources
from .settings import default_settings
from .smoke import arm_smoke_test
from .startup import Startup, claim_file_argument


def start_gui(argv: list[str]) -> Startup:
    """Everything before the event loop: the shell is shown; the main window follows (`Startup.ready`)."""
    answer_without_reading_sources()  # before the window's ≈ 200 imports (ui/import_hook.py)
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
    startup = Startup(settings, claim_file_argument(argv))
    startup.ready.connect(partial(arm_smoke_test, app))  # only when SUBSIDY_CALC_SMOKE_TEST is set
    startup.start()
    return startup


def run_gui(argv: list[str]) -> int:
    """Run the window until it closes; returns the exit status. A claim file path may follow the program."""
    startup = start_gui(argv)
    status = QApplication.exec()
    del startup  # held until the loop ends: it builds the window from inside the loop
    return status
