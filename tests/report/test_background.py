"""Exports are made off the GUI thread: the window keeps processing events, 取消 stops the work, and an
error in the worker reaches the caller as if the work had run in place."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from subsidy_calc.export.pdf_render import RenderCancelled
from ui.report.background import make_off_thread


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_work_runs_in_a_thread_while_the_gui_keeps_running(parent: QWidget) -> None:
    seen: list[str] = []
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()

    def work(progress) -> bytes:
        seen.append(threading.current_thread().name)
        for step in range(10):
            time.sleep(0.03)
            assert progress(step + 1, 10)
        return b"PDF"

    assert make_off_thread(parent, "正在生成…", "取消", work) == b"PDF"
    timer.stop()
    assert seen == ["export"]
    assert len(ticks) >= 5  # the GUI thread's timer fired while the work slept


def test_cancel_in_the_dialog_stops_the_work(parent: QWidget) -> None:
    def press_cancel() -> None:
        (dialog,) = parent.findChildren(QProgressDialog)
        (button,) = dialog.findChildren(QPushButton)
        button.click()

    QTimer.singleShot(150, press_cancel)

    def work(progress) -> bytes:
        deadline = time.monotonic() + 10
        while progress(1, 100):
            assert time.monotonic() < deadline, "never cancelled"
            time.sleep(0.01)
        raise RenderCancelled()

    with pytest.raises(RenderCancelled):
        make_off_thread(parent, "正在生成…", "取消", work)


def test_an_error_in_the_worker_reaches_the_caller(parent: QWidget) -> None:
    def work(_progress) -> bytes:
        raise OSError("磁盘已满")

    with pytest.raises(OSError, match="磁盘已满"):
        make_off_thread(parent, "正在生成…", "取消", work)
