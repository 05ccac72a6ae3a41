"""`rules --install / --export` and local sets in `rules` and `calc` (through main.py, as users run it)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from subsidy_calc.enums import SkillLevel
from subsidy_calc.rule_install import save_local
from subsidy_calc.rule_loading import RULES_DIR, load_catalog, user_rules_dir
from subsidy_calc.rule_toml import ruleset_toml

from .rule_helpers import shipped, user_dir, with_level_rate
from .test_cli import GOOD_ROWS, run, write_csv


def test_install_refuses_an_invalid_file_with_the_check_message(tmp_path: Path) -> None:
    broken = tmp_path / "ruian.toml"
    text = (RULES_DIR / "ruian.toml").read_text(encoding="utf-8")
    broken.write_text(text.replace("share = 0.6", "share = 6"), encoding="utf-8")
    check, install = run("rules", "--check", broken), run("rules", "--install", broken)
    assert check.returncode == install.returncode == 2
    assert install.stderr == check.stderr and "values.2020-01-01.rate.share" in install.stderr
    assert not (user_rules_dir() / "ruian.toml").exists()


def test_install_shows_changes_and_the_set_is_then_local(tmp_path: Path) -> None:
    edited = with_level_rate(shipped("wuhan"), SkillLevel.INTERMEDIATE, Decimal(5500), version="2026.1")
    source = tmp_path / "wuhan.toml"
    source.write_text(ruleset_toml(edited), encoding="utf-8")
    proc = run("rules", "--install", source)
    assert proc.returncode == 0, proc.stderr
    assert "values.2019-01-01.rate.levels.中级工: 5000 → 5500" in proc.stdout
    assert f"version: {shipped('wuhan').version} → 2026.1" in proc.stdout
    assert (user_rules_dir() / "wuhan.toml").read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    listing = run("rules")
    assert "本地规则集" in listing.stdout and str(user_rules_dir() / "wuhan.toml") in listing.stdout
    assert load_catalog().get("wuhan") == edited


def test_export_writes_any_set_and_it_checks(tmp_path: Path) -> None:
    target = tmp_path / "nantong-2019.toml"
    proc = run("rules", "--export", "nantong-2019", target)
    assert proc.returncode == 0, proc.stderr
    assert target.read_text(encoding="utf-8") == (RULES_DIR / "nantong-2019.toml").read_text(encoding="utf-8")
    assert run("rules", "--check", target).returncode == 0
    assert run("rules", "--export", "nowhere", target).returncode == 2
    folder = tmp_path / "out"
    folder.mkdir()
    assert run("rules", "--export", "ruian", folder).returncode == 0
    assert (folder / "ruian.toml").is_file()
    refused = run("rules", "--export", "ruian", folder / "CON.toml")
    assert refused.returncode == 3 and "“CON”是 Windows 保留的设备名" in refused.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["ruian.toml"]


def test_broken_local_file_is_listed_with_its_problem_and_the_rest_work(tmp_path: Path) -> None:
    (user_dir() / "wuhan.toml").write_text("id = 'wuhan'\ntitle = \n", encoding="utf-8")
    listing = run("rules")
    assert "wuhan\t" in listing.stdout  # the shipped set is still listed
    assert "无法加载本地规则文件" in listing.stderr and "TOML 语法错误" in listing.stderr
    calc = run("calc", write_csv(tmp_path, *GOOD_ROWS), "--rules", "wuhan", "--stage", "advance", "--json")
    assert calc.returncode == 0, calc.stderr


def test_calc_uses_the_local_set_and_says_so(tmp_path: Path) -> None:
    classes = write_csv(tmp_path, *GOOD_ROWS)
    args = ("calc", classes, "--rules", "jinchang-2024", "--stage", "settlement", "--claim-date", "2025-03-10")
    before = json.loads(run(*args, "--json").stdout)
    assert before["ruleset_local"] is False
    save_local(with_level_rate(shipped("jinchang-2024"), SkillLevel.INTERMEDIATE, Decimal(4400)))
    after = json.loads(run(*args, "--json").stdout)
    assert after["ruleset_local"] is True and after["ruleset_file"] == str(user_rules_dir() / "jinchang-2024.toml")
    assert Decimal(after["gross"]) > Decimal(before["gross"])
    table = run(*args)
    assert "本地规则集" in table.stdout


def test_calc_of_a_claim_file_says_when_its_rule_set_changed(tmp_path: Path) -> None:
    from subsidy_calc.claim_file import save_claim
    from subsidy_calc.engine import calculate
    from subsidy_calc.rule_fingerprint import stamp_of
    from tests.report.samples import make_claim

    claim = make_claim()
    ruleset = shipped(claim.ruleset_id)
    path = tmp_path / "claim.subsidy.json"
    save_claim(path, claim, stamp_of(ruleset, calculate(claim, ruleset)).to_dict())
    same = run("calc", path, "--json")
    assert same.returncode == 0, same.stderr
    assert "已经改变" not in same.stderr
    save_local(with_level_rate(ruleset, SkillLevel.INTERMEDIATE, Decimal(4800)))
    changed = run("calc", path, "--json")
    assert changed.returncode == 0, changed.stderr
    assert "其中的值已经改变" in changed.stderr and "差额 +" in changed.stderr
    assert json.loads(changed.stdout)["ruleset_local"] is True
