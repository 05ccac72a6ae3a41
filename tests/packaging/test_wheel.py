"""The wheel: built offline from the working tree, installed into a clean venv, both entry points run from
another folder with the rule sets and translations read from the installed package."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SOURCES = ("pyproject.toml", "README.md", "subsidy_calc", "ui", "rules")

CLASSES_CSV = (
    "班级编号,培训职业,培训等级,开班日期,结业日期,计划人数,取证人数\n"
    "B1,电工,中级工/四级,2023-03-01,2024-02-29,10,8\n"
)

def _bin(venv: Path, name: str) -> Path:
    folder = venv / ("Scripts" if sys.platform == "win32" else "bin")
    return folder / (name + (".exe" if sys.platform == "win32" else ""))


def _clean_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", SUBSIDY_CALC_DATA_DIR=str(tmp / "data"),
               XDG_CONFIG_HOME=str(tmp / "config"), XDG_DATA_HOME=str(tmp / "share"))
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build from a copy of the working tree (setuptools writes build/ beside its sources) with no index."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "src"
    for name in SOURCES:
        origin = REPO / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(origin, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                    "-q", "-w", str(tmp / "dist"), str(source)], check=True, capture_output=True, timeout=120)
    (built,) = (tmp / "dist").glob("subsidy_calc-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh venv holding the wheel; its runtime dependencies are borrowed from this environment through a
    .pth line (installing PySide6 afresh takes minutes and the network; scripts/build_bundle.sh does that)."""
    root = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True, timeout=120)
    python = _bin(root, "python")
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             check=True, capture_output=True, text=True).stdout.strip()
    Path(purelib, "borrowed_runtime_deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-index",
                    "--no-deps", str(wheel)], check=True, capture_output=True, timeout=120)
    yield root


@pytest.mark.slow
def test_wheel_holds_every_package_the_rule_sets_and_translations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for package in ("subsidy_calc", "ui"):
        for init in (REPO / package).rglob("__init__.py"):
            relative = init.relative_to(REPO).as_posix()
            assert relative in names, f"{relative} is missing: add its package to [tool.setuptools] packages"
    rules = {p.name for p in (REPO / "rules").glob("*.toml")}
    assert len(rules) >= 8
    assert {n.rsplit("/", 1)[1] for n in names if n.startswith("subsidy_calc/rulesdata/")} >= rules
    assert "ui/i18n/subsidy_en.qm" in names
    assert not any(n.startswith(("tests/", "bench/", "rules/")) for n in names)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[gui_scripts]\nsubsidy-calc = ui.entry:gui_main" in text
    assert "[console_scripts]\nsubsidy-calc-cli = ui.entry:cli_main" in text
    metadata = zipfile.ZipFile(wheel).read(entry_points.replace("entry_points.txt", "METADATA")).decode()
    assert "License-Expression: LicenseRef-Proprietary" in metadata


@pytest.mark.slow
def test_installed_cli_lists_rules_and_calculates_from_another_folder(venv: Path, tmp_path: Path) -> None:
    env = _clean_env(tmp_path)
    probe = "import subsidy_calc.rule_loading as r, ui.i18n as i; print(r.RULES_DIR); print(i.I18N_DIR)"
    where = subprocess.run([str(_bin(venv, "python")), "-c", probe],
                           cwd=tmp_path, env=env, check=True, capture_output=True, text=True).stdout.split("\n")
    assert Path(where[0]).is_relative_to(venv) and Path(where[0]).name == "rulesdata"
    assert Path(where[1]).is_relative_to(venv)

    listed = subprocess.run([str(_bin(venv, "subsidy-calc-cli")), "rules"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert listed.returncode == 0, listed.stderr
    for rule_file in (REPO / "rules").glob("*.toml"):
        assert rule_file.stem in listed.stdout

    (tmp_path / "classes.csv").write_text(CLASSES_CSV, encoding="utf-8")
    calc = subprocess.run([str(_bin(venv, "subsidy-calc-cli")), "calc", "classes.csv", "--rules", "jinchang-2024",
                           "--stage", "settlement", "--claim-date", "2024-04-01", "--json"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert calc.returncode == 0, calc.stderr
    assert json.loads(calc.stdout)["classes"][0]["class_id"] == "B1"


@pytest.mark.slow
def test_installed_window_opens_and_closes_by_itself(venv: Path, tmp_path: Path) -> None:
    env = _clean_env(tmp_path) | {"SUBSIDY_CALC_SMOKE_TEST": str(tmp_path / "smoke.json"), "LC_ALL": "zh_CN.UTF-8"}
    run = subprocess.run([str(_bin(venv, "subsidy-calc"))], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0, run.stderr
    report = json.loads((tmp_path / "smoke.json").read_text(encoding="utf-8"))
    assert report["visible"] is True and report["qt_platform"] == "offscreen"
    assert "jinchang-2024" in report["rule_sets"]
    assert report["qt_cancel"] == "取消"  # Qt's own translation, loaded with the app's
