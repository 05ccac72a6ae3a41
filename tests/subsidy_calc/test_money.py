"""Amounts in capitals by the banking convention, and exact decimal parsing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from subsidy_calc.money import amount_in_words, format_yuan, to_decimal


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
