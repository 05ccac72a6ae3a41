"""Helpers for tests of local rule sets: edited copies of shipped sets written into the user folder."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from subsidy_calc.enums import SkillLevel
from subsidy_calc.rule_loading import load_catalog
from subsidy_calc.rule_rates import LevelRate
from subsidy_calc.rule_schema import RuleSet


def shipped(ruleset_id: str) -> RuleSet:
    return load_catalog(with_user=False).get(ruleset_id)


def with_level_rate(ruleset: RuleSet, level: SkillLevel, amount: Decimal, **top: object) -> RuleSet:
    """A copy whose rate for `level` is `amount` in every dated block (other top-level keys from `top`)."""
    values = {}
    for day, block in ruleset.values.items():
        assert isinstance(block.rate, LevelRate)
        levels = dict(block.rate.levels)
        levels[level] = amount
        values[day] = block.model_copy(update={"rate": block.rate.model_copy(update={"levels": levels})})
    return ruleset.model_copy(update={"values": values, **top})


def user_dir() -> Path:
    from subsidy_calc.rule_loading import user_rules_dir

    folder = user_rules_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder
