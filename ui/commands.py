"""Undo commands: every edit of the claim (cells, rows, form fields, whole content) is one of these."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from .document import ClaimDocument, Snapshot
    from .drafts import RowDraft
    from .table_model import DraftTableModel
from .i18n import _tr

FIELD_MERGE_ID = 1001



class SetCellCommand(QUndoCommand):
    """Change the text of one cell (the row is revalidated)."""

    def __init__(self, model: DraftTableModel, row: int, column: int, old: str, new: str) -> None:
        super().__init__(_tr("编辑 {0}").format(model.header_text(column)))
        self._model, self._row, self._column, self._old, self._new = model, row, column, old, new

    def redo(self) -> None:
        self._model.apply_text(self._row, self._column, self._new)

    def undo(self) -> None:
        self._model.apply_text(self._row, self._column, self._old)


class SetCellsCommand(QUndoCommand):
    """Change many cells at once (paste, clear): one undo step, one recalculation."""

    def __init__(self, model: DraftTableModel, changes: Sequence[tuple[int, int, str, str]], text: str) -> None:
        super().__init__(text)
        self._model, self._changes = model, list(changes)

    def redo(self) -> None:
        self._model.apply_texts([(row, column, new) for row, column, _old, new in self._changes])

    def undo(self) -> None:
        self._model.apply_texts([(row, column, old) for row, column, old, _new in self._changes])


class InsertRowsCommand(QUndoCommand):
    """Insert drafts at a row (add a row, duplicate rows)."""

    def __init__(self, model: DraftTableModel, row: int, drafts: Sequence[RowDraft[Any]], text: str) -> None:
        super().__init__(text)
        self._model, self._row, self._drafts = model, row, list(drafts)

    def redo(self) -> None:
        self._model.insert_drafts(self._row, self._drafts)

    def undo(self) -> None:
        self._model.take_rows(list(range(self._row, self._row + len(self._drafts))))


class RemoveRowsCommand(QUndoCommand):
    """Remove rows (any selection); undo puts each back where it was."""

    def __init__(self, model: DraftTableModel, rows: Sequence[int]) -> None:
        super().__init__(_tr("删除 {0} 行").format(len(rows)))
        self._model = model
        self._rows = sorted(set(rows))
        self._taken: list[RowDraft[Any]] = []

    def redo(self) -> None:
        self._taken = self._model.take_rows(self._rows)

    def undo(self) -> None:
        for row, draft in zip(self._rows, self._taken, strict=True):
            self._model.insert_drafts(row, [draft])


class SetFieldCommand(QUndoCommand):
    """Change one form field (enterprise, institution, rule set, stage, date); typing merges into one step."""

    def __init__(self, document: ClaimDocument, key: str, old: str, new: str, mergeable: bool) -> None:
        super().__init__(_tr("修改 {0}").format(document.field_title(key)))
        self._document, self._key, self._old, self._new = document, key, old, new
        self._mergeable = mergeable

    def id(self) -> int:
        return FIELD_MERGE_ID if self._mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetFieldCommand) or other._key != self._key or not other._mergeable:
            return False
        self._new = other._new
        return True

    def redo(self) -> None:
        self._document.apply_field(self._key, self._new)

    def undo(self) -> None:
        self._document.apply_field(self._key, self._old)


class ReplaceContentCommand(QUndoCommand):
    """Replace the whole claim (or its roster) in one step, e.g. after an import."""

    def __init__(self, document: ClaimDocument, before: Snapshot, after: Snapshot, text: str) -> None:
        super().__init__(text)
        self._document, self._before, self._after = document, before, after

    def redo(self) -> None:
        self._document.restore(self._after)

    def undo(self) -> None:
        self._document.restore(self._before)
