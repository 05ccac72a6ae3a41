"""Child process of the cold-start figures: start, show a main window, report the first painted frame, quit.

`app` starts the real app through ui.app.start_gui + app.exec() (what run_gui does: translator, font check,
settings, the window shell, then MainWindow built after the shell's first frame) with a claim file on the
command line, and also reports when the built window's first frame shows the result panel with the file's
computed totals. `bare` shows an empty PySide6 QMainWindow. Both take their clock from the parent's spawn
time, so interpreter start and imports count.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from bench.core import RESULT_PREFIX, vm_hwm_mb


def main(kind: str, spawned_at: float, claim_file: str = "") -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    imported_at = time.time()
    app = QApplication(["bench"])
    marks: dict[str, object] = {"imports_s": imported_at - spawned_at}

    class FirstPaint(QObject):
        """Notes the first paint of a main window (and, for the app, of the built window showing the result);
        a frame is done when control returns to the loop after its paint events."""

        seen = False
        result_window: QWidget | None = None  # set when the app's window is ready: its next paint is timed

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
                return False
            if not self.seen and isinstance(watched.window(), QMainWindow):
                self.seen = True
                marks["first_paint_event_s"] = time.time() - spawned_at
                QTimer.singleShot(0, self.first_frame)
            elif self.result_window is not None and watched.window() is self.result_window:
                self.result_window = None
                QTimer.singleShot(0, self.result_frame)
            return False

        def first_frame(self) -> None:
            marks["first_frame_s"] = time.time() - spawned_at
            marks["first_frame_cpu_s"] = time.process_time()
            if kind == "bare":
                app.quit()

        def result_frame(self) -> None:
            marks["result_frame_s"] = time.time() - spawned_at
            marks["result_frame_cpu_s"] = time.process_time()
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
        from ui.app import start_gui

        marks["app_imports_s"] = time.time() - started

        def ready(window: Any) -> None:
            from subsidy_calc.money import format_yuan

            marks["ready_s"] = time.time() - spawned_at
            result = window.current_result()
            marks["totals_shown"] = bool(result is not None and result.gross > 0
                                         and window.results.gross.text() == format_yuan(result.gross)
                                         and window.results.payable.text() == format_yuan(result.payable))
            watcher.result_window = window

        startup = start_gui(["main.py", claim_file])
        startup.ready.connect(ready)
        assert startup.shell is not None
        startup.shell.firstPainted.connect(lambda: marks.update(
            modules_at_first_frame=len(sys.modules), pydantic_at_first_frame="pydantic" in sys.modules))
        app.exec()
    marks["peak_rss_mb"] = vm_hwm_mb()
    marks["modules"] = len(sys.modules)
    marks["heavy_modules"] = sorted(m for m in ("cn2an", "pandas", "openpyxl", "python_calamine", "xlsxwriter",
                                                "PySide6.QtPrintSupport", "ui.report.pdf", "pydantic",
                                                "subsidy_calc.models") if m in sys.modules)
    print(RESULT_PREFIX + json.dumps(marks))
    complete = "first_frame_s" in marks and (kind == "bare" or marks.get("totals_shown") is True)
    return 0 if complete else 3


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], float(sys.argv[2]), *sys.argv[3:]))
