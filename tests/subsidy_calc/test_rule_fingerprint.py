"""The rule-set fingerprint: canonical (spelling of numbers, key order) and sensitive to every value."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from subsidy_calc.enums import SkillLevel
from subsidy_calc.rule_fingerprint import fingerprint, short, stamp_matches, stamp_of
from subsidy_calc.rule_loading import RULES_DIR, load_ruleset_text

from .rule_helpers import shipped, with_level_rate


def test_same_values_written_differently_give_the_same_fingerprint() -> None:
    text = (RULES_DIR / "jinchang-2024.toml").read_text(encoding="utf-8")
    respelt = text.replace('"中级工" = 4000', '"中级工" = 4000.00').replace("ratio = 0.5", "ratio = 0.50")
    assert respelt != text
    again = load_ruleset_text(respelt, Path("jinchang-2024.toml"))
    assert fingerprint(again) == fingerprint(shipped("jinchang-2024"))


def test_any_changed_value_changes_the_fingerprint() -> None:
    base = shipped("jinchang-2024")
    changed = with_level_rate(base, SkillLevel.INTERMEDIATE, Decimal("4000.01"))
    assert fingerprint(changed) != fingerprint(base)
    assert fingerprint(base.model_copy(update={"title": "x"})) != fingerprint(base)
    assert fingerprint(base).startswith("sha256:") and len(short(fingerprint(base))) == 12


def test_stamp_matches_only_the_same_values() -> None:
    base = shipped("wuhan")
    stamp = stamp_of(base)
    assert stamp.id == "wuhan" and stamp.version == base.version
    assert stamp_matches(stamp, base)
    assert not stamp_matches(stamp, with_level_rate(base, SkillLevel.INTERMEDIATE, Decimal(1)))
