"""What the engine returns: per-class and per-apprentice lines, totals, notices, explanations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from typing import NamedTuple

from .enums import ApprenticeType, Outcome, SkillLevel, Stage
from .models import Apprentice, OutcomeCounts, TrainingClass
from .money import amount_in_words


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def label(self) -> str:
        return {"info": "提示", "warning": "注意", "error": "错误"}[self.value]


@dataclass(frozen=True, slots=True)
class Notice:
    """A message about the claim, a class or an apprentice; ERROR means the claim cannot be filed as is."""

    severity: Severity
    message: str
    class_id: str | None = None

    def __str__(self) -> str:
        where = f"[{self.class_id}] " if self.class_id else ""
        return f"{self.severity.label}:{where}{self.message}"


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a line's amount is what it is: the steps, and which rule set, version and clause say so."""

    steps: tuple[str, ...]
    ruleset_id: str
    ruleset_version: str
    effective: date | None
    clause: str

    @property
    def source(self) -> str:
        effective = f",参数自 {self.effective.isoformat()} 起施行" if self.effective else ""
        return f"规则集 {self.ruleset_id} 版本 {self.ruleset_version}{effective};依据:{self.clause}"

    def text(self) -> str:
        return "\n".join((*self.steps, self.source))


@dataclass(frozen=True, slots=True)
class OutcomeAmount:
    """What the people of one outcome earn in a class at settlement."""

    outcome: Outcome
    count: int
    annual_rate: Decimal
    factor_text: str
    per_person: Decimal
    amount: Decimal


@dataclass(frozen=True, slots=True)
class ClassLine:
    """One class's result: inputs as counted, the rate and why, and gross / advance / payable."""

    class_id: str
    occupation: str
    level: SkillLevel
    apprentice_type: ApprenticeType
    start_date: date
    end_date: date
    planned: int
    counts: OutcomeCounts
    counts_from_roster: bool
    months_actual: int
    months_counted: int
    period_text: str
    annual_rate: Decimal
    rate_text: str
    uplift: Decimal
    outcome_amounts: tuple[OutcomeAmount, ...]
    advance_per_person: Decimal
    gross: Decimal
    advance_paid: Decimal
    advance_assumed: bool
    payable: Decimal
    explanation: Explanation
    notices: tuple[Notice, ...]
    source: TrainingClass  # the class as entered (typed cost, shortage flag, advance), for exports

    def per_person(self, outcome: Outcome) -> Decimal:
        for item in self.outcome_amounts:
            if item.outcome is outcome:
                return item.per_person
        return Decimal(0)


class ApprenticeLine(NamedTuple):
    """One apprentice's share: the per-person amount of the class for the apprentice's outcome.

    A NamedTuple rather than a dataclass: a roster has 100,000 of these and they must be cheap to make.
    """

    roster_index: int
    class_id: str
    name: str
    id_number: str
    outcome: Outcome
    certificate_no: str
    amount: Decimal


@dataclass(frozen=True)
class ClaimResult:
    """The whole calculation; exporters and screens show these numbers and never recompute them."""

    ruleset_id: str
    ruleset_title: str
    ruleset_region: str
    ruleset_document: str
    ruleset_version: str
    ruleset_status: str
    stage: Stage
    claim_date: date
    classes: tuple[ClassLine, ...]
    roster: tuple[Apprentice, ...]
    apprentice_amounts: tuple[Decimal, ...]
    gross: Decimal
    advance_paid: Decimal
    payable: Decimal
    notices: tuple[Notice, ...]

    @cached_property
    def apprentices(self) -> tuple[ApprenticeLine, ...]:
        """One line per roster entry, in roster order, with the person's share (made on first use)."""
        return tuple(
            ApprenticeLine(i, p.class_id, p.name, p.id_number, p.status, p.certificate_no, amount)
            for i, (p, amount) in enumerate(zip(self.roster, self.apprentice_amounts, strict=True))
        )

    @property
    def payable_in_words(self) -> str:
        return amount_in_words(self.payable)

    @property
    def refund_owed(self) -> bool:
        return self.payable < 0

    @property
    def has_errors(self) -> bool:
        return any(n.severity is Severity.ERROR for n in self.all_notices())

    def all_notices(self) -> tuple[Notice, ...]:
        """Claim-level notices followed by each class's, in class order."""
        return self.notices + tuple(n for line in self.classes for n in line.notices)

    def line(self, class_id: str) -> ClassLine:
        for line in self.classes:
            if line.class_id == class_id:
                return line
        raise KeyError(class_id)
