"""Atomic file writes: write a temporary file beside the target, fsync, then rename over it."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from pathlib import Path

# Excel/WPS or an antivirus scanner holding the target open makes the rename fail on Windows (PermissionError,
# a sharing violation) for a moment or for as long as the file stays open: wait briefly, then say so.
REPLACE_RETRY_DELAYS = (0.05, 0.1, 0.2, 0.3, 0.5, 0.5)  # seconds; about 1.7 s in all


class FileLockedError(PermissionError):
    """The target is held open by another program; the message (Chinese) names the file."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            errno.EACCES,
            f"文件被占用:“{path}”正被其他程序(如 Excel、WPS 或杀毒软件)打开,请关闭该文件后重试",
            str(path),
        )


def replace_file(source: str | Path, target: Path, held: Path | None = None) -> None:
    """os.replace, retried while the file `held` (by default the target) is locked by another program; then
    FileLockedError naming it. A PermissionError without such a file (a folder refusing writes) is raised as is."""
    locked = target if held is None else held
    for delay in (*REPLACE_RETRY_DELAYS, None):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if not locked.exists():
                raise
            if delay is None:
                raise FileLockedError(locked) from None
            time.sleep(delay)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old file or the new one, never half."""
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        replace_file(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
