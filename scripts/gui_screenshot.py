"""Screenshots of the window for docs/gui.md and the user manual (docs/用户手册.md), as an HR officer sees it.

Run under a virtual screen of the laptop size, at 100 % and at 150 % scaling:
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/gui_screenshot.py
    QT_SCALE_FACTOR=1.5 xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/gui_screenshot.py
Each run grabs the whole screen (so anything off screen would show as missing) into docs/manual/, with the
suffix -150 when scaled; the 100 % run also refreshes docs/screenshot-main.png. Settings, recovery files and
the double-claim register go to a temporary folder: the user's own are never touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TEMP = Path(tempfile.mkdtemp(prefix="subsidy-screens-"))
os.environ["SUBSIDY_CALC_DATA_DIR"] = str(TEMP / "data")

from PySide6.QtCore import QDate, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from stdnum.cn import uscc  # noqa: E402

from bench.samples import make_id  # noqa: E402
from ui.columns import ClassColumn as C  # noqa: E402
from ui.columns import RosterColumn as R  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.window_layout import is_small  # noqa: E402

NAMES = ["王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周强", "吴娟"]
OUT = ROOT / "docs" / "manual"


def _id(serial: int) -> str:
    return make_id("620302", date(1988 + serial % 10, serial % 9 + 1, 10 + serial % 9), serial)


def _window(app: QApplication, name: str) -> MainWindow:
    settings = QSettings(str(TEMP / f"{name}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, recovery_dir=TEMP / "recovery", offer_recovery=False)
    window.show()
    available = window.screen().availableGeometry()
    if is_small(available):  # place_window maximises it; Xvfb has no window manager to do so: do what one would
        window.setGeometry(available)
        window.split_for_first_start()
    _settle(app)
    return window


def _settle(app: QApplication) -> None:
    for _ in range(30):
        app.processEvents()


def _parties(window: MainWindow) -> None:
    form = window.form.edits
    form["enterprise.name"].setText("金昌市某某有色金属有限公司")
    form["enterprise.credit_code"].setText("91620300MA71ABCD1" + uscc.calc_check_digit("91620300MA71ABCD1"))
    form["enterprise.bank"].setText("中国工商银行金昌分行")
    form["enterprise.account"].setText("2706 0012 0920 0123 456")
    form["enterprise.contact"].setText("马丽")
    form["enterprise.phone"].setText("0935-8201234")
    form["institution.name"].setText("金昌市高级技工学校")
    form["institution.code"].setText("12620300438011234" + uscc.calc_check_digit("12620300438011234"))
    form["institution.contact"].setText("何老师")


def _class(window: MainWindow, values: dict[C, object]) -> None:
    classes = window.document.classes
    row = classes.add_row()
    for column, value in values.items():
        classes.setData(classes.index(row, column), value)


def _settlement_claim(window: MainWindow) -> None:
    _parties(window)
    window.form.stage_combo.setCurrentIndex(window.form.stage_combo.findData("settlement"))
    window.form.claim_date.setDate(QDate(2025, 3, 20))
    _class(window, {C.CLASS_ID: "JC2023-01", C.OCCUPATION: "焊工", C.LEVEL: "中级工", C.START_DATE: "2023-03-01",
                    C.END_DATE: "2025-02-28", C.PLANNED: 20, C.CERTIFIED: 15, C.COMPLETED_NO_CERT: 3,
                    C.DROPPED: 2, C.COST_PER_PERSON: "5000", C.SHORTAGE: "否", C.ADVANCE_PAID: "40000"})
    _class(window, {C.CLASS_ID: "JC2023-02", C.OCCUPATION: "电工", C.LEVEL: "高级工", C.START_DATE: "2023-09-01",
                    C.END_DATE: "2024-08-31", C.PLANNED: 10, C.COST_PER_PERSON: "6000", C.SHORTAGE: "是",
                    C.ADVANCE_PAID: "25000"})
    for number, name in enumerate(NAMES):
        status = "取证" if number < 8 else "退出"
        cert = f"GJ2024{number + 1:04d}" if number < 8 else ""
        window.document.roster.add_row(texts=[name, _id(number + 1), "JC2023-02", status, cert,
                                              "2023-08-01", "2026-07-31"])
    window.tables.select_class(0)


def _draft_claim(window: MainWindow) -> None:
    _parties(window)
    _class(window, {C.CLASS_ID: "JC2024-01", C.OCCUPATION: "焊工", C.LEVEL: "初级工", C.START_DATE: "2024-03-01",
                    C.END_DATE: "2026-02-28", C.PLANNED: 3})
    roster = window.document.roster
    roster.add_row(texts=["王建国", _id(1), "JC2024-01", "在训", "", "2024-01-01", "2027-12-31"])
    bad = _id(2)[:-1] + ("0" if _id(2)[-1] != "0" else "1")  # a mistyped check digit
    roster.add_row(texts=["李秀英", bad, "JC2024-01", "在训", "", "2024-01-01", "2027-12-31"])
    window.document.classes.add_row()  # a new row: blank, the user has not chosen anything yet
    window.results.tabs.setCurrentIndex(0)
    window.problems_list.setCurrentRow(1)
    window.problems_list.itemActivated.emit(window.problems_list.item(1))


def _advance_then_settlement(window: MainWindow) -> None:
    _parties(window)
    window.form.claim_date.setDate(QDate(2023, 9, 10))
    _class(window, {C.CLASS_ID: "JC2023-02", C.OCCUPATION: "电工", C.LEVEL: "高级工", C.START_DATE: "2023-09-01",
                    C.END_DATE: "2024-08-31", C.PLANNED: 10, C.SHORTAGE: "是"})
    for number, name in enumerate(NAMES):
        window.document.roster.add_row(texts=[name, _id(number + 1), "JC2023-02", "在训", "",
                                              "2023-08-01", "2026-07-31"])
    advance = TEMP / "金昌市某某有色金属有限公司_预支_2023-09-10.subsidy.json"
    window.save_to(advance)
    window.settlement.make_from(advance)
    roster = window.document.roster
    for row in range(6):
        roster.setData(roster.index(row, R.STATUS), "取证")
        roster.setData(roster.index(row, R.CERTIFICATE_NO), f"GJ2024{row + 1:04d}")
    window.tables.roster_table.setCurrentIndex(window.tables.roster_filter.index(6, R.STATUS))


def _blank_claim(window: MainWindow) -> None:
    """A new claim as it starts: nothing filled in, the hint in the problems panel, focus on the first field."""
    window.form.edits["enterprise.name"].setFocus()


SCENES: dict[str, Callable[[MainWindow], None]] = {
    "01-blank": _blank_claim,
    "02-claim": _settlement_claim,
    "03-draft": _draft_claim,
    "04-settlement": _advance_then_settlement,
}


def main() -> int:
    app = QApplication(sys.argv)
    scaled = os.environ.get("QT_SCALE_FACTOR", "1") not in ("", "1")
    suffix = "-150" if scaled else ""
    OUT.mkdir(parents=True, exist_ok=True)
    for name, fill in SCENES.items():
        window = _window(app, name)
        fill(window)
        _settle(app)
        target = OUT / f"{name}{suffix}.png"
        screen = window.screen()
        screen.grabWindow(0).save(str(target))  # the whole screen: what does not fit is visibly missing
        print(target, window.geometry().getRect(), window.windowTitle(), window.document.problems[:3])
        if name == "02-claim" and not scaled:
            window.grab().save(str(ROOT / "docs" / "screenshot-main.png"))
        window.undo_stack.setClean()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
