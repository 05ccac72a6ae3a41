"""A cancelled background read must not abort the process when it exits (a QThread destroyed while it runs
makes Qt abort): run the file tests, which open and cancel, in a child process and see how the child ends."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_cancelled_open_leaves_the_process_free_to_exit(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SUBSIDY_CALC_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         str(ROOT / "tests" / "ui" / "test_window_files.py")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "failed" not in done.stdout
    assert "Destroyed while thread" not in done.stdout + done.stderr
