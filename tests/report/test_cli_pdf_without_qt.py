"""`export --pdf` on the command line loads no Qt and nothing of the window (`ui.report`): the PDF is drawn by
the core with ReportLab, so it works in a console, a service or a server without any display or Qt platform
plugin."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_pdf_export_never_loads_qt(tmp_path: Path) -> None:
    csv = tmp_path / "classes.csv"
    csv.write_text("班级编号,培训职业,培训等级,开班日期,结业日期,计划人数,取证人数\n"
                   "A01,焊工,中级工,2023/3/1,2024/2/29,10,8\n", encoding="utf-8")
    out = tmp_path / "申请表.pdf"
    code = (
        "import sys; from ui.entry import cli_main; "
        f"rc = cli_main(['export', {str(csv)!r}, '--rules', 'jinchang-2024', '--stage', 'settlement', "
        f"'--pdf', {str(out)!r}]); "
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui.report'))); "
        "print(rc, qt); sys.exit(0 if rc == 0 and not qt else 1)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DISPLAY", "WAYLAND"))}
    env["SUBSIDY_CALC_DATA_DIR"] = str(tmp_path / "data")  # no display, no Qt platform: not needed
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert out.read_bytes().startswith(b"%PDF-")
