"""The layers hold: the core never reaches Qt, ui or main (statically, checked by import-linter, or
dynamically), and the contract really fails on a planted back-edge."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")],
                          cwd=root, env=env, capture_output=True, text=True, timeout=120)


def _tree_copy(tmp_path: Path) -> Path:
    """The packages and the contract, alone in a folder (so a planted edge never touches the real tree)."""
    for package in ("subsidy_calc", "ui"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "i18n"))
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    lines = ["[tool.importlinter]", f"root_packages = {config['root_packages']!r}".replace("'", '"'),
             "include_external_packages = true"]
    for contract in config["contracts"]:
        lines.append("[[tool.importlinter.contracts]]")
        lines.extend(f"{key} = {value!r}".replace("'", '"') for key, value in contract.items())
    (tmp_path / "pyproject.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


@pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is not installed in this environment")
def test_the_contracts_hold_on_the_real_tree() -> None:
    done = _lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is not installed in this environment")
@pytest.mark.parametrize(("module", "planted", "expected"), [
    ("subsidy_calc/money.py", "from ui import columns", "subsidy_calc.money -> ui.columns"),
    ("subsidy_calc/engine.py", "import PySide6.QtCore", "subsidy_calc.engine -> PySide6"),
    ("ui/columns.py", "import main", "ui.columns -> main"),
])
def test_a_planted_back_edge_breaks_the_contract(tmp_path: Path, module: str, planted: str, expected: str) -> None:
    tree = _tree_copy(tmp_path)
    clean = _lint(tree)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    target = tree / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{planted}  # planted\n", encoding="utf-8")
    broken = _lint(tree)
    assert broken.returncode != 0
    assert expected in broken.stdout, broken.stdout


# importlib's data and metadata readers import no code; the rest of importlib (import_module, util,
# machinery) and __import__ can load a module by a name in a string, which no static check sees.
_ALLOWED_IMPORTLIB = ("importlib.resources", "importlib.metadata")


def _dynamic_imports(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names]
            if isinstance(node, ast.ImportFrom):
                names = [f"{node.module}.{n}" for n in names] if node.module else names
            found.extend((node.lineno, n) for n in names
                         if n.split(".")[0] == "importlib" and not n.startswith(_ALLOWED_IMPORTLIB))
        elif isinstance(node, ast.Name) and node.id in ("__import__", "import_module"):
            found.append((node.lineno, node.id))
        elif isinstance(node, ast.Attribute) and node.attr in ("import_module", "__import__"):
            found.append((node.lineno, node.attr))
    return found


def test_the_core_has_no_dynamic_imports() -> None:
    """import-linter sees only import statements; importlib.import_module / __import__ would hide an edge."""
    found = [f"{path.relative_to(ROOT)}:{line}: {name}"
             for path in sorted((ROOT / "subsidy_calc").rglob("*.py"))
             for line, name in _dynamic_imports(ast.parse(path.read_text(encoding="utf-8")))]
    assert found == []


@pytest.mark.parametrize(("source", "flagged"), [
    ("import importlib\nimportlib.import_module('ui.x')", True),
    ("from importlib import import_module", True),
    ("__import__('PySide6')", True),
    ("from importlib.resources import files", False),
    ("import importlib.metadata", False),
])
def test_the_dynamic_import_scan_sees_what_it_must(source: str, flagged: bool) -> None:
    assert bool(_dynamic_imports(ast.parse(source))) is flagged


def test_calc_and_spreadsheet_export_never_load_qt(tmp_path: Path) -> None:
    """What the contract cannot see at run time: the command line without --pdf leaves Qt unloaded."""
    csv = tmp_path / "classes.csv"
    csv.write_text("班级编号,培训职业,培训等级,开班日期,结业日期,计划人数,取证人数\n"
                   "A01,焊工,中级工,2023/3/1,2024/2/29,10,8\n", encoding="utf-8")
    code = (
        "import sys; from ui.entry import main; "
        f"rc = main(['calc', {str(csv)!r}, '--rules', 'jinchang-2024', '--stage', 'settlement']); "
        f"rc2 = main(['export', {str(csv)!r}, '--rules', 'jinchang-2024', '--stage', 'settlement', "
        f"'--xlsx', {str(tmp_path / 'o.xlsx')!r}]); "
        "assert (rc, rc2) == (0, 0), (rc, rc2); "
        "loaded = [m for m in sys.modules "
        "          if m.split('.')[0] in ('PySide6', 'shiboken6') or m.startswith('ui.report')]; "
        "assert not loaded, loaded"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "SUBSIDY_CALC_DATA_DIR": str(tmp_path / "data")})
    assert done.returncode == 0, done.stdout + done.stderr
