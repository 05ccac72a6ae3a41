"""The TOML writer: every shipped set and edited sets load back equal; the file is commented."""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from subsidy_calc.enums import SkillLevel
from subsidy_calc.rule_loading import load_catalog, load_ruleset_text
from subsidy_calc.rule_schema import RuleSet
from subsidy_calc.rule_toml import plain_data, ruleset_toml

from .rule_helpers import shipped, with_level_rate

SHIPPED = sorted(load_catalog(with_user=False).rulesets)


@pytest.mark.parametrize("ruleset_id", SHIPPED)
def test_every_shipped_set_round_trips(ruleset_id: str) -> None:
    ruleset = shipped(ruleset_id)
    text = ruleset_toml(ruleset, "注释")
    assert load_ruleset_text(text, Path(f"{ruleset_id}.toml")) == ruleset
    assert text.startswith(f"# {ruleset.title}")
    text.encode("gb18030")


def test_awkward_texts_and_values_round_trip() -> None:
    base = with_level_rate(shipped("jinchang-2024"), SkillLevel.ADVANCED, Decimal("5123.45"))
    awkward = base.model_copy(update={
        "title": 'A "quoted" title \\ with backslash\tand tab',
        "reference": "line one\nline two # not a comment",
        "assumptions": ["x" * 150, "第二条 = 假设", "'single'"],
        "review_after": date(2030, 1, 31),
    })
    text = ruleset_toml(awkward)
    back = load_ruleset_text(text, Path("jinchang-2024.toml"))
    assert back == awkward
    data = tomllib.loads(text)
    assert data["values"]["2021-01-01"]["rate"]["levels"]["高级工"] == 5123.45


def test_plain_data_uses_chinese_level_names() -> None:
    data = plain_data(shipped("jinchang-2024"))
    assert set(data["values"]["2021-01-01"]["rate"]["levels"]) == {"中级工", "高级工", "技师", "高级技师"}
    assert isinstance(RuleSet.model_validate(data), RuleSet)


def test_file_is_commented_with_field_titles() -> None:
    text = ruleset_toml(shipped("jinchang-2024"))
    assert "# 补贴标准" in text and "# 预支" in text and "[values.2021-01-01.rate]" in text


def test_only_the_values_a_file_sets_are_written() -> None:
    text = ruleset_toml(shipped("jinchang-2024"))
    assert "min_age" not in text and "refund_within_months" not in text  # defaults stay defaults
