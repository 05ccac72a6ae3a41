"""The one date parser: every accepted spelling means the same day, anything else one Chinese message."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from subsidy_calc.dates import DateError, parse_date
from subsidy_calc.models import TrainingClass

MARCH_1 = date(2023, 3, 1)


@pytest.mark.parametrize("value", [
    "2023-03-01", "2023-3-1", "2023/3/1", "2023/03/01", "2023.3.1", "2023年3月1日", "2023年03月01日",
    " 2023 年 3 月 1 日 ", "20230301", 20230301, 44986, 44986.0, "44986", MARCH_1, datetime(2023, 3, 1, 0, 0),
])
def test_every_spelling_is_the_same_day(value: object) -> None:
    assert parse_date(value) == MARCH_1


@pytest.mark.parametrize(("value", "message"), [
    ("2023-02-30", "日期“2023-02-30”不存在,请核对年月日"),
    ("2023/13/1", "日期“2023/13/1”不存在"),
    ("昨天", "日期“昨天”格式错误,应为 YYYY-MM-DD"),
    ("2023-03", "格式错误"),
    ("", "日期未填写"),
    (True, "格式错误"),
    (44986.5, "格式错误"),
    (123, "格式错误"),  # not a plausible Excel serial for a training date
    ("１２３４５", "格式错误"),  # full-width digits are not silently read as a serial
    ("2023-03-01" * 100, "…"),  # a huge value is shown shortened
])
def test_anything_else_is_one_chinese_message(value: object, message: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(value)
    assert message in str(caught.value)
    assert len(str(caught.value)) < 200


def test_a_hand_edited_claim_file_accepts_the_same_spellings() -> None:
    tc = TrainingClass.model_validate({"class_id": "A", "occupation": "焊工", "level": "中级工",
                                       "start_date": "2023/3/1", "end_date": "2024年2月29日", "planned": 3})
    assert (tc.start_date, tc.end_date) == (MARCH_1, date(2024, 2, 29))
    assert tc.period.months == (12, 0)
