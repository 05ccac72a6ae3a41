"""Comparing two sets value by value, and previews calculated by the engine."""

from __future__ import annotations

from decimal import Decimal

from subsidy_calc.engine import calculate
from subsidy_calc.enums import SkillLevel
from subsidy_calc.rule_compare import MISSING, differences, flatten, preview, side_by_side
from tests.report.samples import make_claim

from .rule_helpers import shipped, with_level_rate


def test_flatten_names_every_value_by_its_path() -> None:
    flat = flatten(shipped("jinchang-2024"))
    assert flat["values.2021-01-01.rate.levels.中级工"] == "4000"
    assert flat["values.2021-01-01.advance.ratio"] == "0.5"
    assert flat["values.2021-01-01.student_rate.levels.中级工"] == "4000"  # was rate.apprentice_types
    assert flat["id"] == "jinchang-2024"


def test_differences_list_changed_added_and_removed_values() -> None:
    base = shipped("jinchang-2024")
    edited = with_level_rate(base, SkillLevel.INTERMEDIATE, Decimal(4500), review_after=None)
    found = {d.path: (d.left, d.right) for d in differences(base, edited)}
    assert found == {"review_after": ("2026-12-31", MISSING), "values.2021-01-01.rate.levels.中级工": ("4000", "4500")}
    rows = side_by_side(base, edited)
    assert len(rows) == len(flatten(base)) and {r.path for r in rows} >= set(found)
    assert differences(base, base) == []


def test_preview_is_the_engines_result_under_each_set() -> None:
    claim = make_claim()
    base = shipped("jinchang-2024")
    edited = with_level_rate(base, SkillLevel.INTERMEDIATE, Decimal(4500), id="jinchang-local")
    before, after = preview(claim, base), preview(claim, edited)
    expected = calculate(claim, base)
    assert (before.gross, before.advance_paid, before.payable) == (expected.gross, expected.advance_paid,
                                                                   expected.payable)
    assert after.gross > before.gross and after.ruleset_id == "jinchang-local"
    assert not after.has_errors
