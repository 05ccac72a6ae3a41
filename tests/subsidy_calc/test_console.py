"""The CLI on a Chinese Windows console or pipe (cp936/GBK) or a Western one (cp1252), simulated with
PYTHONIOENCODING: it never crashes, the text stays right, and the exit status keeps its documented meaning."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from subsidy_calc.console import ERROR_HANDLER
from subsidy_calc.exit_status import ExitStatus

ROOT = Path(__file__).resolve().parents[2]
# Settlement of a class where most apprentices left: 16,000 earned, 60,000 advanced → 44,000 to refund.
REFUND_CSV = (
    "班级编号,培训职业,培训等级,学徒类型,开班日期,结业日期,计划人数,取证人数,结业未取证人数,退出人数,已预支金额\n"
    "A01,焊工,中级工,职工学徒,2023-03-01,2025-02-28,20,2,0,18,60000\n"
)
CALC = ["calc", "--rules", "jinchang-2024", "--stage", "settlement", "--claim-date", "2025-03-10"]


def run_in_console(encoding: str, tmp_path: Path, *extra: str, csv: str = REFUND_CSV) -> tuple[int, str, str]:
    source = tmp_path / "classes.csv"
    source.write_text(csv, encoding="utf-8")
    env = os.environ | {"PYTHONIOENCODING": encoding, "SUBSIDY_CALC_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), CALC[0], str(source), *CALC[1:], *extra],
                          capture_output=True, env=env, timeout=60, cwd=tmp_path)
    return proc.returncode, proc.stdout.decode(encoding), proc.stderr.decode(encoding)


def test_refund_settlement_through_a_cp936_pipe(tmp_path: Path) -> None:
    code, out, err = run_in_console("cp936", tmp_path)
    assert code == ExitStatus.OK, err
    assert "Traceback" not in err and "?" not in out
    assert "A01       焊工      中级工    24  16,000.00  60,000.00  -44,000.00" in out
    assert "应得 16,000.00 元 - 已预支 60,000.00 元 = 本次应付 -44,000.00 元(应退回 44,000.00 元)" in out
    assert "本次应付(大写):负肆万肆仟元整" in out and "应退回:44,000.00 元" in out


def test_json_through_a_cp936_pipe_is_valid_and_exact(tmp_path: Path) -> None:
    code, out, err = run_in_console("cp936", tmp_path, "--json")
    assert code == ExitStatus.OK, err
    data = json.loads(out)
    assert (data["gross"], data["advance_paid"], data["payable"]) == ("16000.00", "60000.00", "-44000.00")
    assert data["refund_owed"] is True and data["payable_in_words"] == "负肆万肆仟元整"


def test_cp1252_console_keeps_amounts_and_exit_status(tmp_path: Path) -> None:
    code, out, err = run_in_console("cp1252", tmp_path)
    assert code == ExitStatus.OK, err
    assert "Traceback" not in err
    assert "16,000.00  60,000.00  -44,000.00" in out  # Chinese becomes "?", amounts stay exact
    assert "?? 16,000.00 ? - ??? 60,000.00 ? = ???? -44,000.00 ?" in out


def test_bad_input_through_cp936_still_exits_2_with_a_readable_message(tmp_path: Path) -> None:
    code, _out, err = run_in_console("cp936", tmp_path, csv=REFUND_CSV.replace("2023-03-01", "2023-13-45"))
    assert code == ExitStatus.BAD_INPUT
    assert "开班日期" in err and "Traceback" not in err


@pytest.mark.parametrize(("encoding", "text", "expected"), [
    ("gbk", "应得 − 已预支 ¥1 𠮷", "应得 - 已预支 ￥1 ?"),
    ("cp1252", "− ¥1 ￥2 元/人·年", "- ¥1 ¥2 ?/?·?"),
    ("ascii", "− ¥1 “a”", "- Y1 \"a\""),
])
def test_stand_ins_fit_the_code_page(encoding: str, text: str, expected: str) -> None:
    assert text.encode(encoding, errors=ERROR_HANDLER) == expected.encode(encoding)
