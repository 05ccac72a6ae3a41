"""The calculation: claim + rule set → ClaimResult, pure and deterministic, every amount explained."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from .enums import ApprenticeType, Outcome, Stage
from .identity import birth_date_of, mask_id_number
from .models import Apprentice, Claim, OutcomeCounts, TrainingClass, roster_counts
from .money import ZERO, format_yuan
from .periods import add_months, age_on, midpoint, whole_months
from .results import ClaimResult, ClassLine, Explanation, Notice, OutcomeAmount, Severity
from .rule_schema import RuleSet, RuleValues

TWELVE = Decimal(12)
ONE = Decimal(1)


@dataclass(frozen=True)
class _Rate:
    annual: Decimal
    text: str
    uplift: Decimal
    notices: tuple[Notice, ...]


def _fmt(value: Decimal) -> str:
    return format_yuan(value)


def _pct(value: Decimal) -> str:
    return f"{(value * 100).normalize():f}%"


def _round(value: Decimal, values: RuleValues) -> Decimal:
    rounding = values.rounding
    return value.quantize(rounding.quantum, rounding=rounding.decimal_mode).quantize(Decimal("0.01"))


def _annual_rate(tc: TrainingClass, values: RuleValues) -> _Rate:
    """The annual rate per person before outcome factors, with uplift; zero (with why) when none applies."""
    notices: list[Notice] = []
    if tc.apprentice_type is ApprenticeType.STUDENT and values.student_rate is None:
        message = f"本规则集只补贴{ApprenticeType.EMPLOYEE.label},{tc.apprentice_type.label}不予补贴"
        return _Rate(ZERO, message, ZERO, (Notice(Severity.ERROR, message, tc.class_id),))
    basis = values.student_rate if tc.apprentice_type is ApprenticeType.STUDENT else values.rate
    assert basis is not None
    found = basis.annual(tc)
    if found.error:
        return _Rate(ZERO, found.text, ZERO, (Notice(Severity.ERROR, found.error, tc.class_id),))
    annual, text = found.annual, found.text
    uplift = ZERO
    if tc.shortage:
        shortage = values.shortage
        if shortage is not None and shortage.uplift > 0:
            uplift = shortage.uplift
            annual = annual * (ONE + uplift)
            text += f";紧缺职业上浮 {_pct(uplift)},为 {_fmt(annual)} 元/人·年"
        else:
            notices.append(Notice(Severity.WARNING, "本规则集没有紧缺职业上浮规定,未上浮", tc.class_id))
    return _Rate(annual, text, uplift, tuple(notices))


def _period(tc: TrainingClass, values: RuleValues) -> tuple[int, int, Decimal, str, list[Notice]]:
    """Months actually trained, months counted, the year factor that multiplies the annual rate, and why."""
    rule = values.period
    months, days = whole_months(tc.start_date, tc.end_date)
    notices: list[Notice] = []
    text = f"培训期 {tc.start_date.isoformat()} 至 {tc.end_date.isoformat()},共 {months} 个整月"
    if days:
        text += f"又 {days} 天(不足一月的天数不计)"
    counted = months
    if months > rule.max_months:
        counted = rule.max_months
        text += f";超过补贴期上限 {rule.max_months} 个月,按 {counted} 个月计"
        notices.append(
            Notice(Severity.WARNING, f"培训期 {months} 个月超过上限 {rule.max_months} 个月,按上限计算", tc.class_id)
        )
    if months < rule.min_months:
        notices.append(
            Notice(Severity.ERROR, f"培训期 {months} 个月不足规定的 {rule.min_months} 个月,不予补贴", tc.class_id)
        )
        return months, 0, ZERO, text + f";不足 {rule.min_months} 个月,不予补贴", notices
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
    return months, counted, factor, text, notices


def _advance_ratio(tc: TrainingClass, values: RuleValues, claim_date: date, stage: Stage) -> tuple[Decimal, str]:
    rule = values.advance
    if not rule.instalments:
        return rule.ratio, f"预支比例 {_pct(rule.ratio)}"
    due: list[str] = []
    ratio = ZERO
    middle = midpoint(tc.start_date, tc.end_date)
    for instalment in rule.instalments:
        if stage is Stage.SETTLEMENT or instalment.due == "start" or claim_date >= middle:
            ratio += instalment.ratio
            due.append(f"{instalment.label} {_pct(instalment.ratio)}")
    return ratio, f"已到期分期:{'、'.join(due) or '无'},合计 {_pct(ratio)}"


def _zero_line(tc: TrainingClass, counts: OutcomeCounts, from_roster: bool, explanation: Explanation,
               notices: list[Notice]) -> ClassLine:
    advance = tc.advance_paid or ZERO
    return ClassLine(
        tc.class_id, tc.occupation, tc.level, tc.apprentice_type, tc.start_date, tc.end_date, tc.planned,
        counts, from_roster, 0, 0, "", ZERO, "", ZERO, (), ZERO, ZERO, advance, False, -advance,
        explanation, tuple(notices), tc,
    )


def _class_line(tc: TrainingClass, counts: OutcomeCounts, from_roster: bool, stage: Stage, claim_date: date,  # noqa: C901 (being split into named steps)
                ruleset: RuleSet) -> ClassLine:
    in_force = ruleset.values_on(tc.start_date)
    header = (
        f"班级 {tc.class_id} · {tc.occupation} · {tc.level.label} · {tc.apprentice_type.label} · "
        f"计划 {tc.planned} 人"
    )
    if in_force is None:
        message = (
            f"开班日期 {tc.start_date.isoformat()} 早于本规则集最早的施行日期 "
            f"{ruleset.first_effective.isoformat()},无法计算"
        )
        explanation = Explanation((header, message), ruleset.id, ruleset.version, None, "—")
        return _zero_line(tc, counts, from_roster, explanation, [Notice(Severity.ERROR, message, tc.class_id)])
    effective, values = in_force
    notices: list[Notice] = []
    rate = _annual_rate(tc, values)
    notices.extend(rate.notices)
    months, counted, factor, period_text, period_notices = _period(tc, values)
    notices.extend(period_notices)
    steps = [header, period_text, f"年标准:{rate.text}"]
    full_per_person = _round(rate.annual * factor, values)

    # The advance: a ratio of one year's (or the whole period's) amount, for the planned headcount.
    adv_rule = values.advance
    if adv_rule.basis == "one_year":
        adv_factor = min(factor, ONE)
        basis_text = "一年" if factor >= ONE else "培训期(不足一年)"
    else:
        adv_factor = factor
        basis_text = "整个培训期"
    ratio, ratio_text = _advance_ratio(tc, values, claim_date, stage)
    advance_pp = _round(rate.annual * adv_factor * ratio, values)
    advance_total = advance_pp * tc.planned
    advance_text = (
        f"预支:{basis_text}标准 {_fmt(rate.annual * adv_factor)} 元 × {ratio_text} = 每人 {_fmt(advance_pp)} 元,"
        f"× 计划 {tc.planned} 人 = {_fmt(advance_total)} 元"
    )
    outcome_amounts: list[OutcomeAmount] = []
    if stage is Stage.ADVANCE:
        gross = advance_total
        steps.append(advance_text)
        advance_paid = tc.advance_paid or ZERO
        assumed = False
        if advance_paid:
            steps.append(f"此前已预支 {_fmt(advance_paid)} 元,本次扣除")
        if claim_date > tc.end_date:
            notices.append(Notice(Severity.WARNING, "申领日期晚于结业日期,预支通常在开班时申请", tc.class_id))
    else:
        steps.append(f"每人全额:{_fmt(rate.annual)} × {_factor_text(factor, values)} = {_fmt(full_per_person)} 元")
        parts = []
        gross = ZERO
        for outcome in Outcome:
            rule = values.outcomes.get(outcome)
            count = counts.get(outcome)
            if rule.rate is not None:
                annual = rule.rate
                how = f"固定标准 {_fmt(rule.rate)} 元/人·年"
            else:
                annual = rate.annual * rule.factor
                how = f"系数 {rule.factor.normalize():f}"
            per_person = _round(annual * factor, values)
            amount = per_person * count
            gross += amount
            note = f",{rule.note}" if rule.note else ""
            outcome_amounts.append(OutcomeAmount(outcome, count, annual, how, per_person, amount))
            parts.append(f"{outcome.label} {count} 人 × {_fmt(per_person)} [{how}{note}] = {_fmt(amount)}")
        steps.append("清算:" + ";".join(parts))
        if tc.advance_paid is None:
            advance_paid, assumed = advance_total, True
            if advance_total:
                message = f"未填写已预支金额,按规则集应预支的 {_fmt(advance_total)} 元扣除,请核对"
                notices.append(Notice(Severity.WARNING, message, tc.class_id))
                steps.append(f"已预支金额未填写,视为已按规则预支:{advance_text}")
        else:
            advance_paid, assumed = tc.advance_paid, False
        if counts.in_training:
            notices.append(Notice(Severity.WARNING, f"{counts.in_training} 人仍在训,本次清算按“在训”计", tc.class_id))
        if claim_date < tc.end_date:
            notices.append(Notice(Severity.WARNING, "申领日期早于结业日期,清算通常在培训结束后申请", tc.class_id))
        if counts.total < tc.planned:
            notices.append(
                Notice(Severity.INFO, f"计划 {tc.planned} 人,登记结果 {counts.total} 人", tc.class_id)
            )
    if counts.total > tc.planned:
        notices.append(
            Notice(Severity.WARNING, f"登记人数 {counts.total} 超过计划人数 {tc.planned}", tc.class_id)
        )
    payable = gross - advance_paid
    summary = f"应得 {_fmt(gross)} 元 − 已预支 {_fmt(advance_paid)} 元 = 本次应付 {_fmt(payable)} 元"
    if payable < 0:
        refund = f"应退回 {_fmt(-payable)} 元"
        if values.settlement.refund_within_months:
            deadline = add_months(tc.end_date, values.settlement.refund_within_months)
            refund += f",须于 {deadline.isoformat()} 前(培训结束后 {values.settlement.refund_within_months} 个月内)退回"
        summary += f"({refund})"
        notices.append(Notice(Severity.WARNING, refund, tc.class_id))
    steps.append(summary)
    explanation = Explanation(tuple(steps), ruleset.id, ruleset.version, effective, values.clause)
    return ClassLine(
        tc.class_id, tc.occupation, tc.level, tc.apprentice_type, tc.start_date, tc.end_date, tc.planned,
        counts, from_roster, months, counted, period_text, rate.annual, rate.text, rate.uplift,
        tuple(outcome_amounts), advance_pp, gross, advance_paid, assumed, payable, explanation, tuple(notices), tc,
    )


def _factor_text(factor: Decimal, values: RuleValues) -> str:
    if values.period.unit == "year":
        return f"{factor} 年"
    return f"{(factor * TWELVE).to_integral_value()}/12 年"


@dataclass(frozen=True)
class _PersonCheck:
    """Per-class facts for checking people fast: amounts by outcome, age cut-off, contract rule."""

    amounts: dict[Outcome, Decimal]
    training_class: TrainingClass
    born_after: str  # YYYYMMDD: born after this day means under the minimum age at the training start
    min_age: int
    min_contract_months: int


def _person_checks(claim: Claim, lines: dict[str, ClassLine], ruleset: RuleSet) -> dict[str, _PersonCheck]:
    settlement = claim.stage is Stage.SETTLEMENT
    checks: dict[str, _PersonCheck] = {}
    for tc in claim.classes:
        line = lines[tc.class_id]
        amounts = {o: (line.per_person(o) if settlement else line.advance_per_person) for o in Outcome}
        in_force = ruleset.values_on(tc.start_date)
        rule = in_force[1].eligibility if in_force else None
        min_age = rule.min_age if rule else 0
        cutoff = add_months(tc.start_date, -12 * min_age)
        contract = rule.min_contract_months if rule and tc.apprentice_type is ApprenticeType.EMPLOYEE else 0
        checks[tc.class_id] = _PersonCheck(amounts, tc, f"{cutoff:%Y%m%d}", min_age, contract)
    return checks


def _apprentice_amounts(claim: Claim, lines: dict[str, ClassLine], ruleset: RuleSet,
                        notices: list[Notice]) -> tuple[Decimal, ...]:
    """Each apprentice's share, and the person-level checks (age, certificate number, labour contract).

    The hot loop of a large roster: amounts only (ClaimResult makes the ApprenticeLine rows on demand).
    """
    checks = _person_checks(claim, lines, ruleset)
    result: list[Decimal] = []
    append = result.append
    certified = Outcome.CERTIFIED
    for person in claim.roster:
        check = checks[person.class_id]
        status = person.status
        append(check.amounts[status])
        if person.id_number[6:14] > check.born_after:
            _person_notice(notices, check, person, "age")
        if status is certified and not person.certificate_no:
            _person_notice(notices, check, person, "certificate")
        start, end = person.contract_start, person.contract_end
        if (
            check.min_contract_months
            and start is not None
            and end is not None
            and not _contract_covers(start, end, check.training_class.start_date, check.min_contract_months)
        ):
            _person_notice(notices, check, person, "contract")
    return tuple(result)


@lru_cache(maxsize=4096)
def _contract_covers(start: date, end: date, training_start: date, min_months: int) -> bool:
    """Whether a labour contract lasts at least `min_months` and covers the training start."""
    return start <= training_start <= end and end >= add_months(start, min_months) - timedelta(days=1)


def _person_notice(notices: list[Notice], check: _PersonCheck, person: Apprentice, kind: str) -> None:
    tc = check.training_class
    if kind == "age":
        age = age_on(birth_date_of(person.id_number), tc.start_date)
        notices.append(Notice(Severity.ERROR, f"{person.name} 开班时 {age} 岁,未满 {check.min_age} 岁", tc.class_id))
    elif kind == "certificate":
        notices.append(Notice(Severity.WARNING, f"{person.name} 状态为取证,但未填写证书编号", tc.class_id))
    else:
        start, end = person.contract_start, person.contract_end
        assert start is not None and end is not None
        notices.append(
            Notice(
                Severity.WARNING,
                f"{person.name} 劳动合同 {start.isoformat()} 至 {end.isoformat()} 不满 "
                f"{check.min_contract_months} 个月或未覆盖开班日期 {tc.start_date.isoformat()}",
                tc.class_id,
            )
        )


def _overlapping_classes(claim: Claim) -> list[Notice]:
    """One person in two classes of this claim whose periods overlap: a double claim inside the claim."""
    classes_of: dict[str, list[str]] = {}
    for person in claim.roster:
        classes_of.setdefault(person.id_number, []).append(person.class_id)
    periods = {tc.class_id: tc.period for tc in claim.classes}
    names = {p.id_number: p.name for p in claim.roster}
    notices: list[Notice] = []
    for id_number, class_ids in classes_of.items():
        if len(class_ids) < 2:
            continue
        for i, first in enumerate(class_ids):
            for second in class_ids[i + 1:]:
                if periods[first].overlaps(periods[second]):
                    notices.append(Notice(
                        Severity.ERROR,
                        f"{names[id_number]}({mask_id_number(id_number)})同时在班级“{first}”和“{second}”,"
                        "两班培训期重叠,同一人同一时期只能申领一次",
                        second,
                    ))
    return notices


class EngineCache:
    """Memo of class lines for one rule set, for a caller that recalculates after every small edit.

    A class line depends only on the class, its counts, the stage, the claim date and the rule set, so an
    unchanged class is not worked out again. The cache forgets everything when given another rule set.
    """

    def __init__(self, max_entries: int = 4096) -> None:
        self._ruleset: RuleSet | None = None
        self._lines: dict[tuple[TrainingClass, OutcomeCounts, bool, Stage, date], ClassLine] = {}
        self._max = max_entries

    def line(self, tc: TrainingClass, counts: OutcomeCounts, from_roster: bool, stage: Stage, claim_date: date,
             ruleset: RuleSet) -> ClassLine:
        if ruleset is not self._ruleset:
            self._ruleset, self._lines = ruleset, {}
        key = (tc, counts, from_roster, stage, claim_date)
        found = self._lines.get(key)
        if found is None:
            if len(self._lines) >= self._max:
                self._lines.clear()
            found = self._lines[key] = _class_line(tc, counts, from_roster, stage, claim_date, ruleset)
        return found


def calculate(claim: Claim, ruleset: RuleSet, cache: EngineCache | None = None) -> ClaimResult:
    """Calculate a claim under a rule set. Pure: same inputs, same result; never touches files or clocks.

    `cache` only memoises class lines between calls (see EngineCache); the result is the same without it.
    """
    notices: list[Notice] = []
    if claim.ruleset_id != ruleset.id:
        notices.append(Notice(Severity.ERROR, f"申请选择的规则集是 {claim.ruleset_id},计算使用的是 {ruleset.id}"))
    if ruleset.is_assumed:
        notices.append(
            Notice(Severity.WARNING, "本规则集含有假设内容,须向当地人社部门核实:" + ";".join(ruleset.assumptions))
        )
    if ruleset.review_after is not None and claim.claim_date > ruleset.review_after:
        notices.append(
            Notice(
                Severity.WARNING,
                f"本规则集应在 {ruleset.review_after.isoformat()} 前复核,参数可能已过时,请核对当地最新文件",
            )
        )
    if not claim.classes:
        notices.append(Notice(Severity.ERROR, "申请中没有培训班"))
    from_roster = roster_counts(claim.roster)
    lines: dict[str, ClassLine] = {}
    for tc in claim.classes:
        counts = from_roster.get(tc.class_id)
        args = (tc, counts if counts is not None else tc.typed_counts, counts is not None, claim.stage,
                claim.claim_date, ruleset)
        lines[tc.class_id] = cache.line(*args) if cache is not None else _class_line(*args)
    amounts = _apprentice_amounts(claim, lines, ruleset, notices)
    notices.extend(_overlapping_classes(claim))
    class_lines = tuple(lines.values())
    gross = sum((line.gross for line in class_lines), ZERO)
    advance = sum((line.advance_paid for line in class_lines), ZERO)
    return ClaimResult(
        ruleset.id, ruleset.title, ruleset.region, ruleset.document, ruleset.version, ruleset.status,
        claim.stage, claim.claim_date, class_lines, tuple(claim.roster), amounts, gross, advance, gross - advance,
        tuple(notices),
    )
