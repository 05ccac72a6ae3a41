"""Claims keep their rules: the stamp of the claim as it stands, and the notice after the set changed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from ui_helpers import WELDING, add_class

from subsidy_calc.enums import SkillLevel
from subsidy_calc.money import format_yuan
from subsidy_calc.rule_fingerprint import RuleStamp, fingerprint
from subsidy_calc.rule_install import save_local
from subsidy_calc.rule_loading import load_catalog
from tests.subsidy_calc.rule_helpers import shipped, with_level_rate
from ui.main_window import MainWindow
from ui.rules_editor.claim_rules import RuleChangeNotice


@pytest.fixture
def notices(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(RuleChangeNotice, "show", classmethod(lambda _c, _p, text: shown.append(text)))
    return shown


def test_stamp_then_changed_set_shows_the_difference(make_window: Any, notices: list[str]) -> None:
    window: MainWindow = make_window(catalog=load_catalog())
    add_class(window, WELDING)
    before = window.current_result()
    assert before is not None
    stamp = window.rule_actions.stamp()
    assert stamp is not None and stamp["fingerprint"] == fingerprint(shipped("jinchang-2024"))
    assert stamp["payable"] == f"{before.payable:.2f}"
    assert window.rule_actions.after_open(stamp) is None and not notices  # unchanged: nothing to say
    save_local(with_level_rate(shipped("jinchang-2024"), SkillLevel.INTERMEDIATE, Decimal(4800), version="9"))
    window.rule_actions.rules_changed()
    after = window.current_result()
    assert after is not None and after.gross != before.gross
    change = window.rule_actions.after_open(stamp)
    assert change is not None and len(notices) == 1
    assert "版本 9" in notices[0]
    assert f"保存时 {format_yuan(before.gross)} 元 → 现在 {format_yuan(after.gross)} 元" in notices[0]
    assert RuleStamp.from_dict(window.rule_actions.stamp()) != RuleStamp.from_dict(stamp)
