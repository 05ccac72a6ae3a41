"""Claim files truncated, edited by hand or written by a newer version: refused with a Chinese message that
says where (line and column, or the key path) and what, never a traceback or a half-loaded claim."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from subsidy_calc.claim_file import ClaimFileError, load_claim, save_claim
from ui.entry import cli_main

from .helpers import big_claim, small_claim


def _document(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    path = tmp_path / "申请.subsidy.json"
    claim = big_claim(n_classes=2, per_class=3)
    save_claim(path, claim)
    return path, json.loads(path.read_text(encoding="utf-8"))


def _refused(path: Path) -> str:
    with pytest.raises(ClaimFileError) as caught:
        load_claim(path)
    message = str(caught.value)
    assert "申请文件“申请.subsidy.json”" in message  # names the file
    return message


@pytest.mark.parametrize("keep", [0.0, 0.1, 0.5, 0.99])
def test_truncated_file_names_line_and_column(tmp_path: Path, keep: float) -> None:
    path, _ = _document(tmp_path)
    raw = path.read_bytes()
    path.write_bytes(raw[: int(len(raw) * keep)])
    message = _refused(path)
    assert "已损坏或被改动" in message and "行" in message and "列" in message


def test_bad_json_edit_names_the_line(tmp_path: Path) -> None:
    path, _ = _document(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if '"planned"' in line)
    lines[number] = lines[number].replace(",", "")  # a comma deleted by hand
    path.write_text("\n".join(lines), encoding="utf-8")
    message = _refused(path)
    assert f"第 {number + 2} 行" in message or f"第 {number + 1} 行" in message


def test_not_utf8_is_refused(tmp_path: Path) -> None:
    path, _ = _document(tmp_path)
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    assert "不是 UTF-8" in _refused(path)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda d: d["claim"]["classes"][1].update(planned="二十"), ["classes.1.planned", "应为整数"]),
        (lambda d: d["claim"]["classes"][0].update(planned=-3), ["classes.0.planned", "不能小于 1"]),
        (lambda d: d["claim"]["classes"][0].update(start_date="2023-02-30"), ["classes.0.start_date", "日期"]),
        (lambda d: d["claim"]["classes"][0].update(advance_paid="四万"), ["classes.0.advance_paid", "数字"]),
        (lambda d: d["claim"]["classes"][0].update(level="特级工"), ["classes.0.level", "无法识别的培训等级"]),
        (lambda d: d["claim"]["classes"][0].update(colour="red"), ["classes.0.colour", "不认识的字段"]),
        (lambda d: d["claim"].update(extra=1), ["extra", "不认识的字段"]),
        (lambda d: d["claim"]["roster"][2].update(id_number=d["claim"]["roster"][2]["id_number"][:17] + "0"
                                                  if not d["claim"]["roster"][2]["id_number"].endswith("0")
                                                  else d["claim"]["roster"][2]["id_number"][:17] + "1"),
         ["roster.2.id_number", "校验位错误"]),
        (lambda d: d["claim"]["roster"][0].update(status="毕业"), ["roster.0.status"]),
        (lambda d: d["claim"].pop("stage"), ["stage", "必须填写"]),
        (lambda d: d["claim"].update(classes={}), ["classes", "应为列表"]),
        (lambda d: d["claim"]["classes"][0].update(end_date="2020-01-01"), ["classes.0", "早于开班日期"]),
    ],
    ids=["wrong-type", "negative", "bad-date", "money-text", "unknown-level", "unknown-key-in-class",
         "unknown-key", "id-check-digit", "unknown-status", "missing-key", "classes-not-list", "reversed-dates"],
)
def test_hand_edits_name_the_key_path(tmp_path: Path, edit: Any, expected: list[str]) -> None:
    path, document = _document(tmp_path)
    edit(document)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    message = _refused(path)
    assert "内容有误" in message
    for fragment in expected:
        assert fragment in message, message


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"format_version": 3}, "由更新版本的软件保存(格式版本 3,本软件支持到 2),请升级软件"),
        ({"format_version": "1"}, "format_version 无效"),
        ({"format": "something-else"}, "不是本软件的申请文件"),
    ],
)
def test_header_problems(tmp_path: Path, change: dict[str, object], expected: str) -> None:
    path, document = _document(tmp_path)
    document.update(change)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert expected in _refused(path)


@pytest.mark.parametrize("content", [b"", b"[]", b"null", b"\x00\x01\x02garbage"])
def test_empty_or_foreign_content(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "申请.subsidy.json"
    path.write_bytes(content)
    _refused(path)


def test_cli_reports_a_broken_claim_file_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "申请.subsidy.json"
    save_claim(path, small_claim())
    path.write_bytes(path.read_bytes()[:-40])
    assert cli_main(["calc", str(path)]) == 2
    err = capsys.readouterr().err
    assert "错误:输入有误" in err and "已损坏或被改动" in err and "Traceback" not in err


def test_many_bad_rows_give_a_message_a_dialog_can_show(tmp_path: Path) -> None:
    """1,000 bad ID numbers once made a 48,000-character message for a message box; now the first 20 are
    listed and the rest counted."""
    path, document = _document(tmp_path)
    people = document["claim"]["roster"]
    template = people[0]
    document["claim"]["roster"] = [
        {**template, "name": f"学徒{i}", "id_number": template["id_number"][:17] + "Y"} for i in range(1000)
    ]
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    message = _refused(path)
    assert "roster.0.id_number" in message
    assert len(message) <= 4000
    assert "另有 980 处错误" in message
