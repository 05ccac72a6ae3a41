"""A workbook read ahead: started while the rest of the program is still being imported, used by the import
that asks for the same unchanged file.

`main.py calc roster.xlsx …` spends ≈ 0.13 s importing pydantic, the models and the engine before it reads its
input, and the first block of a big sheet (blocks.py) is ready ≈ 0.15 s after the pre-scan. The command line
(`subsidy_calc.cli_ahead`) calls `start` before those imports, so the two overlap: `start` reads the workbook
exactly as `reading.read_workbook(path, blocks=True)` does and keeps its tables, or its refusal, which `take`
raises in its place. Nothing here imports pydantic or the models (tests/subsidy_calc/importer/test_ahead.py).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .reading import WORKBOOK_SUFFIXES, Table, read_workbook


@dataclass
class _Read:
    """What `start` found: the file's identity then, and its tables or the exception reading raised."""

    path: Path
    identity: tuple[int, int, int, int]
    tables: list[Table] | None
    error: Exception | None

    def close(self) -> None:
        for table in self.tables or ():
            table.close()


_waiting: list[_Read] = []  # at most one


def _identity(path: Path) -> tuple[int, int, int, int]:
    found = os.stat(path)
    return found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns


def start(path: Path) -> None:
    """Read a workbook now for an import that will ask for it soon (anything else: nothing is done)."""
    discard()
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        return
    try:
        identity = _identity(path)
    except OSError:
        return  # the import says what is wrong with the path, in its own words
    try:
        _waiting.append(_Read(path, identity, read_workbook(path, blocks=True), None))
    except Exception as exc:  # raised again by `take`, where the import would have raised it
        _waiting.append(_Read(path, identity, None, exc))


def take(path: Path) -> list[Table] | None:
    """The tables read ahead for this path if the file has not changed since (its refusal is raised here);
    None: nothing read ahead for it, read it now."""
    if not _waiting:
        return None
    read = _waiting.pop()
    try:
        same = read.path == path and _identity(path) == read.identity
    except OSError:
        same = False
    if not same:
        read.close()
        return None
    if read.error is not None:
        raise read.error
    return read.tables


def discard() -> None:
    """Drop what was read ahead and not taken (its blocks' thread stops)."""
    while _waiting:
        _waiting.pop().close()
