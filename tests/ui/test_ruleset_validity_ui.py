"""The window shows the chosen rule set's validity beside the choice, and marks an expired document."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from ui.main_window import MainWindow


def _choose(window: MainWindow, ruleset_id: str) -> str:
    combo = window.findChild(QComboBox, "rulesetCombo")
    assert combo is not None
    index = combo.findData(ruleset_id)
    assert index >= 0
    combo.setCurrentIndex(index)
    return window.form.ruleset_info.text()


def test_validity_beside_the_rule_set_choice(window: MainWindow) -> None:
    # guangdong-2023 ended on 2025-12-31, before any day these tests can run
    text = _choose(window, "guangdong-2023")
    assert "⚠ 有效期:2023-08-15 至 2025-12-31(已于 2025-12-31 到期)" in text
    text = _choose(window, "nantong-2019")
    assert "有效期:未注明" in text and "⚠" not in text
