"""The CLI through a subprocess: calc (table and JSON), bad input exit 2, rules listing and checking."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from subsidy_calc.classes_csv import CLASS_HEADERS

ROOT = Path(__file__).resolve().parents[2]
HEADER = ",".join(CLASS_HEADERS[:13])


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env_python = sys.executable
    return subprocess.run(
        [env_python, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", timeout=60, cwd=ROOT,
    )


def write_csv(tmp_path: Path, *rows: str, encoding: str = "utf-8-sig", header: str = HEADER) -> Path:
    path = tmp_path / "classes.csv"
    path.write_bytes(("\n".join([header, *rows]) + "\n").encode(encoding))
    return path


GOOD_ROWS = (
    "A01,焊工,中级工,职工学徒,2023-03-01,2025-02-28,20,15,3,2,,否,",
    "A02,电工,三级,,2023-09-01,2024-08-31,10,8,1,1,,,25000",
)


def test_calc_json_settlement(tmp_path: Path) -> None:
    proc = run("calc", write_csv(tmp_path, *GOOD_ROWS), "--rules", "jinchang-2024", "--stage", "settlement",
               "--claim-date", "2025-03-10", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["ruleset"] == "jinchang-2024"
    assert data["stage"] == "settlement"
    assert (data["gross"], data["advance_paid"], data["payable"]) == ("160000.00", "65000.00", "95000.00")
    assert data["payable_in_words"] == "玖万伍仟元整"
    assert [c["class_id"] for c in data["classes"]] == ["A01", "A02"]
    assert data["classes"][0]["payable"] == "80000.00"
    assert "取证 15 人" in data["classes"][0]["explanation"]
    assert any("假设" in w for w in data["warnings"])


def test_calc_table_is_readable_and_gb18030_csv_is_read(tmp_path: Path) -> None:
    path = write_csv(tmp_path, *GOOD_ROWS, encoding="gb18030")
    proc = run("calc", path, "--rules", "nantong-2019", "--stage", "advance", "--claim-date", "2023-03-05")
    assert proc.returncode == 0, proc.stderr
    assert "65,000.00" in proc.stdout and "计算说明" in proc.stdout
    assert "肆万元整" in proc.stdout


# Worked by hand from the policy digest for the two classes below (claim date 2025-03-10). Shenzhen is not
# here: its document is in force from 2023-11-15, after these classes start (cases/shenzhen.toml covers it).
EXPECTED = {
    ("jinchang-2024", "advance"): ("65000.00", "25000.00", "40000.00"),
    ("jinchang-2024", "settlement"): ("160000.00", "65000.00", "95000.00"),
    ("nantong-2019", "advance"): ("65000.00", "25000.00", "40000.00"),
    ("nantong-2019", "settlement"): ("189000.00", "65000.00", "124000.00"),
    ("fujian-2019", "advance"): ("80000.00", "25000.00", "55000.00"),
    ("fujian-2019", "settlement"): ("198000.00", "75000.00", "123000.00"),
    ("wuhan", "advance"): ("80000.00", "25000.00", "55000.00"),
    # wuhan: 中级工 is capped at its standard 1 year (A01: 15 × 5000 + 3 × 4000), 高级工 A02 8 × 6000 + 4000
    ("wuhan", "settlement"): ("139000.00", "75000.00", "64000.00"),
    ("ruian", "advance"): ("0.00", "25000.00", "-25000.00"),
    ("ruian", "settlement"): ("166000.00", "25000.00", "141000.00"),
}


@pytest.mark.parametrize(("ruleset", "stage"), sorted(EXPECTED))
def test_every_shipped_rule_set_in_both_stages(tmp_path: Path, ruleset: str, stage: str) -> None:
    rows = ("A01,焊工,中级工,职工学徒,2023-03-01,2025-02-28,20,15,3,2,6000,否,",
            "A02,电工,高级工,,2023-09-01,2024-08-31,10,8,1,1,5000,,25000")
    proc = run("calc", write_csv(tmp_path, *rows), "--rules", ruleset, "--stage", stage,
               "--claim-date", "2025-03-10", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["stage"] == stage and data["ruleset"] == ruleset
    assert (data["gross"], data["advance_paid"], data["payable"]) == EXPECTED[(ruleset, stage)]


@pytest.mark.parametrize(
    ("row", "fragments"),
    [
        ("A01,焊工,五星,,2023-03-01,2025-02-28,20,,,,,,", ["第 2 行", "培训等级", "无法识别"]),
        ("A01,焊工,中级工,,2025-03-01,2023-02-28,20,,,,,,", ["第 2 行", "结业日期", "填反"]),
        ("A01,焊工,中级工,,2023/3/1x,2025-02-28,20,,,,,,", ["第 2 行", "开班日期", "YYYY-MM-DD"]),
        ("A01,焊工,中级工,,2023-03-01,2025-02-28,-3,,,,,,", ["第 2 行", "计划人数", "负数"]),
        ("A01,焊工,中级工,,2023-03-01,2025-02-28,20,,,,abc,,", ["第 2 行", "人均培训费用", "不是数字"]),
        ("A01,焊工,中级工,,2023-03-01,2025-02-28,20,,,,,也许,", ["第 2 行", "紧缺职业", "是 或 否"]),
        (",焊工,中级工,,2023-03-01,2025-02-28,20,,,,,,", ["第 2 行", "班级编号", "必须填写"]),
    ],
)
def test_bad_rows_exit_2_naming_row_column_and_problem(tmp_path: Path, row: str, fragments: list[str]) -> None:
    proc = run("calc", write_csv(tmp_path, row), "--rules", "wuhan", "--stage", "advance")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    for fragment in fragments:
        assert fragment in proc.stderr


def test_missing_column_unknown_rule_set_and_missing_file(tmp_path: Path) -> None:
    proc = run("calc", write_csv(tmp_path, "A01,焊工", header="班级编号,培训职业"), "--rules", "wuhan",
               "--stage", "advance")
    assert proc.returncode == 2 and "缺少必填列" in proc.stderr and "培训等级" in proc.stderr
    proc = run("calc", write_csv(tmp_path, *GOOD_ROWS), "--rules", "atlantis", "--stage", "advance")
    assert proc.returncode == 2 and "未知的规则集" in proc.stderr
    proc = run("calc", tmp_path / "nope.csv", "--rules", "wuhan", "--stage", "advance")
    assert proc.returncode == 2 and "找不到文件" in proc.stderr
    proc = run("calc", write_csv(tmp_path, *GOOD_ROWS), "--rules", "wuhan", "--stage", "later")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_binary_file_is_refused_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "classes.csv"
    path.write_bytes(b"\x00\x01\x02PK garbage")
    proc = run("calc", path, "--rules", "wuhan", "--stage", "advance")
    assert proc.returncode == 2 and "二进制" in proc.stderr


def test_result_with_errors_exits_1(tmp_path: Path) -> None:
    proc = run("calc", write_csv(tmp_path, "A01,焊工,技师,,2023-03-01,2025-02-28,20,,,,,,"), "--rules",
               "fujian-2019", "--stage", "advance", "--json")
    assert proc.returncode == 1
    assert any("未规定技师" in w for w in json.loads(proc.stdout)["warnings"])


def test_rules_lists_every_rule_set_with_status_and_source() -> None:
    proc = run("rules")
    assert proc.returncode == 0, proc.stderr
    for ruleset in ("jinchang-2024", "nantong-2019", "fujian-2019", "wuhan", "shenzhen", "ruian"):
        assert ruleset in proc.stdout
    assert "通人社职〔2019〕15号" in proc.stdout and "假设" in proc.stdout and "[默认]" in proc.stdout


def test_rules_check_reports_line_and_key(tmp_path: Path) -> None:
    good = ROOT / "rules" / "ruian.toml"
    assert run("rules", "--check", good).returncode == 0
    broken = tmp_path / "ruian.toml"
    broken.write_text(good.read_text(encoding="utf-8").replace("share = 0.6", "share = 6"), encoding="utf-8")
    proc = run("rules", "--check", broken)
    assert proc.returncode == 2
    assert "ruian.toml" in proc.stderr and "values.2020-01-01.rate.share" in proc.stderr and "行" in proc.stderr


def test_calc_never_imports_qt(tmp_path: Path) -> None:
    script = (
        "import sys, runpy; sys.argv=['main.py','rules']; "
        "import subsidy_calc.cli as c; c.main(['rules']); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
