"""The rule-set fingerprint: canonical (spelling of numbers, key order) and sensitive to every value."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from subsidy_calc.engine import calculate
from subsidy_calc.enums import SkillLevel
from subsidy_calc.rule_fingerprint import RuleStamp, fingerprint, rule_change, short, stamp_matches, stamp_of
from subsidy_calc.rule_loading import RULES_DIR, load_ruleset_text
from tests.report.samples import make_claim

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


def test_stamp_round_trips_through_the_claim_files_texts() -> None:
    claim = make_claim()
    ruleset = shipped("jinchang-2024")
    stamp = stamp_of(ruleset, calculate(claim, ruleset))
    texts = stamp.to_dict()
    assert set(texts) == {"id", "version", "fingerprint", "gross", "advance_paid", "payable"}
    assert all(isinstance(v, str) for v in texts.values())
    assert RuleStamp.from_dict(texts) == stamp
    assert RuleStamp.from_dict({"id": "jinchang-2024"}) is None  # older files: no fingerprint, nothing to say
    assert RuleStamp.from_dict({**texts, "gross": "x"}) == RuleStamp(stamp.id, stamp.version, stamp.fingerprint)


def test_rule_change_says_what_moved() -> None:
    claim = make_claim()
    old = shipped("jinchang-2024")
    stamp = stamp_of(old, calculate(claim, old))
    assert rule_change(stamp, {old.id: old}, calculate(claim, old)) is None
    new = with_level_rate(old, SkillLevel.INTERMEDIATE, Decimal(4400), version="2026.1")
    result = calculate(claim, new)
    change = rule_change(stamp, {new.id: new}, result)
    assert change is not None
    text = "\n".join(change.lines())
    assert f"版本 {old.version}" in text and "版本 2026.1" in text and short(stamp.fingerprint) in text
    assert stamp.totals is not None
    difference = result.gross - stamp.totals[0]
    assert difference > 0 and f"差额 +{difference:,.2f} 元" in text
    gone = rule_change(stamp, {}, None)
    assert gone is not None and "本机现在没有这个规则集" in gone.lines()[0]
