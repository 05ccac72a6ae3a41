"""文件 → 由预支申请生成清算申请…: a settlement with the advance amounts filled in, and no double-claim warning."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ui_helpers import WELDING, add_class, credit_code, id_number

from ui.claim_guards import DoubleClaimGuard
from ui.columns import ClassColumn, RosterColumn
from ui.main_window import MainWindow


def _advance_file(window: MainWindow, folder: Path) -> Path:
    window.form.edits["enterprise.name"].setText("金昌某某有限公司")
    window.form.edits["enterprise.credit_code"].setText(credit_code())
    add_class(window, {**WELDING, ClassColumn.PLANNED: 2, ClassColumn.CERTIFIED: "",
                       ClassColumn.COMPLETED_NO_CERT: "", ClassColumn.DROPPED: ""})
    for serial in (1, 2):
        window.document.roster.add_row(texts=[f"学徒{serial}", id_number(serial), "B1", "在训", "",
                                              "2023-01-01", "2026-12-31"])
    assert window.current_claim() is not None and window.current_result() is not None
    path = folder / "预支.subsidy.json"
    assert window.save_to(path)
    return path


def test_settlement_generated_from_an_advance_claim(make_window: Any, tmp_path: Path, recorder: Any,
                                                    monkeypatch: Any) -> None:
    warned: list[str] = []
    monkeypatch.setattr(DoubleClaimGuard, "show_overlaps", classmethod(lambda _c, _p, text: warned.append(text)))
    first: MainWindow = make_window()
    advance_path = _advance_file(first, tmp_path)
    advanced = first.current_result().line("B1").gross  # type: ignore[union-attr]
    assert advanced > 0

    window: MainWindow = make_window()
    assert window.settlement.make_from(advance_path)
    assert recorder.messages == []
    assert window.form.stage_combo.currentData() == "settlement"
    assert window.form.edits["enterprise.name"].text() == "金昌某某有限公司"
    classes = window.document.classes
    assert classes.data(classes.index(0, ClassColumn.ADVANCE_PAID)) == f"{advanced:f}"
    roster = window.document.roster
    assert [roster.data(roster.index(r, RosterColumn.STATUS)) for r in range(2)] == ["", ""]
    assert window.file_path is None and window.isWindowModified()

    for row, status in enumerate(("取证", "退出")):
        roster.setData(roster.index(row, RosterColumn.STATUS), status)
    roster.setData(roster.index(0, RosterColumn.CERTIFICATE_NO), "ZS-001")
    result = window.current_result()
    assert result is not None, window.document.problems
    assert result.advance_paid == advanced
    assert window.save_to(tmp_path / "清算.subsidy.json")
    assert warned == []  # advance and settlement of the same class are one claim's two stages


def test_a_settlement_cannot_be_made_from_a_settlement(make_window: Any, tmp_path: Path, recorder: Any) -> None:
    first: MainWindow = make_window()
    path = _advance_file(first, tmp_path)
    first.form.stage_combo.setCurrentIndex(first.form.stage_combo.findData("settlement"))
    assert first.save_to(path)
    window: MainWindow = make_window()
    assert not window.settlement.make_from(path)
    assert "不是预支申请" in recorder.messages[0][1]
