"""export_ruleset: the written file installs back as the same set (fingerprint too), never half-written, and a name
Windows refuses is refused before anything is written."""

from __future__ import annotations

import errno
import os
from decimal import Decimal
from pathlib import Path

import pytest

from subsidy_calc.enums import SkillLevel
from subsidy_calc.file_problems import BadFileNameError, write_error_reason
from subsidy_calc.rule_fingerprint import fingerprint
from subsidy_calc.rule_install import export_ruleset, install, plan_install, save_local
from subsidy_calc.rule_loading import RULES_DIR, load_catalog
from subsidy_calc.rule_toml import ruleset_toml
from tests.subsidy_calc.rule_helpers import shipped, with_level_rate

SHIPPED_IDS = sorted(path.stem for path in RULES_DIR.glob("*.toml"))


def installed_elsewhere(exported: Path, tmp_path: Path) -> None:
    """A colleague's machine: its own empty user folder, the file installed there as `rules --install` does."""
    colleague = tmp_path / "colleague-rules"
    install(plan_install(exported, load_catalog(user_dir=colleague)))


@pytest.mark.parametrize("ruleset_id", SHIPPED_IDS)
def test_shipped_set_exports_and_installs_back_equal(ruleset_id: str, tmp_path: Path) -> None:
    catalog = load_catalog()
    target = export_ruleset(catalog, ruleset_id, tmp_path / f"{ruleset_id}.toml")
    installed_elsewhere(target, tmp_path)
    back = load_catalog(user_dir=tmp_path / "colleague-rules")
    origin = back.origin(ruleset_id)
    assert origin is not None and origin.local  # it is the installed copy that is in force there
    assert back.get(ruleset_id) == catalog.get(ruleset_id)
    assert fingerprint(back.get(ruleset_id)) == fingerprint(catalog.get(ruleset_id))


def test_local_set_exports_its_own_file_and_installs_back_equal(tmp_path: Path) -> None:
    edited = with_level_rate(shipped("wuhan"), SkillLevel.INTERMEDIATE, Decimal(5600), version="2026.2")
    mine = tmp_path / "my-rules"
    save_local(edited, mine)
    catalog = load_catalog(user_dir=mine)
    target = export_ruleset(catalog, "wuhan", tmp_path / "wuhan.toml")
    assert target.read_text(encoding="utf-8") == (mine / "wuhan.toml").read_text(encoding="utf-8")
    installed_elsewhere(target, tmp_path)
    back = load_catalog(user_dir=tmp_path / "colleague-rules").get("wuhan")
    assert back == edited and fingerprint(back) == fingerprint(edited) != fingerprint(shipped("wuhan"))


def test_a_file_changed_on_disk_since_loading_exports_the_set_in_force(tmp_path: Path) -> None:
    mine = tmp_path / "my-rules"
    save_local(with_level_rate(shipped("wuhan"), SkillLevel.INTERMEDIATE, Decimal(5600)), mine)
    catalog = load_catalog(user_dir=mine)
    in_force = catalog.get("wuhan")
    (mine / "wuhan.toml").write_text(ruleset_toml(shipped("wuhan")), encoding="utf-8")  # another program
    target = export_ruleset(catalog, "wuhan", tmp_path / "wuhan.toml")
    installed_elsewhere(target, tmp_path)
    assert load_catalog(user_dir=tmp_path / "colleague-rules").get("wuhan") == in_force


@pytest.mark.parametrize("name", ["con.toml", "NUL.toml", "lpt1.toml", "a:b.toml", "wuhan?.toml", "wuhan.toml.",
                                  "wuhan.toml ", "x" * 260 + ".toml"])
def test_a_name_windows_refuses_is_refused_and_nothing_is_written(name: str, tmp_path: Path) -> None:
    with pytest.raises(BadFileNameError) as caught:
        export_ruleset(load_catalog(), "wuhan", tmp_path / name)
    assert "文件名" in write_error_reason(caught.value) or "设备名" in write_error_reason(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "wuhan.toml"
    target.write_text("the colleague's old copy", encoding="utf-8")

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError) as caught:
        export_ruleset(load_catalog(), "wuhan", target)
    assert write_error_reason(caught.value) == "磁盘已满"
    assert [p.name for p in tmp_path.iterdir()] == ["wuhan.toml"]
    assert target.read_text(encoding="utf-8") == "the colleague's old copy"
