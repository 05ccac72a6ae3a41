"""Crash recovery's "is that window still running?" on Windows (simulated kernel32: no signals) and POSIX."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from ui import recovery

ERROR_INVALID_PARAMETER = 87


class FakeKernel32:
    """OpenProcess / GetExitCodeProcess / GetLastError / CloseHandle of a pretend Windows process table."""

    def __init__(self, processes: dict[int, int], foreign: set[int] | None = None) -> None:
        self.processes = processes  # pid → exit code (259 = STILL_ACTIVE)
        self.foreign = foreign or set()
        self.last_error = 0
        self.closed: list[int] = []

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:  # the Win32 names
        assert access == 0x1000 and inherit is False
        if pid in self.processes:
            return pid + 10_000
        self.last_error = 5 if pid in self.foreign else ERROR_INVALID_PARAMETER
        return 0

    def GetLastError(self) -> int:
        return self.last_error

    def GetExitCodeProcess(self, handle: int, code: Any) -> int:
        code._obj.value = self.processes[handle - 10_000]
        return 1

    def CloseHandle(self, handle: int) -> int:
        self.closed.append(handle)
        return 1


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> FakeKernel32:
    kernel = FakeKernel32({4242: 259, 4343: 0}, foreign={4444})
    monkeypatch.setattr(recovery, "_windows_pid_alive", partial(recovery._windows_pid_alive, kernel32=kernel))

    def no_signals(*_args: object) -> None:
        raise AssertionError("os.kill must not be used on Windows: it sends CTRL_C_EVENT")

    monkeypatch.setattr(os, "kill", no_signals)
    return kernel


def test_windows_liveness_asks_the_kernel_not_a_signal(windows: FakeKernel32) -> None:
    assert recovery.pid_alive(4242, "win32") is True  # running
    assert recovery.pid_alive(4343, "win32") is False  # exited, handle still open somewhere
    assert recovery.pid_alive(4545, "win32") is False  # no such process
    assert recovery.pid_alive(4444, "win32") is True  # another user's process: leave its file alone
    assert windows.closed == [14242, 14343]
    assert recovery.pid_alive(os.getpid(), "win32") is False


def test_windows_orphans_are_the_files_of_dead_windows(windows: FakeKernel32, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recovery, "pid_alive", partial(recovery.pid_alive, platform="win32"))
    for pid in (4242, 4343, 4545):
        (tmp_path / f"recovery-{pid}-abcdef12.json").write_text(json.dumps({"pid": pid}), encoding="utf-8")
    store = recovery.RecoveryStore(tmp_path)
    try:
        assert sorted(p.name for p in store.orphans()) == ["recovery-4343-abcdef12.json", "recovery-4545-abcdef12.json"]
    finally:
        store.release()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signal 0; Windows is covered by the simulation above")
def test_posix_liveness_of_a_real_child() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert recovery.pid_alive(child.pid) is True
    finally:
        child.kill()
        child.wait()
    assert recovery.pid_alive(child.pid) is False
