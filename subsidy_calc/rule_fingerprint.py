"""A canonical fingerprint of a rule set's content: equal values give the same hash however they are written."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, Field

from .rule_schema import RuleSet
from .rule_toml import plain_data

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
    text = json.dumps(_canonical(plain_data(ruleset)), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()


def short(fingerprint_text: str) -> str:
    """The first 12 hex digits, for people to compare by eye."""
    return fingerprint_text.removeprefix(PREFIX)[:12]


class RuleStamp(BaseModel):
    """What a saved claim records about the rule set it was calculated with."""

    id: str = Field(min_length=1, title="规则集编号")
    version: str = Field(title="版本")
    fingerprint: str = Field(pattern=r"^sha256:[0-9a-f]{64}$", title="指纹")


def stamp_of(ruleset: RuleSet) -> RuleStamp:
    return RuleStamp(id=ruleset.id, version=ruleset.version, fingerprint=fingerprint(ruleset))


def stamp_matches(stamp: RuleStamp, ruleset: RuleSet) -> bool:
    """True when the set in force now has the very values the claim was calculated with."""
    return stamp.id == ruleset.id and stamp.fingerprint == fingerprint(ruleset)
