"""Crash recovery files: the current drafts (raw texts) written every few seconds after a change."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from subsidy_calc.atomic import atomic_write_text
from subsidy_calc.private_files import private_dir

DATA_DIR_ENV = "SUBSIDY_CALC_DATA_DIR"
_ACTIVE: set[str] = set()


def data_dir() -> Path:
    """The app's data folder: $SUBSIDY_CALC_DATA_DIR, else the platform's user data dir."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(user_data_dir("subsidy-calc", appauthor=False))


def default_recovery_dir() -> Path:
    return data_dir() / "recovery"


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


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
            if len(parts) >= 2 and parts[1].isdigit() and _pid_alive(int(parts[1])):
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
