"""Every field of the classes CSV with a wrong value → exit status 2 and the specific Chinese message, naming
the row and the column; never a traceback. In-process for the table, through a subprocess for a few."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from subsidy_calc.claim_file import claim_to_dict
from ui.entry import cli_main

from ..faults.helpers import big_claim
from .cases import GOOD_ROW, SWEEP, Bad, case_id, csv_text

ROOT = Path(__file__).resolve().parents[2]
CALC = ["--rules", "jinchang-2024", "--stage", "settlement", "--claim-date", "2025-03-10"]


def _csv(tmp_path: Path, bad: Bad) -> Path:
    path = tmp_path / "classes.csv"
    path.write_text(csv_text({**GOOD_ROW, bad.column: bad.value}), encoding="utf-8-sig")
    return path


def test_the_good_row_calculates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "classes.csv"
    path.write_text(csv_text(GOOD_ROW), encoding="utf-8")
    assert cli_main(["calc", str(path), *CALC, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["gross"] == "120000.00"  # 15 certified × 4000 × 2 years


@pytest.mark.parametrize("bad", SWEEP, ids=case_id)
def test_bad_value_in_process(tmp_path: Path, bad: Bad, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["calc", str(_csv(tmp_path, bad)), *CALC]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("错误:输入有误:")
    assert f"第 2 行 列“{bad.column}”:" in err
    assert bad.message in err, err
    assert "Traceback" not in err


@pytest.mark.parametrize("bad", [SWEEP[5], SWEEP[16], SWEEP[32]], ids=case_id)
def test_bad_value_through_a_real_process(tmp_path: Path, bad: Bad) -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "calc", str(_csv(tmp_path, bad)), *CALC],
                          capture_output=True, text=True, encoding="utf-8", timeout=60, cwd=ROOT)
    assert proc.returncode == 2
    assert bad.message in proc.stderr and f"列“{bad.column}”" in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_every_column_is_swept() -> None:
    assert {bad.column for bad in SWEEP} == set(GOOD_ROW)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("班级编号,培训职业\nA01,焊工\n", "列“培训等级”:缺少必填列"),
        (csv_text(GOOD_ROW).replace("在训人数", "在训人数,颜色") + "\n", "不认识的列"),
        ("", "是空的"),
        (csv_text(GOOD_ROW) + ",".join(GOOD_ROW.values()) + "\n", "与第 2 行的班级编号重复"),
    ],
    ids=["missing-column", "unknown-column", "empty-file", "duplicate-class"],
)
def test_bad_table_shape(tmp_path: Path, content: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "classes.csv"
    path.write_text(content, encoding="utf-8")
    assert cli_main(["calc", str(path), *CALC]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_binary_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "classes.csv"
    path.write_bytes(b"PK\x03\x04\x00\x00" + bytes(range(256)))
    assert cli_main(["calc", str(path), *CALC]) == 2
    assert "二进制内容" in capsys.readouterr().err


@pytest.mark.parametrize("where", [0, 7])
def test_wrong_id_check_digit_in_a_roster(tmp_path: Path, where: int, capsys: pytest.CaptureFixture[str]) -> None:
    """The classes CSV has no roster; a roster reaches the CLI in a claim file (and in a workbook)."""
    document = claim_to_dict(big_claim(n_classes=2, per_class=5))
    person = document["claim"]["roster"][where]
    person["id_number"] = person["id_number"][:17] + ("1" if person["id_number"][17] != "1" else "2")
    path = tmp_path / "申请.subsidy.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert cli_main(["calc", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"roster.{where}.id_number" in err and "身份证号校验位错误(GB 11643),请核对号码" in err
    assert "Traceback" not in err
