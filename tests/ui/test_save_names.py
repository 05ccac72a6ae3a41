"""Names the program completes after the save dialog (申请 → 申请.subsidy.json): asked about before replacing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from ui.dialogs import ClaimFileDialog, ReplaceQuestion, completed_save_path

# tests/ui/conftest.py replaces the classmethod for every test: keep the real one
SAVE_PATH = ClaimFileDialog.__dict__["save_path"].__func__


class Answers:
    """Each question asked with the answer given; `replies` are the answers still to give."""

    def __init__(self) -> None:
        self.asked: list[tuple[Path, bool]] = []
        self.replies: list[bool] = []


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    record = Answers()

    def ask(cls: Any, parent: Any, path: Path) -> bool:
        reply = record.replies.pop(0)
        record.asked.append((path, reply))
        return reply

    monkeypatch.setattr(ReplaceQuestion, "ask", classmethod(ask))
    return record


def test_a_full_name_is_the_dialogs_business(tmp_path: Path, answers: Answers) -> None:
    existing = tmp_path / "申请表.pdf"
    existing.write_bytes(b"old")
    assert completed_save_path(None, existing, ".pdf") == existing  # the dialog asked already
    assert completed_save_path(None, tmp_path / "申请表.PDF", ".pdf") == tmp_path / "申请表.PDF"
    assert answers.asked == []


def test_a_completed_name_is_asked_about_only_when_it_exists(tmp_path: Path, answers: Answers) -> None:
    assert completed_save_path(None, tmp_path / "新表", ".xlsx") == tmp_path / "新表.xlsx"
    assert answers.asked == []
    (tmp_path / "旧表.xlsx").write_bytes(b"old")
    answers.replies += [False, True]
    assert completed_save_path(None, tmp_path / "旧表", ".xlsx") is None
    assert completed_save_path(None, tmp_path / "旧表", ".xlsx") == tmp_path / "旧表.xlsx"
    assert answers.asked == [(tmp_path / "旧表.xlsx", False), (tmp_path / "旧表.xlsx", True)]


def test_saving_a_claim_as_an_existing_claims_name_without_its_extension_asks_first(
        tmp_path: Path, answers: Answers, monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    other = tmp_path / "金昌2024.subsidy.json"
    other.write_text('{"another": "claim"}', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(tmp_path / "金昌2024"), "")))
    answers.replies.append(False)
    assert SAVE_PATH(ClaimFileDialog, None, str(tmp_path / "x.subsidy.json")) is None
    assert answers.asked == [(other, False)]
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(tmp_path / "金昌2024.subsidy.json"), "")))
    assert SAVE_PATH(ClaimFileDialog, None, "") == other  # typed in full: the dialog's own question covered it
    assert len(answers.asked) == 1
