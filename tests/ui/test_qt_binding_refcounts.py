"""The installed Qt binding must not leak references: PySide6 6.12.0 on CPython 3.11 takes one reference
from None on every void Qt call and one from True on every Signal.emit(), and the process aborts after a few
thousand calls ("deallocating None"). pyproject.toml keeps pyside6-essentials below 6.12 for that reason;
this test fails on a binding with the bug."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_many_void_qt_calls_and_emits_do_not_abort() -> None:
    script = textwrap.dedent("""
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
