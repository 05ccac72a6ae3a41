"""The named steps of one class line: rate → period → advance → outcomes; each returns a small explained result."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from .enums import ApprenticeType, Outcome, SkillLevel, Stage
from .models import OutcomeCounts, TrainingClass
from .money import ZERO, format_yuan
from .periods import add_months, midpoint, whole_months
from .results import AdvanceStep, Notice, OutcomeAmount, OutcomesStep, PeriodStep, RateStep, Severity
from .rule_rates import percent
from .rule_schema import RuleValues, ShortageRule
from .rule_sources import source_of

TWELVE = Decimal(12)
ONE = Decimal(1)
_LEVEL_ORDER = {level: rank for rank, level in enumerate(SkillLevel)}


def round_amount(value: Decimal, values: RuleValues) -> Decimal:
    """Round one per-person amount as the rule set says (then to the cent)."""
    rounding = values.rounding
    return value.quantize(rounding.quantum, rounding=rounding.decimal_mode).quantize(Decimal("0.01"))


def cited(values: RuleValues, *paths: str) -> str:
    """"(依据:…)" with the source the rule file gives for the first of the key paths that has one (its own
    entry or its nearest ancestor's), else ''."""
    for path in paths:
        found = source_of(values.sources, path)
        if found:
            return f"(依据:{found})"
    return ""


def _error(message: str, tc: TrainingClass) -> RateStep:
    return RateStep(annual=ZERO, text=message, notices=(Notice(Severity.ERROR, message, tc.class_id),))


def rate_step(tc: TrainingClass, values: RuleValues) -> RateStep:
    """Step 1: the annual rate per person by the rule set's basis for the class's apprentice type, uplifted."""
    if tc.apprentice_type is ApprenticeType.STUDENT:
        if values.student_rate is None:
            return _error(f"本规则集只补贴{ApprenticeType.EMPLOYEE.label},{tc.apprentice_type.label}不予补贴", tc)
        found = values.student_rate.annual(tc)
        found = replace(found, text=found.text + cited(values, "student_rate.levels", "student_rate.amount",
                                                               "student_rate.floor", "student_rate.basis"))
    else:
        found = values.rate.annual(tc)
    if found.error:
        return _error(found.error, tc)
    if not tc.shortage:
        return RateStep(annual=found.annual, text=found.text)
    return _uplift(tc, found.annual, found.text, values.shortage, cited(values, "shortage"))


def _uplift(tc: TrainingClass, annual: Decimal, text: str, rule: ShortageRule | None, source: str) -> RateStep:
    """紧缺职业上浮: only with a rule, only from its level up; "up to" is calculated at the maximum."""
    if rule is None or rule.uplift <= 0:
        notice = Notice(Severity.WARNING, "本规则集没有紧缺职业上浮规定,未上浮", tc.class_id)
        return RateStep(annual=annual, text=text, notices=(notice,))
    if rule.min_level is not None and _LEVEL_ORDER[tc.level] < _LEVEL_ORDER[rule.min_level]:
        message = (f"紧缺职业上浮只适用于{rule.min_level.label}({rule.min_level.grade})及以上,"
                   f"本班为{tc.level.label},不上浮{source}")
        return RateStep(annual=annual, text=f"{text};{message}",
                        notices=(Notice(Severity.INFO, message, tc.class_id),))
    uplifted = annual * (ONE + rule.uplift)
    if rule.up_to:
        how = f"最高上浮{percent(rule.uplift)}(按上限计算,以核定为准)"
        notice = Notice(Severity.WARNING, f"紧缺职业{how}", tc.class_id)
        return RateStep(annual=uplifted, text=f"{text};紧缺职业{how},为 {format_yuan(uplifted)} 元/人·年{source}",
                        uplift=rule.uplift, notices=(notice,))
    return RateStep(annual=uplifted, uplift=rule.uplift,
                    text=f"{text};紧缺职业上浮 {percent(rule.uplift)},为 {format_yuan(uplifted)} 元/人·年{source}")


def _counted_months(tc: TrainingClass, months: int, values: RuleValues) -> tuple[int, str, list[Notice]]:
    """Months counted: at most the maximum period, and at most the standard period of the class's level."""
    rule = values.period
    counted, text, notices = months, "", []
    if months > rule.max_months:
        counted = rule.max_months
        text += f";超过补贴期上限 {rule.max_months} 个月,按 {counted} 个月计"
        notices.append(Notice(Severity.WARNING, f"培训期 {months} 个月超过上限 {rule.max_months} 个月,按上限计算",
                              tc.class_id))
    standard = rule.standard_months.get(tc.level)
    if standard is not None and counted > standard:
        counted = standard
        source = cited(values, "period.standard_months")
        text += f";超过{tc.level.label}标准培训期 {standard} 个月,按 {standard} 个月计{source}"
        notices.append(Notice(Severity.WARNING, f"培训期 {months} 个月超过{tc.level.label}标准培训期 {standard} "
                                                f"个月,按标准培训期计算", tc.class_id))
    return counted, text, notices


def period_step(tc: TrainingClass, values: RuleValues) -> PeriodStep:
    """Step 2: whole months trained (days left over do not count), capped, as a year factor."""
    rule = values.period
    months, days = whole_months(tc.start_date, tc.end_date)
    text = f"培训期 {tc.start_date.isoformat()} 至 {tc.end_date.isoformat()},共 {months} 个整月"
    if days:
        text += f"又 {days} 天(不足一月的天数不计)"
    counted, capped, notices = _counted_months(tc, months, values)
    text += capped
    if months < rule.min_months:
        notices.append(Notice(Severity.ERROR, f"培训期 {months} 个月不足规定的 {rule.min_months} 个月,不予补贴",
                              tc.class_id))
        return PeriodStep(months_actual=months, months_counted=0, factor=ZERO, notices=tuple(notices),
                          text=text + f";不足 {rule.min_months} 个月,不予补贴")
    if rule.unit == "month":
        factor = Decimal(counted) / TWELVE
        text += f",按 {counted}/12 年计"
    else:
        whole, rest = divmod(counted, 12)
        years = whole + (1 if rest and rule.year_rounding == "ceil" else 0)
        years = min(years, rule.max_months // 12) if rule.max_months >= 12 else years
        factor = Decimal(years)
        rounding = "不足一年按一年计" if rule.year_rounding == "ceil" else "不足一年不计"
        text += f",按整年计({rounding}),为 {years} 年"
    if counted == 0:
        notices.append(Notice(Severity.WARNING, "培训期不足一个整月,补贴为 0", tc.class_id))
    return PeriodStep(months_actual=months, months_counted=counted, factor=factor, text=text, notices=tuple(notices))


def factor_text(factor: Decimal, values: RuleValues) -> str:
    if values.period.unit == "year":
        return f"{factor} 年"
    return f"{(factor * TWELVE).to_integral_value()}/12 年"


def _advance_ratio(tc: TrainingClass, values: RuleValues, claim_date: date, stage: Stage) -> tuple[Decimal, str]:
    rule = values.advance
    if tc.apprentice_type is ApprenticeType.STUDENT and rule.student_ratio is not None:
        source = cited(values, "advance.student_ratio")
        return rule.student_ratio, f"学生学徒预支比例 {percent(rule.student_ratio)}{source}"
    if not rule.instalments:
        return rule.ratio, f"预支比例 {percent(rule.ratio)}"
    due: list[str] = []
    ratio = ZERO
    middle = midpoint(tc.start_date, tc.end_date)
    for instalment in rule.instalments:
        if stage is Stage.SETTLEMENT or instalment.due == "start" or claim_date >= middle:
            ratio += instalment.ratio
            due.append(f"{instalment.label} {percent(instalment.ratio)}")
    return ratio, f"已到期分期:{'、'.join(due) or '无'},合计 {percent(ratio)}"


def advance_deadline(tc: TrainingClass, values: RuleValues) -> date | None:
    """The last day to apply for the advance ("within N months of opening"), when the rule set sets one."""
    months = values.advance.deadline_months
    return add_months(tc.start_date, months) - timedelta(days=1) if months else None


def advance_step(tc: TrainingClass, values: RuleValues, rate: RateStep, period: PeriodStep, claim_date: date,
                 stage: Stage) -> AdvanceStep:
    """Step 3: a ratio of one year's (or the whole period's) amount, for the planned headcount."""
    if values.advance.basis == "one_year":
        adv_factor = min(period.factor, ONE)
        basis_text = "一年" if period.factor >= ONE else "培训期(不足一年)"
    else:
        adv_factor = period.factor
        basis_text = "整个培训期"
    ratio, ratio_text = _advance_ratio(tc, values, claim_date, stage)
    per_person = round_amount(rate.annual * adv_factor * ratio, values)
    total = per_person * tc.planned
    text = (f"预支:{basis_text}标准 {format_yuan(rate.annual * adv_factor)} 元 × {ratio_text} = 每人 "
            f"{format_yuan(per_person)} 元,× 计划 {tc.planned} 人 = {format_yuan(total)} 元")
    notices: list[Notice] = []
    deadline = advance_deadline(tc, values)
    if deadline is not None:
        text += (f";预支须于 {deadline.isoformat()} 前申请(开班后 {values.advance.deadline_months} 个月内)"
                 f"{cited(values, 'advance.deadline_months')}")
        if stage is Stage.ADVANCE and claim_date > deadline:
            notices.append(Notice(Severity.WARNING, f"申领日期 {claim_date.isoformat()} 晚于预支申请期限 "
                                                    f"{deadline.isoformat()}", tc.class_id))
    return AdvanceStep(per_person=per_person, total=total, text=text, notices=tuple(notices))


def advance_claim_step(tc: TrainingClass, advance: AdvanceStep, claim_date: date) -> OutcomesStep:
    """Step 4 at the advance stage: the class earns its advance; any advance already recorded is deducted."""
    texts = [advance.text]
    advance_paid = tc.advance_paid or ZERO
    if advance_paid:
        texts.append(f"此前已预支 {format_yuan(advance_paid)} 元,本次扣除")
    notices = []
    if claim_date > tc.end_date:
        notices.append(Notice(Severity.WARNING, "申领日期晚于结业日期,预支通常在开班时申请", tc.class_id))
    return OutcomesStep(amounts=(), gross=advance.total, advance_paid=advance_paid, advance_assumed=False,
                        texts=tuple(texts), notices=tuple(notices))


def _outcome_amounts(counts: OutcomeCounts, values: RuleValues, rate: RateStep,
                     period: PeriodStep) -> tuple[list[OutcomeAmount], list[str]]:
    amounts: list[OutcomeAmount] = []
    parts: list[str] = []
    for outcome in Outcome:
        rule = values.outcomes.get(outcome)
        count = counts.get(outcome)
        if rule.rate is not None:
            annual, how = rule.rate, f"固定标准 {format_yuan(rule.rate)} 元/人·年"
        else:
            annual, how = rate.annual * rule.factor, f"系数 {rule.factor.normalize():f}"
        per_person = round_amount(annual * period.factor, values)
        amount = per_person * count
        note = f",{rule.note}" if rule.note else ""
        amounts.append(OutcomeAmount(outcome=outcome, count=count, annual_rate=annual, factor_text=how,
                                     per_person=per_person, amount=amount))
        parts.append(f"{outcome.label} {count} 人 × {format_yuan(per_person)} [{how}{note}] = {format_yuan(amount)}")
    return amounts, parts


def settlement_step(tc: TrainingClass, counts: OutcomeCounts, values: RuleValues, rate: RateStep,
                    period: PeriodStep, advance: AdvanceStep, claim_date: date) -> OutcomesStep:
    """Step 4 at settlement: per outcome, rate × factor × years, rounded per person, × count; minus the advance."""
    full = round_amount(rate.annual * period.factor, values)
    texts = [f"每人全额:{format_yuan(rate.annual)} × {factor_text(period.factor, values)} = {format_yuan(full)} 元"]
    amounts, parts = _outcome_amounts(counts, values, rate, period)
    texts.append("清算:" + ";".join(parts))
    notices: list[Notice] = []
    if tc.advance_paid is None:
        advance_paid, assumed = advance.total, True
        if advance.total:
            notices.append(Notice(Severity.WARNING, f"未填写已预支金额,按规则集应预支的 {format_yuan(advance.total)} "
                                                    "元扣除,请核对", tc.class_id))
            texts.append(f"已预支金额未填写,视为已按规则预支:{advance.text}")
    else:
        advance_paid, assumed = tc.advance_paid, False
    if counts.in_training:
        notices.append(Notice(Severity.WARNING, f"{counts.in_training} 人仍在训,本次清算按“在训”计", tc.class_id))
    if claim_date < tc.end_date:
        notices.append(Notice(Severity.WARNING, "申领日期早于结业日期,清算通常在培训结束后申请", tc.class_id))
    if counts.total < tc.planned:
        notices.append(Notice(Severity.INFO, f"计划 {tc.planned} 人,登记结果 {counts.total} 人", tc.class_id))
    gross = sum((a.amount for a in amounts), ZERO)
    return OutcomesStep(amounts=tuple(amounts), gross=gross, advance_paid=advance_paid, advance_assumed=assumed,
                        texts=tuple(texts), notices=tuple(notices))
