"""Crash recovery files: the current drafts (raw texts) written every few seconds after a change."""

from __future__ import annotations

import json
import os
import sys
import uuid
from pathlib import Path
from typing import Any

from subsidy_calc.app_dirs import data_dir
from subsidy_calc.atomic import atomic_write_text
from subsidy_calc.private_files import private_dir

_ACTIVE: set[str] = set()


def default_recovery_dir() -> Path:
    return data_dir() / "recovery"


_PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
_STILL_ACTIVE = 259
_ERROR_ACCESS_DENIED = 5


def _windows_pid_alive(pid: int, kernel32: Any = None) -> bool:
    """Windows has no signal 0 (`os.kill(pid, 0)` sends CTRL_C_EVENT there): ask the kernel for the process."""
    if kernel32 is None:
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined, unused-ignore]
    handle = kernel32.OpenProcess(_PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        # No such process → invalid parameter; someone else's process that is running → access denied.
        return bool(kernel32.GetLastError() == _ERROR_ACCESS_DENIED)
    try:
        import ctypes

        code = ctypes.c_ulong(0)
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True  # cannot tell: keep the file rather than offer a live window's work
        return code.value == _STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _posix_pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return True


def pid_alive(pid: int, platform: str | None = None) -> bool:
    """Whether the window that wrote a recovery file still runs (then its file is not offered)."""
    if pid == os.getpid():
        return False
    return _windows_pid_alive(pid) if (platform or sys.platform) == "win32" else _posix_pid_alive(pid)


class RecoveryStore:
    """One window's recovery file, and the orphans other (crashed) windows left behind."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / f"recovery-{os.getpid()}-{uuid.uuid4().hex[:8]}.json"
        _ACTIVE.add(str(self.path))

    def release(self) -> None:
        """The window is gone: its file (if any is left) may be offered to the next window."""
        _ACTIVE.discard(str(self.path))

    def write(self, state: dict[str, Any]) -> None:
        private_dir(self.directory)  # 0700: the drafts hold ID numbers (docs/privacy.md)
        atomic_write_text(self.path, json.dumps(state, ensure_ascii=False))

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)

    def orphans(self) -> list[Path]:
        """Recovery files whose window is not running any more, newest first."""
        if not self.directory.is_dir():
            return []
        found = []
        for path in self.directory.glob("recovery-*.json"):
            if str(path) in _ACTIVE:
                continue
            parts = path.stem.split("-")
            if len(parts) >= 2 and parts[1].isdigit() and pid_alive(int(parts[1])):
                continue
            found.append(path)
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)

    @staticmethod
    def read(path: Path) -> dict[str, Any]:
        """Raises ValueError (Chinese) when the file cannot be read."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"恢复文件“{path.name}”无法读取:{exc}") from None
        if not isinstance(data, dict):
            raise ValueError(f"恢复文件“{path.name}”格式错误")
        return data
