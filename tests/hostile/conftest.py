"""Run a hostile file through the app in a fresh interpreter under a memory limit and a timeout."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 1536 * 1024 * 1024  # address space (RLIMIT_AS): python + Qt-free app + the 1 GB budget
PEAK_LIMIT_KB = 1024 * 1024  # resident memory the app may use: 1 GB
CPU_LIMIT = 10.0  # seconds of CPU for any input up to 20 MB
WALL_TIMEOUT = 120  # hard stop for a hung child (the machine is shared; CPU time is what is asserted)


@dataclass(frozen=True)
class Answer:
    """What the app answered: outcome ("refused", "accepted", "exit N"), message, CPU seconds, peak kB."""

    outcome: str
    message: str
    cpu: float
    peak_kb: int
    returncode: int
    stderr: str


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    try:
        import resource
    except ImportError:  # Windows: no RLIMIT_AS; the peak is still measured
        return
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_probe(action: str, path: Path, *args: str, env: dict[str, str] | None = None) -> Answer:
    """Run tests.hostile.probe in a child process; the child must end normally (no abort, no traceback)."""
    import os

    child_env = dict(os.environ)
    child_env.update(env or {})
    done = subprocess.run([sys.executable, "-m", "tests.hostile.probe", action, str(path), *args],
                          capture_output=True, text=True, timeout=WALL_TIMEOUT, cwd=ROOT, env=child_env,
                          preexec_fn=_limit_memory if sys.platform != "win32" else None)
    assert done.returncode == 0, f"the child died ({done.returncode}): {done.stderr[-3000:]}"
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    data = json.loads(done.stdout.strip().splitlines()[-1])
    answer = Answer(data["outcome"], data["message"], data["cpu"], data["peak_kb"], done.returncode, done.stderr)
    figures = os.environ.get("HOSTILE_FIGURES")  # a file to collect the measurements in (docs, reports)
    if figures:
        with open(figures, "a", encoding="utf-8") as out:
            out.write(json.dumps({"test": os.environ.get("PYTEST_CURRENT_TEST", ""), "action": action,
                                  "bytes": path.stat().st_size if path.is_file() else 0, "outcome": answer.outcome,
                                  "cpu": answer.cpu, "peak_mb": answer.peak_kb // 1024}, ensure_ascii=False) + "\n")
    assert answer.cpu < CPU_LIMIT, f"{answer.cpu:.1f} s of CPU: {answer.message[:300]}"
    assert answer.peak_kb < PEAK_LIMIT_KB, f"{answer.peak_kb // 1024} MB peak: {answer.message[:300]}"
    return answer


Probe = Callable[..., Answer]


@pytest.fixture
def probe() -> Probe:
    return run_probe
