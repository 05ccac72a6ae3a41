"""Child process of the workbook floor: python-calamine reading every sheet into Python rows, nothing more;
or (`import`) the roster importer on the same file, to say how close the import gets to that floor.

`calamine`: what the importer cannot go below: open the workbook, parse each sheet and turn it into Python
values (`to_python`, as `importer.reading` does). `import`: `importer.import_file` with the rule set (pre-scan,
calamine, header matching, every row checked, counts reconciled). Only that call is timed, not the imports.
"""

from __future__ import annotations

import json
import sys
import time

from bench.core import RESULT_PREFIX, vm_hwm_mb


def main(path: str, kind: str = "calamine") -> int:
    import python_calamine

    if kind == "import":
        return _import(path)
    t0 = time.perf_counter()
    workbook = python_calamine.CalamineWorkbook.from_path(path)
    rows = {name: len(workbook.get_sheet_by_name(name).to_python(skip_empty_area=False))
            for name in workbook.sheet_names}
    elapsed = time.perf_counter() - t0
    print(RESULT_PREFIX + json.dumps({"read_s": elapsed, "rows": rows, "peak_rss_mb": vm_hwm_mb()}))
    return 0


def _import(path: str) -> int:
    from pathlib import Path

    from subsidy_calc.importer import import_file
    from subsidy_calc.rule_loading import load_catalog

    rules = load_catalog().get("jinchang-2024")
    t0 = time.perf_counter()
    result = import_file(Path(path), rules=rules)
    elapsed = time.perf_counter() - t0
    print(RESULT_PREFIX + json.dumps({"read_s": elapsed, "rows": len(result.roster), "peak_rss_mb": vm_hwm_mb()}))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
