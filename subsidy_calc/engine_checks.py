"""Checks on one class that change no amount but may stop it: validity, cautions, hours, headcount, refund."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .models import OutcomeCounts, TrainingClass
from .money import format_yuan
from .periods import add_months
from .results import Notice, Severity
from .rule_schema import RuleSet, RuleValues
from .rule_sources import source_of


def not_in_force(tc: TrainingClass, ruleset: RuleSet) -> str:
    """Why the rule set cannot calculate a class at all ('' when it can): before its first effective date, or
    outside the document's validity window (a class that started inside it is calculated, even claimed later)."""
    if ruleset.values_on(tc.start_date) is None:
        return (f"开班日期 {tc.start_date.isoformat()} 早于本规则集最早的施行日期 "
                f"{ruleset.first_effective.isoformat()},无法计算")
    return ruleset.validity_problem(tc.start_date)


def caution_notices(tc: TrainingClass, ruleset: RuleSet) -> list[Notice]:
    return [Notice(Severity.WARNING, text, tc.class_id) for text in ruleset.cautions_on(tc.start_date)]


def hours_notices(tc: TrainingClass, values: RuleValues) -> list[Notice]:
    """Training hours per year against the minimums: below = ERROR naming both numbers; blank = WARNING."""
    rule = values.hours
    notices: list[Notice] = []
    for label, hours, minimum, key in (("集中授课", tc.classroom_hours, rule.classroom_min, "classroom_min"),
                                       ("岗位实操", tc.practice_hours, rule.practice_min, "practice_min")):
        if minimum is None:
            continue
        source = source_of(values.sources, f"hours.{key}")
        cited = f"(依据:{source})" if source else ""
        if hours is None:
            notices.append(Notice(Severity.WARNING, f"未填写{label}学时,无法核对(规定每年至少 {minimum} 学时)"
                                                    f"{cited}", tc.class_id))
        elif hours < minimum:
            notices.append(Notice(Severity.ERROR, f"{label} {hours} 学时/年,低于规定的每年 {minimum} 学时{cited}",
                                  tc.class_id))
    return notices


def headcount_notices(tc: TrainingClass, counts: OutcomeCounts) -> list[Notice]:
    if counts.total > tc.planned:
        return [Notice(Severity.WARNING, f"登记人数 {counts.total} 超过计划人数 {tc.planned}", tc.class_id)]
    return []


@dataclass(frozen=True, slots=True, kw_only=True)
class Balance:
    """The class line's last step: gross − advance = payable, and the refund owed when negative."""

    payable: Decimal
    text: str
    notices: tuple[Notice, ...] = ()


def balance(tc: TrainingClass, gross: Decimal, advance_paid: Decimal, values: RuleValues | None) -> Balance:
    payable = gross - advance_paid
    text = f"应得 {format_yuan(gross)} 元 − 已预支 {format_yuan(advance_paid)} 元 = 本次应付 {format_yuan(payable)} 元"
    if payable >= 0 or values is None:
        return Balance(payable=payable, text=text)
    refund = f"应退回 {format_yuan(-payable)} 元"
    months = values.settlement.refund_within_months
    if months:
        deadline: date = add_months(tc.end_date, months)
        refund += f",须于 {deadline.isoformat()} 前(培训结束后 {months} 个月内)退回"
    return Balance(payable=payable, text=f"{text}({refund})",
                   notices=(Notice(Severity.WARNING, refund, tc.class_id),))
