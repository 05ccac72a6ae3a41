"""Files only their owner can read: folders 0700 and files 0600 on POSIX, the profile's ACLs on Windows.

On Windows the per-user folders (AppData) are already readable only by the user and the administrators;
chmod there only toggles the read-only flag, so nothing is changed. Also the removal of stale temporary
files that an interrupted atomic save (subsidy_calc/atomic.py) leaves behind.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path

POSIX = os.name == "posix"
STALE_AFTER_SECONDS = 120  # an atomic save takes milliseconds; older temporary files are leftovers
_TEMP_NAME = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")  # tempfile.mkstemp(prefix=".NAME.", suffix=".tmp")


def private_dir(path: Path) -> Path:
    """Create the folder (and parents) if needed and make it 0700 on POSIX; returns it."""
    path.mkdir(parents=True, exist_ok=True)
    if POSIX:
        os.chmod(path, 0o700)
    return path


def private_file(path: Path) -> Path:
    """Create the file empty if it does not exist, 0600 from the first byte on POSIX; returns it."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    if POSIX:
        os.chmod(path, 0o600)
    return path


def tighten(path: Path) -> None:
    """Make an existing file 0600 on POSIX (e.g. SQLite's -wal and -shm files); missing files are fine."""
    if POSIX:
        with contextlib.suppress(FileNotFoundError):
            os.chmod(path, 0o600)


def remove_stale_temps(folder: Path, name: str | None = None, now: float | None = None) -> int:
    """Delete the temporary files of interrupted atomic saves in a folder (only those of `name` when given)
    that are older than STALE_AFTER_SECONDS: they hold a whole claim, ID numbers included. Returns how many."""
    removed = 0
    limit = (time.time() if now is None else now) - STALE_AFTER_SECONDS
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not _TEMP_NAME.match(entry.name) or (name is not None and not entry.name.startswith(f".{name}.")):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < limit:
                os.unlink(entry.path)
                removed += 1
    return removed
