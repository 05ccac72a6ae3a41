"""Drag and drop of roster files onto the window: which dropped file (if any) the importer accepts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData

DROP_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")


def accepts_drop(mime: QMimeData) -> Path | None:
    """The single local roster file (.xlsx/.xlsm/.xls/.ods/.csv) in a drop, else None."""
    if not mime.hasUrls():
        return None
    urls = mime.urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in DROP_SUFFIXES else None
