"""The engine: explanations, roster lines, person checks, notices."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from subsidy_calc.engine import calculate
from subsidy_calc.enums import Outcome, Stage
from subsidy_calc.export.summary import build_summary
from subsidy_calc.models import Apprentice
from subsidy_calc.money import OUT_OF_RANGE_WORDS, totals_problem
from subsidy_calc.results import Severity
from subsidy_calc.rule_loading import load_catalog

from .factories import make_claim, make_class, make_id, make_roster

CATALOG = load_catalog()
JINCHANG = CATALOG.get("jinchang-2024")


def test_explanation_names_inputs_rate_period_factors_and_clause() -> None:
    claim = make_claim([make_class("A01", certified=15, completed_no_cert=3, dropped=2)])
    line = calculate(claim, JINCHANG).line("A01")
    text = line.explanation.text()
    for fragment in ("A01", "焊工", "中级工", "计划 20 人", "24 个整月", "4,000.00 元/人·年", "取证 15 人 × 8,000.00",
                     "系数 0", "jinchang-2024", f"版本 {JINCHANG.version}", "2021-01-01", "120,000.00", "80,000.00"):
        assert fragment in text, fragment


def test_roster_lines_carry_each_persons_share_and_add_up_to_the_class() -> None:
    statuses = [Outcome.CERTIFIED] * 4 + [Outcome.COMPLETED_NO_CERT, Outcome.DROPPED, Outcome.IN_TRAINING]
    roster = make_roster("A01", statuses)
    claim = make_claim([make_class("A01", planned=7, advance_paid="14000")], roster=roster)
    result = calculate(claim, JINCHANG)
    line = result.line("A01")
    assert line.counts_from_roster and line.counts.certified == 4
    assert [a.amount for a in result.apprentices] == [Decimal("8000.00")] * 4 + [Decimal("0.00")] * 3
    assert sum(a.amount for a in result.apprentices) == line.gross == Decimal("32000.00")
    assert result.payable == Decimal("18000.00")
    assert any("仍在训" in n.message for n in result.all_notices())


def test_advance_stage_roster_lines_show_the_advance_per_head() -> None:
    roster = make_roster("A01", [Outcome.IN_TRAINING] * 3)
    claim = make_claim([make_class("A01", planned=3)], stage=Stage.ADVANCE, roster=roster,
                       claim_date=date(2023, 3, 2))
    result = calculate(claim, JINCHANG)
    assert [a.amount for a in result.apprentices] == [Decimal("2000.00")] * 3
    assert result.gross == Decimal("6000.00")


def test_person_checks_age_certificate_and_contract() -> None:
    young = Apprentice(name="小王", id_number=make_id(date(2008, 6, 1), 11), class_id="A01",
                       status=Outcome.CERTIFIED)
    short = Apprentice(name="老李", id_number=make_id(date(1980, 6, 1), 12), class_id="A01",
                       status=Outcome.CERTIFIED, certificate_no="Z1",
                       contract_start=date(2023, 1, 1), contract_end=date(2023, 6, 30))
    claim = make_claim([make_class("A01", planned=2, advance_paid="0")], roster=[young, short])
    notices = calculate(claim, JINCHANG).all_notices()
    messages = [n.message for n in notices]
    assert any("小王 开班时 14 岁,未满 16 岁" in m for m in messages)
    assert any("小王 状态为取证,但未填写证书编号" in m for m in messages)
    assert any("老李 劳动合同" in m and "不满 12 个月" in m for m in messages)
    assert any(n.severity is Severity.ERROR for n in notices)


def test_the_claim_the_day_before_a_sixteenth_birthday_is_flagged_and_on_it_is_not() -> None:
    start = date(2023, 3, 1)
    for born, flagged in ((date(2007, 3, 2), True), (date(2007, 3, 1), False)):
        person = Apprentice(name="甲", id_number=make_id(born, 1), class_id="A01", status=Outcome.DROPPED)
        claim = make_claim([make_class("A01", start_date=start, planned=1, advance_paid="0")], roster=[person])
        assert any("未满 16 岁" in n.message for n in calculate(claim, JINCHANG).all_notices()) is flagged


def test_assumed_rule_set_and_outdated_parameters_are_flagged() -> None:
    claim = make_claim([make_class("A01", certified=1, advance_paid="0")], claim_date=date(2027, 2, 1))
    messages = " ".join(n.message for n in calculate(claim, JINCHANG).notices)
    assert "含有假设内容" in messages
    assert "2026-12-31 前复核" in messages


def test_class_before_the_rule_set_took_effect_is_an_error() -> None:
    claim = make_claim([make_class("A01", start_date=date(2018, 1, 1), end_date=date(2018, 12, 31),
                                   certified=1, advance_paid="100")], ruleset_id="nantong-2019")
    result = calculate(claim, CATALOG.get("nantong-2019"))
    assert result.has_errors
    assert result.gross == 0 and result.payable == Decimal("-100")


def test_ruleset_mismatch_is_an_error() -> None:
    claim = make_claim([make_class("A01", certified=1)], ruleset_id="wuhan")
    assert calculate(claim, JINCHANG).has_errors


def test_no_classes_is_an_error() -> None:
    assert calculate(make_claim([]), JINCHANG).has_errors


def test_shortage_flag_without_uplift_rule_warns() -> None:
    claim = make_claim([make_class("A01", certified=1, shortage=True, advance_paid="0")])
    result = calculate(claim, JINCHANG)
    assert result.gross == Decimal("8000.00")
    assert any("没有紧缺职业上浮" in n.message for n in result.all_notices())


def test_calculation_is_deterministic() -> None:
    claim = make_claim([make_class("A01", certified=3), make_class("B02", certified=2)])
    assert calculate(claim, JINCHANG) == calculate(claim, JINCHANG)


def test_engine_cache_gives_the_same_result_and_forgets_another_rule_set() -> None:
    from subsidy_calc.engine import EngineCache

    cache = EngineCache()
    claim = make_claim([make_class("A01", certified=3), make_class("B02", certified=2, level="高级工")])
    assert calculate(claim, JINCHANG, cache) == calculate(claim, JINCHANG)
    edited = claim.model_copy(update={"classes": [claim.classes[0], make_class("B02", certified=1, level="高级工")]})
    assert calculate(edited, JINCHANG, cache) == calculate(edited, JINCHANG)
    nantong = CATALOG.get("nantong-2019")
    other = edited.model_copy(update={"ruleset_id": "nantong-2019"})
    assert calculate(other, nantong, cache) == calculate(other, nantong)


def test_apprentice_lines_are_made_on_demand_in_roster_order() -> None:
    roster = make_roster("A01", [Outcome.DROPPED, Outcome.CERTIFIED])
    result = calculate(make_claim([make_class("A01", planned=2, advance_paid="0")], roster=roster), JINCHANG)
    assert [(a.roster_index, a.name, a.amount) for a in result.apprentices] == [
        (0, roster[0].name, Decimal("0.00")), (1, roster[1].name, Decimal("8000.00"))]


def test_one_person_in_two_overlapping_classes_is_an_error() -> None:
    person = make_roster("A01", [Outcome.CERTIFIED])[0]
    twin = person.model_copy(update={"class_id": "B02"})
    later = person.model_copy(update={"class_id": "C03"})
    classes = [make_class("A01", planned=1, advance_paid="0"),
               make_class("B02", planned=1, advance_paid="0", start_date=date(2024, 1, 1)),
               make_class("C03", planned=1, advance_paid="0", start_date=date(2025, 3, 1),
                          end_date=date(2025, 12, 31))]
    result = calculate(make_claim(classes, roster=[person, twin, later], claim_date=date(2026, 1, 10)), JINCHANG)
    overlaps = [n for n in result.all_notices() if "培训期重叠" in n.message]
    assert len(overlaps) == 1 and "A01" in overlaps[0].message and "B02" in overlaps[0].message
    assert overlaps[0].severity is Severity.ERROR and person.id_number not in overlaps[0].message


def test_totals_of_a_trillion_yuan_or_more_are_an_error_of_the_claim() -> None:
    """One rule (money.totals_problem) for the engine's ERROR, the window and the command line's refusal."""
    ruleset = load_catalog().get("jinchang-2024")
    near = make_claim([make_class("A01", advance_paid=Decimal("999999999999.99"))])
    assert not any("合计金额" in n.message for n in calculate(near, ruleset).notices)
    over = make_claim([make_class("A01", advance_paid=Decimal("900000000000")),
                       make_class("A02", advance_paid=Decimal("900000000000"))])
    result = calculate(over, ruleset)
    errors = [n.message for n in result.notices if n.severity is Severity.ERROR and "合计金额" in n.message]
    assert errors == [totals_problem(result.gross, result.advance_paid, result.payable)]
    assert "请检查人数与金额" in errors[0] and result.has_errors
    assert result.payable_in_words == OUT_OF_RANGE_WORDS
    summary = build_summary(over, result, ruleset)
    assert summary.totals.payable_words == OUT_OF_RANGE_WORDS
    assert any("合计金额" in line for line in summary.notices)
