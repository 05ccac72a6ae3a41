"""A broken rule file: the other rule sets still load, and the CLI names file, line and key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from subsidy_calc.rule_loading import RULES_DIR, load_catalog
from ui.entry import cli_main

from ..subsidy_calc.factories import make_claim, make_class

BREAKAGES = {
    # name: (old text, new text, expected line fragment, expected key path or message fragment)
    "syntax": ("ratio = 0.5", "ratio = = 0.5", "ratio = = 0.5", "TOML 语法错误"),
    "wrong-type": ("max_months = 24", 'max_months = "两年"', 'max_months = "两年"', "period.max_months"),
    "unknown-key": ("max_months = 24", "max_month = 24", "max_month = 24", "period.max_month"),
    "out-of-range": ("ratio = 0.5", "ratio = 1.5", "ratio = 1.5", "advance.ratio"),
}


def _rules_with_broken(tmp_path: Path, name: str, old: str, new: str) -> tuple[Path, int]:
    folder = tmp_path / "rules"
    shutil.copytree(RULES_DIR, folder, ignore=shutil.ignore_patterns("*.md"))
    path = folder / f"{name}.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), start=1) if new in row)
    return folder, line


@pytest.mark.parametrize("kind", sorted(BREAKAGES))
def test_other_rule_sets_still_load(tmp_path: Path, kind: str) -> None:
    old, new, _, fragment = BREAKAGES[kind]
    folder, line = _rules_with_broken(tmp_path, "wuhan", old, new)
    catalog = load_catalog(folder)
    shipped = {p.stem for p in RULES_DIR.glob("*.toml")}
    assert set(catalog.rulesets) == shipped - {"wuhan"}
    (error,) = catalog.errors
    text = str(error)
    assert "wuhan.toml" in text and f"第{line}行" in text and fragment in text, text


@pytest.mark.parametrize("kind", sorted(BREAKAGES))
def test_cli_names_file_line_and_key(tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    old, new, _, fragment = BREAKAGES[kind]
    folder, line = _rules_with_broken(tmp_path, "wuhan", old, new)
    assert cli_main(["rules", "--dir", str(folder)]) == 2
    out, err = capsys.readouterr()
    assert "jinchang-2024" in out  # the good ones are still listed
    assert "无法加载" in err and "wuhan.toml" in err and f"第{line}行" in err and fragment in err
    assert cli_main(["rules", "--check", str(folder / "wuhan.toml")]) == 2
    err = capsys.readouterr().err
    assert "错误:规则文件有误" in err and f"第{line}行" in err and "Traceback" not in err


def test_calc_with_the_broken_rule_set_says_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from subsidy_calc.claim_file import save_claim

    folder, line = _rules_with_broken(tmp_path, "wuhan", "max_months = 24", 'max_months = "两年"')
    claim_path = tmp_path / "c.subsidy.json"
    save_claim(claim_path, make_claim([make_class()], ruleset_id="wuhan"))
    assert cli_main(["calc", str(claim_path), "--rules-dir", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "wuhan.toml" in err and f"第{line}行" in err and "max_months" in err
    # the same claim under a rule set that did load still calculates
    assert cli_main(["calc", str(claim_path), "--rules-dir", str(folder), "--rules", "nantong-2019"]) == 0


def test_unreadable_rule_file_does_not_stop_the_others(tmp_path: Path) -> None:
    folder, _ = _rules_with_broken(tmp_path, "wuhan", "max_months = 24", "max_months = 24")
    (folder / "wuhan.toml").write_bytes(b"\xff\xfe\x00broken")
    catalog = load_catalog(folder)
    assert "jinchang-2024" in catalog.rulesets and "wuhan" not in catalog.rulesets
    assert "无法读取文件" in str(catalog.errors[0])
