"""Qt pieces of the roster import: actions, worker thread, header mapping and result dialogs, drag and drop."""

from __future__ import annotations

from .actions import ImportActions
from .drop import accepts_drop
from .mapping_dialog import HeaderMappingDialog
from .problem_model import ProblemTableModel
from .result_dialog import ImportResultDialog

__all__ = ["HeaderMappingDialog", "ImportActions", "ImportResultDialog", "ProblemTableModel", "accepts_drop"]
