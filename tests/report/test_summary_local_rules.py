"""A claim calculated with a local rule set says so on paper, with the file; a shipped one does not."""

from __future__ import annotations

from decimal import Decimal

from subsidy_calc.engine import calculate
from subsidy_calc.enums import SkillLevel
from subsidy_calc.export.summary import build_summary
from subsidy_calc.rule_install import save_local
from subsidy_calc.rule_loading import load_catalog
from tests.subsidy_calc.rule_helpers import shipped, with_level_rate

from .samples import make_claim


def test_local_rule_set_is_named_with_its_file_on_the_summary() -> None:
    path = save_local(with_level_rate(shipped("jinchang-2024"), SkillLevel.INTERMEDIATE, Decimal(4400)))
    catalog = load_catalog()
    claim = make_claim()
    ruleset = catalog.get(claim.ruleset_id)
    summary = build_summary(claim, calculate(claim, ruleset), ruleset, origin=catalog.origin(ruleset.id))
    source = {item.label: item.value for item in summary.ruleset}["来源"]
    assert "本地规则集" in source and str(path) in source
    assert str(path) in summary.plain_text()


def test_shipped_rule_set_has_no_local_line() -> None:
    catalog = load_catalog()
    claim = make_claim()
    ruleset = catalog.get(claim.ruleset_id)
    summary = build_summary(claim, calculate(claim, ruleset), ruleset, origin=catalog.origin(ruleset.id))
    assert "本地规则集" not in summary.plain_text()
