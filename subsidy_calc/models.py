"""Domain models of a claim (pydantic v2, strict, Decimal money): enterprise, classes, roster, claim."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from .dates import AnyDate
from .enums import ApprenticeType, Outcome, SkillLevel, Stage
from .identity import birth_date_of, normalise_credit_code, normalise_id_number, sex_of
from .periods import Period


class StrictModel(BaseModel):
    """Base of every domain model: unknown keys are errors, values are immutable once validated."""

    # defer_build: each schema is built on first validation, so the window's start pays only for those it uses
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


def _optional_credit_code(value: str) -> str:
    return normalise_credit_code(value) if value else value


CreditCode = Annotated[str, AfterValidator(_optional_credit_code)]
IdNumber = Annotated[str, AfterValidator(normalise_id_number)]
Money = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)]


class Enterprise(StrictModel):
    """The applying enterprise (申请单位)."""

    name: str = Field("", max_length=100, title="单位名称")
    credit_code: CreditCode = Field("", title="统一社会信用代码")
    bank: str = Field("", max_length=100, title="开户银行")
    account: str = Field("", max_length=40, title="银行账号")
    contact: str = Field("", max_length=40, title="经办人")
    phone: str = Field("", max_length=40, title="联系电话")


class TrainingInstitution(StrictModel):
    """The training institution (培训机构) under the training agreement."""

    name: str = Field("", max_length=100, title="培训机构名称")
    code: CreditCode = Field("", title="培训机构统一社会信用代码")
    contact: str = Field("", max_length=40, title="培训机构联系人")


@dataclass(frozen=True, slots=True)
class OutcomeCounts:
    """How many apprentices of a class ended in each outcome."""

    certified: int = 0
    completed_no_cert: int = 0
    dropped: int = 0
    in_training: int = 0

    def get(self, outcome: Outcome) -> int:
        count: int = getattr(self, outcome.value)
        return count

    @property
    def total(self) -> int:
        return self.certified + self.completed_no_cert + self.dropped + self.in_training


class TrainingClass(StrictModel):
    """One apprentice class (学徒班) with its period, level, headcounts and money already received."""

    class_id: str = Field(min_length=1, max_length=50, title="班级编号")
    occupation: str = Field(min_length=1, max_length=100, title="培训职业")
    level: SkillLevel = Field(title="培训等级")
    apprentice_type: ApprenticeType = Field(ApprenticeType.EMPLOYEE, title="学徒类型")
    start_date: AnyDate = Field(title="开班日期")
    end_date: AnyDate = Field(title="结业日期")
    planned: int = Field(ge=1, le=100_000, title="计划人数")
    certified: int = Field(0, ge=0, le=100_000, title="取证人数")
    completed_no_cert: int = Field(0, ge=0, le=100_000, title="结业未取证人数")
    dropped: int = Field(0, ge=0, le=100_000, title="退出人数")
    in_training: int = Field(0, ge=0, le=100_000, title="在训人数")
    cost_per_person: Money | None = Field(None, title="人均培训费用")
    shortage: bool = Field(False, title="紧缺职业")
    advance_paid: Money | None = Field(None, title="已预支金额")
    classroom_hours: int | None = Field(None, ge=0, le=10_000, title="集中授课学时")
    practice_hours: int | None = Field(None, ge=0, le=10_000, title="岗位实操学时")
    monthly_allowance: Money | None = Field(None, title="学徒月实习津贴")

    @field_validator("level", mode="before")
    @classmethod
    def _parse_level(cls, value: object) -> object:
        return SkillLevel.parse(value) if isinstance(value, str) else value

    @field_validator("apprentice_type", mode="before")
    @classmethod
    def _parse_type(cls, value: object) -> object:
        return ApprenticeType.parse(value) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _check_dates(self) -> Self:
        if self.end_date < self.start_date:
            raise ValueError(
                f"结业日期 {self.end_date.isoformat()} 早于开班日期 {self.start_date.isoformat()},请检查是否填反"
            )
        return self

    @property
    def period(self) -> Period:
        return Period(self.start_date, self.end_date)

    @property
    def typed_counts(self) -> OutcomeCounts:
        return OutcomeCounts(self.certified, self.completed_no_cert, self.dropped, self.in_training)


class Apprentice(StrictModel):
    """One apprentice on the roster (学徒名册)."""

    name: str = Field(min_length=1, max_length=50, title="姓名")
    id_number: IdNumber = Field(title="身份证号")
    class_id: str = Field(min_length=1, max_length=50, title="班级编号")
    status: Outcome = Field(Outcome.IN_TRAINING, title="状态")
    certificate_no: str = Field("", max_length=60, title="证书编号")
    contract_start: AnyDate | None = Field(None, title="劳动合同开始")
    contract_end: AnyDate | None = Field(None, title="劳动合同结束")
    social_insurance_months: int | None = Field(None, ge=0, le=600, title="社保连续缴费月数")

    @field_validator("status", mode="before")
    @classmethod
    def _parse_status(cls, value: object) -> object:
        return Outcome.parse(value) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _check_contract(self) -> Self:
        if self.contract_start and self.contract_end and self.contract_end < self.contract_start:
            raise ValueError(
                f"劳动合同结束日期 {self.contract_end.isoformat()} 早于开始日期 "
                f"{self.contract_start.isoformat()},请检查是否填反"
            )
        return self

    @property
    def birth_date(self) -> date:
        return birth_date_of(self.id_number)

    @property
    def sex(self) -> str:
        return sex_of(self.id_number)


class ClaimInconsistent(ValueError):
    """Classes and roster that disagree; `problems` are the Chinese messages, one per disagreement."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(";".join(problems))


