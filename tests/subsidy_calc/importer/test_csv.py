"""Roster CSVs in the encodings Chinese offices produce, and ones they should not."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest

from bench.samples import make_id
from subsidy_calc.enums import Stage
from subsidy_calc.importer import import_file
from subsidy_calc.input_errors import InputError
from subsidy_calc.models import Claim, TrainingClass

ID = make_id("110101", date(1995, 5, 17), 1)
TEXT = (f"班级编号,姓名,身份证号码,培训状态,证书号,合同开始日期,合同结束日期\r\n"
        f"C1,张三,{ID},取证,S1,2022-01-01,2027-12-31\r\n")
EXISTING = Claim(ruleset_id="jinchang-2024", stage=Stage.SETTLEMENT, classes=[
    TrainingClass(class_id="C1", occupation="电工", level="中级工", start_date=date(2023, 3, 1),
                  end_date=date(2025, 2, 28), planned=1)])


@pytest.mark.parametrize("encoded", [TEXT.encode("utf-8"), codecs.BOM_UTF8 + TEXT.encode("utf-8"),
                                     TEXT.encode("gb18030"), codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
                                     codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")])
def test_encodings(tmp_path: Path, encoded: bytes) -> None:
    path = tmp_path / "花名册.csv"
    path.write_bytes(encoded)
    result = import_file(path, existing_claim=EXISTING)
    assert result.problems == []
    assert [(p.name, p.id_number, p.contract_end) for p in result.roster] == [("张三", ID, date(2027, 12, 31))]


def test_utf16_without_bom_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(TEXT.encode("utf-16-le"))
    with pytest.raises(InputError, match=r"NUL|编码"):
        import_file(path)


def test_nul_bytes_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(b"\x00\x01\x02binary" * 100)
    with pytest.raises(InputError, match="二进制"):
        import_file(path)


def test_classes_csv_through_importer(tmp_path: Path) -> None:
    path = tmp_path / "classes.csv"
    path.write_text("班级编号,工种,等级,开始日期,结束日期,人数\nA,电工,四级,2023-03-01,2025-02-28,3\n"
                    "B,电工,五十级,2023-03-01,2025-02-28,3\n", encoding="utf-8")
    result = import_file(path)
    assert [c.class_id for c in result.classes] == ["A"]
    assert result.problems[0].row == 3 and result.problems[0].column == "培训等级"
