"""Export work off the GUI thread: the bytes are made in a worker thread while a cancellable progress dialog
keeps the window painting; the caller gets the bytes back as if it had made them itself."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

# The work: given a progress callback (done, total) -> go on?, returns the file's bytes.
Work = Callable[[Callable[[int, int], bool]], bytes]
POLL_MS = 30  # how often the GUI thread looks at the worker (progress, end)
SHOW_AFTER_MS = 400  # the dialog appears only for work that takes longer than this


@dataclass
class _Shared:
    """What the worker thread and the GUI thread share; plain values under the GIL, no Qt across threads."""

    cancel: threading.Event = field(default_factory=threading.Event)
    done: int = 0
    total: int = 0
    data: bytes | None = None
    error: BaseException | None = None


def _run(work: Work, shared: _Shared) -> None:
    def progress(done: int, total: int) -> bool:
        shared.done, shared.total = done, total
        return not shared.cancel.is_set()

    try:
        shared.data = work(progress)
    except BaseException as exc:  # handed to the GUI thread, which raises it where the caller expects it
        shared.error = exc


def make_off_thread(parent: QWidget, label: str, cancel_text: str, work: Work) -> bytes:
    """Run `work` in a thread; the window stays responsive and a progress dialog offers 取消.

    Raises what the work raised, or RenderCancelled when the user cancelled (work that cannot stop early is
    finished and its bytes are dropped)."""
    shared = _Shared()
    thread = threading.Thread(target=_run, args=(work, shared), name="export", daemon=True)
    dialog = QProgressDialog(label, cancel_text, 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.canceled.connect(shared.cancel.set)
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(POLL_MS)

    def poll() -> None:
        if dialog.wasCanceled():  # cancel() (Escape) sets this without emitting canceled
            shared.cancel.set()
        if shared.total:
            dialog.setMaximum(shared.total)
            dialog.setValue(min(shared.done, shared.total))
        if not thread.is_alive():
            loop.quit()

    timer.timeout.connect(poll)
    thread.start()
    timer.start()
    try:
        loop.exec()
    finally:
        timer.stop()
        thread.join()
        cancelled = shared.cancel.is_set()  # read before close(): closing a progress dialog emits canceled
        dialog.close()
        dialog.deleteLater()
    if shared.error is not None:
        raise shared.error
    if cancelled:
        from subsidy_calc.export.pdf_render import RenderCancelled  # ReportLab loads on the first export only

        raise RenderCancelled()
    assert shared.data is not None
    return shared.data
