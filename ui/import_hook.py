"""PySide6's per-module import hook, answered without reading every module's source.

Once PySide6 is imported, every later import of any module calls PySide's `feature_imported(module)`
(shibokensupport/feature.py), which reads the module's whole source with `inspect.getsource` to see whether
the text "PySide6" occurs in it: that decides whether `from __feature__ import snake_case, true_property`
may switch the module's view of Qt (0: a PySide module, no feature chosen; -1: not a PySide module, left
alone). The main window imports ≈ 200 modules after PySide6 (pydantic, the core, the window), and reading
their sources cost ≈ 25 ms of CPU between the first frame and a usable window (docs/performance.md).

This app never imports `__feature__`, so the answer only has to be the one PySide would give for what it
means: our `ui` package uses PySide6 (0), no other module does (-1). `answer_without_reading_sources()`
puts that rule in place of the source read; if a PySide release renames the hook it changes nothing and
returns False (tests/ui/test_import_hook.py then fails, so the pin's next bump looks here).
"""

from __future__ import annotations

import sys
from types import ModuleType

_HOOK_MODULE = "shibokensupport.feature"
_OUR_QT_PACKAGE = "ui"


def uses_pyside(module: ModuleType) -> bool:
    """What PySide's source scan finds for this app's modules, without reading the source."""
    name = getattr(module, "__name__", "")
    return name == _OUR_QT_PACKAGE or name.startswith(_OUR_QT_PACKAGE + ".")


def answer_without_reading_sources() -> bool:
    """Install `uses_pyside` as PySide's per-module test; True when PySide has the hook this replaces."""
    hook = sys.modules.get(_HOOK_MODULE)
    if hook is None or not callable(getattr(hook, "_mod_uses_pyside", None)):
        return False
    setattr(hook, "_mod_uses_pyside", uses_pyside)  # noqa: B010 -- a module attribute mypy cannot know
    return True
