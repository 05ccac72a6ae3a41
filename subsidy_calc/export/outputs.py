"""All-or-nothing writing of several export files: every file is rendered in memory by the caller, written to a
temporary file beside its target, and only when all of them are on disk are they renamed into place. A failure
leaves none of the new files (earlier targets get their old contents back) and names the file that failed."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..atomic import replace_file


class OutputError(OSError):
    """One output could not be written; none of the new files was left. `path` is the one that failed."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"无法写入“{path}”:{reason}。所有输出文件均未写入(原有文件保持不变)。")
        self.path = path
        self.reason = reason


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _temp_beside(path: Path, data: bytes, tag: str) -> Path:
    directory = path.parent if str(path.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=tag, dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return Path(name)


def _unlink_all(paths: Sequence[Path | None]) -> None:
    for path in paths:
        if path is not None:
            with contextlib.suppress(OSError):
                os.unlink(path)


def write_all(outputs: Sequence[tuple[Path, bytes]]) -> None:
    """Write every (path, data) or none of them; raises OutputError naming the path that failed."""
    temps: list[Path] = []
    for path, data in outputs:
        try:
            temps.append(_temp_beside(path, data, ".tmp"))
        except OSError as exc:
            _unlink_all(temps)
            raise OutputError(path, _reason(exc)) from exc
    backups: list[Path | None] = []  # the old file of each target already replaced, or None if it was new
    for index, ((path, _data), temp) in enumerate(zip(outputs, temps, strict=True)):
        backup: Path | None = None
        try:
            if path.exists():
                backup = _temp_beside(path, b"", ".old")  # a reserved name, replaced by the old file
                replace_file(path, backup, held=path)  # retried while another program holds it (Windows)
            replace_file(temp, path)
        except OSError as exc:
            if backup is not None:
                with contextlib.suppress(OSError):
                    if path.exists():
                        os.unlink(backup)  # the old file never moved
                    else:
                        os.replace(backup, path)  # put the old file back
            _restore(outputs[:index], backups)
            _unlink_all(temps[index:])
            raise OutputError(path, _reason(exc)) from exc
        backups.append(backup)
    _unlink_all(backups)


def _restore(done: Sequence[tuple[Path, bytes]], backups: Sequence[Path | None]) -> None:
    """Undo the renames already made: old files back in place, new files that had none removed."""
    for (path, _data), backup in zip(done, backups, strict=True):
        with contextlib.suppress(OSError):
            if backup is None:
                os.unlink(path)
            else:
                os.replace(backup, path)
