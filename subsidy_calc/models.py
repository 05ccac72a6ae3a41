"""Domain models of a claim (pydantic v2, strict, Decimal money): enterprise, classes, roster, claim."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from operator import attrgetter
from typing import Annotated, Self

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from .dates import AnyDate
from .digits import ascii_digits, is_ascii_digits
from .enums import ApprenticeType, Outcome, SkillLevel, Stage
from .identity import birth_date_of, mask_id_number, normalise_credit_code, normalise_id_number, sex_of
from .periods import Period


class StrictModel(BaseModel):
    """Base of every domain model: unknown keys are errors, values are immutable once validated."""

    # defer_build: each schema is built on first validation, so the window's start pays only for those it uses
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


def _optional_credit_code(value: str) -> str:
    return normalise_credit_code(value) if value else value


def _strict_count(value: object) -> object:
    """A count is an integer: true/false is not 1 person, 2.5 is refused, 2.0 (as spreadsheets store numbers)
    is 2; text must be ASCII (or full-width) digits."""
    if isinstance(value, bool):
        raise ValueError("应为整数,不能是 true/false")
    if isinstance(value, float):  # a spreadsheet's 12.0 is 12; 2.5 people is not a count
        if not value.is_integer():
            raise ValueError(f"应为整数(填写了 {value!r})")
        return int(value)
    if isinstance(value, str):
        text, _ = ascii_digits(value.strip(), "人数")
        if not is_ascii_digits(text) or len(text) > 15:
            raise ValueError(f"应为整数(填写了“{text[:20]}”)")
        return int(text)
    return value


def _strict_money(value: object) -> object:
    """Money is exact: an integer, a Decimal or text; true/false and binary floats (2000.1) are refused."""
    if isinstance(value, bool):
        raise ValueError("金额应为数字,不能是 true/false")
    if isinstance(value, float):
        raise ValueError("金额应写成带引号的文本(如 \"2000.50\"),不能是二进制小数")
    if isinstance(value, str):
        text, _ = ascii_digits(value.strip(), "金额")
        if len(text) > 40:
            raise ValueError(f"金额过长(实际 {len(text):,} 个字符)")
        return text
    return value


_FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _no_control_characters(value: str) -> str:
    """Names and codes hold no control or invisible format characters (NUL, tab, zero-width space…)."""
    if not value.isprintable():
        import unicodedata

        for ch in value:
            if unicodedata.category(ch) in _FORBIDDEN_CATEGORIES:
                raise ValueError(f"含有控制字符或不可见字符(U+{ord(ch):04X}),请删除后重新填写")
    return value


CreditCode = Annotated[str, AfterValidator(_optional_credit_code)]
IdNumber = Annotated[str, AfterValidator(normalise_id_number)]
Money = Annotated[Decimal, BeforeValidator(_strict_money), Field(ge=0, max_digits=14, decimal_places=2)]
Count = Annotated[int, BeforeValidator(_strict_count)]
Text = Annotated[str, AfterValidator(_no_control_characters)]


class Enterprise(StrictModel):
    """The applying enterprise (申请单位)."""

    name: Text = Field("", max_length=100, title="单位名称")
    credit_code: CreditCode = Field("", title="统一社会信用代码")
    bank: str = Field("", max_length=100, title="开户银行")
    account: str = Field("", max_length=40, title="银行账号")
    contact: str = Field("", max_length=40, title="经办人")
    phone: str = Field("", max_length=40, title="联系电话")


class TrainingInstitution(StrictModel):
    """The training institution (培训机构) under the training agreement."""

    name: Text = Field("", max_length=100, title="培训机构名称")
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

    class_id: Text = Field(min_length=1, max_length=50, title="班级编号")
    occupation: Text = Field(min_length=1, max_length=100, title="培训职业")
    level: SkillLevel = Field(title="培训等级")
    apprentice_type: ApprenticeType = Field(ApprenticeType.EMPLOYEE, title="学徒类型")
    start_date: AnyDate = Field(title="开班日期")
    end_date: AnyDate = Field(title="结业日期")
    planned: Count = Field(ge=1, le=100_000, title="计划人数")
    certified: Count = Field(0, ge=0, le=100_000, title="取证人数")
    completed_no_cert: Count = Field(0, ge=0, le=100_000, title="结业未取证人数")
    dropped: Count = Field(0, ge=0, le=100_000, title="退出人数")
    in_training: Count = Field(0, ge=0, le=100_000, title="在训人数")
    cost_per_person: Money | None = Field(None, title="人均培训费用")
    shortage: bool = Field(False, title="紧缺职业")
    advance_paid: Money | None = Field(None, title="已预支金额")
    classroom_hours: Count | None = Field(None, ge=0, le=10_000, title="集中授课学时")
    practice_hours: Count | None = Field(None, ge=0, le=10_000, title="岗位实操学时")
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

    name: Text = Field(min_length=1, max_length=50, title="姓名")
    id_number: IdNumber = Field(title="身份证号")
    class_id: Text = Field(min_length=1, max_length=50, title="班级编号")
    status: Outcome = Field(Outcome.IN_TRAINING, title="状态")
    certificate_no: Text = Field("", max_length=60, title="证书编号")
    contract_start: AnyDate | None = Field(None, title="劳动合同开始")
    contract_end: AnyDate | None = Field(None, title="劳动合同结束")
    social_insurance_months: Count | None = Field(None, ge=0, le=600, title="社保连续缴费月数")

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
        return cls.tallied_rows(enterprise=enterprise, institution=institution, ruleset_id=ruleset_id, stage=stage,
                                claim_date=claim_date, classes=classes, roster=roster)[0]

    @classmethod
    def tallied_rows(cls, *, enterprise: Enterprise, institution: TrainingInstitution, ruleset_id: str,
                     stage: Stage, claim_date: date, classes: list[TrainingClass],
                     roster: list[Apprentice]) -> tuple[Claim, RosterTally]:
        """`of_validated_rows`, with the tally its consistency check made of the roster (for the engine)."""
        if not all(isinstance(c, TrainingClass) for c in classes) or not all(isinstance(p, Apprentice)
                                                                             for p in roster):
            raise TypeError("classes and roster must be validated TrainingClass and Apprentice rows")
        tally = tally_roster(roster)
        problems = _consistency_problems(classes, roster, tally)
        if problems:
            raise ClaimInconsistent(problems)
        head = cls(enterprise=enterprise, institution=institution, ruleset_id=ruleset_id, stage=stage,
                   claim_date=claim_date)
        return head.model_copy(update={"classes": classes, "roster": roster}), tally

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


_ID_NUMBER = attrgetter("id_number")


@dataclass(frozen=True, slots=True, eq=False)
class RosterTally:
    """One look at a roster list: outcome counts per class, and whether any ID number is on it twice.

    The claim's consistency check works it out; the engine needs the same two facts and takes them from here
    (`engine.calculate(..., known=...)`) instead of counting 100,000 people again. It describes the very list it
    was made from (a claim's roster is never changed in place; its length is checked as well)."""

    roster: list[Apprentice]
    size: int
    counts: dict[str, OutcomeCounts]
    ids_unique: bool  # nobody is on the roster twice (the usual case)

    def describes(self, roster: list[Apprentice]) -> bool:
        return roster is self.roster and len(roster) == self.size


def tally_roster(roster: list[Apprentice]) -> RosterTally:
    return RosterTally(roster, len(roster), roster_counts(roster), len(set(map(_ID_NUMBER, roster))) == len(roster))


def claim_consistency_problems(classes: list[TrainingClass], roster: list[Apprentice]) -> list[str]:
    """What makes classes and roster disagree: duplicate class ids, unknown classes, differing counts."""
    return _consistency_problems(classes, roster, tally_roster(roster))


def _consistency_problems(classes: list[TrainingClass], roster: list[Apprentice], tally: RosterTally) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for training_class in classes:
        if training_class.class_id in seen:
            problems.append(f"班级编号“{training_class.class_id}”重复")
        seen.add(training_class.class_id)
    counted = tally.counts
    unknown = sorted(set(counted) - seen)
    if unknown:
        problems.append(f"学徒名册中的班级编号在培训班中不存在:{'、'.join(unknown[:10])}")
    # the same (class, ID number) twice: only possible when some ID number is on the roster twice
    if not tally.ids_unique and len({(person.class_id, person.id_number) for person in roster}) != len(roster):
        seen_pairs: dict[tuple[str, str], int] = {}
        for number, person in enumerate(roster, start=1):
            key = (person.class_id, person.id_number)
            if key in seen_pairs:
                problems.append(f"学徒名册第 {seen_pairs[key]} 条与第 {number} 条是同一身份证号 "
                                f"{mask_id_number(person.id_number)}(班级“{person.class_id}”),同一人重复出现")
            seen_pairs.setdefault(key, number)
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
