"""Importing rosters HR already has (xlsx/xls/ods/CSV): header aliases, row checks, template, problem report.

The names below load on first use (PEP 562), not with the package: `importer.ahead` reads a workbook before
pydantic and the models are imported (they come with `import_file`), and importing it imports this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .headers import HeaderMappingNeeded
    from .result import ImportCancelled, ImportResult
    from .workbook import import_file

__all__ = ["HeaderMappingNeeded", "ImportCancelled", "ImportResult", "import_file"]


def __getattr__(name: str) -> Any:
    if name == "import_file":
        from .workbook import import_file

        return import_file
    if name == "HeaderMappingNeeded":
        from .headers import HeaderMappingNeeded

        return HeaderMappingNeeded
    if name in ("ImportCancelled", "ImportResult"):
        from . import result

        return getattr(result, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
