"""The command line on workbooks: calc --json carries the import counts, bad headers exit 2, template."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from bench.samples import make_roster_workbook
from subsidy_calc.register import Register

from .conftest import WriteBook, class_row, person

ROOT = Path(__file__).resolve().parents[3]


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SUBSIDY_CALC_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)


def test_calc_workbook_json(tmp_path: Path) -> None:
    info = make_roster_workbook(tmp_path / "r.xlsx", 40, 3, bad_rows=7, seed=3)
    done = run("calc", str(info.path), "--rules", "jinchang-2024", "--stage", "settlement", "--json",
               "--claim-date", "2025-03-31", data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["rows_imported"] == 43 and document["rows_rejected"] == 7
    assert sorted({p["row"] for p in document["problems"]}) == list(info.bad_row_numbers)
    assert {"row", "column", "problem", "sheet", "value"} <= set(document["problems"][0])
    assert sum(c["certified"] + c["completed_no_cert"] + c["dropped"] + c["in_training"]
               for c in document["classes"]) == 40


def test_calc_unknown_headers_exit_2(tmp_path: Path, write_book: WriteBook) -> None:
    path = write_book([class_row()], [person()], roster_headers=("班", "学员", "号码", "状态", "证书编号", "甲", "乙"))
    done = run("calc", str(path), "--rules", "jinchang-2024", "--stage", "advance", data_dir=tmp_path)
    assert done.returncode == 2
    assert "表头无法识别" in done.stderr and "身份证号" in done.stderr and "学员" in done.stderr


def test_calc_text_named_xlsx_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_text("hello", encoding="utf-8")
    done = run("calc", str(path), "--rules", "jinchang-2024", "--stage", "advance", data_dir=tmp_path)
    assert done.returncode == 2 and "不是有效的 Excel 文件" in done.stderr


def test_calc_roster_csv(tmp_path: Path, write_book: WriteBook) -> None:
    classes = tmp_path / "c.csv"
    classes.write_text("班级编号,培训职业,培训等级,开班日期,结业日期,计划人数\nC1,电工,中级工,2023-03-01,2025-02-28,2\n",
                       encoding="utf-8")
    done = run("calc", str(classes), "--rules", "jinchang-2024", "--stage", "advance", "--json", data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    roster = tmp_path / "r.csv"
    roster.write_text(f"班级编号,姓名,身份证号\nC1,张三,{person()[2]}\n", encoding="utf-8")
    done = run("calc", str(roster), "--rules", "jinchang-2024", "--stage", "advance", data_dir=tmp_path)
    assert done.returncode == 2 and "不存在" in done.stderr


def test_calc_prints_register_overlaps_without_recording(tmp_path: Path, write_book: WriteBook) -> None:
    path = write_book([class_row()], [person()])
    data = tmp_path / "data"
    done = run("calc", str(path), "--rules", "jinchang-2024", "--stage", "settlement", data_dir=data)
    assert done.returncode == 0 and not (data / "register.sqlite3").exists()
    from subsidy_calc.enums import Stage
    from subsidy_calc.importer import import_file

    other = import_file(write_book([class_row("Z")], [person("Z")])).to_claim(
        "jinchang-2024", Stage.SETTLEMENT, date(2025, 3, 1))
    with Register(data / "register.sqlite3") as register:
        register.record_claim(other, "other-claim.json")
    done = run("calc", str(path), "--rules", "jinchang-2024", "--stage", "settlement", "--json", data_dir=data)
    assert done.returncode == 0
    assert "重复申领" in done.stderr and "other-claim.json" in done.stderr
    json.loads(done.stdout)


def test_template_command(tmp_path: Path) -> None:
    out = tmp_path / "模板.xlsx"
    done = run("template", str(out), data_dir=tmp_path)
    assert done.returncode == 0 and out.exists()
    assert run("template", str(tmp_path / "x.txt"), data_dir=tmp_path).returncode == 2


def test_calc_utf16_roster_csv_reaches_the_importer(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes("班级编号,姓名,身份证号\nC1,张三,1\n".encode("utf-16"))
    done = run("calc", str(path), "--rules", "jinchang-2024", "--stage", "advance", data_dir=tmp_path)
    assert done.returncode == 2 and "不存在" in done.stderr and "二进制" not in done.stderr
