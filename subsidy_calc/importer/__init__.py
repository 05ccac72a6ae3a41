"""Importing rosters HR already has (xlsx/xls/ods/CSV): header aliases, row checks, template, problem report."""

from __future__ import annotations

from .headers import HeaderMappingNeeded
from .result import ImportCancelled, ImportResult
from .workbook import import_file

__all__ = ["HeaderMappingNeeded", "ImportCancelled", "ImportResult", "import_file"]
