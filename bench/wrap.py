"""Run a script as `python SCRIPT ARGS…` would, then print its own peak memory (VmHWM) on stderr at exit.

Why: on Linux a child's ru_maxrss (os.wait4, RUSAGE_CHILDREN) starts from the PARENT's resident size at fork,
so a bench process holding 100 MB of data would make every child look ≥ 100 MB. VmHWM belongs to the new
process image only. Usage: `python -m bench.wrap main.py calc big.xlsx …`.
"""

from __future__ import annotations

import atexit
import runpy
import sys

from bench.core import HWM_PREFIX, vm_hwm_mb


def _report() -> None:
    sys.stderr.write(f"\n{HWM_PREFIX}{vm_hwm_mb():.1f}\n")
    sys.stderr.flush()


if __name__ == "__main__":
    script, *args = sys.argv[1:]
    sys.argv = [script, *args]
    atexit.register(_report)
    runpy.run_path(script, run_name="__main__")
