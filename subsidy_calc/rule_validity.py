"""A rule set's validity (有效期) as shown to people: the window, the CLI list and the printed claim."""

from __future__ import annotations

from datetime import date
from enum import Enum

from .rule_schema import RuleSet


class Validity(Enum):
    """Where a day stands against the document's validity window."""

    UNSTATED = "unstated"  # the rule set names no end date
    IN_FORCE = "in_force"
    NOT_YET = "not_yet"
    EXPIRED = "expired"


def validity_on(ruleset: RuleSet, day: date) -> Validity:
    """In force, not yet in force, or expired on `day`; UNSTATED when no window is known and the day is inside."""
    if ruleset.valid_until is not None and day > ruleset.valid_until:
        return Validity.EXPIRED
    if ruleset.valid_from is not None and day < ruleset.valid_from:
        return Validity.NOT_YET
    if ruleset.valid_until is None:
        return Validity.UNSTATED
    return Validity.IN_FORCE


def validity_period(ruleset: RuleSet) -> str:
    """The window as written: '2023-08-15 至 2025-12-31', '2019-08-15 起,未注明截止日期' or '未注明'."""
    start, end = ruleset.valid_from, ruleset.valid_until
    if start is not None and end is not None:
        return f"{start.isoformat()} 至 {end.isoformat()}"
    if start is not None:
        return f"{start.isoformat()} 起,未注明截止日期"
    if end is not None:
        return f"至 {end.isoformat()}"
    return "未注明"


def validity_text(ruleset: RuleSet, day: date) -> str:
    """The window and where `day` stands: '2023-08-15 至 2025-12-31(已于 2025-12-31 到期)'."""
    period = validity_period(ruleset)
    state = validity_on(ruleset, day)
    if state is Validity.EXPIRED and ruleset.valid_until is not None:
        return f"{period}(已于 {ruleset.valid_until.isoformat()} 到期)"
    if state is Validity.NOT_YET:
        return f"{period}(尚未生效)"
    if state is Validity.IN_FORCE:
        return f"{period}(有效)"
    return period


def expiry_warning(ruleset: RuleSet, day: date) -> str:
    """The warning printed when the document has expired on `day` ('' otherwise)."""
    if validity_on(ruleset, day) is not Validity.EXPIRED or ruleset.valid_until is None:
        return ""
    until = ruleset.valid_until.isoformat()
    return (
        f"规则集依据的文件已于 {until} 到期(有效期 {validity_period(ruleset)}):{until} 以后开班的培训班不能按"
        "本规则集计算;此前开班的仍按本规则集计算。请核对当地是否已有新文件"
    )
