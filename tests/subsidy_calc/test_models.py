"""Domain models: strict validation with Chinese messages; roster and counts never disagree silently."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from subsidy_calc.enums import ApprenticeType, Outcome, SkillLevel, Stage
from subsidy_calc.identity import mask_id_number
from subsidy_calc.models import (
    Claim,
    Enterprise,
    TrainingClass,
    claim_consistency_problems,
    roster_counts,
    tally_roster,
)
from subsidy_calc.periods import whole_months
from subsidy_calc.pydantic_messages import describe_validation_error

from .factories import make_claim, make_class, make_roster


def test_dates_the_wrong_way_round_are_refused_in_chinese() -> None:
    with pytest.raises(ValidationError) as caught:
        make_class(start_date=date(2024, 5, 1), end_date=date(2024, 1, 1))
    assert "早于开班日期" in " ".join(describe_validation_error(caught.value))


def test_unknown_key_is_an_error() -> None:
    with pytest.raises(ValidationError) as caught:
        TrainingClass.model_validate({**make_class().model_dump(), "plannd": 3})
    assert "不认识的字段" in " ".join(describe_validation_error(caught.value))


@pytest.mark.parametrize(("text", "level"), [("中级工", SkillLevel.INTERMEDIATE), ("四级", SkillLevel.INTERMEDIATE),
                                             ("三级", SkillLevel.ADVANCED), ("技师", SkillLevel.TECHNICIAN),
                                             ("二级", SkillLevel.TECHNICIAN), ("一级", SkillLevel.SENIOR_TECHNICIAN),
                                             ("高级技师", SkillLevel.SENIOR_TECHNICIAN), ("高级", SkillLevel.ADVANCED)])
def test_both_level_names_mean_the_same_level(text: str, level: SkillLevel) -> None:
    assert make_class(level=text).level is level


def test_money_fields_are_exact_decimals() -> None:
    tc = make_class(cost_per_person="4500.10", advance_paid=Decimal("0.1"))
    assert tc.cost_per_person == Decimal("4500.10")
    with pytest.raises(ValidationError):
        make_class(advance_paid="-1")


def test_credit_code_is_checked_when_given() -> None:
    assert Enterprise(name="甲公司").credit_code == ""
    with pytest.raises(ValidationError, match="校验码"):
        Enterprise(name="甲公司", credit_code="91110108551385082A")


def test_roster_counts_replace_blank_typed_counts() -> None:
    roster = make_roster("A01", [Outcome.CERTIFIED] * 3 + [Outcome.DROPPED])
    claim = make_claim([make_class("A01")], roster=roster)
    counts = claim.counts_for(claim.classes[0])
    assert (counts.certified, counts.dropped, counts.total) == (3, 1, 4)


def test_roster_and_typed_counts_never_disagree_silently() -> None:
    roster = make_roster("A01", [Outcome.CERTIFIED] * 3)
    with pytest.raises(ValidationError, match="不一致"):
        make_claim([make_class("A01", certified=5)], roster=roster)


def test_roster_rows_must_belong_to_a_class() -> None:
    with pytest.raises(ValidationError, match="不存在"):
        make_claim([make_class("A01")], roster=make_roster("B09", [Outcome.CERTIFIED]))


def test_duplicate_class_ids_are_refused() -> None:
    with pytest.raises(ValidationError, match="重复"):
        make_claim([make_class("A01"), make_class("A01")])


def test_stage_and_type_parse_chinese() -> None:
    claim = Claim.model_validate({"ruleset_id": "wuhan", "stage": "清算", "classes": []})
    assert claim.stage is Stage.SETTLEMENT
    assert make_class(apprentice_type="学生学徒").apprentice_type is ApprenticeType.STUDENT


@pytest.mark.parametrize(
    ("start", "end", "months", "days"),
    [
        (date(2023, 3, 1), date(2025, 2, 28), 24, 0),
        (date(2023, 3, 15), date(2024, 3, 20), 12, 6),
        # a month from 31 January ends the day before 29 February (month ends are clamped)
        (date(2024, 1, 31), date(2024, 2, 28), 1, 0),
        (date(2024, 1, 31), date(2024, 2, 29), 1, 1),
        (date(2024, 1, 15), date(2024, 2, 13), 0, 30),
        (date(2024, 1, 1), date(2024, 1, 1), 0, 1),
        (date(2023, 1, 1), date(2024, 1, 31), 13, 0),
    ],
)
def test_whole_months_count_the_end_day(start: date, end: date, months: int, days: int) -> None:
    assert whole_months(start, end) == (months, days)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A01", "A02"]), st.integers(0, 5)), max_size=12))
def test_the_same_person_twice_in_a_class_is_named_by_both_positions(people: list[tuple[str, int]]) -> None:
    """The duplicate check looks at (class, ID number) pairs only when an ID number is on the roster twice: the
    messages are those of the plain pair-by-pair look, and the tally says whether anyone is there twice."""
    base = make_roster("A01", [Outcome.DROPPED] * 6)
    roster = [base[serial].model_copy(update={"class_id": class_id}) for class_id, serial in people]
    classes = [make_class("A01"), make_class("A02")]
    first: dict[tuple[str, str], int] = {}
    expected = []
    for number, person in enumerate(roster, start=1):
        key = (person.class_id, person.id_number)
        if key in first:
            expected.append(f"学徒名册第 {first[key]} 条与第 {number} 条是同一身份证号 "
                            f"{mask_id_number(person.id_number)}(班级“{person.class_id}”),同一人重复出现")
        first.setdefault(key, number)
    assert [p for p in claim_consistency_problems(classes, roster) if "重复出现" in p] == expected
    tally = tally_roster(roster)
    assert tally.ids_unique == (len({p.id_number for p in roster}) == len(roster))
    assert tally.counts == roster_counts(roster) and tally.describes(roster) and not tally.describes(list(roster))
