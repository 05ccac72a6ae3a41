"""Claims keep their rules: the stamp of the claim as it stands, and the notice after the set changed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
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


def test_saved_claim_reopened_after_its_set_changed_shows_the_difference(
        make_window: Any, notices: list[str], tmp_path: Path) -> None:
    import json

    window: MainWindow = make_window(catalog=load_catalog())
    add_class(window, WELDING)
    before = window.current_result()
    assert before is not None
    path = tmp_path / "claim.subsidy.json"
    assert window.save_to(path)
    stamp = json.loads(path.read_text(encoding="utf-8"))["ruleset"]
    assert stamp["fingerprint"] == fingerprint(shipped("jinchang-2024")) and stamp["gross"] == f"{before.gross:.2f}"
    again: MainWindow = make_window(catalog=load_catalog())
    assert again.open_path(path) and not notices  # same values: nothing to say
    save_local(with_level_rate(shipped("jinchang-2024"), SkillLevel.INTERMEDIATE, Decimal(4800)))
    changed: MainWindow = make_window(catalog=load_catalog())
    assert changed.open_path(path)
    after = changed.current_result()
    assert after is not None and after.gross > before.gross  # shown and printed: the set in force
    assert len(notices) == 1 and "其中的值已经改变" in notices[0]
    difference = after.gross - before.gross
    assert f"差额 +{format_yuan(difference)} 元" in notices[0]
    assert changed.save_to(path)
    assert json.loads(path.read_text(encoding="utf-8"))["ruleset"]["gross"] == f"{after.gross:.2f}"
