"""Rate bases of a rule set: each kind is one model with its own `annual` function, listed in one registry.

A new kind of rate is one more model here (a `basis` literal, its fields, `annual(tc)`) added to the union
and the registry below; the schema, the JSON Schema and the engine pick it up from there.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .enums import SkillLevel
from .models import TrainingClass
from .money import ZERO, format_yuan

Amount = Annotated[Decimal, Field(ge=0, le=1_000_000)]
Share = Annotated[Decimal, Field(ge=0, le=1)]
TWELVE = Decimal(12)


class RuleModel(BaseModel):
    """Base of the rule schema: a misspelt key is an error, never a silent default."""

    # defer_build: each schema is built on first validation, so the window's start pays only for those it uses
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def percent(value: Decimal) -> str:
    """0.3 → '30%' (exact, no trailing zeros)."""
    return f"{(value * 100).normalize():f}%"


def parse_level_table(value: object) -> object:
    """A table keyed by level names → keyed by SkillLevel; two names of one level (中级工, 四级) are an error."""
    if not isinstance(value, dict):
        return value
    parsed: dict[object, object] = {}
    named: dict[SkillLevel, str] = {}
    for key, item in value.items():
        level = SkillLevel.parse(key) if isinstance(key, str) else key
        if isinstance(level, SkillLevel):
            if level in named:
                raise ValueError(f"“{named[level]}”与“{key}”是同一等级({level.label}/{level.grade}),只能写一次")
            named[level] = str(key)
        parsed[level] = item
    return parsed


LevelTable = dict[SkillLevel, Amount]


@dataclass(frozen=True, slots=True)
class RateFinding:
    """An annual rate per person and how it was found; `error` says why nothing can be paid (rate 0)."""

    annual: Decimal
    text: str
    error: str = ""


def _no_rate(message: str) -> RateFinding:
    return RateFinding(ZERO, message, message)


def _from_level_table(tc: TrainingClass, table: dict[SkillLevel, Decimal], source: str) -> RateFinding:
    if tc.level not in table:
        covered = "、".join(level.label for level in table)
        return _no_rate(f"本规则集未规定{tc.level.label}的补贴标准(已规定:{covered}),按 0 元计")
    annual = table[tc.level]
    return RateFinding(annual, f"{tc.level.label}({tc.level.grade}){source} {format_yuan(annual)} 元/人·年")


class LevelTableModel(RuleModel):
    """A rule with a `levels` table keyed by level names."""

    @field_validator("levels", mode="before", check_fields=False)
    @classmethod
    def _parse_levels(cls, value: object) -> object:
        return parse_level_table(value)


class LevelRate(LevelTableModel):
    """basis = "level": a fixed annual amount per skill level."""

    basis: Literal["level"] = Field(title="标准依据")
    levels: LevelTable = Field(min_length=1, title="各等级标准")
    cap_at_cost: bool = Field(False, title="不超过实际培训费用")

    def annual(self, tc: TrainingClass) -> RateFinding:
        found = _from_level_table(tc, self.levels, "等级标准")
        if found.error or not self.cap_at_cost or tc.cost_per_person is None or tc.cost_per_person >= found.annual:
            return found
        cost = tc.cost_per_person
        return RateFinding(cost, found.text + f",不超过实际人均培训费用,按 {format_yuan(cost)} 元")


class CostRate(RuleModel):
    """basis = "cost": a share of the training cost per person, with a floor, a cap and a full-refund line."""

    basis: Literal["cost"] = Field(title="标准依据")
    share: Share = Field(title="费用比例")
    floor: Amount = Field(Decimal(0), title="下限")
    cap: Amount | None = Field(None, title="上限")
    full_upto: Amount | None = Field(
        None, title="全额补贴线", description="cost at or below this is reimbursed in full (Ruian: 4000)"
    )

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.cap is not None and self.cap < self.floor:
            raise ValueError(f"上限 cap={self.cap} 小于下限 floor={self.floor}")
        return self

    def annual(self, tc: TrainingClass) -> RateFinding:
        if tc.cost_per_person is None:
            return _no_rate("本规则集按培训费用核定补贴标准,请填写人均培训费用")
        cost = tc.cost_per_person
        if self.full_upto is not None and cost <= self.full_upto:
            text = f"人均培训费用 {format_yuan(cost)} 元不超过 {format_yuan(self.full_upto)} 元,按实际费用补贴"
            return RateFinding(cost, text + "/人·年")
        share = cost * self.share
        annual = max(share, self.floor)
        text = f"人均培训费用 {format_yuan(cost)} 元 × {percent(self.share)} = {format_yuan(share)} 元"
        if share < self.floor:
            text += f",低于下限按 {format_yuan(self.floor)} 元"
        if self.cap is not None and annual > self.cap:
            annual = self.cap
            text += f",超过上限按 {format_yuan(self.cap)} 元"
        return RateFinding(annual, text + "/人·年")


class StudentLevelRate(LevelTableModel):
    """student_rate basis = "level": 学生学徒 by their own level table."""

    basis: Literal["level"] = Field(title="标准依据")
    levels: LevelTable = Field(min_length=1, title="学生学徒各等级标准")

    def annual(self, tc: TrainingClass) -> RateFinding:
        return _from_level_table(tc, self.levels, "学生学徒等级标准")


class StudentFlatRate(RuleModel):
    """student_rate basis = "flat": one annual amount for 学生学徒 at every level."""

    basis: Literal["flat"] = Field(title="标准依据")
    amount: Amount = Field(title="学生学徒统一标准(元/人·年)")

    def annual(self, tc: TrainingClass) -> RateFinding:
        text = f"学生学徒统一标准 {format_yuan(self.amount)} 元/人·年(不分等级,{tc.level.label}同此标准)"
        return RateFinding(self.amount, text)


class StudentAllowanceRate(RuleModel):
    """student_rate basis = "allowance": the class's monthly internship allowance × 12, then floor / cap."""

    basis: Literal["allowance"] = Field(title="标准依据")
    floor: Amount | None = Field(None, title="每年下限")
    cap: Amount | None = Field(None, title="每年上限")

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.cap is not None and self.floor is not None and self.cap < self.floor:
            raise ValueError(f"上限 cap={self.cap} 小于下限 floor={self.floor}")
        return self

    def annual(self, tc: TrainingClass) -> RateFinding:
        if tc.monthly_allowance is None:
            return _no_rate("本规则集按学徒月实习津贴核定学生学徒补贴,请填写学徒月实习津贴")
        yearly = tc.monthly_allowance * TWELVE
        annual = yearly
        text = f"学徒月实习津贴 {format_yuan(tc.monthly_allowance)} 元 × 12 = {format_yuan(yearly)} 元"
        if self.floor is not None and annual < self.floor:
            annual = self.floor
            text += f",低于每年下限按 {format_yuan(self.floor)} 元"
        if self.cap is not None and annual > self.cap:
            annual = self.cap
            text += f",超过每年上限按 {format_yuan(self.cap)} 元"
        return RateFinding(annual, text + "/人·年")


RateRule = Annotated[LevelRate | CostRate, Field(discriminator="basis")]
StudentRateRule = Annotated[StudentLevelRate | StudentFlatRate | StudentAllowanceRate, Field(discriminator="basis")]

# The registries: basis name → model, for 职工学徒 (rate) and 学生学徒 (student_rate).
RATE_BASES: dict[str, type[LevelRate | CostRate]] = {"level": LevelRate, "cost": CostRate}
STUDENT_RATE_BASES: dict[str, type[StudentLevelRate | StudentFlatRate | StudentAllowanceRate]] = {
    "level": StudentLevelRate,
    "flat": StudentFlatRate,
    "allowance": StudentAllowanceRate,
}