class Claim(StrictModel):
    """A whole claim: who applies, under which rule set, at which stage, for which classes and people."""

    enterprise: Enterprise = Field(default_factory=Enterprise, title="申请单位")
    institution: TrainingInstitution = Field(default_factory=TrainingInstitution, title="培训机构")
    ruleset_id: str = Field(min_length=1, title="规则集")
    stage: Stage = Field(title="申领阶段")
    claim_date: AnyDate = Field(default_factory=date.today, title="申领日期")
    classes: list[TrainingClass] = Field(default_factory=list, title="培训班")
    roster: list[Apprentice] = Field(default_factory=list, title="学徒名册")

    @field_validator("stage", mode="before")
    @classmethod
    def _parse_stage(cls, value: object) -> object:
        return Stage.parse(value) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _check_consistency(self) -> Self:
        problems = claim_consistency_problems(self.classes, self.roster)
        if problems:
            raise ValueError(";".join(problems))
        return self

    @classmethod
    def of_validated_rows(cls, *, enterprise: Enterprise, institution: TrainingInstitution, ruleset_id: str,
                          stage: Stage, claim_date: date, classes: list[TrainingClass],
                          roster: list[Apprentice]) -> Claim:
        """A claim of classes and apprentices each already validated (an import of 100,000 rows, the window's
        tables): the claim's own fields and its consistency checks run, the per-row validation is not repeated.
        ClaimInconsistent lists what makes classes and roster disagree."""
        if not all(isinstance(c, TrainingClass) for c in classes) or not all(isinstance(p, Apprentice)
                                                                             for p in roster):
            raise TypeError("classes and roster must be validated TrainingClass and Apprentice rows")
        problems = claim_consistency_problems(classes, roster)
        if problems:
            raise ClaimInconsistent(problems)
        head = cls(enterprise=enterprise, institution=institution, ruleset_id=ruleset_id, stage=stage,
                   claim_date=claim_date)
        return head.model_copy(update={"classes": classes, "roster": roster})

    def roster_counts(self) -> dict[str, OutcomeCounts]:
        """Outcome counts per class id, from the roster (only classes that have roster entries)."""
        return roster_counts(self.roster)

    def counts_for(self, training_class: TrainingClass) -> OutcomeCounts:
        """The counts the engine uses: from the roster when the class has one, else as typed."""
        from_roster = roster_counts(self.roster).get(training_class.class_id)
        return from_roster if from_roster is not None else training_class.typed_counts


def roster_counts(roster: list[Apprentice]) -> dict[str, OutcomeCounts]:
    """Outcome counts per class id, from the roster (only classes that have roster entries)."""
    tally = Counter((person.class_id, person.status) for person in roster)
    class_ids = dict.fromkeys(class_id for class_id, _ in tally)
    return {
        class_id: OutcomeCounts(*(tally[(class_id, outcome)] for outcome in _OUTCOME_ORDER))
        for class_id in class_ids
    }


_OUTCOME_ORDER = (Outcome.CERTIFIED, Outcome.COMPLETED_NO_CERT, Outcome.DROPPED, Outcome.IN_TRAINING)


def claim_consistency_problems(classes: list[TrainingClass], roster: list[Apprentice]) -> list[str]:
    """What makes classes and roster disagree: duplicate class ids, unknown classes, differing counts."""
    problems: list[str] = []
    seen: set[str] = set()
    for training_class in classes:
        if training_class.class_id in seen:
            problems.append(f"班级编号“{training_class.class_id}”重复")
        seen.add(training_class.class_id)
    counted = roster_counts(roster)
    unknown = sorted(set(counted) - seen)
    if unknown:
        problems.append(f"学徒名册中的班级编号在培训班中不存在:{'、'.join(unknown[:10])}")
    pairs = {(person.class_id, person.id_number) for person in roster}
    if len(pairs) != len(roster):
        seen_pairs: set[tuple[str, str]] = set()
        for person in roster:
            key = (person.class_id, person.id_number)
            if key in seen_pairs:
                problems.append(f"身份证号 {person.id_number} 在班级“{person.class_id}”中重复出现")
            seen_pairs.add(key)
    for training_class in classes:
        from_roster = counted.get(training_class.class_id)
        typed = training_class.typed_counts
        if from_roster is not None and typed.total and typed != from_roster:
            problems.append(
                f"班级“{training_class.class_id}”填写的人数(取证{typed.certified}、结业未取证"
                f"{typed.completed_no_cert}、退出{typed.dropped}、在训{typed.in_training})与学徒名册"
                f"(取证{from_roster.certified}、结业未取证{from_roster.completed_no_cert}、退出"
                f"{from_roster.dropped}、在训{from_roster.in_training})不一致"
            )
    return problems
