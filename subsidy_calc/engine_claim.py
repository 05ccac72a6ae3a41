"""Claim-level steps: notices about the claim as a whole, and limits on it applied as their own explained lines."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .enums import Stage
from .models import Claim
from .money import ZERO, format_yuan
from .results import ClaimAdjustment, ClassLine, Notice, Severity
from .rule_schema import RuleSet, RuleValues
from .rule_sources import source_of


def claim_notices(claim: Claim, ruleset: RuleSet) -> list[Notice]:
    """The rule set chosen, its assumptions and review date, and an empty claim."""
    notices: list[Notice] = []
    if claim.ruleset_id != ruleset.id:
        notices.append(Notice(Severity.ERROR, f"申请选择的规则集是 {claim.ruleset_id},计算使用的是 {ruleset.id}"))
    if ruleset.is_assumed:
        notices.append(
            Notice(Severity.WARNING, "本规则集含有假设内容,须向当地人社部门核实:" + ";".join(ruleset.assumptions))
        )
    if ruleset.review_after is not None and claim.claim_date > ruleset.review_after:
        notices.append(Notice(
            Severity.WARNING,
            f"本规则集应在 {ruleset.review_after.isoformat()} 前复核,参数可能已过时,请核对当地最新文件",
        ))
    if not claim.classes:
        notices.append(Notice(Severity.ERROR, "申请中没有培训班"))
    return notices


def limits_in_force(ruleset: RuleSet, claim_date: date) -> tuple[date, RuleValues]:
    """The claim-level limits apply as in force on the claim date (the first block for an earlier date)."""
    return ruleset.values_on(claim_date) or (ruleset.first_effective, ruleset.values[ruleset.first_effective])


def _headcount(lines: tuple[ClassLine, ...], stage: Stage) -> int:
    if stage is Stage.ADVANCE:
        return sum(line.planned for line in lines)
    return sum(line.counts.total for line in lines)


def claim_limits(claim: Claim, lines: tuple[ClassLine, ...],
                 ruleset: RuleSet) -> tuple[tuple[ClaimAdjustment, ...], list[Notice]]:
    """Step 6: the enterprise's yearly quota of apprentices and the cap on one claim's gross, after the class
    lines. The quota cannot choose whom to drop: over it is an ERROR on a line of 0.00; the cap reduces the
    gross by its own line (a negative amount), so the class lines and the adjustments add up to the total."""
    effective, values = limits_in_force(ruleset, claim.claim_date)
    rule = values.claim_limits
    clause = f"{source_of(values.sources, 'claim_limits') or values.clause}(参数自 {effective.isoformat()} 起施行)"
    adjustments: list[ClaimAdjustment] = []
    notices: list[Notice] = []
    quota = rule.max_apprentices_per_year
    heads = _headcount(lines, claim.stage)
    if quota is not None and heads > quota:
        who = "计划" if claim.stage is Stage.ADVANCE else "登记"
        message = f"本次申请{who}学徒 {heads} 人,超过企业年度学徒名额 {quota} 人,须减少 {heads - quota} 人后申报"
        adjustments.append(ClaimAdjustment(label="年度学徒名额", amount=ZERO, text=message, clause=clause))
        notices.append(Notice(Severity.ERROR, message))
    cap = rule.max_amount
    lines_gross = sum((line.gross for line in lines), ZERO)
    if cap is not None and lines_gross > cap:
        cut = cap - lines_gross
        text = (f"各班应得合计 {format_yuan(lines_gross)} 元,超过单次申请补贴上限 {format_yuan(cap)} 元,"
                f"核减 {format_yuan(-cut)} 元")
        adjustments.append(ClaimAdjustment(label="单次申请补贴上限", amount=cut, text=text, clause=clause))
        notices.append(Notice(Severity.WARNING, text))
    return tuple(adjustments), notices


def adjusted_gross(lines: tuple[ClassLine, ...], adjustments: tuple[ClaimAdjustment, ...]) -> Decimal:
    return sum((line.gross for line in lines), ZERO) + sum((a.amount for a in adjustments), ZERO)
