"""Resident ID numbers (GB 11643) and unified social credit codes (GB 32100)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import numdb
from stdnum.cn import ric
from stdnum.exceptions import InvalidComponent

from subsidy_calc import identity
from subsidy_calc.identity import (
    birth_date_of,
    id_check_digit,
    mask_id_number,
    normalise_credit_code,
    normalise_id_number,
    sex_of,
)

from .factories import make_id


def test_valid_id_number_is_normalised_and_decoded() -> None:
    number = make_id(date(1990, 1, 1), 123)[:-1]
    number += id_check_digit(number)
    assert normalise_id_number(" " + number.lower() + " ") == number.upper()
    assert birth_date_of(number) == date(1990, 1, 1)
    assert sex_of(number) == "男"  # 17th digit 3 is odd


def test_x_check_character_is_accepted_in_either_case() -> None:
    # 11010519491231002X is the textbook example of GB 11643
    assert normalise_id_number("11010519491231002x") == "11010519491231002X"
    assert sex_of("11010519491231002X") == "女"


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("1101051949123100", "应为18位"),
        ("11010519491231002Y", "格式错误"),
        ("110105194912310021", "校验位错误"),
        ("110105194913310021", "出生日期"),
        ("990105194912310023", "行政区划代码"),
    ],
)
def test_bad_id_numbers_say_what_is_wrong(number: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        normalise_id_number(number)


@given(st.dates(min_value=date(1930, 1, 1), max_value=date(2010, 12, 31)), st.integers(0, 999))
def test_check_digit_agrees_with_python_stdnum(born: date, serial: int) -> None:
    body = f"620302{born:%Y%m%d}{serial:03d}"
    assert id_check_digit(body) == ric.calc_check_digit(body + "0")  # stdnum drops the last character


def test_mask_keeps_region_and_last_four() -> None:
    assert mask_id_number("62010219900101123X") == "620102********123X"


def test_credit_code() -> None:
    assert normalise_credit_code("91110108551385082q") == "91110108551385082Q"
    with pytest.raises(ValueError, match="校验码错误"):
        normalise_credit_code("91110108551385082A")
    with pytest.raises(ValueError, match="应为18位"):
        normalise_credit_code("9111010855138508")


def test_older_people_keep_region_codes_created_after_their_birth() -> None:
    # 620102 (兰州城关区) dates from 1983 in stdnum's table; a Lanzhou native born in 1970 holds it anyway.
    body = "62010219700101123"
    number = body + id_check_digit(body)
    with pytest.raises(InvalidComponent):
        ric.validate(number)
    assert normalise_id_number(number) == number


def _numdb_known(code: str) -> bool:
    info = {k: v for _, props in numdb.get("cn/loc").info(code) for k, v in props.items()}
    return "county" in info


def test_region_table_read_from_the_file_equals_stdnum_numdb() -> None:
    """identity reads stdnum's cn/loc.dat itself (fast); it must answer exactly as stdnum.numdb does."""
    counties = identity._county_codes()
    assert counties is not None and len(counties) > 3000
    every_listed = sorted(counties)
    neighbours = [f"{int(c) + d:06d}" for c in every_listed[::7] for d in (-1, 1, 50)]
    for code in [*every_listed, *neighbours, "000000", "110000", "990105", "620302", "620102", "820000"]:
        assert (code in counties) == _numdb_known(code), code


def test_region_check_falls_back_to_stdnum_when_the_file_cannot_be_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(identity, "_region_cache", {})
    monkeypatch.setattr(identity, "_county_codes", lambda: None)
    assert identity.region_known("620302") and not identity.region_known("990105")
