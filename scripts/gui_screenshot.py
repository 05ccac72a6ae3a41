"""Fill the window with a realistic two-class claim and save docs/screenshot-main.png (run under xvfb-run)."""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QDate, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from stdnum.cn import uscc  # noqa: E402

from bench.samples import make_id  # noqa: E402
from ui.columns import ClassColumn as C  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

NAMES = ["王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周强", "吴娟"]


def _id(serial: int) -> str:
    return make_id("620302", date(1988 + serial % 10, serial % 9 + 1, 10 + serial % 9), serial)


def main() -> int:
    app = QApplication(sys.argv)
    temp = Path(tempfile.mkdtemp())
    settings = QSettings(str(temp / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, recovery_dir=temp / "recovery", offer_recovery=False)
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
    window.form.stage_combo.setCurrentIndex(window.form.stage_combo.findData("settlement"))
    window.form.claim_date.setDate(QDate(2025, 3, 20))
    classes = window.document.classes
    rows = [
        {C.CLASS_ID: "JC2023-01", C.OCCUPATION: "焊工", C.LEVEL: "中级工", C.START_DATE: "2023-03-01",
         C.END_DATE: "2025-02-28", C.PLANNED: 20, C.CERTIFIED: 15, C.COMPLETED_NO_CERT: 3, C.DROPPED: 2,
         C.COST_PER_PERSON: "5000", C.SHORTAGE: "否", C.ADVANCE_PAID: "40000"},
        {C.CLASS_ID: "JC2023-02", C.OCCUPATION: "电工", C.LEVEL: "高级工", C.START_DATE: "2023-09-01",
         C.END_DATE: "2024-08-31", C.PLANNED: 10, C.COST_PER_PERSON: "6000", C.SHORTAGE: "是",
         C.ADVANCE_PAID: "25000"},
    ]
    for values in rows:
        row = classes.add_row()
        for column, value in values.items():
            classes.setData(classes.index(row, column), value)
    for number, name in enumerate(NAMES):
        status = "取证" if number < 8 else "退出"
        cert = f"GJ2024{number + 1:04d}" if number < 8 else ""
        window.document.roster.add_row(texts=[name, _id(number + 1), "JC2023-02", status, cert,
                                              "2023-08-01", "2026-07-31"])
    window.tables.select_class(0)
    window.resize(1600, 960)
    window.show()
    for _ in range(20):
        app.processEvents()
    target = ROOT / "docs" / "screenshot-main.png"
    window.grab().save(str(target))
    print(target, window.document.problems)
    window.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
