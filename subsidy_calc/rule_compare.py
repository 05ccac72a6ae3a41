"""Comparing two rule sets value by value, and what a claim would get under each (by the engine)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .engine import calculate
from .models import Claim
from .results import ClaimResult
from .rule_fields import scalar_text
from .rule_schema import RuleSet
from .rule_toml import plain_data

MISSING = "—"


def flatten(ruleset: RuleSet) -> dict[str, str]:
    """Every value of a set by its key path (values.2024-01-01.rate.levels.中级工 → "4000")."""
    out: dict[str, str] = {}
    _walk(plain_data(ruleset, only_set=False), "", out)
    return out


def _walk(value: object, path: str, out: dict[str, str]) -> None:
    if isinstance(value, Mapping):
        if not value and path:
            out[path] = "{}"
        for key, item in value.items():
            _walk(item, f"{path}.{key}" if path else str(key), out)
    elif isinstance(value, list) and any(isinstance(i, Mapping) for i in value):
        for index, item in enumerate(value, start=1):
            _walk(item, f"{path}[{index}]", out)
    elif isinstance(value, list):
        out[path] = "、".join(scalar_text(v) for v in value) if value else "(空)"
    else:
        out[path] = scalar_text(value)


@dataclass(frozen=True)
class Difference:
    """One key path whose value differs (MISSING where a set does not have it)."""

    path: str
    left: str
    right: str


def differences(left: RuleSet, right: RuleSet) -> list[Difference]:
    """The values that differ between two sets, in key-path order."""
    a, b = flatten(left), flatten(right)
    paths = list(a) + [p for p in b if p not in a]
    return [Difference(p, a.get(p, MISSING), b.get(p, MISSING)) for p in paths if a.get(p) != b.get(p)]


def side_by_side(left: RuleSet, right: RuleSet) -> list[Difference]:
    """Every value of both sets, changed or not (the editor marks the changed rows)."""
    a, b = flatten(left), flatten(right)
    paths = list(a) + [p for p in b if p not in a]
    return [Difference(p, a.get(p, MISSING), b.get(p, MISSING)) for p in paths]


@dataclass(frozen=True)
class Preview:
    """What a claim gets under one rule set: the engine's totals, unchanged."""

    ruleset_id: str
    gross: Decimal
    advance_paid: Decimal
    payable: Decimal
    has_errors: bool

    @classmethod
    def of(cls, result: ClaimResult) -> Preview:
        return cls(result.ruleset_id, result.gross, result.advance_paid, result.payable, result.has_errors)


def calculate_with(claim: Claim, ruleset: RuleSet) -> ClaimResult:
    """The claim calculated with another rule set (as if it had been chosen in the claim)."""
    return calculate(claim.model_copy(update={"ruleset_id": ruleset.id}), ruleset)


def preview(claim: Claim, ruleset: RuleSet) -> Preview:
    return Preview.of(calculate_with(claim, ruleset))
