"""Child process of the GUI figures: open a big claim file in the main window, then time single edits.

Baselines in the same process: load_claim + calculate (the core work the window cannot avoid) for the open,
and one `calculate` of the same claim for the edit.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from bench.core import RESULT_PREFIX, median, vm_hwm_mb


def _column(model: object, header: str) -> int:
    from PySide6.QtCore import Qt

    for column in range(model.columnCount()):  # type: ignore[attr-defined]
        if model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == header:  # type: ignore[attr-defined]
            return column
    raise LookupError(f"no column {header!r} in the class table")


def main(path: Path, runs: int) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from subsidy_calc.claim_file import load_claim
    from subsidy_calc.engine import calculate
    from subsidy_calc.rule_loading import load_catalog
    from ui.main_window import MainWindow

    app = QApplication(["bench"])
    window = MainWindow()
    window.show()
    app.processEvents()

    open_runs: list[float] = []
    base_open: list[float] = []
    catalog = load_catalog()
    for _ in range(max(1, min(runs, 3))):
        t0 = time.perf_counter()
        claim = load_claim(path)
        calculate(claim, catalog.get(claim.ruleset_id))
        base_open.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        if not window.open_path(path):
            raise SystemExit("the window refused the bench claim")
        app.processEvents()
        open_runs.append(time.perf_counter() - t0)
    payable = window.results.payable
    loaded_text = payable.text()

    model = window.document.classes
    column = _column(model, "已预支金额")
    edit_runs: list[float] = []
    base_edit: list[float] = []
    ruleset = catalog.get(claim.ruleset_id)
    for n in range(max(runs, 5)):
        before = payable.text()
        t0 = time.perf_counter()
        model.setData(model.index(n % min(10, model.rowCount()), column), f"{12345 + n}.00", Qt.ItemDataRole.EditRole)
        app.processEvents()
        edit_runs.append(time.perf_counter() - t0)
        if payable.text() == before:
            raise SystemExit(f"edit {n} did not change the payable label ({before})")
        t0 = time.perf_counter()
        calculate(claim, ruleset)
        base_edit.append(time.perf_counter() - t0)
    report = {
        "open_runs": open_runs, "open_baseline_runs": base_open, "edit_runs": edit_runs,
        "edit_baseline_runs": base_edit, "payable_after_open": loaded_text, "payable_after_edits": payable.text(),
        "edit_median_s": median(edit_runs),
        "peak_rss_mb": vm_hwm_mb(),
    }
    window.undo_stack.setClean()
    print(RESULT_PREFIX + json.dumps(report))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), int(sys.argv[2])))
