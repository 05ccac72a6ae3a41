"""The rule-file keys of the schema: dating per parameter, level tables, rate unions, validity, new sections."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from subsidy_calc.enums import SkillLevel
from subsidy_calc.rule_loading import RuleFileError, load_ruleset_text
from subsidy_calc.rule_rates import CostRate, LevelRate, StudentAllowanceRate, StudentFlatRate, StudentLevelRate
from subsidy_calc.rule_schema import RuleSet, RuleValues

HEAD = """
id = "example"
title = "示例"
region = "某市"
document = "某人社发〔2023〕1号"
reference = "示例"
status = "official"
version = "1"
"""

FIRST = """
[values.2023-01-01]
clause = "第一条"
[values.2023-01-01.sources]
"rate" = "第三条"
"period" = "第四条"
"advance" = "第五条"
[values.2023-01-01.rate]
basis = "level"
levels = { "中级工" = 4000, "高级工" = 5000 }
[values.2023-01-01.period]
max_months = 24
min_months = 6
[values.2023-01-01.advance]
ratio = 0.5
"""


def sourced(*keys: str) -> str:
    """FIRST with sources for more sections of its block."""
    extra = [f'"{key}" = "第六条"' for key in keys]
    return FIRST.replace('"advance" = "第五条"', "\n".join(['"advance" = "第五条"', *extra]))


def load(text: str) -> RuleSet:
    return load_ruleset_text(HEAD + text, Path("example.toml"))


def problems(text: str) -> list[str]:
    with pytest.raises(RuleFileError) as caught:
        load(text)
    return [str(p) for p in caught.value.problems]


def test_a_later_block_inherits_every_value_it_does_not_repeat() -> None:
    ruleset = load(FIRST + """
[values.2024-07-01]
clause = "第二条"
sources = { "period.max_months" = "第七条" }
[values.2024-07-01.period]
max_months = 36
""")
    later = ruleset.values[date(2024, 7, 1)]
    assert later.clause == "第二条"
    assert later.period.max_months == 36 and later.period.min_months == 6
    assert isinstance(later.rate, LevelRate) and later.rate.levels[SkillLevel.ADVANCED] == 5000
    assert later.advance.ratio == Decimal("0.5")


def test_a_repeated_key_is_replaced_whole_not_merged_level_by_level() -> None:
    ruleset = load(FIRST + """
[values.2024-07-01]
clause = "第二条"
sources = { "rate.levels" = "第七条" }
[values.2024-07-01.rate]
levels = { "中级工" = 4500 }
""")
    rate = ruleset.values[date(2024, 7, 1)].rate
    assert isinstance(rate, LevelRate) and rate.levels == {SkillLevel.INTERMEDIATE: Decimal(4500)}


def test_a_changed_basis_replaces_the_rate_table() -> None:
    ruleset = load(FIRST + """
[values.2024-07-01]
clause = "第二条"
sources = { "rate" = "第七条" }
[values.2024-07-01.rate]
basis = "cost"
share = 0.6
""")
    rate = ruleset.values[date(2024, 7, 1)].rate
    assert isinstance(rate, CostRate) and rate.share == Decimal("0.6")


def test_clause_is_per_block() -> None:
    found = problems(FIRST + """
[values.2024-07-01.period]
max_months = 36
""")
    assert any("values.2024-07-01.clause" in p for p in found)


def test_an_error_in_an_inherited_value_is_reported_once_where_it_is_written() -> None:
    found = problems(FIRST.replace("ratio = 0.5", "ratio = 5") + """
