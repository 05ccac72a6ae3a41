"""Rule files: every shipped set loads; a broken file names file, line, key path and problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from subsidy_calc.rule_loading import RULES_DIR, RuleFileError, load_catalog, load_ruleset

SHIPPED = {"jinchang-2024", "nantong-2019", "fujian-2019", "wuhan", "shenzhen", "ruian"}


def test_shipped_rule_sets_load_without_errors() -> None:
    catalog = load_catalog()
    assert catalog.errors == []
    assert set(catalog.rulesets) >= SHIPPED
    assert catalog.default_id == "jinchang-2024"
    assert catalog.get("jinchang-2024").status == "assumed"


def test_every_rule_set_cites_its_source_and_assumptions() -> None:
    for ruleset in load_catalog().rulesets.values():
        assert ruleset.reference and ruleset.document and ruleset.version
        if ruleset.status == "assumed":
            assert ruleset.assumptions
        for values in ruleset.values.values():
            assert values.clause


def _broken(tmp_path: Path, old: str, new: str, name: str = "nantong-2019") -> Path:
    target = tmp_path / f"{name}.toml"
    text = (RULES_DIR / f"{name}.toml").read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def _line_of(path: Path, fragment: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(fragment)


def test_bad_value_names_line_and_key_path(tmp_path: Path) -> None:
    path = _broken(tmp_path, "ratio = 0.5", "ratio = 1.5")
    with pytest.raises(RuleFileError) as caught:
        load_ruleset(path)
    problem = caught.value.problems[0]
    assert problem.line == _line_of(path, "ratio = 1.5")
    assert problem.key_path == "values.2019-01-01.advance.ratio"
    assert "1.5" in problem.value
    assert "nantong-2019.toml" in str(problem)


def test_misspelt_key_is_an_error_not_a_default(tmp_path: Path) -> None:
    path = _broken(tmp_path, "max_months = 24", "max_month = 24")
    with pytest.raises(RuleFileError) as caught:
        load_ruleset(path)
    problem = caught.value.problems[0]
    assert problem.key_path == "values.2019-01-01.period.max_month"
    assert problem.line == _line_of(path, "max_month = 24")


def test_unknown_level_in_inline_table_is_located(tmp_path: Path) -> None:
    path = _broken(tmp_path, '"技师" = 6000', '"大师" = 6000')
    with pytest.raises(RuleFileError) as caught:
        load_ruleset(path)
    assert "大师" in str(caught.value)
    assert caught.value.problems[0].line == _line_of(path, '"大师" = 6000')


def test_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = _broken(tmp_path, "ratio = 0.5", "ratio = = 0.5")
    with pytest.raises(RuleFileError) as caught:
        load_ruleset(path)
    assert caught.value.problems[0].line == _line_of(path, "ratio = = 0.5")
    assert "TOML" in str(caught.value)


def test_id_must_match_file_name(tmp_path: Path) -> None:
    target = tmp_path / "other.toml"
    shutil.copy(RULES_DIR / "wuhan.toml", target)
    with pytest.raises(RuleFileError, match="文件名"):
        load_ruleset(target)


def test_a_broken_file_does_not_stop_the_others(tmp_path: Path) -> None:
    for path in RULES_DIR.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    _broken(tmp_path, "basis = \"level\"", "basis = \"levels\"", name="wuhan")
    catalog = load_catalog(tmp_path)
    assert "wuhan" not in catalog.rulesets
    assert SHIPPED - {"wuhan"} <= set(catalog.rulesets)
    assert [e.file.name for e in catalog.errors] == ["wuhan.toml"]


def test_values_are_chosen_by_effective_date(tmp_path: Path) -> None:
    text = (RULES_DIR / "nantong-2019.toml").read_text(encoding="utf-8")
    newer = text[text.index("[values.2019-01-01]"):].replace("2019-01-01", "2023-07-01").replace("8000", "9000")
    target = tmp_path / "nantong-2019.toml"
    target.write_text(text + "\n" + newer, encoding="utf-8")
    ruleset = load_ruleset(target)
    from datetime import date

    from subsidy_calc.enums import SkillLevel
    from subsidy_calc.rule_rates import LevelRate

    found = ruleset.values_on(date(2023, 6, 30))
    assert found is not None and isinstance(found[1].rate, LevelRate)
    assert found[1].rate.levels[SkillLevel.SENIOR_TECHNICIAN] == 8000
    found = ruleset.values_on(date(2023, 7, 1))
    assert found is not None and isinstance(found[1].rate, LevelRate)
    assert found[1].rate.levels[SkillLevel.SENIOR_TECHNICIAN] == 9000
    assert ruleset.values_on(date(2018, 12, 31)) is None
