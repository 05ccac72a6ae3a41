"""Provenance: every value a rule block sets names its source (a clause, or an assumption marked 假设)."""

from __future__ import annotations

from pathlib import Path

import pytest

from subsidy_calc.rule_loading import RULES_DIR, RuleFileError, load_catalog, load_ruleset
from subsidy_calc.rule_sources import inherit_sources, is_assumption, source_of, source_problems, value_paths

BLOCK = {
    "clause": "第三条",
    "reference": "某文件",
    "rate": {"basis": "level", "levels": {"中级工": 5000, "高级工": 6000}},
    "advance": {"ratio": 0.5, "instalments": [{"label": "开班", "due": "start", "ratio": 0.5}]},
}


def test_value_paths_walk_tables_skip_the_description_and_keep_lists_whole() -> None:
    assert value_paths(BLOCK) == [
        "rate.basis", "rate.levels.中级工", "rate.levels.高级工", "advance.ratio", "advance.instalments",
    ]


def test_a_source_covers_its_own_path_and_everything_below_it() -> None:
    sources = {"rate": "第三条", "rate.levels.高级工": "假设:按上限"}
    assert source_of(sources, "rate.levels.高级工") == "假设:按上限"
    assert source_of(sources, "rate.levels.中级工") == "第三条"
    assert source_of(sources, "advance.ratio") is None
    assert source_of(sources, "rates") is None


@pytest.mark.parametrize(
    ("sources", "fragments"),
    [
        ({"rate": "第三条"}, ["advance.ratio", "advance.instalments", "没有写明来源"]),
        ({"rate": "第三条", "advance": "第五条", "advance.ratoi": "第五条"}, ["advance.ratoi", "没有设置"]),
        ({"rate": "第三条", "advance": "第五条", "clause": "x"}, ["clause", "不需要来源"]),
        ({"rate": "第三条", "advance": "假设:"}, ["advance", "不能为空"]),
        ({"rate": "  ", "advance": "第五条"}, ["rate", "不能为空"]),
    ],
)
def test_problems_name_the_key_path(sources: dict[str, str], fragments: list[str]) -> None:
    text = "\n".join(source_problems({**BLOCK, "sources": sources}))
    for fragment in fragments:
        assert fragment in text, text


def test_a_fully_sourced_block_has_no_problems() -> None:
    assert source_problems({**BLOCK, "sources": {"rate": "第三条", "advance": "假设:未查到预支比例"}}) == []


def test_assumptions_are_marked_by_their_first_words() -> None:
    assert is_assumption("假设:未查到预支比例")
    assert is_assumption("  假设:…")
    assert not is_assumption("第三条:未作假设")


def _nantong_with(tmp_path: Path, old: str, new: str) -> Path:
    text = (RULES_DIR / "nantong-2019.toml").read_text(encoding="utf-8")
    assert old in text
    target = tmp_path / "nantong-2019.toml"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def test_a_rule_file_with_an_unsourced_value_names_the_block_and_the_value(tmp_path: Path) -> None:
    path = _nantong_with(tmp_path, '"advance" = ', '"advance.basis" = ')
    with pytest.raises(RuleFileError) as caught:
        load_ruleset(path)
    problem = caught.value.problems[0]
    assert problem.key_path == "values.2019-01-01"
    assert "advance.ratio" in problem.message and "sources" in problem.message
    header = path.read_text(encoding="utf-8").splitlines().index("[values.2019-01-01]") + 1
    assert problem.line == header


def test_a_typo_in_a_source_key_is_an_error(tmp_path: Path) -> None:
    path = _nantong_with(tmp_path, '"period.unit" = ', '"period.units" = ')
    with pytest.raises(RuleFileError, match=r"period\.units"):
        load_ruleset(path)


def test_every_shipped_block_sources_every_value_and_marks_assumptions() -> None:
    catalog = load_catalog()
    assert catalog.errors == []
    for ruleset in catalog.rulesets.values():
        for values in ruleset.values.values():
            assert values.sources, ruleset.id
            assert all(text.strip() for text in values.sources.values())
        texts = [t for v in ruleset.values.values() for t in v.sources.values()]
        if ruleset.status == "official":
            # an official set cites its rates; what it assumes is listed in `assumptions` too
            assert any(not is_assumption(t) for t in texts), ruleset.id
        if any(is_assumption(t) for t in texts):
            assert ruleset.assumptions, ruleset.id


def _nantong_with_later_block(tmp_path: Path, later: str) -> Path:
    text = (RULES_DIR / "nantong-2019.toml").read_text(encoding="utf-8")
    target = tmp_path / "nantong-2019.toml"
    target.write_text(text + "\n[values.2024-01-01]\nclause = \"修订\"\n" + later, encoding="utf-8")
    return target


def test_a_later_block_must_source_what_it_sets_even_under_an_inherited_ancestor(tmp_path: Path) -> None:
    # the 2019 block sources "advance" as a whole; a 2024 block that changes advance.ratio needs its own source
    path = _nantong_with_later_block(tmp_path, "[values.2024-01-01.advance]\nratio = 0.4\n")
    with pytest.raises(RuleFileError) as caught:
        load_ruleset(path)
    problem = caught.value.problems[0]
    assert problem.key_path == "values.2024-01-01" and "advance.ratio" in problem.message


def test_inherited_values_keep_the_source_of_the_block_that_set_them(tmp_path: Path) -> None:
    later = (
        '[values.2024-01-01.sources]\n"advance.ratio" = "修订第七条:40%"\n\n'
        "[values.2024-01-01.advance]\nratio = 0.4\n"
    )
    ruleset = load_ruleset(_nantong_with_later_block(tmp_path, later))
    first, second = (ruleset.values[d].sources for d in sorted(ruleset.values))
    assert source_of(second, "advance.ratio") == "修订第七条:40%"
    assert source_of(second, "advance.basis") == source_of(first, "advance.basis") == first["advance"]
    assert source_of(second, "rate.levels.技师") == first["rate"]


def test_inherit_sources_splits_an_ancestor_over_what_is_inherited() -> None:
    merged = {"advance": {"ratio": 0.4, "basis": "one_year", "instalments": []}}
    kept = inherit_sources({"advance": "第七条", "rate": "第三条"}, {}, {"advance.ratio"}, merged)
    assert kept == {"advance.basis": "第七条", "advance.instalments": "第七条", "rate": "第三条"}
    replaced = inherit_sources({"rate.levels": "旧", "rate.basis": "旧"}, {"rate": "新"}, {"rate"}, {})
    assert replaced == {"rate": "新"}
