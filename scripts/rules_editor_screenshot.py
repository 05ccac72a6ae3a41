"""Screenshot of the rule-set editor for the user manual (docs/manual/05-rules-editor.png).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/rules_editor_screenshot.py
The user's own rule folder is never touched: a temporary one is used.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TEMP = Path(tempfile.mkdtemp(prefix="subsidy-rules-screen-"))
os.environ["SUBSIDY_CALC_DATA_DIR"] = str(TEMP / "data")
os.environ["SUBSIDY_CALC_RULES_DIR"] = str(TEMP / "rules")

from PySide6.QtWidgets import QApplication  # noqa: E402

from subsidy_calc.rule_loading import load_catalog  # noqa: E402
from ui.rules_editor.dialog import RuleSetEditor  # noqa: E402

OUT = ROOT / "docs" / "manual" / "05-rules-editor.png"


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    editor = RuleSetEditor(load_catalog())
    editor.show()
    editor.select("jinchang-2024")
    editor.copy_selected()
    app.processEvents()
    editor.form_scroll.verticalScrollBar().setValue(330)
    app.processEvents()
    editor.grab().save(str(OUT))
    print(OUT)


if __name__ == "__main__":
    main()
