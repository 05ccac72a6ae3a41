"""The classes table's optional columns added for the new rules: hours per year and the monthly allowance."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from bench.samples import make_id
from subsidy_calc.classes_csv import parse_class_row, read_classes_csv
from subsidy_calc.enums import Stage
from subsidy_calc.importer import import_file
from subsidy_calc.input_errors import InputProblem
from subsidy_calc.models import Claim, TrainingClass

ROW = {"班级编号": "C1", "培训职业": "电工", "培训等级": "中级工", "开班日期": "2024-03-01",
       "结业日期": "2025-02-28", "计划人数": "10"}


def test_hours_and_allowance_are_read(tmp_path: Path) -> None:
    path = tmp_path / "classes.csv"
    path.write_text("班级编号,培训职业,培训等级,开班日期,结业日期,计划人数,集中授课学时,岗位实操学时,学徒月实习津贴\n"
                    "C1,电工,中级工,2024-03-01,2025-02-28,10,120学时,200,\"2,500\"\n", encoding="utf-8")
    [tc] = read_classes_csv(path)
    assert (tc.classroom_hours, tc.practice_hours, tc.monthly_allowance) == (120, 200, Decimal(2500))


def test_blank_hours_stay_unknown() -> None:
    tc = parse_class_row(ROW, 2)
    assert isinstance(tc, TrainingClass) and tc.classroom_hours is None and tc.monthly_allowance is None


@pytest.mark.parametrize(("header", "text", "fragment"), [
    ("集中授课学时", "一百", "应为整数"), ("岗位实操学时", "-5", "不能为负数"), ("学徒月实习津贴", "-1", "不能为负数"),
])
def test_bad_values_name_the_column(header: str, text: str, fragment: str) -> None:
    problems = parse_class_row({**ROW, header: text}, 2)
    assert isinstance(problems, list)
    assert any(isinstance(p, InputProblem) and p.column == header and fragment in p.message for p in problems)


def test_social_insurance_months_are_read_from_the_roster(tmp_path: Path) -> None:
    person = make_id("110101", date(1995, 5, 17), 1)
    path = tmp_path / "花名册.csv"
    path.write_text(f"班级编号,姓名,身份证号,社保连续缴费月数\nC1,张三,{person},18\n", encoding="utf-8")
    claim = Claim(ruleset_id="jinchang-2024", stage=Stage.SETTLEMENT, classes=[
        TrainingClass(class_id="C1", occupation="电工", level="中级工", start_date=date(2023, 3, 1),
                      end_date=date(2025, 2, 28), planned=1)])
    result = import_file(path, existing_claim=claim)
    assert result.problems == [] and result.roster[0].social_insurance_months == 18
