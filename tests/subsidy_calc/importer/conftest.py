"""Helpers for importer tests: small workbooks written with the raw xlsx writer."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pytest

from bench.samples import ROSTER_HEADERS, make_id
from subsidy_calc.classes_csv import CLASS_HEADERS
from subsidy_calc.importer import blocks
from subsidy_calc.importer.xlsxraw import write_raw_xlsx

START = date(2023, 3, 1)
END = date(2025, 2, 28)


def class_row(class_id: str = "C1", start: date = START, end: date = END, level: str = "高级工",
              kind: str = "职工学徒", planned: int = 10, **extra: object) -> list[object]:
    values: dict[str, object] = {"班级编号": class_id, "培训职业": "电工", "培训等级": level, "学徒类型": kind,
                                 "开班日期": start, "结业日期": end, "计划人数": planned}
    values.update(extra)
    return [values.get(h) for h in CLASS_HEADERS]


def person(class_id: str = "C1", name: str = "张三", id_number: str | None = None, status: str = "取证",
           cert: str | None = "S001", contract_start: object = date(2022, 1, 1),
           contract_end: object = date(2027, 12, 31), seq: int = 1) -> list[object]:
    return [class_id, name, id_number or make_id("110101", date(1995, 5, 17), seq), status, cert,
            contract_start, contract_end]


WriteBook = Callable[..., Path]


@pytest.fixture
def write_book(tmp_path: Path) -> WriteBook:
    """write_book(classes=[rows], roster=[rows], roster_headers=..., name=...) → path of an xlsx."""
    counter = iter(range(1000))

    def write(classes: Sequence[Sequence[object]] | None = None, roster: Sequence[Sequence[object]] | None = None,
              roster_headers: Sequence[str] = ROSTER_HEADERS, class_headers: Sequence[str] = CLASS_HEADERS,
              roster_sheet: str = "学徒花名册", class_sheet: str = "培训班", name: str | None = None) -> Path:
        sheets: list[tuple[str, list[list[object]]]] = []
        if classes is not None:
            sheets.append((class_sheet, [list(class_headers), *[list(r) for r in classes]]))
        if roster is not None:
            sheets.append((roster_sheet, [list(roster_headers), *[list(r) for r in roster]]))
        path = tmp_path / (name or f"book{next(counter)}.xlsx")
        write_raw_xlsx(path, sheets)
        return path

    return write


@pytest.fixture
def tiny_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Block sizes so small that a sheet of a few hundred rows is cut into many blocks (importer/blocks.py)."""
    monkeypatch.setattr(blocks, "BLOCKS_FROM_BYTES", 1)
    monkeypatch.setattr(blocks, "FIRST_BLOCK_BYTES", 300)
    monkeypatch.setattr(blocks, "BLOCK_BYTES", 700)


def no_block_threads(timeout: float = 2.0) -> bool:
    """True once no thread reading a sheet's blocks is alive (each stops soon after its rows are closed)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(t.name == "sheet blocks" and t.is_alive() for t in threading.enumerate()):
            return True
        time.sleep(0.02)
    return False
