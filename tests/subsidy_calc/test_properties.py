"""Hypothesis properties of the engine over random claims under every shipped rule set."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from subsidy_calc.engine import calculate
from subsidy_calc.enums import ApprenticeType, SkillLevel, Stage
from subsidy_calc.models import Claim, TrainingClass
from subsidy_calc.rule_loading import load_catalog
from subsidy_calc.rule_rates import LevelRate, StudentAllowanceRate, StudentFlatRate, StudentLevelRate
from subsidy_calc.rule_schema import RuleSet

CATALOG = load_catalog()
RULESETS = sorted(CATALOG.rulesets)


@st.composite
def training_classes(draw: st.DrawFn, class_id: str = "A01") -> TrainingClass:
    start = draw(st.dates(min_value=date(2021, 1, 1), max_value=date(2025, 12, 31)))
    length = draw(st.integers(min_value=0, max_value=40 * 31))
    planned = draw(st.integers(min_value=1, max_value=200))
    counts = draw(st.lists(st.integers(min_value=0, max_value=planned), min_size=4, max_size=4))
    return TrainingClass(
        class_id=class_id,
        occupation="焊工",
        level=draw(st.sampled_from(list(SkillLevel))),
        apprentice_type=draw(st.sampled_from(list(ApprenticeType))),
        start_date=start,
        end_date=start + timedelta(days=length),
        planned=planned,
        certified=counts[0],
        completed_no_cert=counts[1],
        dropped=counts[2],
        in_training=counts[3],
        cost_per_person=draw(st.none() | st.decimals(min_value=0, max_value=20000, places=2)),
        shortage=draw(st.booleans()),
        advance_paid=draw(st.none() | st.decimals(min_value=0, max_value=500000, places=2)),
    )


@st.composite
def claims(draw: st.DrawFn) -> tuple[Claim, RuleSet]:
    ruleset = CATALOG.get(draw(st.sampled_from(RULESETS)))
    n = draw(st.integers(min_value=1, max_value=4))
    classes = [draw(training_classes(f"C{i}")) for i in range(n)]
    claim = Claim(
        ruleset_id=ruleset.id, stage=draw(st.sampled_from(list(Stage))),
        claim_date=draw(st.dates(min_value=date(2021, 1, 1), max_value=date(2028, 12, 31))), classes=classes,
    )
    return claim, ruleset


def _top_rate(ruleset: RuleSet) -> Decimal:
    top = Decimal(0)
    for values in ruleset.values.values():
        rate, student = values.rate, values.student_rate
        if isinstance(rate, LevelRate):
            rates = list(rate.levels.values())
        else:
            rates = [rate.cap or Decimal(20000), rate.full_upto or Decimal(0)]
        if isinstance(student, StudentLevelRate):
            rates += list(student.levels.values())
        elif isinstance(student, StudentFlatRate):
            rates.append(student.amount)
        elif isinstance(student, StudentAllowanceRate):
            rates.append(student.cap or student.floor or Decimal(0))
        rates += [o.rate for o in (values.outcomes.certified, values.outcomes.completed_no_cert) if o.rate]
        uplift = values.shortage.uplift if values.shortage is not None else Decimal(0)
        top = max(top, max(rates) * (1 + uplift))
    return top


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(claims())
def test_payable_is_gross_minus_advance_and_totals_are_sums(case: tuple[Claim, RuleSet]) -> None:
    claim, ruleset = case
    result = calculate(claim, ruleset)
    assert result.payable == result.gross - result.advance_paid
    assert result.gross == sum((line.gross for line in result.classes), Decimal(0))
    assert result.advance_paid == sum((line.advance_paid for line in result.classes), Decimal(0))
    for line in result.classes:
        assert line.payable == line.gross - line.advance_paid


@SETTINGS
@given(claims())
def test_no_line_exceeds_top_rate_times_maximum_period_times_headcount(case: tuple[Claim, RuleSet]) -> None:
    claim, ruleset = case
    result = calculate(claim, ruleset)
    for tc, line in zip(claim.classes, result.classes, strict=True):
        values = ruleset.values_on(tc.start_date)
        max_years = Decimal(values[1].period.max_months) / 12 if values else Decimal(0)
        heads = max(tc.planned, line.counts.total)
        assert 0 <= line.gross <= _top_rate(ruleset) * max_years * heads + Decimal("0.01") * heads


@SETTINGS
@given(claims())
def test_amounts_are_exact_cents(case: tuple[Claim, RuleSet]) -> None:
    claim, ruleset = case
    result = calculate(claim, ruleset)
    for amount in (result.gross, result.advance_paid, result.payable):
        assert isinstance(amount, Decimal)
        assert amount == amount.quantize(Decimal("0.01"))
    assert result.payable_in_words


@SETTINGS
@given(claims(), st.integers(min_value=0, max_value=3))
def test_one_more_certified_completer_never_lowers_gross(case: tuple[Claim, RuleSet], which: int) -> None:
    claim, ruleset = case
    index = which % len(claim.classes)
    tc = claim.classes[index]
    more = tc.model_copy(update={"certified": tc.certified + 1})
    bigger = claim.model_copy(update={"classes": [*claim.classes[:index], more, *claim.classes[index + 1:]]})
    assert calculate(bigger, ruleset).gross >= calculate(claim, ruleset).gross
