"""The user's rule folder: loaded after the shipped sets, overriding by id visibly, broken files listed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from subsidy_calc.enums import SkillLevel
from subsidy_calc.rule_install import save_local
from subsidy_calc.rule_loading import RULES_DIR, load_catalog, user_rules_dir

from .rule_helpers import shipped, user_dir, with_level_rate


def test_user_folder_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUBSIDY_CALC_RULES_DIR", str(tmp_path / "portable"))
    assert user_rules_dir() == tmp_path / "portable"
    monkeypatch.delenv("SUBSIDY_CALC_RULES_DIR")
    monkeypatch.setenv("SUBSIDY_CALC_DATA_DIR", str(tmp_path / "data"))
    assert user_rules_dir() == tmp_path / "data" / "rules"


def test_missing_user_folder_changes_nothing() -> None:
    catalog = load_catalog()
    assert not user_rules_dir().exists()
    assert set(catalog.rulesets) == set(load_catalog(with_user=False).rulesets)
    assert not catalog.errors
    assert all(not origin.local for origin in catalog.origins.values())


def test_local_set_with_a_shipped_id_overrides_it_and_says_so() -> None:
    edited = with_level_rate(shipped("wuhan"), SkillLevel.INTERMEDIATE, Decimal(5500), version="2026.1")
    path = save_local(edited)
    assert path == user_dir() / "wuhan.toml"
    catalog = load_catalog()
    assert catalog.get("wuhan") == edited
    origin = catalog.origin("wuhan")
    assert origin is not None and origin.local and origin.path == path
    assert origin.replaces == RULES_DIR / "wuhan.toml"
    assert "本地规则集" in origin.describe() and str(path) in origin.describe()
    catalog_origin = catalog.origin("ruian")
    assert catalog_origin is not None and not catalog_origin.local


def test_new_local_set_is_added() -> None:
    copy = shipped("ruian").model_copy(update={"id": "ruian-local", "title": "瑞安(本地)"})
    save_local(copy)
    catalog = load_catalog()
    assert catalog.get("ruian-local") == copy
    origin = catalog.origin("ruian-local")
    assert origin is not None and origin.local and origin.replaces is None


def test_broken_user_file_is_listed_and_hides_nothing() -> None:
    folder = user_dir()
    (folder / "wuhan.toml").write_text("id = \"wuhan\"\n[values\n", encoding="utf-8")
    (folder / "binary.toml").write_bytes(b"\xff\xfe\x00garbage")
    catalog = load_catalog()
    assert catalog.get("wuhan") == shipped("wuhan")  # the shipped set is still there
    origin = catalog.origin("wuhan")
    assert origin is not None and not origin.local
    broken = {e.file.name: e for e in catalog.errors}
    assert set(broken) == {"wuhan.toml", "binary.toml"}
    assert all(catalog.is_local_error(e) for e in catalog.errors)
    assert "TOML 语法错误" in str(broken["wuhan.toml"])
    assert "无法读取文件" in str(broken["binary.toml"])


def test_reload_updates_the_catalog_in_place() -> None:
    catalog = load_catalog()
    edited = with_level_rate(shipped("wuhan"), SkillLevel.INTERMEDIATE, Decimal(5100))
    save_local(edited)
    held = catalog
    catalog.reload()
    assert held.get("wuhan") == edited
