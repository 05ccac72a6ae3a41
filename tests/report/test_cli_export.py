"""`main.py export` through a subprocess: files written, exit codes 0 / 1 / 2, nothing written on bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from subsidy_calc.claim_file import save_claim
from tests.report.conftest import pdftotext, squeeze
from tests.report.samples import make_claim

ROOT = Path(__file__).resolve().parents[2]
CLASSES_CSV = (
    "班级编号,培训职业,培训等级,学徒类型,开班日期,结业日期,计划人数,取证人数,结业未取证人数,退出人数,人均培训费用,紧缺职业,已预支金额\n"
    "A01,焊工,中级工,职工学徒,2023-03-01,2025-02-28,20,15,3,2,,否,40000\n"
)


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "export", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def classes_csv(tmp_path: Path) -> Path:
    path = tmp_path / "classes.csv"
    path.write_text(CLASSES_CSV, encoding="utf-8")
    return path


def test_export_all_three_from_csv(classes_csv, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    done = run(classes_csv, "--rules", "jinchang-2024", "--stage", "settlement", "--claim-date", "2025-03-10",
               "--pdf", out / "a.pdf", "--xlsx", out / "a.xlsx", "--csv", out / "a.csv",
               "--enterprise-name", "金昌测试有限公司", "--enterprise-code", "91620300MA71K8QP3T")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.csv", "a.pdf", "a.xlsx"]
    text = squeeze(pdftotext(out / "a.pdf"))
    assert "金昌测试有限公司" in text and "80,000.00" in text and "捌万元整" in text
    assert "91620300MA71K8QP3T" in text
    book = openpyxl.load_workbook(out / "a.xlsx")
    assert book["申请表"]["B1"].value is None and book["申请表"]["A1"].value.endswith("(清算)")
    assert (out / "a.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_export_from_claim_file_takes_rules_and_stage_from_it(tmp_path):
    claim_path = tmp_path / "claim.json"
    save_claim(claim_path, make_claim())
    done = run(claim_path, "--xlsx", tmp_path / "c.xlsx", "--full-ids")
    assert done.returncode == 0, done.stderr
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx")["学徒名册"]
    assert "*" not in sheet["D2"].value


def test_bad_enterprise_code_exits_2_and_writes_nothing(classes_csv, tmp_path):
    pdf = tmp_path / "x.pdf"
    done = run(classes_csv, "--rules", "jinchang-2024", "--stage", "settlement", "--pdf", pdf,
               "--enterprise-code", "91620300MA71K8QP3X")
    assert done.returncode == 2
    assert "统一社会信用代码" in done.stderr
    assert not pdf.exists()


def test_no_output_requested_exits_2(classes_csv):
    done = run(classes_csv, "--rules", "jinchang-2024", "--stage", "settlement")
    assert done.returncode == 2 and "--pdf" in done.stderr


def test_bad_input_file_exits_2_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("班级编号,培训职业,培训等级,开班日期,结业日期,计划人数\nA1,焊工,五星,2024-05-01,2024-01-01,x\n",
                   encoding="utf-8")
    done = run(bad, "--rules", "jinchang-2024", "--stage", "settlement", "--pdf", tmp_path / "x.pdf",
               "--csv", tmp_path / "x.csv")
    assert done.returncode == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]


def test_claim_with_errors_is_written_with_banner_and_exits_1(tmp_path):
    csv_path = tmp_path / "student.csv"
    # jinchang-2024 sets no rate for 初级工: the engine reports an ERROR notice for the class
    csv_path.write_text(CLASSES_CSV.replace("中级工", "初级工"), encoding="utf-8")
    pdf = tmp_path / "e.pdf"
    done = run(csv_path, "--rules", "jinchang-2024", "--stage", "settlement", "--pdf", pdf)
    assert done.returncode == 1, done.stderr
    assert "本申请存在错误,不可提交" in squeeze(pdftotext(pdf))


def test_spreadsheet_export_does_not_load_qt(classes_csv, tmp_path):
    code = (
        "import sys; from ui.entry import cli_main as main; "
        f"rc = main(['export', {str(classes_csv)!r}, '--rules', 'jinchang-2024', '--stage', 'settlement', "
        f"'--xlsx', {str(tmp_path / 'q.xlsx')!r}, '--csv', {str(tmp_path / 'q.csv')!r}]); "
        "assert rc == 0, rc; assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "q.xlsx").exists() and (tmp_path / "q.csv").exists()
