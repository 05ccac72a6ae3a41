"""Reading a claim file off the GUI thread, behind a cancellable progress dialog; the window keeps painting."""

from __future__ import annotations

import atexit
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from subsidy_calc.claim_file import ClaimFile, ClaimFileError, read_claim_file

from .i18n import _tr

SHOW_AFTER_MS = 400  # small files are read before the dialog would appear
_RUNNING: list[tuple[QThread, QObject]] = []  # a cancelled read finishes in the background, then is dropped
EXIT_WAIT_MS = 10_000  # at exit, how long a cancelled read may still take (inputs are bounded: seconds)


def _wait_for_cancelled_reads() -> None:
    """A QThread destroyed while it runs aborts the process: let cancelled reads end before Python exits."""
    for thread, _reader in _RUNNING:
        thread.wait(EXIT_WAIT_MS)


atexit.register(_wait_for_cancelled_reads)


class _Reader(QObject):
    """Reads one claim file in its thread; emits exactly one of `read` / `failed`."""

    read = Signal(object)  # ClaimFile
    failed = Signal(str)

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    @Slot()
    def run(self) -> None:
        try:
            loaded = read_claim_file(self.path)
        except ClaimFileError as exc:
            self.failed.emit(str(exc))
        except MemoryError:
            self.failed.emit(_tr("文件过大,内存不足,无法打开"))
        except Exception as exc:  # never let a worker thread die silently
            self.failed.emit(_tr("打开失败:") + f"{type(exc).__name__}: {exc}")
        else:
            self.read.emit(loaded)


class _Waiter(QObject):
    """Lives in the GUI thread: the reader's signals reach it queued, and it ends the local event loop."""

    def __init__(self, loop: QEventLoop) -> None:
        super().__init__()
        self.loop = loop
        self.outcome: list[ClaimFile | str | None] = []

    @Slot(object)
    def settle(self, value: object) -> None:
        if not self.outcome:
            self.outcome.append(value if isinstance(value, ClaimFile | str) else None)
        self.loop.quit()

    @Slot()
    def cancel(self) -> None:
        self.settle(None)


def read_claim_file_in_background(parent: QWidget, path: Path) -> ClaimFile | str | None:
    """The file's content, or a Chinese message when it cannot be read, or None when the user cancelled."""
    thread = QThread()
    reader = _Reader(path)
    reader.moveToThread(thread)
    loop = QEventLoop()
    waiter = _Waiter(loop)
    dialog = QProgressDialog(_tr("正在打开“{0}”…").format(path.name), _tr("取消"), 0, 0, parent)
    dialog.setWindowTitle(_tr("打开申请文件"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    reader.read.connect(waiter.settle)
    reader.failed.connect(waiter.settle)
    dialog.canceled.connect(waiter.cancel)
    thread.started.connect(reader.run)
    # QThread.quit is thread-safe: called directly in the reader's thread, the thread ends as soon as the read
    # does, whether or not the GUI thread is still waiting (a cancelled read).
    reader.read.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    reader.failed.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    _RUNNING[:] = [(t, r) for t, r in _RUNNING if not t.isFinished()]  # cancelled reads that have ended
    _RUNNING.append((thread, reader))
    thread.start()
    loop.exec()
    dialog.canceled.disconnect(waiter.cancel)
    dialog.reset()
    dialog.deleteLater()
    outcome = waiter.outcome[0] if waiter.outcome else None
    if outcome is None:
        return None  # the read ends on its own; its thread stays referenced in _RUNNING until then
    thread.wait()
    _RUNNING.remove((thread, reader))
    return outcome
