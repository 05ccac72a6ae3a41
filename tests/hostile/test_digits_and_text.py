"""Digits that look alike, control characters and hidden text in rosters and classes tables."""

from __future__ import annotations

from pathlib import Path

from subsidy_calc.classes_csv import CLASS_HEADERS

from .conftest import Probe
from .files import an_id, person, roster_book

FULL_WIDTH = {ord(d): 0xFF10 + int(d) for d in "0123456789"}
ARABIC_INDIC = {ord(d): 0x0660 + int(d) for d in "0123456789"}


def test_full_width_id_is_read_as_ascii_with_a_warning(tmp_path: Path, probe: Probe) -> None:
    path = roster_book(tmp_path / "full.xlsx", [person(id_number=an_id().translate(FULL_WIDTH))])
    answer = probe("import", path)
    assert answer.outcome == "accepted" and "imported 1 people" in answer.message
    assert "第 2 行 列“身份证号”:身份证号中的全角字符已转换为半角" in answer.message


def test_two_spellings_of_one_id_are_one_person_naming_both_rows(tmp_path: Path, probe: Probe) -> None:
    rows = [person(id_number=an_id()), person(name="张三2", id_number=an_id().translate(FULL_WIDTH)),
            person(name="张三3", id_number=an_id().lower())]
    answer = probe("import", roster_book(tmp_path / "twice.xlsx", rows))
    assert "imported 1 people" in answer.message
    assert "第 3 行 列“身份证号”:身份证号与第 2 行重复" in answer.message


def test_arabic_indic_digits_are_an_error_naming_the_cell(tmp_path: Path, probe: Probe) -> None:
    answer = probe("import", roster_book(tmp_path / "arabic.xlsx", [person(id_number=an_id().translate(ARABIC_INDIC))]))
    assert "imported 0 people" in answer.message
    assert "第 2 行 列“身份证号”:身份证号含有非标准数字“" in answer.message and "ARABIC-INDIC" in answer.message


def test_control_characters_in_a_name_are_refused(tmp_path: Path, probe: Probe) -> None:
    rows = [person(name="张\x00三", seq=1), person(name="李\u200b四", seq=2), person(name="王五", seq=3)]
    answer = probe("import", roster_book(tmp_path / "control.xlsx", rows))
    assert "imported 1 people" in answer.message
    assert "第 2 行 列“姓名”:含有控制字符或不可见字符(U+0000)" in answer.message
    assert "第 3 行 列“姓名”:含有控制字符或不可见字符(U+200B)" in answer.message


def _classes_csv(path: Path, planned: str, paid: str = "") -> Path:
    values = {"班级编号": "C1", "培训职业": "电工", "培训等级": "高级工", "开班日期": "2023-03-01",
              "结业日期": "2025-02-28", "计划人数": planned, "已预支金额": paid}
    path.write_text(",".join(CLASS_HEADERS) + "\n" + ",".join(values.get(h, "") for h in CLASS_HEADERS) + "\n",
                    encoding="utf-8")
    return path


def test_classes_csv_digits(tmp_path: Path, probe: Probe) -> None:
    args = ("calc", "{path}", "--rules", "jinchang-2024", "--stage", "advance")
    arabic = probe("cli", _classes_csv(tmp_path / "a.csv", "١٠"), *args)
    assert arabic.outcome == "exit 2" and "第 2 行 列“计划人数”:人数含有非标准数字“١”" in arabic.message
    full = probe("cli", _classes_csv(tmp_path / "f.csv", "１０", "２０００"), *args)
    assert full.outcome == "exit 0" and "全角字符已转换为半角" in full.message
    huge = probe("cli", _classes_csv(tmp_path / "h.csv", "9" * 5000), *args)
    assert huge.outcome == "exit 2" and "应为整数" in huge.message and "共 5,000 个字符" in huge.message
