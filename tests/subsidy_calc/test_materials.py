"""The materials checklist: every shipped rule set lists both stages, sources are given, ticks follow the data."""

from __future__ import annotations

import pytest

from subsidy_calc.enums import Stage
from subsidy_calc.materials import NATIONAL_SOURCE, MaterialItem, Materials, checklist
from subsidy_calc.rule_loading import load_catalog
from tests.report.samples import make_claim


@pytest.mark.parametrize("ruleset_id", sorted(load_catalog().rulesets))
def test_every_shipped_rule_set_lists_materials_for_both_stages(ruleset_id):
    materials = load_catalog().rulesets[ruleset_id].materials
    for stage in Stage:
        items = materials.for_stage(stage)
        assert len(items) >= 5, (ruleset_id, stage)
        assert any(i.app_data == "roster" for i in items) and any(i.app_data == "claim_form" for i in items)
        assert all(i.source for i in items)
    # Where the local documents are silent, the national list is used and says so.
    assert any(i.source == NATIONAL_SOURCE for i in materials.advance)


def test_roster_item_is_ticked_only_with_a_roster():
    materials = load_catalog().rulesets["jinchang-2024"].materials
    claim = make_claim()
    lines = {line.text: line for line in checklist(materials, Stage.SETTLEMENT, claim)}
    roster = next(line for text, line in lines.items() if text.startswith("学徒名册"))
    assert roster.ready and "30 人" in roster.note
    bare = {line.text: line for line in checklist(materials, Stage.SETTLEMENT, claim.model_copy(update={"roster": []}))}
    assert not bare[roster.text].ready and "未录入学徒名册" in bare[roster.text].note
    assert not any(line.ready for text, line in lines.items() if "签到" in text)  # the app cannot know


def test_certificates_are_ticked_only_when_every_certified_person_has_a_number():
    items = Materials(settlement=[MaterialItem(text="证书编号", source="x", app_data="certificates")])
    claim = make_claim()
    assert checklist(items, Stage.SETTLEMENT, claim)[0].ready
    people = [p.model_copy(update={"certificate_no": ""}) if i == 0 else p for i, p in enumerate(claim.roster)]
    line = checklist(items, Stage.SETTLEMENT, claim.model_copy(update={"roster": people}))[0]
    assert not line.ready and "1 名" in line.note
