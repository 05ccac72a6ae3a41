"""Amounts in capitals by the banking convention, and exact decimal parsing."""

from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from subsidy_calc.money import (
    OUT_OF_RANGE_WORDS,
    amount_in_words,
    capitals_shown,
    format_yuan,
    to_decimal,
    totals_problem,
)


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("217500", "贰拾壹万柒仟伍佰元整"),
        ("15", "壹拾伍元整"),
        ("100005", "壹拾万零伍元整"),
        ("1005.50", "壹仟零伍元伍角"),
        ("1000000010", "壹拾亿零壹拾元整"),
        ("0", "零元整"),
        ("1010", "壹仟零壹拾元整"),
        ("10.5", "壹拾元伍角"),
        ("33333.30", "叁万叁仟叁佰叁拾叁元叁角"),
        ("47999.98", "肆万柒仟玖佰玖拾玖元玖角捌分"),
        ("1000.05", "壹仟元零伍分"),
        ("-4000", "负肆仟元整"),
        ("0.005", "壹分"),
    ],
)
def test_amount_in_words(amount: str, words: str) -> None:
    assert amount_in_words(Decimal(amount)) == words


def test_amount_in_words_refuses_absurd_amounts() -> None:
    with pytest.raises(ValueError, match="万亿"):
        amount_in_words(Decimal("1000000000000"))


def test_format_yuan() -> None:
    assert format_yuan(Decimal("1234567.5")) == "1,234,567.50"
    assert format_yuan(Decimal("-17000")) == "-17,000.00"
    assert format_yuan(Decimal("0.125"), thousands=False) == "0.13"


@pytest.mark.parametrize(("text", "value"), [("4,000", "4000"), ("¥5000.50", "5000.50"), (" 12元 ", "12")])
def test_to_decimal_accepts_what_people_type(text: str, value: str) -> None:
    assert to_decimal(text) == Decimal(value)


@pytest.mark.parametrize("bad", ["abc", "1e999999999", "NaN", 1.5, True])
def test_to_decimal_refuses_non_numbers_and_floats(bad: object) -> None:
    with pytest.raises(ValueError):
        to_decimal(bad)


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("100005000", "壹亿零伍仟元整"),
        ("400005830.94", "肆亿零伍仟捌佰叁拾元玖角肆分"),
        ("100010000", "壹亿零壹万元整"),
        ("101000", "壹拾万壹仟元整"),
        ("10", "壹拾元整"),
        ("0.5", "伍角"),
        ("-0.05", "负伍分"),
        ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ],
)
def test_zeros_between_sections_read_as_one_ling(amount: str, words: str) -> None:
    assert amount_in_words(Decimal(amount)) == words


@settings(deadline=None)  # cn2an compiles its regexes on first use (0.3-0.5 s): not our time to judge
@given(st.integers(min_value=0, max_value=10**14 - 1))
def test_capitals_agree_with_cn2an(cents_value: int) -> None:
    """cn2an is a maintained implementation of the convention; it only drops the 零 across an empty 万
    section of an amount of 亿 (壹亿伍仟元整 where banks write 壹亿零伍仟元整)."""
    amount = Decimal(cents_value) / 100
    yi, rest = divmod(cents_value // 100, 10**8)
    wan, units = divmod(rest, 10**4)
    expected = cn2an.an2cn(f"{amount:.2f}", "rmb")
    if yi and not wan and units >= 1000:
        expected = expected.replace("亿", "亿零", 1)
    assert amount_in_words(amount) == expected


def test_totals_problem_starts_at_a_trillion_and_capitals_shown_never_raises() -> None:
    assert totals_problem(Decimal("999999999999.99"), Decimal("-999999999999.99")) is None
    message = totals_problem(Decimal("1"), Decimal("-1000000000000"))
    assert message == "合计金额超过上限(上限 1,000,000,000,000 元,实际 1,000,000,000,000.00 元);请检查人数与金额"
    assert capitals_shown(Decimal("217500")) == amount_in_words(Decimal("217500"))
    assert capitals_shown(Decimal("999999999999.995")) == OUT_OF_RANGE_WORDS  # rounds to a trillion
    assert capitals_shown(Decimal("-1000000000000")) == OUT_OF_RANGE_WORDS
