"""Child process of the cold-start figure: start, show a main window, report the first painted frame, quit.

`app` starts the real app through ui.app.run_gui (translator, font check, settings, MainWindow); `bare` shows
an empty PySide6 QMainWindow. Both take their clock from the parent's spawn time, so interpreter start and
imports count.
"""

from __future__ import annotations

import json
import sys
import time

from bench.core import RESULT_PREFIX, vm_hwm_mb


def main(kind: str, spawned_at: float) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    imported_at = time.time()
    app = QApplication(["bench"])
    marks: dict[str, object] = {"imports_s": imported_at - spawned_at}

    class FirstPaint(QObject):
        """Notes the first paint event of a main window; the frame is done when control returns to the loop."""

        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (not self.seen and event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
                    and isinstance(watched.window(), QMainWindow)):
                self.seen = True
                marks["first_paint_event_s"] = time.time() - spawned_at
                QTimer.singleShot(0, self.done)
            return False

        def done(self) -> None:
            marks["first_frame_s"] = time.time() - spawned_at
            app.quit()

    watcher = FirstPaint()
    app.installEventFilter(watcher)
    QTimer.singleShot(20_000, app.quit)  # never hang the bench
    if kind == "bare":
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1500, 920)
        window.show()
        app.exec()
    else:
        started = time.time()
        from ui.app import run_gui

        marks["app_imports_s"] = time.time() - started
        run_gui(["main.py"])
    marks["peak_rss_mb"] = vm_hwm_mb()
    marks["modules"] = len(sys.modules)
    marks["heavy_modules"] = sorted(m for m in ("cn2an", "pandas", "openpyxl", "python_calamine", "xlsxwriter",
                                                "PySide6.QtPrintSupport", "ui.report.pdf") if m in sys.modules)
    print(RESULT_PREFIX + json.dumps(marks))
    return 0 if "first_frame_s" in marks else 3


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], float(sys.argv[2])))
