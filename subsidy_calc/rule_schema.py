"""The schema of a rule set file (rules/*.toml): what a city's rules may say, validated strictly."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP, Decimal
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .enums import ApprenticeType, Outcome, SkillLevel
from .materials import Materials
from .rule_sources import require_sources

ROUNDING_MODES = {
    "half_up": ROUND_HALF_UP,
    "half_even": ROUND_HALF_EVEN,
    "down": ROUND_DOWN,
    "up": ROUND_UP,
    "floor": ROUND_FLOOR,
    "ceiling": ROUND_CEILING,
}

Amount = Annotated[Decimal, Field(ge=0, le=1_000_000)]
Share = Annotated[Decimal, Field(ge=0, le=1)]


class RuleModel(BaseModel):
    """Base of the rule schema: a misspelt key is an error, never a silent default."""

    # defer_build: each schema is built on first validation, so the window's start pays only for those it uses
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _parse_level_table(value: object) -> object:
    if isinstance(value, dict):
        return {SkillLevel.parse(str(k)) if isinstance(k, str) else k: v for k, v in value.items()}
    return value


class CostRule(RuleModel):
    """A rate derived from the training cost per person: share of it, with a floor and a cap."""

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


class RateRule(RuleModel):
    """How the annual rate per person is found: by level (and apprentice type), or from the cost."""

    basis: Literal["level", "cost"] = Field(title="标准依据")
    levels: dict[SkillLevel, Amount] = Field(default_factory=dict, title="各等级标准")
    student_levels: dict[SkillLevel, Amount] | None = Field(None, title="学生学徒各等级标准")
    apprentice_types: list[ApprenticeType] = Field(
        default_factory=lambda: [ApprenticeType.EMPLOYEE], min_length=1, title="可享受补贴的学徒类型"
    )
    cost: CostRule | None = Field(None, title="按费用核定")
    cap_at_cost: bool = Field(False, title="不超过实际培训费用")

    @field_validator("levels", "student_levels", mode="before")
    @classmethod
    def _parse_levels(cls, value: object) -> object:
        return _parse_level_table(value)

    @field_validator("apprentice_types", mode="before")
    @classmethod
    def _parse_types(cls, value: object) -> object:
        if isinstance(value, list):
            return [ApprenticeType.parse(v) if isinstance(v, str) else v for v in value]
        return value

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.basis == "level" and not self.levels:
            raise ValueError("basis = \"level\" 时必须给出 levels(各等级标准)")
        if self.basis == "cost" and self.cost is None:
            raise ValueError("basis = \"cost\" 时必须给出 cost(share、floor、cap)")
        return self


class OutcomeRule(RuleModel):
    """What one outcome earns: a factor of the rate, or a fixed annual rate of its own."""

    factor: Share = Field(Decimal(0), title="系数")
    rate: Amount | None = Field(None, title="固定标准")
    note: str = Field("", title="说明")


class OutcomeRules(RuleModel):
    """Outcome factors at settlement (取证 / 结业未取证 / 退出 / 在训)."""

    certified: OutcomeRule = Field(default_factory=lambda: OutcomeRule(factor=Decimal(1)), title="取证")
    completed_no_cert: OutcomeRule = Field(default_factory=OutcomeRule, title="结业未取证")
    dropped: OutcomeRule = Field(default_factory=OutcomeRule, title="退出")
    in_training: OutcomeRule = Field(default_factory=OutcomeRule, title="在训")

    def get(self, outcome: Outcome) -> OutcomeRule:
        rule: OutcomeRule = getattr(self, outcome.value)
        return rule


class PeriodRule(RuleModel):
    """How the training period counts: whole months (pro rata) or whole years, and its maximum."""

    unit: Literal["month", "year"] = Field("month", title="计算单位")
    year_rounding: Literal["floor", "ceil"] = Field("ceil", title="不足一年")
    max_months: int = Field(24, ge=1, le=60, title="最长补贴期(月)")
    min_months: int = Field(0, ge=0, le=60, title="最短培训期(月)")


class Instalment(RuleModel):
    """One advance payment: a share of the advance basis, due at opening or at the mid-point."""

    label: str = Field(min_length=1, title="名称")
    due: Literal["start", "midpoint"] = Field(title="拨付时点")
    ratio: Share = Field(title="比例")


class AdvanceRule(RuleModel):
    """The advance (预支): a ratio of one year's or the whole period's amount for the planned headcount."""

    ratio: Share = Field(title="预支比例")
    basis: Literal["one_year", "whole_period"] = Field("one_year", title="预支基数")
    instalments: list[Instalment] = Field(default_factory=list, title="分期拨付")

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.instalments:
            total = sum((i.ratio for i in self.instalments), Decimal(0))
            if total != self.ratio:
                raise ValueError(f"分期比例之和 {total} 与预支比例 ratio={self.ratio} 不一致")
        return self


class SettlementRule(RuleModel):
    """Settlement (清算): what was earned minus the advance; a negative balance is a refund owed."""

    refund_within_months: int | None = Field(None, ge=1, le=24, title="退款期限(月)")


class RoundingRule(RuleModel):
    """Rounding of each per-person amount (lines and totals are sums of rounded amounts)."""

    step: Literal["0.01", "1"] = Field("0.01", title="舍入单位")
    mode: Literal["half_up", "half_even", "down", "up", "floor", "ceiling"] = Field("half_up", title="舍入方式")

    @property
    def quantum(self) -> Decimal:
        return Decimal(self.step)

    @property
    def decimal_mode(self) -> str:
        return ROUNDING_MODES[self.mode]


class EligibilityRule(RuleModel):
    """Who may be claimed for."""

    min_contract_months: int = Field(12, ge=0, le=120, title="劳动合同最短期限(月)")
    min_age: int = Field(16, ge=0, le=30, title="最低年龄")


class RuleValues(RuleModel):
    """The parameters of a rule set in force from one effective date on."""

    clause: str = Field(min_length=1, title="条款")
    reference: str = Field("", title="出处")
    rate: RateRule = Field(title="补贴标准")
    shortage_uplift: Share = Field(Decimal(0), title="紧缺职业上浮比例")
    outcomes: OutcomeRules = Field(default_factory=OutcomeRules, title="结果系数")
    period: PeriodRule = Field(default_factory=PeriodRule, title="补贴期")
    advance: AdvanceRule = Field(title="预支")
    settlement: SettlementRule = Field(default_factory=SettlementRule, title="清算")
    rounding: RoundingRule = Field(default_factory=RoundingRule, title="舍入")
    eligibility: EligibilityRule = Field(default_factory=EligibilityRule, title="资格")
    sources: dict[str, str] = Field(default_factory=dict, title="来源", description="key path → clause or 假设:…")

    _sources = model_validator(mode="wrap")(require_sources)


class RuleSet(RuleModel):
    """A city's rule set: identity, provenance, and dated parameter values (latest on or before a date)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60, title="规则集编号")
    title: str = Field(min_length=1, title="名称")
    region: str = Field(min_length=1, title="地区")
    document: str = Field(min_length=1, title="文号")
    reference: str = Field(min_length=1, title="出处")
    status: Literal["official", "assumed"] = Field(title="状态")
    version: str = Field(min_length=1, title="版本")
    review_after: date | None = Field(None, title="复核日期")
    assumptions: list[str] = Field(default_factory=list, title="假设")
    values: dict[date, RuleValues] = Field(min_length=1, title="参数")
    materials: Materials = Field(default_factory=Materials, title="申报材料")

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.status == "assumed" and not self.assumptions:
            raise ValueError("status = \"assumed\" 的规则集必须在 assumptions 中写明哪些内容是假设")
        return self

    @property
    def is_assumed(self) -> bool:
        return self.status == "assumed"

    def values_on(self, day: date) -> tuple[date, RuleValues] | None:
        """The parameters in force on a day: the latest effective date on or before it."""
        chosen: tuple[date, RuleValues] | None = None
        for effective in sorted(self.values):
            if effective <= day:
                chosen = (effective, self.values[effective])
        return chosen

    @property
    def first_effective(self) -> date:
        return min(self.values)

