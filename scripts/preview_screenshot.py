"""Screenshots of the print preview for the user manual: a claim of 320 apprentices, the roster annex fitted to the
width (docs/manual/06-preview.png, `-150` under QT_SCALE_FACTOR=1.5), and the same at 200 % for judging
(`-200` added; in a temporary folder unless a folder is given, where both go).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/preview_screenshot.py
    QT_SCALE_FACTOR=1.5 xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/preview_screenshot.py [folder]

The whole screen is grabbed, so what does not fit shows. The user's data folder is never touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TEMP = Path(tempfile.mkdtemp(prefix="subsidy-preview-screen-"))
os.environ["SUBSIDY_CALC_DATA_DIR"] = str(TEMP / "data")
os.environ["SUBSIDY_CALC_RULES_DIR"] = str(TEMP / "rules")

from PySide6.QtWidgets import QAbstractItemView, QApplication  # noqa: E402

from bench.data import write_claim_file  # noqa: E402
from subsidy_calc.export.summary import build_summary  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.report import pdf, preview  # noqa: E402


def _settle(app: QApplication, seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    app = QApplication(sys.argv)
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "manual"
    closer = Path(sys.argv[1]) if len(sys.argv) > 1 else TEMP  # the 200 % shot is for judging, not for the manual
    suffix = "-150" if os.environ.get("QT_SCALE_FACTOR", "1") not in ("", "1") else ""
    window = MainWindow(offer_recovery=False)
    window.show()
    window.open_path(write_claim_file(TEMP / "320人.subsidy.json", 8, 40))
    _settle(app)
    calculated = window.calculated()
    if calculated is None:
        print("the claim does not calculate:", window.document.problems[:3], file=sys.stderr)
        return 1
    summary = build_summary(*calculated)
    dialog = preview.PdfPreviewDialog(window, summary, pdf.render_pdf_bytes(summary)[0])
    dialog.show()
    _settle(app)
    sizes = dialog.pages.sizes()
    roster = next(row for row, (width, height) in enumerate(sizes) if width > height)
    dialog.view.scrollTo(dialog.model.index(roster), QAbstractItemView.ScrollHint.PositionAtTop)
    _settle(app)
    screen = dialog.screen()
    for target, scale in ((out / f"06-preview{suffix}.png", None), (closer / f"06-preview{suffix}-200.png", 2.0)):
        if scale is not None:
            dialog.view.zoom_to(scale)
            _settle(app)
        screen.grabWindow(0).save(str(target))
        print(target, dialog.zoom_label.text(), dialog.geometry().getRect(), dialog.devicePixelRatioF())
    dialog.reject()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
