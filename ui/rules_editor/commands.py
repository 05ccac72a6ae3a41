"""Undo steps of the rule-set editor: one typed value (consecutive typing merges), or a whole new draft."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from subsidy_calc.rule_draft import KeyPath, path_text

from ..i18n import _tr

if TYPE_CHECKING:
    from .dialog import RuleSetEditor

MERGE_ID = 0x5253  # "RS"


class SetDraftValueCommand(QUndoCommand):
    """Set the value at one key path; typing in the same field merges into one step."""

    def __init__(self, editor: RuleSetEditor, path: KeyPath, old: object, new: object, structural: bool) -> None:
        super().__init__(_tr("修改 {0}").format(path_text(path)))
        self.editor, self.path, self.old, self.new, self.structural = editor, path, old, new, structural

    def redo(self) -> None:
        self.editor.apply_value(self.path, self.new, self.structural)

    def undo(self) -> None:
        self.editor.apply_value(self.path, self.old, self.structural)

    def id(self) -> int:
        return -1 if self.structural else MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetDraftValueCommand) or other.path != self.path or other.structural:
            return False
        self.new = other.new
        return True


class ReplaceDraftCommand(QUndoCommand):
    """A structural edit (rows, list items, dated blocks, a basis): the whole draft before and after."""

    def __init__(self, editor: RuleSetEditor, before: dict[str, Any], after: dict[str, Any], text: str) -> None:
        super().__init__(text)
        self.editor, self.before, self.after = editor, copy.deepcopy(before), copy.deepcopy(after)

    def redo(self) -> None:
        self.editor.apply_draft(self.after)

    def undo(self) -> None:
        self.editor.apply_draft(self.before)
