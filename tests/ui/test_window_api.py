"""The public API other features use: load a claim, replace the roster, read claim/result/ruleset."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel
from ui_helpers import id_number

from subsidy_calc import __version__
from subsidy_calc.claim_file import save_claim
from subsidy_calc.engine import calculate
from subsidy_calc.models import Apprentice, Claim, TrainingClass
from ui import main_window
from ui.fonts import chinese_font_families, has_chinese_font
from ui.main_window import MainWindow


def _class(class_id: str) -> TrainingClass:
    return TrainingClass(class_id=class_id, occupation="焊工", level="高级工", start_date=date(2024, 1, 1),
                         end_date=date(2024, 12, 31), planned=3)


def _claim() -> Claim:
    roster = [
        Apprentice(name="张三", id_number=id_number(1), class_id="A", status="取证", certificate_no="C1"),
        Apprentice(name="李四", id_number=id_number(2), class_id="A", status="退出"),
    ]
    return Claim(ruleset_id="nantong-2019", stage="settlement", claim_date=date(2025, 1, 15),
                 classes=[_class("A")], roster=roster)


def test_load_claim_into_window_is_one_undo_step(window: MainWindow) -> None:
    claim = _claim()
    window.load_claim_into_window(claim)
    assert window.current_claim() == claim
    assert window.current_ruleset().id == "nantong-2019"
    assert window.current_result() == calculate(claim, window.catalog.get("nantong-2019"))
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert window.document.classes.rowCount() == 0
    assert window.current_ruleset().id == "jinchang-2024"
    window.undo_stack.redo()
    assert window.current_claim() == claim


def test_replace_roster_with_and_without_classes(window: MainWindow) -> None:
    window.load_claim_into_window(_claim())
    people = [Apprentice(name="王五", id_number=id_number(3), class_id="B", status="取证")]
    window.replace_roster(people, [_class("B")])
    claim = window.current_claim()
    assert claim is not None
    assert [c.class_id for c in claim.classes] == ["B"] and claim.roster == people
    window.undo_stack.undo()
    claim = window.current_claim()
    assert claim is not None and len(claim.roster) == 2
    window.replace_roster([])
    claim = window.current_claim()
    assert claim is not None and claim.roster == [] and [c.class_id for c in claim.classes] == ["A"]


def test_file_menu_is_public(window: MainWindow) -> None:
    texts = [a.text() for a in window.file_menu.actions()]
    assert "保存(&S)" in texts and "打开(&O)…" in texts


def test_about_lists_version_and_rulesets(window: MainWindow, recorder: Any) -> None:
    window.about()
    _title, text = recorder.messages[-1]
    assert __version__ in text
    for ruleset in window.catalog.rulesets.values():
        assert f"{ruleset.id}  版本 {ruleset.version}" in text


def test_font_check_functions(qapp: Any) -> None:
    families = chinese_font_families()
    assert isinstance(families, list)
    assert has_chinese_font() == bool(families)


def test_missing_chinese_font_is_explained_in_english(make_window: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(main_window, "has_chinese_font", lambda: False)
    window: MainWindow = make_window()
    banner = window.findChild(QLabel, "fontBanner")
    assert banner is not None
    assert "No Chinese font is installed" in banner.text()
    assert "fonts-wqy-microhei" in banner.text() and ".sh" not in banner.text()


def test_claim_with_unknown_ruleset_is_not_calculated(window: MainWindow, tmp_path: Any, recorder: Any) -> None:
    path = tmp_path / "other.subsidy.json"
    save_claim(path, _claim().model_copy(update={"ruleset_id": "atlantis-2030"}))
    assert window.open_path(path)
    assert window.current_claim() is None
    assert any("atlantis-2030" in p for p in window.document.problems)
    assert window.form.ruleset_combo.currentIndex() == -1
    assert "atlantis-2030" in recorder.messages[-1][1]
    window.form.ruleset_combo.setCurrentIndex(window.form.ruleset_combo.findData("nantong-2019"))
    assert window.current_claim() is not None
