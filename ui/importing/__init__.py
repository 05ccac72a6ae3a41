"""Qt pieces of the roster import: actions, worker thread, header mapping and result dialogs, drag and drop.

Names are resolved on first use (PEP 562): the window imports the actions at start-up, and the dialogs pull in
the importer (calamine, openpyxl), which is only needed once the user imports something.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_HOMES = {
    "ImportActions": ".actions",
    "accepts_drop": ".drop",
    "HeaderMappingDialog": ".mapping_dialog",
    "ProblemTableModel": ".problem_model",
    "ImportResultDialog": ".result_dialog",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOMES[name], __name__), name)
