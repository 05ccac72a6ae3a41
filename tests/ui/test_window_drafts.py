"""Drafts: a claim with problems is saved, reopened with the same cells and problems, refused only at export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ui_helpers import WELDING, add_class, credit_code, id_number

from subsidy_calc.claim_file import ClaimFileError, load_claim, read_claim_file
from subsidy_calc.cli import main as cli_main
from subsidy_calc.exit_status import ExitStatus
from ui.columns import ClassColumn, RosterColumn
from ui.dialogs import SaveChoice
from ui.main_window import MainWindow

BAD_ID = "62030219900101123X"


def _draft_with_bad_id(window: MainWindow) -> None:
    window.form.edits["enterprise.name"].setText("金昌某某有限公司")
    window.form.edits["enterprise.credit_code"].setText(credit_code())
    add_class(window, {**WELDING, ClassColumn.PLANNED: 2, ClassColumn.CERTIFIED: "", ClassColumn.COMPLETED_NO_CERT: "",
                       ClassColumn.DROPPED: ""})
    roster = window.document.roster
    roster.add_row(texts=["张三", id_number(1), "B1", "取证", "ZS-001", "2023-01-01", "2026-12-31"])
    roster.add_row(texts=["李四", BAD_ID, "B1", "取证", "LS-002", "2023-01-01", "2026-12-31"])


def test_claim_with_bad_id_is_saved_reopened_and_refused_only_at_export(
        make_window: Any, tmp_path: Path, recorder: Any) -> None:
    first: MainWindow = make_window()
    _draft_with_bad_id(first)
    problems = first.document.problems
    assert len(problems) == 1 and "学徒名册第 2 行" in problems[0]
    path = tmp_path / "草稿.subsidy.json"
    assert first.save_to(path)
    assert recorder.messages == []
    assert not first.isWindowModified()
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["status"] == "draft" and stored["problems"] == problems
    assert stored["draft"]["roster"][1]["id_number"] == BAD_ID

    second: MainWindow = make_window()
    assert second.open_path(path)
    roster = second.document.roster
    assert roster.data(roster.index(1, RosterColumn.ID_NUMBER)) == BAD_ID
    assert roster.draft(1).errors.keys() == {RosterColumn.ID_NUMBER}
    assert second.document.problems == problems
    assert "草稿 · 1 个问题" in second.windowTitle()
    assert "草稿 · 1 个问题" in second.statusBar().currentMessage()
    assert second.problems_list.count() == 1
    assert second.calculated() is None  # what export and print need: refused (see the next test)


def test_export_refuses_a_draft_with_a_message(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(type(window.report_actions), "show_warning",
                        classmethod(lambda _c, _p, title, text: shown.append(title + text)))
    _draft_with_bad_id(window)
    assert window.report_actions.export_pdf() is None
    assert shown and "无法导出" in shown[0]


def test_closing_a_draft_saves_it_without_loss(make_window: Any, tmp_path: Path, recorder: Any) -> None:
    window: MainWindow = make_window()
    window.show()
    _draft_with_bad_id(window)
    recorder.unsaved_answer = SaveChoice.SAVE
    recorder.save_path = tmp_path / "关窗.subsidy.json"
    assert window.close()
    loaded = read_claim_file(recorder.save_path)
    assert loaded.is_draft


def test_problem_activation_selects_the_offending_cell(window: MainWindow) -> None:
    _draft_with_bad_id(window)
    item = window.problems_list.item(0)
    window.problems_list.itemActivated.emit(item)
    current = window.tables.roster_table.currentIndex()
    assert (current.row(), current.column()) == (1, RosterColumn.ID_NUMBER)


def test_problem_activation_focuses_a_form_field(window: MainWindow) -> None:
    window.form.edits["enterprise.credit_code"].setText("123")
    rows = [window.problems_list.item(i).text() for i in range(window.problems_list.count())]
    assert any("统一社会信用代码" in text for text in rows)
    window.problems_list.itemActivated.emit(window.problems_list.item(0))
    assert window.focusWidget() is window.form.edits["enterprise.credit_code"] or not window.isActiveWindow()


def test_command_line_refuses_a_draft_naming_its_problems(
        window: MainWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _draft_with_bad_id(window)
    path = tmp_path / "草稿.subsidy.json"
    assert window.save_to(path)
    with pytest.raises(ClaimFileError, match="草稿"):
        load_claim(path)
    assert cli_main(["calc", str(path)]) == ExitStatus.BAD_INPUT
    err = capsys.readouterr().err
    assert "草稿" in err and "学徒名册第 2 行" in err


def test_format_1_files_still_open(window: MainWindow, tmp_path: Path) -> None:
    add_class(window, WELDING)
    window.form.edits["enterprise.name"].setText("金昌某某有限公司")
    window.form.edits["enterprise.credit_code"].setText(credit_code())
    claim = window.current_claim()
    assert claim is not None
    old = {"format": "subsidy-claim", "format_version": 1, "app_version": "0.1.0",
           "saved_at": "2026-11-23T23:15:41+00:00", "claim": claim.model_dump(mode="json")}
    path = tmp_path / "old.subsidy.json"
    path.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    assert load_claim(path) == claim
    window.undo_stack.setClean()
    assert window.open_path(path)
    assert window.current_claim() == claim
