"""Big and malformed tables (CSV classes and rosters), huge totals, and the largest inputs that are accepted."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from bench.samples import REGIONS, ROSTER_HEADERS, make_id
from subsidy_calc.classes_csv import CLASS_HEADERS
from subsidy_calc.importer.xlsxraw import write_raw_xlsx
from subsidy_calc.limits import MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS

from .conftest import Probe
from .files import an_id, class_row

CALC = ("calc", "{path}", "--rules", "jinchang-2024", "--stage", "settlement")
HEADER = "班级编号,培训职业,培训等级,开班日期,结业日期,计划人数,取证人数\n"


def test_million_row_classes_csv(tmp_path: Path, probe: Probe) -> None:
    path = tmp_path / "classes.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        for block in range(100):
            handle.write("".join(f"{block}.{n},电工,高级工,2023-03-01,2025-02-28,1,1\n" for n in range(10_000)))
    assert 30 * 1024 * 1024 < path.stat().st_size < 50 * 1024 * 1024
    answer = probe("cli", path, *CALC)
    assert answer.outcome == "exit 2" and f"数据行数超过上限(上限 {MAX_ROWS:,}" in answer.message


def test_csv_cell_longer_than_excel_allows(tmp_path: Path, probe: Probe) -> None:
    path = tmp_path / "cell.csv"
    path.write_text(HEADER + "C1,电" + "工" * 1_000_000 + ",高级工,2023-03-01,2025-02-28,10,10\n", encoding="utf-8")
    answer = probe("cli", path, *CALC)
    assert answer.outcome == "exit 2" and f"一个单元格的长度超过上限(上限 {MAX_CELL_CHARS:,}" in answer.message
    assert "field" not in answer.message and len(answer.message) < 2000


def test_csv_with_ten_thousand_columns(tmp_path: Path, probe: Probe) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(HEADER.strip() + "," + ",".join(f"x{i}" for i in range(10_000)) + "\n", encoding="utf-8")
    answer = probe("cli", path, *CALC)
    assert answer.outcome == "exit 2" and f"列数超过上限(上限 {MAX_COLUMNS} 列,实际 10,007 列)" in answer.message


def test_csv_with_binary_content_and_utf16_million_rows(tmp_path: Path, probe: Probe) -> None:
    binary = tmp_path / "binary.csv"
    binary.write_bytes(HEADER.encode() + b"\x00\x01\x02" * 1000)
    assert "二进制内容" in probe("cli", binary, *CALC).message
    utf16 = tmp_path / "roster16.csv"
    utf16.write_bytes(("班级编号,姓名,身份证号\n" + "C1,张三,1\n" * 300_000).encode("utf-16"))
    answer = probe("import", utf16)
    assert f"上限 {MAX_ROWS:,}" in answer.message


def test_totals_of_a_trillion_yuan_are_bad_input(tmp_path: Path, probe: Probe) -> None:
    path = tmp_path / "huge.csv"
    rows = "".join(f"C{i},电工,高级技师,2023-03-01,2025-02-28,100000,100000\n" for i in range(3000))
    path.write_text(HEADER + rows, encoding="utf-8")
    answer = probe("cli", path, *CALC)
    assert answer.outcome == "exit 2" and "合计金额超过上限(上限 1,000,000,000,000 元" in answer.message


def test_largest_roster_workbook_is_imported_and_calculated_within_bounds(tmp_path: Path, probe: Probe) -> None:
    """MAX_ROWS apprentices (≈ 11 MB): the biggest workbook the limits let through."""
    rows = [[f"C{n % 40}", "张三", make_id("110101", date(1990, 1, 1 + n % 28), n % 1000), "在训", "",
             date(2022, 1, 1), date(2030, 1, 1)] for n in range(MAX_ROWS)]
    for n, row in enumerate(rows):  # distinct people: the sequence and birth date cycle; vary the region too
        row[2] = make_id(REGIONS[n // 28_000],
                         date(1990, 1, 1 + n % 28), (n // 28) % 1000)
    classes = [class_row(f"C{c}", planned=MAX_ROWS // 40) for c in range(40)]
    path = tmp_path / "largest.xlsx"
    write_raw_xlsx(path, [("培训班", [list(CLASS_HEADERS), *classes]), ("学徒花名册", [list(ROSTER_HEADERS), *rows])])
    imported = probe("import", path)
    assert imported.outcome == "accepted" and f"imported {MAX_ROWS} people" in imported.message
    calculated = probe("cli", path, *CALC)
    assert calculated.outcome in ("exit 0", "exit 1"), calculated.message[:500]


def test_twenty_megabyte_claim_file_opens_within_bounds(tmp_path: Path, probe: Probe) -> None:
    people = [{"name": "张三", "id_number": make_id("110101", date(1990, 1, 1 + n // 1000), n % 1000), "class_id": "C1",
               "status": "在训", "contract_start": "2022-01-01", "contract_end": "2030-01-01"} for n in range(28_000)]
    people += [dict(p, id_number=make_id("620102", date(1991, 1, 1 + n // 1000), n % 1000)) for n, p in
               enumerate(people[:3_000])]
    classes = [{"class_id": f"C{c}", "occupation": "电工", "level": "高级工", "start_date": f"20{10 + c}-03-01",
                "end_date": f"20{10 + c}-12-31", "planned": 31_000} for c in range(3)]
    roster = [dict(p, class_id=f"C{c}") for c in range(3) for p in people]
    document = {"format": "subsidy-claim", "format_version": 1,
                "claim": {"ruleset_id": "jinchang-2024", "stage": "settlement", "classes": classes, "roster": roster}}
    path = tmp_path / "big.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    assert path.stat().st_size > 19 * 1024 * 1024
    opened = probe("open", path)
    assert opened.outcome == "accepted" and "93000 people" in opened.message
    assert probe("cli", path, "calc", "{path}").outcome in ("exit 0", "exit 1")


def test_claim_with_a_five_megabyte_name_gets_a_short_message(tmp_path: Path, probe: Probe) -> None:
    person = {"name": "张" * 5_000_000, "id_number": an_id(), "class_id": "C1"}
    document = {"format": "subsidy-claim", "format_version": 1,
                "claim": {"ruleset_id": "jinchang-2024", "stage": "settlement", "roster": [person] * 3,
                          "classes": [{"class_id": "C1", "occupation": "电工", "level": "高级工",
                                       "start_date": "2023-03-01", "end_date": "2025-02-28", "planned": 3}]}}
    path = tmp_path / "name.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    answer = probe("open", path)
    assert answer.outcome == "refused" and "过长(最多 50 个字符)" in answer.message and len(answer.message) < 2000
