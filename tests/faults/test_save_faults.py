"""Saving a claim when things go wrong: killed half way, a full disk, a folder that refuses writes.

Every case ends with the previous file byte-for-byte intact and loadable.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from subsidy_calc.claim_file import load_claim, save_claim

from .helpers import FullDiskHandle, big_claim, leftovers, permission_bits_ignored, saved, small_claim

ROOT = Path(__file__).resolve().parents[2]

# The child saves `new` over `target`, but its file object writes only the first half, flushes it to the
# temporary file, says HALF on stdout and waits to be killed: the kill lands mid-write, every time.
CHILD = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from subsidy_calc.claim_file import load_claim, save_claim

    real_fdopen = os.fdopen

    class HalfThenHang:
        def __init__(self, handle):
            self.handle = handle
        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            os.fsync(self.handle.fileno())
            print("HALF", len(data), flush=True)
            time.sleep(120)
        def __getattr__(self, name):
            return getattr(self.handle, name)
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            return self.handle.__exit__(*exc)

    os.fdopen = lambda *a, **k: HalfThenHang(real_fdopen(*a, **k))
    save_claim(Path(sys.argv[2]), load_claim(Path(sys.argv[1])))
    print("SAVED", flush=True)
""")


@pytest.mark.skipif(sys.platform == "win32", reason="kills the saving process with SIGKILL, which is POSIX-only")
def test_save_killed_half_way_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "申请.subsidy.json"
    before = saved(target, small_claim())
    source = tmp_path / "source" / "big.subsidy.json"
    source.parent.mkdir()
    save_claim(source, big_claim())
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(source), str(target)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("HALF"), proc.stderr.read() if proc.stderr else line
        total = int(line.split()[1])
        temps = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert len(temps) == 1 and temps[0].stat().st_size == total // 2  # really killed mid-write
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert target.read_bytes() == before
    assert load_claim(target) == small_claim()
    # The half-written temporary file is hidden (leading dot) and is not a claim file name a user or the app
    # would open; a later save to the same name still works and loads.
    (temp,) = leftovers(tmp_path, {target.name, "source"})
    assert temp.startswith(f".{target.name}.") and temp.endswith(".tmp")
    save_claim(target, big_claim())
    assert load_claim(target) == big_claim()


@pytest.mark.parametrize("where", ["write", "fsync"])
def test_full_disk_keeps_previous_file_and_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     where: str) -> None:
    target = tmp_path / "申请.subsidy.json"
    before = saved(target, small_claim())
    if where == "write":
        real_fdopen = os.fdopen
        monkeypatch.setattr("subsidy_calc.atomic.os.fdopen",
                            lambda *a, **k: FullDiskHandle(real_fdopen(*a, **k), keep=4096))
    else:  # some file systems only report a full disk when the data is flushed
        def no_space(fd: int) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr("subsidy_calc.atomic.os.fsync", no_space)
    with pytest.raises(OSError) as caught:
        save_claim(target, big_claim())
    assert caught.value.errno == errno.ENOSPC
    assert caught.value.strerror == os.strerror(errno.ENOSPC)  # what the window shows ("No space left…")
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert leftovers(tmp_path, {target.name}) == []  # the temporary file was removed
    assert load_claim(target) == small_claim()


def test_read_only_folder_refuses_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder the user may not write to.

    Tests often run as root, and root ignores permission bits (chmod 0o500 does not stop it writing), so
    as root the refusal is simulated: creating the temporary file raises PermissionError, as the kernel
    would for an ordinary user. As an ordinary user the folder really is made read-only.
    """
    folder = tmp_path / "只读"
    folder.mkdir()
    target = folder / "申请.subsidy.json"
    before = saved(target, small_claim())
    if permission_bits_ignored():
        def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder))

        monkeypatch.setattr("subsidy_calc.atomic.tempfile.mkstemp", refuse)
    else:
        folder.chmod(0o500)
    try:
        with pytest.raises(PermissionError) as caught:
            save_claim(target, big_claim())
    finally:
        folder.chmod(0o700)
        monkeypatch.undo()
    assert caught.value.errno == errno.EACCES
    assert target.read_bytes() == before
    assert leftovers(folder, {target.name}) == []
    assert load_claim(target) == small_claim()


def test_rename_failure_removes_the_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "申请.subsidy.json"
    before = saved(target, small_claim())

    def busy(_src: object, _dst: object) -> None:
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY))

    monkeypatch.setattr("subsidy_calc.atomic.os.replace", busy)
    with pytest.raises(OSError):
        save_claim(target, big_claim())
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert leftovers(tmp_path, {target.name}) == []
