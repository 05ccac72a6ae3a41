"""The fast path equals the models' validation: same acceptance, same values (hypothesis)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from bench.samples import REGIONS, make_id
from subsidy_calc.identity import normalise_id_number
from subsidy_calc.importer.fastpath import fast_apprentice, fast_fields, fast_id_number
from subsidy_calc.models import Apprentice


def slow_id(text: str) -> str | None:
    try:
        return normalise_id_number(text)
    except ValueError:
        return None


valid_ids = st.builds(make_id, st.sampled_from([*REGIONS, "620302", "999999", "110000", "650000"]),
                      st.dates(date(1950, 1, 1), date(2012, 12, 31)), st.integers(0, 999))


def mutate(text: str, position: int, char: str) -> str:
    return text[:position] + char + text[position + 1:]


id_like = st.one_of(
    valid_ids,
    valid_ids.map(str.lower),
    st.builds(mutate, valid_ids, st.integers(0, 17), st.sampled_from("0123456789Xx ")),
    st.text(alphabet="0123456789Xx", min_size=16, max_size=19),
    st.text(max_size=20),
)


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
@given(id_like)
@example("11010119900307803X")
@example("11010119900230001X")
def test_fast_id_equals_stdnum(text: str) -> None:
    fast = fast_id_number(text)
    slow = slow_id(text)
    if fast is not None:
        assert fast == slow
    elif len(text) == 18 and set(text) <= set("0123456789Xx"):
        assert slow is None  # within its domain the fast check never defers valid IDs


text_values = st.one_of(
    st.sampled_from(["张三", "C1", "JC-2024-001", " 张三", "张三 ", "", "\u3000李四", "A\x1c", "\x85B", "x" * 50,
                     "x" * 51]),
    st.text(max_size=52),
)
statuses = st.one_of(st.sampled_from(["在训", "取证", "结业未取证", "退出", "已取证", "", "请假", " 取证"]),
                     st.text(max_size=6), st.none())
# Date cells as calamine gives them: dates, or plain numbers when the sheet stores Excel serials without a date
# format (integral floats and ints in and out of the serial range, fractions, yyyymmdd numbers, booleans).
serials = st.one_of(st.integers(19_990, 80_010), st.integers(19_990, 80_010).map(float),
                    st.floats(19_990, 80_010), st.sampled_from([20230301, 20230301.0, 0, -1, True, 1e300]))
dates = st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2035, 12, 31)), st.just(""), st.just("2024-01-01"),
                  serials)
months = st.one_of(st.none(), st.integers(-3, 603), st.sampled_from(["", "12", 12.0, 12.5, True, -1.0, 600.0, 601.0]),
                   st.floats(allow_nan=True, allow_infinity=True))


@st.composite
def rows(draw: st.DrawFn) -> dict[str, object]:
    values: dict[str, object] = {}
    for key, strategy in (("name", text_values), ("class_id", text_values), ("id_number", id_like),
                          ("status", statuses), ("certificate_no", st.one_of(text_values, st.none())),
                          ("contract_start", dates), ("contract_end", dates),
                          ("social_insurance_months", months)):
        if key in ("name", "class_id", "id_number") and draw(st.integers(0, 9)) == 0:
            continue
        if key not in ("name", "class_id", "id_number") and draw(st.booleans()):
            continue
        values[key] = draw(strategy)
    return values


@settings(max_examples=2000, suppress_health_check=[HealthCheck.too_slow])
@given(rows())
def test_fast_apprentice_equals_model_validate(values: dict[str, object]) -> None:
    fast = fast_apprentice(dict(values))
    try:
        slow: Apprentice | None = Apprentice.model_validate(values)
    except ValidationError:
        slow = None
    if fast is not None:
        assert slow is not None, values
        assert fast == slow
        assert fast.model_dump() == slow.model_dump()
        assert fast.model_fields_set == slow.model_fields_set
        assert fast.birth_date == slow.birth_date and fast.sex == slow.sex
        assert hash(fast) == hash(slow)


def test_fast_path_takes_ordinary_rows() -> None:
    values = {"name": "张三", "class_id": "C1", "id_number": make_id("110101", date(1990, 1, 1), 5),
              "status": "取证", "certificate_no": "S1", "contract_start": date(2022, 1, 1),
              "contract_end": date(2027, 1, 1)}
    fast = fast_apprentice(values)
    assert fast is not None and fast == Apprentice.model_validate(values)
    with_months = {**values, "social_insurance_months": 24}
    fast = fast_apprentice(with_months)
    assert fast is not None and fast == Apprentice.model_validate(with_months) and fast.social_insurance_months == 24


def test_excel_serial_dates_take_the_fast_path_with_the_parsers_value() -> None:
    values = {"name": "张三", "class_id": "C1", "id_number": make_id("110101", date(1990, 1, 1), 5),
              "contract_start": 44562.0, "contract_end": 46387}
    fast = fast_apprentice(values)
    assert fast is not None and fast == Apprentice.model_validate(values)
    assert (fast.contract_start, fast.contract_end) == (date(2022, 1, 1), date(2026, 12, 31))
    assert fast.model_fields_set == {"name", "class_id", "id_number", "contract_start", "contract_end"}
    for unusual in (44562.5, 20220101, True, 19_999):  # fraction, yyyymmdd, bool, out of range: the slow path
        assert fast_apprentice({**values, "contract_start": unusual}) is None


def test_fast_path_defers_whitespace_and_aliases() -> None:
    base: dict[str, object] = {"name": " 张三", "class_id": "C1", "id_number": make_id("110101", date(1990, 1, 1), 5)}
    assert fast_apprentice(base) is None
    assert Apprentice.model_validate(base).name == "张三"
    assert fast_apprentice({**base, "name": "张三", "status": "已取证"}) is None


def test_people_given_the_same_fields_share_a_set_that_nothing_changes() -> None:
    """fast_fields gives people with the same fields one fields_set: safe only while Apprentice is frozen and
    pydantic copies the set before changing it (model_copy). A pydantic upgrade that changes either fails here."""
    first = fast_fields("张三", make_id("110101", date(1990, 1, 1), 5), "C1", "取证", "S1")
    second = fast_fields("李四", make_id("110101", date(1991, 2, 3), 7), "C2", "在训", "S2")
    assert first is not None and second is not None
    assert first.model_fields_set is second.model_fields_set
    before = set(first.model_fields_set)
    with pytest.raises(ValidationError, match="frozen"):
        first.name = "王五"  # type: ignore[misc]
    copied = first.model_copy(update={"contract_start": date(2022, 1, 1)})
    revalidated = Apprentice.model_validate(first.model_dump())
    assert "contract_start" in copied.model_fields_set and revalidated == first
    assert first.model_fields_set == before and second.model_fields_set == before
