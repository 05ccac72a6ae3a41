"""A classes CSV as Chinese Excel writes it (GB18030, CRLF, dates like 2023/3/1) gives the same result as the
ISO-dated UTF-8 file; 2023年3月1日 and Excel serial numbers too; a bad date is refused naming its cell."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from subsidy_calc.exit_status import ExitStatus
from ui.entry import cli_main

HEADER = "班级编号,培训职业,培训等级,学徒类型,开班日期,结业日期,计划人数,取证人数,结业未取证人数,退出人数,已预支金额"
ROWS_ISO = (
    "A01,焊工,中级工,职工学徒,2023-03-01,2025-02-28,20,15,3,2,",
    "A02,电工,三级,职工学徒,2023-09-01,2024-08-31,10,8,1,1,25000",
)
# The same days: 2023-03-01 = Excel serial 44986, 2025-02-28 = 45716, 2023-09-01 = 45170, 2024-08-31 = 45535.
SPELLINGS = {
    "excel-slashes": {"2023-03-01": "2023/3/1", "2025-02-28": "2025/2/28", "2023-09-01": "2023/9/1",
                      "2024-08-31": "2024/8/31"},
    "chinese": {"2023-03-01": "2023年3月1日", "2025-02-28": "2025年2月28日", "2023-09-01": "2023年9月1日",
                "2024-08-31": "2024年8月31日"},
    "excel-serials": {"2023-03-01": "44986", "2025-02-28": "45716", "2023-09-01": "45170", "2024-08-31": "45535"},
    "dots": {"2023-03-01": "2023.3.1", "2025-02-28": "2025.2.28", "2023-09-01": "2023.9.1",
             "2024-08-31": "2024.8.31"},
}
CALC = ["--rules", "jinchang-2024", "--stage", "settlement", "--claim-date", "2025-03-10", "--json"]


def write(path: Path, rows: tuple[str, ...] | list[str], encoding: str, newline: str) -> Path:
    path.write_bytes(newline.join([HEADER, *rows, ""]).encode(encoding))
    return path


def calc_json(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    code = cli_main(["calc", str(path), *CALC])
    captured = capsys.readouterr()
    assert code == ExitStatus.OK, captured.err
    result: dict[str, Any] = json.loads(captured.out)
    return result


@pytest.mark.parametrize("spelling", sorted(SPELLINGS))
def test_chinese_excel_csv_gives_the_iso_result(spelling: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    iso = calc_json(write(tmp_path / "iso.csv", ROWS_ISO, "utf-8", "\n"), capsys)
    rows = list(ROWS_ISO)
    for iso_text, other in SPELLINGS[spelling].items():
        rows = [row.replace(iso_text, other) for row in rows]
    assert rows != list(ROWS_ISO)
    excel = calc_json(write(tmp_path / "excel.csv", rows, "gb18030", "\r\n"), capsys)
    assert excel == iso
    assert iso["payable"] == "95000.00" and [c["start_date"] for c in iso["classes"]] == ["2023-03-01", "2023-09-01"]


@pytest.mark.parametrize(("bad", "message"), [
    ("2023/2/30", "日期“2023/2/30”不存在"),
    ("2023年13月1日", "日期“2023年13月1日”不存在"),
    ("三月一日", "格式错误"),
])
def test_a_bad_date_is_refused_naming_its_cell(bad: str, message: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    rows = [ROWS_ISO[0], ROWS_ISO[1].replace("2023-09-01", bad)]
    code = cli_main(["calc", str(write(tmp_path / "bad.csv", rows, "gb18030", "\r\n")), *CALC])
    err = capsys.readouterr().err
    assert code == ExitStatus.BAD_INPUT
    assert "第 3 行 列“开班日期”" in err and message in err and "Traceback" not in err
