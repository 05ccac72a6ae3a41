"""Child process of the workbook baseline: pandas.read_excel(engine="openpyxl") reading every sheet, nothing more.

Only the read is timed (not `import pandas`), which makes the baseline smaller and the speed-up claim harder.
"""

from __future__ import annotations

import json
import sys
import time

from bench.core import RESULT_PREFIX, vm_hwm_mb


def main(path: str) -> int:
    import pandas  # type: ignore[import-untyped,unused-ignore]

    t0, cpu0 = time.perf_counter(), time.process_time()
    frames = pandas.read_excel(path, sheet_name=None, engine="openpyxl")
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    rows = {name: len(frame) for name, frame in frames.items()}
    report = {"read_s": elapsed, "read_cpu_s": cpu, "rows": rows,
              "peak_rss_mb": vm_hwm_mb()}
    print(RESULT_PREFIX + json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
