"""One meaning per digit: ASCII digits pass, full-width ones are folded, any other digit is refused."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bench.samples import make_id
from subsidy_calc.classes_csv import parse_count
from subsidy_calc.digits import ascii_digits, fold_full_width, is_ascii_digits
from subsidy_calc.identity import normalise_credit_code, normalise_id_number, same_person_key
from subsidy_calc.money import to_decimal

ID = make_id("110101", date(1995, 5, 17), 1)
FULL = fold_full_width(ID).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
ARABIC = ID.translate({ord(d): 0x0660 + int(d) for d in "0123456789"})


def test_full_width_is_folded_and_said() -> None:
    assert FULL != ID and ascii_digits(FULL, "身份证号") == (ID, True)
    assert ascii_digits(ID, "身份证号") == (ID, False)


@pytest.mark.parametrize("text", [ARABIC, "1²", "१२", "①"])
def test_other_digits_are_refused_naming_the_character(text: str) -> None:
    with pytest.raises(ValueError, match=r"非标准数字“.”\(U\+[0-9A-F]{4}"):
        ascii_digits(text, "身份证号")


def test_isdigit_alone_is_not_enough() -> None:
    assert "٣".isdigit() and not is_ascii_digits("٣") and is_ascii_digits("3")


def test_one_person_one_spelling() -> None:
    assert normalise_id_number(FULL) == ID == same_person_key(FULL) == same_person_key(ID.lower())
    with pytest.raises(ValueError, match="非标准数字"):
        normalise_id_number(ARABIC)
    assert normalise_credit_code("９１３５０１００Ｍ０００１００Ｙ４３") == "91350100M000100Y43"


def test_counts_and_money() -> None:
    assert parse_count("１２") == 12
    assert to_decimal("１２００.５０") == Decimal("1200.50")
    for bad in ("١٢", "1²"):
        with pytest.raises(ValueError, match="非标准数字"):
            parse_count(bad)
        with pytest.raises(ValueError, match="非标准数字"):
            to_decimal(bad)
    with pytest.raises(ValueError, match="应为整数"):
        parse_count("9" * 5000)


def test_pydantic_english_never_reaches_the_user() -> None:
    from subsidy_calc.pydantic_messages import chinese_message

    assert chinese_message({"type": "no_such_type", "msg": "Input should be a valid thing"}) == "取值无效"
    assert chinese_message({"type": "no_such_type", "msg": "班级编号重复"}) == "班级编号重复"
    assert chinese_message({"type": "finite_number", "msg": "Input should be a finite number"}) == "应为有限的数字"
