"""PySide6 6.12 on CPython 3.11 under-counts None: thousands of Qt calls must not abort the process."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_many_void_qt_calls_and_emits_do_not_abort() -> None:
    script = textwrap.dedent("""
        import ui
        from PySide6.QtCore import QObject, Signal
        from PySide6.QtWidgets import QApplication, QLabel
        app = QApplication([])
        label = QLabel()
        class Source(QObject):
            changed = Signal()
        source = Source()
        for _ in range(30000):
            label.setText("x")
            source.changed.emit()
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"
