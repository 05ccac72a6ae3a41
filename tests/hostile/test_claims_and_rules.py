"""Crafted claim files, rule files and command lines: each ends in a Chinese message and its exit status."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from subsidy_calc.limits import MAX_INTEGER_DIGITS, MAX_JSON_DEPTH, MAX_RULE_LINE_CHARS, MAX_RULE_NESTING

from .conftest import Probe
from .files import an_id

RULES = Path(__file__).resolve().parents[2] / "rules"
CALC = ("calc", "{path}")


def claim_document(planned: object = 10, roster: list[dict[str, str]] | None = None,
                   **extra: object) -> dict[str, object]:
    training_class = {"class_id": "C1", "occupation": "电工", "level": "高级工", "start_date": "2023-03-01",
                      "end_date": "2025-02-28", "planned": planned, **extra}
    return {"format": "subsidy-claim", "format_version": 1,
            "claim": {"ruleset_id": "jinchang-2024", "stage": "settlement", "classes": [training_class],
                      "roster": roster or []}}


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_claim_with_a_5000_digit_integer(tmp_path: Path, probe: Probe) -> None:
    path = write(tmp_path / "digits.json", json.dumps(claim_document()).replace('"planned": 10', '"planned": '
                                                                                 + "9" * 5000))
    answer = probe("open", path)
    assert f"位数超过上限(上限 {MAX_INTEGER_DIGITS} 位,实际 5,000 位)" in answer.message
    assert len(answer.message) < 400
    cli = probe("cli", path, *CALC)
    assert cli.outcome == "exit 2" and "位数超过上限" in cli.message


def test_claim_nested_100000_deep(tmp_path: Path, probe: Probe) -> None:
    answer = probe("open", write(tmp_path / "deep.json", "[" * 100_000 + "]" * 100_000))
    assert f"嵌套层数超过上限(上限 {MAX_JSON_DEPTH:,} 层,实际 100,000 层)" in answer.message


def test_claim_nested_just_over_the_limit(tmp_path: Path, probe: Probe) -> None:
    answer = probe("open", write(tmp_path / "deep40.json", '{"a":' * 40 + "1" + "}" * 40))
    assert "嵌套层数超过上限" in answer.message


def test_claim_true_is_not_one_person(tmp_path: Path, probe: Probe) -> None:
    answer = probe("open", write(tmp_path / "bool.json", json.dumps(claim_document(planned=True))))
    assert answer.outcome == "refused" and "planned: 应为整数,不能是 true/false" in answer.message


def test_claim_float_money_nan_and_1e400(tmp_path: Path, probe: Probe) -> None:
    floats = probe("open", write(tmp_path / "float.json", json.dumps(claim_document(advance_paid=2000.1))))
    assert "金额应写成带引号的文本" in floats.message
    nan = probe("open", write(tmp_path / "nan.json", json.dumps(claim_document()).replace('"planned": 10',
                                                                                         '"planned": NaN')))
    assert "JSON 不允许 NaN" in nan.message
    big = probe("open", write(tmp_path / "big.json", json.dumps(claim_document()).replace('"planned": 10',
                                                                                         '"planned": 1e400')))
    assert "数字“1e400”超出可以表示的范围" in big.message


def test_claim_syntax_error_is_chinese(tmp_path: Path, probe: Probe) -> None:
    answer = probe("open", write(tmp_path / "broken.json", '{"format": "subsidy-claim",\n "x": }'))
    assert "第 2 行第 7 列 JSON 此处缺少值" in answer.message and "Expecting" not in answer.message


def test_claim_over_the_size_limit(tmp_path: Path, probe: Probe) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)
    answer = probe("open", path)
    assert "文件大小超过上限(上限 50 MB,实际 60.0 MB)" in answer.message


def test_claim_with_two_spellings_of_one_id(tmp_path: Path, probe: Probe) -> None:
    full = an_id().translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    people = [{"name": "张三", "id_number": an_id(), "class_id": "C1"},
              {"name": "张三", "id_number": full, "class_id": "C1"}]
    answer = probe("open", write(tmp_path / "twice.json", json.dumps(claim_document(planned=2, roster=people))))
    assert "学徒名册第 1 条与第 2 条是同一身份证号" in answer.message


def test_claim_with_counts_above_planned_is_an_error(tmp_path: Path, probe: Probe) -> None:
    path = write(tmp_path / "over.json", json.dumps(claim_document(planned=2, certified=2, dropped=1,
                                                                   completed_no_cert=1)))
    answer = probe("cli", path, *CALC)
    assert answer.outcome == "exit 1" and "计划人数" in answer.message


def _rules_dir(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    write(folder / f"{name}.toml", text)
    return folder


def test_rule_file_nested_arrays(tmp_path: Path, probe: Probe) -> None:
    folder = _rules_dir(tmp_path, "deep", "x = " + "[\n" * 50_000 + "]\n" * 50_000)
    answer = probe("rules", folder / "deep.toml")
    assert f"嵌套层数超过上限(上限 {MAX_RULE_NESTING} 层" in answer.message and "deep.toml 第17行" in answer.message
    one_line = _rules_dir(tmp_path / "b", "d", "x = " + "[" * 30 + "]" * 30) / "d.toml"
    assert "嵌套层数" in probe("rules", one_line).message
    listing = probe("cli", folder, "rules", "--dir", "{path}")
    assert listing.outcome == "exit 2" and "jinchang-2024" in listing.message and "deep.toml" in listing.message


def test_rule_file_one_huge_line(tmp_path: Path, probe: Probe) -> None:
    folder = _rules_dir(tmp_path, "long", 'id = "long"\ntitle = "' + "长" * 60_000 + '"\n')
    answer = probe("rules", folder / "long.toml")
    expected = f"long.toml 第2行: 这一行的长度超过上限(上限 {MAX_RULE_LINE_CHARS:,} 个字符,实际 60,010 个字符)"
    assert expected in answer.message
    big = probe("rules", _rules_dir(tmp_path / "b", "big", "# " + "x" * 300_000) / "big.toml")
    assert "文件大小超过上限(上限 256 KB,实际 292 KB)" in big.message
    assert answer.cpu < 1.0


def test_rule_file_pathological_for_the_error_locator(tmp_path: Path, probe: Probe) -> None:
    """Lines just under the length limit that made the old key regexes backtrack; plus a validation error."""
    filler = "\n".join(["a" * (MAX_RULE_LINE_CHARS - 10) + " #", "[" + " " * (MAX_RULE_LINE_CHARS - 10),
                        "x = {" + ", ".join(['"k' + str(i) for i in range(300)])] * 12)
    text = (RULES / "jinchang-2024.toml").read_text(encoding="utf-8").replace('id = "jinchang-2024"', 'id = 5')
    folder = _rules_dir(tmp_path, "slow", text + "\n# " + filler.replace("\n", "\n# ") + "\nbad = " + "a" * 3900)
    answer = probe("rules", folder / "slow.toml")
    assert answer.outcome == "refused" and "TOML 语法错误" in answer.message
    assert answer.cpu < 1.0
    ok_syntax = text + "\n" + "\n".join(f'k{i} = "{"x" * (MAX_RULE_LINE_CHARS - 20)}"' for i in range(60))
    folder = _rules_dir(tmp_path / "b", "slow2", ok_syntax)
    answer = probe("rules", folder / "slow2.toml")
    assert answer.outcome == "refused" and "slow2.toml" in answer.message
    assert answer.cpu < 1.0


def test_rule_file_in_utf32_and_binary(tmp_path: Path, probe: Probe) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "u32.toml").write_bytes('id = "u32"\n'.encode("utf-32"))
    answer = probe("rules", folder / "u32.toml")
    assert "不是 UTF-8 文本" in answer.message and "codec" not in answer.message


def test_template_into_a_folder_and_unwritable_output(tmp_path: Path, probe: Probe) -> None:
    folder = tmp_path / "out.xlsx"
    folder.mkdir()
    answer = probe("cli", folder, "template", "{path}")
    assert answer.outcome == "exit 3" and "无法写入模板" in answer.message


def test_unexpected_failure_has_a_status_and_no_traceback(tmp_path: Path, probe: Probe) -> None:
    classes = tmp_path / "classes.csv"
    write(classes, "班级编号,培训职业,培训等级,开班日期,结业日期,计划人数\nC1,电工,高级工,2023-03-01,2025-02-28,10\n")
    answer = probe("cli", classes, "calc", "{path}", "--rules", "jinchang-2024", "--stage", "advance", "--rules-dir",
                   str(tmp_path / "missing"))
    assert answer.outcome in ("exit 2", "exit 4") and "Traceback" not in answer.message


def test_draft_with_more_rows_than_the_limit(tmp_path: Path, probe: Probe) -> None:
    from subsidy_calc.limits import MAX_ROSTER

    document = {"format": "subsidy-claim", "format_version": 2, "status": "draft",
                "draft": {"fields": {}, "classes": [], "roster": [{}] * (MAX_ROSTER + 1)}, "problems": []}
    answer = probe("open", write(tmp_path / "draft.json", json.dumps(document)))
    assert f"学徒数量超过上限(上限 {MAX_ROSTER:,} 个,实际 {MAX_ROSTER + 1:,} 个)" in answer.message
