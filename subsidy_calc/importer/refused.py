"""People a roster import refused, and what each would have earned at settlement under the rule set.

HR staff should see what a refused row costs before they accept an import: a person left out by a typo in an
ID number is money left out of the claim. The amount is the engine's own: the settlement line of the person's
class with that one person in their outcome (an unknown outcome counts as 在训, as the roster does).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..engine import class_line
from ..enums import Outcome, Stage
from ..models import OutcomeCounts, TrainingClass
from ..rule_schema import RuleSet


@dataclass(frozen=True, slots=True)
class RefusedPerson:
    """A roster row that was not imported, as typed: its row number, name, class id and status."""

    sheet: str
    row: int
    name: str
    class_id: str
    status: str


@dataclass(frozen=True, slots=True)
class RefusedWorth:
    """A refused person whose class is known, and what they would have earned at settlement."""

    person: RefusedPerson
    outcome: Outcome
    amount: Decimal


def _outcome(status: str) -> Outcome:
    try:
        return Outcome.parse(status) if status.strip() else Outcome.IN_TRAINING
    except ValueError:
        return Outcome.IN_TRAINING


def refused_worth(people: list[RefusedPerson], classes: dict[str, TrainingClass], ruleset: RuleSet,
                  claim_date: date) -> list[RefusedWorth]:
    """Each refused person of a known class with their settlement amount (people of unknown classes are left
    out: nothing can be said of them)."""
    cache: dict[tuple[str, Outcome], Decimal] = {}
    worth: list[RefusedWorth] = []
    for person in people:
        tc = classes.get(person.class_id)
        if tc is None:
            continue
        outcome = _outcome(person.status)
        key = (tc.class_id, outcome)
        if key not in cache:
            counts = OutcomeCounts(**{outcome.value: 1})
            cache[key] = class_line(tc, counts, True, Stage.SETTLEMENT, claim_date, ruleset).gross
        worth.append(RefusedWorth(person, outcome, cache[key]))
    return worth
