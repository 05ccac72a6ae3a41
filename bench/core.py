"""Bench machinery: run a child process and read its wall time and peak memory, medians, targets, verdicts."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULT_PREFIX = "BENCH_RESULT "
HWM_PREFIX = "BENCH_HWM_MB "


def vm_hwm_mb() -> float:
    """This process image's peak resident memory (VmHWM), in MB. Not ru_maxrss: see bench/wrap.py."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def compile_sources() -> str:
    """Byte-compile the app's packages once, as an installed app has them (pip compiles on install).

    The children run with PYTHONDONTWRITEBYTECODE=1 (they never write into the tree) and this machine's shell
    sets it too; without cached bytecode every child would compile ~100 modules and the start-up figures would
    time the compiler (≈ 0.5 s here), not the app.
    """
    import compileall

    started = time.perf_counter()
    ok = all(compileall.compile_dir(ROOT / package, quiet=1) for package in ("subsidy_calc", "ui", "bench"))
    return (f"bytecode of subsidy_calc, ui and bench {'up to date' if ok else 'PARTLY NOT compiled'} "
            f"({time.perf_counter() - started:.1f} s)")


class FigureUnavailable(Exception):
    """A figure whose module is not in this tree yet; the harness prints 'not available yet: <reason>'."""


@dataclass
class Context:
    """What every figure gets: where to put data, how many runs, and the python to run children with."""

    workdir: Path
    runs: int
    quick: bool
    scale: float = 1.0
    log: Callable[[str], None] = print

    def size(self, full: int, minimum: int = 1) -> int:
        """A data size scaled by --scale (1.0 = the size the target is stated for)."""
        return max(minimum, round(full * self.scale))

    def env(self, **extra: str) -> dict[str, str]:
        """Environment for children: headless Qt, app data and settings inside the run's folder."""
        env = dict(os.environ)
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["SUBSIDY_CALC_DATA_DIR"] = str(self.workdir / "appdata")
        env["XDG_CONFIG_HOME"] = str(self.workdir / "config")
        env["XDG_DATA_HOME"] = str(self.workdir / "data")
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.update(extra)
        return env


@dataclass
class ChildRun:
    """One finished child process."""

    wall_s: float
    peak_rss_mb: float
    returncode: int
    stdout: str
    stderr: str
    result: dict[str, Any] | None
    cpu_s: float = 0.0  # user + system CPU time of the child (os.wait4): what the wall time is under no load

    def check(self, what: str) -> ChildRun:
        if self.returncode != 0:
            tail = [line[:400] for line in (self.stderr or self.stdout).strip().splitlines()[-15:]]
            raise RuntimeError(f"{what} exited with status {self.returncode}:\n  " + "\n  ".join(tail))
        return self


def run_child(argv: Sequence[str], ctx: Context, timeout: float = 600.0, cwd: Path | None = None,
              env: dict[str, str] | None = None) -> ChildRun:
    """Run a command, time it from spawn to exit, and read its peak memory.

    A child may print one line `BENCH_RESULT {json}` with figures it measured itself, and (through
    bench/wrap.py, or itself) `BENCH_HWM_MB n` on stderr: its own VmHWM. Without that line the peak comes from
    os.wait4, which on Linux is at least the parent's size at fork (see bench/wrap.py), so it is marked.
    """
    out_path = ctx.workdir / "child.out"
    err_path = ctx.workdir / "child.err"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(argv), stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                cwd=cwd or ROOT, env=env or ctx.env())
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stdout = out_path.read_text(encoding="utf-8", errors="replace")
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    result = None
    for line in stdout.splitlines():
        if line.startswith(RESULT_PREFIX):
            result = json.loads(line[len(RESULT_PREFIX):])
    peak = usage.ru_maxrss / 1024.0
    for line in stderr.splitlines():
        if line.startswith(HWM_PREFIX):
            peak = float(line[len(HWM_PREFIX):])
    if result is not None and "peak_rss_mb" in result:
        peak = float(result["peak_rss_mb"])
    return ChildRun(wall, peak, proc.returncode, stdout, stderr, result, usage.ru_utime + usage.ru_stime)


def python_child(module: str, *args: str | Path | int) -> list[str]:
    return [sys.executable, "-m", module, *map(str, args)]


def script_child(script: Path, *args: str | Path) -> list[str]:
    """`python SCRIPT ARGS` through bench/wrap.py, which adds the script's own peak memory on stderr."""
    return [sys.executable, "-m", "bench.wrap", str(script), *map(str, args)]


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


@dataclass(frozen=True)
class Target:
    """What a figure must reach. kind: 'max_s' (value ≤ limit seconds), 'max_ratio' (value/baseline ≤ limit),
    'min_speedup' (baseline/value ≥ limit)."""

    kind: str
    limit: float

    def met(self, value: float, baseline: float | None) -> bool:
        if self.kind == "max_s":
            return value <= self.limit
        if baseline is None or value <= 0:
            return False
        if self.kind == "max_ratio":
            return value / baseline <= self.limit
        return baseline / value >= self.limit

    def text(self) -> str:
        if self.kind == "max_s":
            return f"< {_seconds(self.limit)}"
        if self.kind == "max_ratio":
            return f"≤ {self.limit:g}× baseline"
        return f"≥ {self.limit:g}× faster"


def _seconds(value: float) -> str:
    if value < 0.1:
        return f"{value * 1000:.1f} ms"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


@dataclass
class FigureResult:
    """One row of the table: median value, same-run baseline, ratio, targets, verdict, peak memory."""

    id: str
    title: str
    status: str = "ok"  # ok | skipped | error
    value_s: float | None = None
    baseline_s: float | None = None
    baseline_what: str = ""
    targets: list[Target] = field(default_factory=list)
    runs_s: list[float] = field(default_factory=list)
    baseline_runs_s: list[float] = field(default_factory=list)
    peak_rss_mb: float | None = None
    baseline_peak_rss_mb: float | None = None
    notes: list[str] = field(default_factory=list)
    scaled: bool = False

    @property
    def ratio(self) -> float | None:
        if self.value_s is None or not self.baseline_s:
            return None
        return self.value_s / self.baseline_s

    @property
    def verdict(self) -> str:
        if self.status == "skipped":
            return "SKIPPED"
        if self.status == "error":
            return "ERROR"
        if not self.targets:
            return "INFO"
        if self.scaled:
            return "SCALED"
        assert self.value_s is not None
        return "MET" if all(t.met(self.value_s, self.baseline_s) for t in self.targets) else "MISSED"

    def target_text(self) -> str:
        return " and ".join(t.text() for t in self.targets) or "no target (info)"

    def measured(self, runs: Sequence[float], baseline_runs: Sequence[float], what: str) -> FigureResult:
        self.runs_s, self.baseline_runs_s = list(runs), list(baseline_runs)
        self.value_s = median(runs)
        self.baseline_s = median(baseline_runs) if baseline_runs else None
        self.baseline_what = what
        return self

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "status": self.status, "verdict": self.verdict,
            "value_s": self.value_s, "baseline_s": self.baseline_s, "baseline": self.baseline_what,
            "ratio": self.ratio, "target": self.target_text(),
            "targets": [{"kind": t.kind, "limit": t.limit} for t in self.targets],
            "runs_s": self.runs_s, "baseline_runs_s": self.baseline_runs_s,
            "peak_rss_mb": self.peak_rss_mb, "baseline_peak_rss_mb": self.baseline_peak_rss_mb,
            "scaled": self.scaled, "notes": self.notes,
        }


def fmt_seconds(value: float | None) -> str:
    return "—" if value is None else _seconds(value)
