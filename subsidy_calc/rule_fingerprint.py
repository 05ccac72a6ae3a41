"""A canonical fingerprint of a rule set's content: equal values give the same hash however they are written."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from .money import format_yuan
from .results import ClaimResult
from .rule_schema import RuleSet

PREFIX = "sha256:"


def _canonical(value: object) -> Any:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int | Decimal):
        number = Decimal(value).normalize()
        return format(number if number != 0 else Decimal(0), "f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    return str(value)


def fingerprint(ruleset: RuleSet) -> str:
    """sha256 over every value of the set (4000 and 4000.00 alike, key order irrelevant), as 'sha256:<hex>'."""
    from .rule_toml import plain_data  # ≈ 5 ms with rule_fields: `calc` of a workbook or CSV fingerprints nothing

    canonical = _canonical(plain_data(ruleset, only_set=False))
    text = json.dumps(canonical, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()


def short(fingerprint_text: str) -> str:
    """The first 12 hex digits, for people to compare by eye."""
    return fingerprint_text.removeprefix(PREFIX)[:12]


@dataclass(frozen=True)
class RuleStamp:
    """What a saved claim records about the rule set it was calculated with (and the totals it got)."""

    id: str
    version: str
    fingerprint: str
    totals: tuple[Decimal, Decimal, Decimal] | None = None  # gross, advance paid, payable

    def to_dict(self) -> dict[str, str]:
        """The claim file's `ruleset` object: texts only."""
        out = {"id": self.id, "version": self.version, "fingerprint": self.fingerprint}
        if self.totals is not None:
            out.update({key: f"{amount:.2f}" for key, amount in zip(TOTAL_KEYS, self.totals, strict=True)})
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, str] | None) -> RuleStamp | None:
        """The stamp of a claim file; None when it has no fingerprint (older files) or is not readable."""
        if not data or not _FINGERPRINT.match(data.get("fingerprint", "")) or not data.get("id"):
            return None
        totals: tuple[Decimal, Decimal, Decimal] | None = None
        try:
            found = tuple(Decimal(data[key]) for key in TOTAL_KEYS)
            totals = (found[0], found[1], found[2]) if all(v.is_finite() for v in found) else None
        except (KeyError, InvalidOperation):
            totals = None
        return cls(data["id"], data.get("version", ""), data["fingerprint"], totals)


TOTAL_KEYS = ("gross", "advance_paid", "payable")
TOTAL_LABELS = ("应得", "已预支", "本次应付")
_FINGERPRINT = re.compile(r"^sha256:[0-9a-f]{64}$")


def stamp_of(ruleset: RuleSet, result: ClaimResult | None = None) -> RuleStamp:
    totals = (result.gross, result.advance_paid, result.payable) if result is not None else None
    return RuleStamp(ruleset.id, ruleset.version, fingerprint(ruleset), totals)


def stamp_matches(stamp: RuleStamp, ruleset: RuleSet) -> bool:
    """True when the set in force now has the very values the claim was calculated with."""
    return stamp.id == ruleset.id and stamp.fingerprint == fingerprint(ruleset)


@dataclass(frozen=True)
class RuleChange:
    """A claim whose rule set changed since it was saved: what changed and how the result moves."""

    stamp: RuleStamp
    current: RuleSet | None  # None: the set is gone from this computer
    result: ClaimResult | None  # the claim calculated now, with the set in force

    def lines(self) -> list[str]:
        """Chinese lines for the window and the command line."""
        old = f"规则集 {self.stamp.id} 版本 {self.stamp.version or '—'}(指纹 {short(self.stamp.fingerprint)})"
        if self.current is None:
            return [f"本申请保存时按{old}计算,本机现在没有这个规则集,无法按原规则重新计算。"]
        now = f"版本 {self.current.version}(指纹 {short(fingerprint(self.current))})"
        lines = [f"本申请保存时按{old}计算;该规则集现在是{now},其中的值已经改变。"]
        if self.stamp.totals is not None and self.result is not None:
            new = (self.result.gross, self.result.advance_paid, self.result.payable)
            for label, before, after in zip(TOTAL_LABELS, self.stamp.totals, new, strict=True):
                change = after - before
                sign = "+" if change > 0 else ""
                lines.append(f"{label}:保存时 {format_yuan(before)} 元 → 现在 {format_yuan(after)} 元"
                             f"(差额 {sign}{format_yuan(change)} 元)")
        lines.append("窗口、打印和导出的都是按现行规则集重新计算的结果;保存后申请记录现行规则集。")
        return lines


def rule_change(stamp: RuleStamp | None, rulesets: Mapping[str, RuleSet],
                result: ClaimResult | None) -> RuleChange | None:
    """The change since the claim was saved, or None when its values are still the ones in force."""
    if stamp is None:
        return None
    current = rulesets.get(stamp.id)
    if current is not None and stamp_matches(stamp, current):
        return None
    return RuleChange(stamp, current, result)
