"""Engine properties over random valid claims WITH rosters, under every shipped rule set."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings

from subsidy_calc.engine import calculate
from subsidy_calc.engine_people import KnownRoster
from subsidy_calc.enums import Stage
from subsidy_calc.models import Claim
from subsidy_calc.results import ClaimResult

from .strategies import CATALOG, claims

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CENT = Decimal("0.01")


def _calculate(claim: Claim) -> ClaimResult:
    return calculate(claim, CATALOG.get(claim.ruleset_id))


@SETTINGS
@given(claims())
def test_engine_never_raises_and_explains_every_line(claim: Claim) -> None:
    result = _calculate(claim)
    assert len(result.classes) == len(claim.classes)
    assert len(result.apprentices) == len(claim.roster)
    for line in result.classes:
        assert line.explanation.text()
        assert claim.ruleset_id in line.explanation.source
    assert result.payable_in_words
    assert _calculate(claim) == result  # pure: the same claim gives the same result


@SETTINGS
@given(claims())
def test_totals_equal_the_sum_of_lines(claim: Claim) -> None:
    result = _calculate(claim)
    assert result.gross == sum((line.gross for line in result.classes), Decimal(0))
    assert result.advance_paid == sum((line.advance_paid for line in result.classes), Decimal(0))
    assert result.payable == result.gross - result.advance_paid
    for line in result.classes:
        assert line.payable == line.gross - line.advance_paid
        if claim.stage is Stage.SETTLEMENT and line.outcome_amounts:
            assert line.gross == sum((o.amount for o in line.outcome_amounts), Decimal(0))


@SETTINGS
@given(claims(stages=(Stage.SETTLEMENT,)))
def test_apprentice_lines_add_up_to_class_lines_in_settlement(claim: Claim) -> None:
    result = _calculate(claim)
    for line in result.classes:
        people = [a for a in result.apprentices if a.class_id == line.class_id]
        if not people:
            assert not line.counts_from_roster
            continue
        assert line.counts_from_roster
        assert sum((a.amount for a in people), Decimal(0)) == line.gross
        for outcome_amount in line.outcome_amounts:
            assert sum(1 for a in people if a.outcome is outcome_amount.outcome) == outcome_amount.count


@SETTINGS
@given(claims())
def test_money_stays_exact_decimal_cents(claim: Claim) -> None:
    result = _calculate(claim)
    amounts = [result.gross, result.advance_paid, result.payable]
    for line in result.classes:
        amounts += [line.gross, line.advance_paid, line.payable, line.advance_per_person]
        amounts += [o.per_person for o in line.outcome_amounts] + [o.amount for o in line.outcome_amounts]
    amounts += [a.amount for a in result.apprentices]
    for amount in amounts:
        assert type(amount) is Decimal
        assert amount.is_finite() and amount == amount.quantize(CENT)


@SETTINGS
@given(claims())
def test_a_known_tally_gives_the_same_result(claim: Claim) -> None:
    """The tally a claim's construction made of its roster (Claim.tallied_rows) stands in for the engine's own."""
    rebuilt, tally = Claim.tallied_rows(enterprise=claim.enterprise, institution=claim.institution,
                                        ruleset_id=claim.ruleset_id, stage=claim.stage, claim_date=claim.claim_date,
                                        classes=claim.classes, roster=claim.roster)
    assert rebuilt == claim
    ruleset = CATALOG.get(claim.ruleset_id)
    assert calculate(rebuilt, ruleset, known=KnownRoster(tally)) == calculate(claim, ruleset)
