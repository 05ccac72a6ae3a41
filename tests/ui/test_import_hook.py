"""PySide's per-module import hook answers without reading sources (ui/import_hook.py), with PySide's meaning."""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from types import ModuleType

import PySide6  # noqa: F401 -- installs the hook this replaces
import pytest

from ui import import_hook


@pytest.fixture
def hook() -> ModuleType:
    module = sys.modules.get("shibokensupport.feature")
    assert module is not None, "PySide6 no longer installs shibokensupport.feature: see ui/import_hook.py"
    return module


def test_the_pinned_pyside_has_the_hook_and_it_is_replaced(hook: ModuleType) -> None:
    assert import_hook.answer_without_reading_sources() is True
    assert hook._mod_uses_pyside is import_hook.uses_pyside


def test_modules_imported_afterwards_are_not_read(hook: ModuleType, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import_hook.answer_without_reading_sources()
    read: list[object] = []
    monkeypatch.setattr(inspect, "getsource", lambda obj: read.append(obj) or "")
    (tmp_path / "hook_probe_plain.py").write_text("VALUE = 'mentions PySide6 but does not use it'\n", "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    exec("import hook_probe_plain", {})  # an import statement: PySide hooks __import__, not importlib
    assert read == []
    assert hook.pyside_feature_dict["hook_probe_plain"] == -1  # left alone: no __feature__ switching


def test_the_answer_is_what_pyside_means_for_our_modules() -> None:
    assert import_hook.uses_pyside(ModuleType("ui.main_window"))
    assert import_hook.uses_pyside(ModuleType("ui"))
    assert not import_hook.uses_pyside(ModuleType("uikit"))
    assert not import_hook.uses_pyside(ModuleType("subsidy_calc.models"))
    assert not import_hook.uses_pyside(ModuleType("pydantic"))


def test_no_module_of_the_app_uses_pyside_features() -> None:
    """The replaced scan only mattered for `from __feature__ import …`, which the app never writes."""
    root = Path(__file__).resolve().parents[2]
    users = [p for package in ("ui", "subsidy_calc") for p in (root / package).rglob("*.py")
             if "__feature__" in p.read_text("utf-8")]
    assert users == [root / "ui" / "import_hook.py"]
