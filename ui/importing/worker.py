"""The import off the GUI thread: a QObject living in a QThread, reporting progress, result or failure."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from subsidy_calc.importer import HeaderMappingNeeded, ImportCancelled, import_file
from subsidy_calc.input_errors import InputError
from subsidy_calc.models import Claim
from subsidy_calc.rule_schema import RuleSet


class ImportWorker(QObject):
    """Runs `import_file` once; exactly one of finished / mapping_needed / failed / cancelled is emitted."""

    progress = Signal(int, int)
    finished = Signal(object)  # ImportResult
    mapping_needed = Signal(object)  # HeaderMappingNeeded
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()

    def __init__(self, path: Path, existing: Claim | None, rules: RuleSet | None,
                 mapping: Mapping[str, str] | None) -> None:
        super().__init__()
        self.path = path
        self.existing = existing
        self.rules = rules
        self.mapping = dict(mapping or {})
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Thread-safe: the reader checks the flag between chunks of rows."""
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        try:
            result = import_file(self.path, existing_claim=self.existing, rules=self.rules,
                                 mapping=self.mapping or None, cancelled=self._cancel.is_set,
                                 progress=self.progress.emit)
        except ImportCancelled:
            self.cancelled.emit()
        except HeaderMappingNeeded as exc:
            self.mapping_needed.emit(exc)
        except InputError as exc:
            self.failed.emit("\n".join(str(p) for p in exc.problems))
        except MemoryError:
            self.failed.emit(self.tr("文件过大,内存不足,无法导入"))
        except Exception as exc:  # never let a worker thread die silently
            self.failed.emit(self.tr("导入失败:") + f"{type(exc).__name__}: {exc}")
        else:
            if self._cancel.is_set():
                self.cancelled.emit()
            else:
                self.finished.emit(result)
        finally:
            self.done.emit()