[values.2024-07-01]
clause = "第二条"
""")
    assert len(found) == 1 and "values.2023-01-01.advance.ratio" in found[0] and "第" in found[0]


def test_sources_are_inherited_except_for_paths_the_later_block_sets() -> None:
    from subsidy_calc.rule_dating import merge_block

    earlier = {"clause": "a", "rate": {"basis": "level", "levels": {}}, "advance": {"ratio": 1},
               "sources": {"rate.levels": "第三条", "advance": "第五条"}}
    later = {"clause": "b", "rate": {"levels": {}}, "sources": {"rate.levels": "第四条"}}
    merged = merge_block(earlier, later)
    assert merged["sources"] == {"rate.levels": "第四条", "advance": "第五条"}
    assert merged["clause"] == "b" and merged["advance"] == {"ratio": 1}
    assert merge_block(earlier, {"clause": "c", "rate": {"levels": {}}})["sources"] == {"advance": "第五条"}


def test_two_names_of_one_level_are_an_error() -> None:
    found = problems(FIRST.replace('"中级工" = 4000,', '"中级工" = 4000, "四级" = 4200,'))
    assert any("“中级工”与“四级”是同一等级" in p and "rate.levels" in p for p in found)


def test_two_names_of_one_level_in_standard_months_are_an_error() -> None:
    found = problems(FIRST.replace("min_months = 6", 'standard_months = { "高级工" = 24, "三级" = 12 }'))
    assert any("同一等级" in p and "period.standard_months" in p for p in found)


def test_the_cost_basis_error_names_the_key_as_written() -> None:
    found = problems(FIRST.replace('basis = "level"\nlevels = { "中级工" = 4000, "高级工" = 5000 }',
                                   'basis = "cost"\nshare = 6'))
    assert any("values.2023-01-01.rate.share" in p and "第" in p for p in found)


def test_an_unknown_basis_is_named() -> None:
    found = problems(FIRST.replace('basis = "level"', 'basis = "levels"'))
    assert any("rate" in p and "level" in p for p in found)


@pytest.mark.parametrize(
    ("table", "kind"),
    [
        ('basis = "level"\nlevels = { "中级工" = 3000 }', StudentLevelRate),
        ('basis = "flat"\namount = 5000', StudentFlatRate),
        ('basis = "allowance"\nfloor = 3000', StudentAllowanceRate),
    ],
)
def test_student_rate_bases(table: str, kind: type) -> None:
    ruleset = load(sourced("student_rate") + f"[values.2023-01-01.student_rate]\n{table}\n")
    assert isinstance(ruleset.values[date(2023, 1, 1)].student_rate, kind)


def test_every_new_section_is_read() -> None:
    ruleset = load("""
valid_from = 2023-08-15
valid_until = 2025-12-31
[[cautions]]
from = 2024-07-01
text = "新文件标准未查到"
""" + sourced("shortage", "hours", "eligibility", "claim_limits") + """
[values.2023-01-01.shortage]
uplift = 0.3
min_level = "三级"
up_to = true
[values.2023-01-01.hours]
classroom_min = 100
practice_min = 200
[values.2023-01-01.eligibility]
min_social_insurance_months = 12
[values.2023-01-01.claim_limits]
max_apprentices_per_year = 50
max_amount = 300000
""")
    values: RuleValues = ruleset.values[date(2023, 1, 1)]
    assert ruleset.valid_until == date(2025, 12, 31) and ruleset.cautions[0].from_ == date(2024, 7, 1)
    assert values.shortage is not None and values.shortage.min_level is SkillLevel.ADVANCED and values.shortage.up_to
    assert values.hours.classroom_min == 100 and values.hours.practice_min == 200
    assert values.eligibility.min_social_insurance_months == 12
    assert values.claim_limits.max_apprentices_per_year == 50 and values.claim_limits.max_amount == 300000
    assert "2025-12-31" in ruleset.validity_problem(date(2026, 1, 1))
    assert "某人社发〔2023〕1号" in ruleset.validity_problem(date(2026, 1, 1))
    assert ruleset.validity_problem(date(2025, 12, 31)) == ""
    assert ruleset.cautions_on(date(2024, 7, 1)) == ("新文件标准未查到",)
    assert ruleset.cautions_on(date(2024, 6, 30)) == ()


def test_validity_window_must_not_be_reversed() -> None:
    assert any("valid_until" in p for p in problems("valid_from = 2025-01-01\nvalid_until = 2024-01-01\n" + FIRST))


def test_student_ratio_and_instalments_do_not_mix() -> None:
    text = FIRST.replace("ratio = 0.5", 'ratio = 0.5\nstudent_ratio = 0.3\ninstalments = '
                         '[{ label = "开班", due = "start", ratio = 0.5 }]')
    assert any("student_ratio" in p for p in problems(text))


@pytest.mark.parametrize("reserved", ["con", "nul", "aux", "prn", "com1", "lpt9"])
def test_a_rule_set_id_windows_cannot_name_a_file_after_is_refused(reserved: str) -> None:
    """The id is the file name (<id>.toml): a local set saved as con.toml could never be written on Windows."""
    text = (HEAD + FIRST).replace('id = "example"', f'id = "{reserved}"', 1)
    found = problems_in(text, Path(f"{reserved}.toml"))
    assert any(f"规则集编号“{reserved}”是 Windows 保留的设备名" in p for p in found), found
    assert load_ruleset_text((HEAD + FIRST).replace('id = "example"', 'id = "console"', 1), Path("console.toml"))


def problems_in(text: str, file: Path) -> list[str]:
    with pytest.raises(RuleFileError) as caught:
        load_ruleset_text(text, file)
    return [str(p) for p in caught.value.problems]
