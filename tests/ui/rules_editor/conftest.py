"""The rule-set editor never blocks a test on its unsaved-changes question: the default answer is Discard."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from ui.rules_editor.dialog import RuleSetEditor


@pytest.fixture(autouse=True)
def _isolated_rule_editor_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RuleSetEditor, "ask_unsaved", lambda _self: QMessageBox.StandardButton.Discard)
