"""Start-up self-test for CI and installers: `SUBSIDY_CALC_SMOKE_TEST=<file>` opens the window, writes a short
JSON report to <file> and closes the app by itself (works for a windowed Windows build, which has no console)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from .fonts import best_chinese_family
from .i18n import qt_translations_dir

SMOKE_TEST_ENV = "SUBSIDY_CALC_SMOKE_TEST"
_DELAY_MS = 300


def _qt_zh_cn_cancel() -> str:
    """Qt's "Cancel" through Qt's own zh_CN translation file, whatever language the window shows."""
    translator = QTranslator()
    translator.load("qtbase_zh_CN", str(qt_translations_dir()))
    return translator.translate("QPlatformTheme", "Cancel") or "(qtbase_zh_CN.qm not found)"


def smoke_report(app: QApplication, window: QWidget) -> dict[str, object]:
    """What a smoke test checks: the window is up, rule sets load, Qt's own strings follow the language."""
    from subsidy_calc.rule_loading import load_catalog  # not at import: ui.app imports this before the first frame

    return {
        "window_title": window.windowTitle(),
        "visible": window.isVisible(),
        "qt_platform": app.platformName(),
        "rule_sets": sorted(load_catalog().rulesets),
        "qt_cancel": QCoreApplication.translate("QPlatformTheme", "Cancel"),
        "qt_zh_CN_cancel": _qt_zh_cn_cancel(),
        "chinese_font": best_chinese_family(),
        "icon_renders": not app.windowIcon().pixmap(64, 64).isNull(),
    }


def arm_smoke_test(app: QApplication, window: QWidget) -> None:
    """When the environment asks for it, report and quit shortly after the event loop starts."""
    target = os.environ.get(SMOKE_TEST_ENV)
    if not target:
        return

    def finish() -> None:
        import json  # only in a smoke test: ui.app imports this module before the first frame

        Path(target).write_text(json.dumps(smoke_report(app, window), ensure_ascii=False), encoding="utf-8")
        app.quit()

    QTimer.singleShot(_DELAY_MS, finish)
