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
from .money import ZERO, capitals_shown
from .rule_schema import RuleSet


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


@dataclass(frozen=True, slots=True, kw_only=True)
class OutcomeAmount:
    """What the people of one outcome earn in a class at settlement."""

    outcome: Outcome
    count: int
    annual_rate: Decimal
    factor_text: str
    per_person: Decimal
    amount: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class RateStep:
    """Step 1: the annual rate per person (after any uplift) and why."""

    annual: Decimal
    text: str
    uplift: Decimal = ZERO
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class PeriodStep:
    """Step 2: months trained, months counted, the year factor that multiplies the annual rate, and why."""

    months_actual: int
    months_counted: int
    factor: Decimal
    text: str
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class AdvanceStep:
    """Step 3: the advance per person and for the planned headcount, and why (with its deadline, if any)."""

    per_person: Decimal
    total: Decimal
    text: str
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class OutcomesStep:
    """Step 4: what the class earns (per outcome at settlement; the advance at the advance stage), and why."""

    amounts: tuple[OutcomeAmount, ...]
    gross: Decimal
    advance_paid: Decimal
    advance_assumed: bool
    texts: tuple[str, ...]
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ClassLine:
    """One class's result: the class itself (a reference), the counts used, each step, and gross / payable."""

    training_class: TrainingClass
    counts: OutcomeCounts
    counts_from_roster: bool
    rate: RateStep
    period: PeriodStep
    advance: AdvanceStep
    outcome_amounts: tuple[OutcomeAmount, ...]
    gross: Decimal
    advance_paid: Decimal
    advance_assumed: bool
    payable: Decimal
    explanation: Explanation
    notices: tuple[Notice, ...]

    @property
    def source(self) -> TrainingClass:
        """The class as entered (typed cost, shortage flag, advance), for exports."""
        return self.training_class

    @property
    def class_id(self) -> str:
        return self.training_class.class_id

    @property
    def occupation(self) -> str:
        return self.training_class.occupation

    @property
    def level(self) -> SkillLevel:
        return self.training_class.level

    @property
    def apprentice_type(self) -> ApprenticeType:
        return self.training_class.apprentice_type

    @property
    def start_date(self) -> date:
        return self.training_class.start_date

    @property
    def end_date(self) -> date:
        return self.training_class.end_date

    @property
    def planned(self) -> int:
        return self.training_class.planned

    @property
    def months_actual(self) -> int:
        return self.period.months_actual

    @property
    def months_counted(self) -> int:
        return self.period.months_counted

    @property
    def annual_rate(self) -> Decimal:
        return self.rate.annual

    @property
    def rate_text(self) -> str:
        return self.rate.text

    @property
    def uplift(self) -> Decimal:
        return self.rate.uplift

    @property
    def advance_per_person(self) -> Decimal:
        return self.advance.per_person

    def per_person(self, outcome: Outcome) -> Decimal:
        for item in self.outcome_amounts:
            if item.outcome is outcome:
                return item.per_person
        return Decimal(0)


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimAdjustment:
    """A claim-level line after the class lines (a limit on the whole claim): its amount adds to the gross."""

    label: str
    amount: Decimal
    text: str
    clause: str


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


@dataclass(frozen=True, kw_only=True)
class ClaimResult:
    """The whole calculation; exporters and screens show these numbers and never recompute them.

    gross = the class lines' gross + the claim-level adjustments; payable = gross − advance_paid."""

    ruleset: RuleSet  # the rule set the claim was calculated with (a reference, not a copy)
    stage: Stage
    claim_date: date
    classes: tuple[ClassLine, ...]
    adjustments: tuple[ClaimAdjustment, ...] = ()
    roster: tuple[Apprentice, ...]
    apprentice_amounts: tuple[Decimal, ...]
    gross: Decimal
    advance_paid: Decimal
    payable: Decimal
    notices: tuple[Notice, ...]

    @property
    def ruleset_id(self) -> str:
        return self.ruleset.id

    @property
    def ruleset_title(self) -> str:
        return self.ruleset.title

    @property
    def ruleset_region(self) -> str:
        return self.ruleset.region

    @property
    def ruleset_document(self) -> str:
        return self.ruleset.document

    @property
    def ruleset_version(self) -> str:
        return self.ruleset.version

    @property
    def ruleset_status(self) -> str:
        return self.ruleset.status

    @property
    def lines_gross(self) -> Decimal:
        """The class lines' gross before the claim-level adjustments."""
        return sum((line.gross for line in self.classes), Decimal(0))

    @cached_property
    def apprentices(self) -> tuple[ApprenticeLine, ...]:
        """One line per roster entry, in roster order, with the person's share (made on first use)."""
        return tuple(
            ApprenticeLine(i, p.class_id, p.name, p.id_number, p.status, p.certificate_no, amount)
            for i, (p, amount) in enumerate(zip(self.roster, self.apprentice_amounts, strict=True))
        )

    @property
    def payable_in_words(self) -> str:
        return capitals_shown(self.payable)

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
