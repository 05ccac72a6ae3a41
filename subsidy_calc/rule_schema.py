"""The schema of a rule set file (rules/*.toml): what a city's rules may say, validated strictly."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP, Decimal
from typing import Annotated, Literal, Self

from pydantic import ConfigDict, Field, field_validator, model_validator

from .enums import Outcome, SkillLevel
from .file_problems import RESERVED_NAMES
from .materials import Materials
from .rule_dating import inherit_blocks
from .rule_rates import Amount, RateRule, RuleModel, Share, StudentRateRule, parse_level_table
from .rule_sources import require_sources

ROUNDING_MODES = {
    "half_up": ROUND_HALF_UP,
    "half_even": ROUND_HALF_EVEN,
    "down": ROUND_DOWN,
    "up": ROUND_UP,
    "floor": ROUND_FLOOR,
    "ceiling": ROUND_CEILING,
}

ClaimAmount = Annotated[Decimal, Field(ge=0, le=1_000_000_000)]


class ShortageRule(RuleModel):
    """紧缺职业上浮: rate × (1 + uplift) for classes marked 紧缺职业, optionally only from a level up."""

    uplift: Share = Field(title="上浮比例")
    min_level: SkillLevel | None = Field(None, title="起始等级", description="the uplift applies from this level up")
    up_to: bool = Field(False, title="最高上浮", description="the document says 最高上浮: calculated at the maximum")

    @field_validator("min_level", mode="before")
    @classmethod
    def _parse_level(cls, value: object) -> object:
        return SkillLevel.parse(value) if isinstance(value, str) else value


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
    standard_months: dict[SkillLevel, Annotated[int, Field(ge=1, le=60)]] = Field(
        default_factory=dict, title="各等级标准培训期(月)", description="a longer class is capped here, with a warning"
    )

    @field_validator("standard_months", mode="before")
    @classmethod
    def _parse_levels(cls, value: object) -> object:
        return parse_level_table(value)


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
    student_ratio: Share | None = Field(None, title="学生学徒预支比例", description="default: ratio")
    deadline_months: int | None = Field(None, ge=1, le=24, title="预支申请期限(开班后月数)")

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.instalments and self.student_ratio is not None:
            raise ValueError("分期拨付(instalments)与学生学徒预支比例(student_ratio)不能同时使用")
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
    min_social_insurance_months: int = Field(0, ge=0, le=120, title="社保连续缴费最短月数")


class HoursRule(RuleModel):
    """Minimum training hours per year of training (集中授课 and 岗位实操)."""

    classroom_min: int | None = Field(None, ge=0, le=5000, title="集中授课最少学时(每年)")
    practice_min: int | None = Field(None, ge=0, le=5000, title="岗位实操最少学时(每年)")


class ClaimLimits(RuleModel):
    """Limits on a whole claim, applied after the class lines as their own explained line."""

    max_apprentices_per_year: int | None = Field(None, ge=1, le=1_000_000, title="企业年度学徒名额")
    max_amount: ClaimAmount | None = Field(None, title="单次申请补贴上限")


class Caution(RuleModel):
    """A warning printed on every class that starts on or after `from` (e.g. a newer document not found)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    from_: date = Field(alias="from", title="起始日期")
    text: str = Field(min_length=1, title="提示")


class RuleValues(RuleModel):
    """The parameters of a rule set in force from one effective date on."""

    clause: str = Field(min_length=1, title="条款")
    reference: str = Field("", title="出处")
    rate: RateRule = Field(title="补贴标准")
    student_rate: StudentRateRule | None = Field(None, title="学生学徒补贴标准", description="absent: not funded")
    shortage: ShortageRule | None = Field(None, title="紧缺职业上浮")
    outcomes: OutcomeRules = Field(default_factory=OutcomeRules, title="结果系数")
    period: PeriodRule = Field(default_factory=PeriodRule, title="补贴期")
    advance: AdvanceRule = Field(title="预支")
    settlement: SettlementRule = Field(default_factory=SettlementRule, title="清算")
    rounding: RoundingRule = Field(default_factory=RoundingRule, title="舍入")
    eligibility: EligibilityRule = Field(default_factory=EligibilityRule, title="资格")
    hours: HoursRule = Field(default_factory=HoursRule, title="学时")
    claim_limits: ClaimLimits = Field(default_factory=ClaimLimits, title="申请限额")
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
    valid_from: date | None = Field(None, title="有效期起")
    valid_until: date | None = Field(None, title="有效期止")
    cautions: list[Caution] = Field(default_factory=list, title="提示")
    assumptions: list[str] = Field(default_factory=list, title="假设")
    values: dict[date, RuleValues] = Field(min_length=1, title="参数")
    materials: Materials = Field(default_factory=Materials, title="申报材料")

    @field_validator("values", mode="before")
    @classmethod
    def _inherit(cls, value: object) -> object:
        return inherit_blocks(value)

    @field_validator("id")
    @classmethod
    def _a_file_name_on_windows(cls, value: str) -> str:
        """The id is the file's name (<id>.toml): con, nul, aux, com1 … cannot be files on Windows."""
        if value.upper() in RESERVED_NAMES:
            raise ValueError(f"规则集编号“{value}”是 Windows 保留的设备名,不能用作文件名,请换一个编号")
        return value

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValueError(f"有效期止 valid_until={self.valid_until} 早于有效期起 valid_from={self.valid_from}")
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

    def validity_problem(self, day: date) -> str:
        """Why a class starting on `day` is outside the document's validity window ('' when inside)."""
        if self.valid_until is not None and day > self.valid_until:
            return (f"开班日期 {day.isoformat()} 晚于《{self.document}》的有效期止 {self.valid_until.isoformat()},"
                    "不能按本规则集计算")
        if self.valid_from is not None and day < self.valid_from:
            return (f"开班日期 {day.isoformat()} 早于《{self.document}》的有效期起 {self.valid_from.isoformat()},"
                    "不能按本规则集计算")
        return ""

    def cautions_on(self, day: date) -> tuple[str, ...]:
        """The cautions for a class starting on `day`."""
        return tuple(c.text for c in self.cautions if day >= c.from_)

    @property
    def first_effective(self) -> date:
        return min(self.values)

