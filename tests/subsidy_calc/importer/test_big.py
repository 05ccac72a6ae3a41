"""A 100,000-apprentice workbook imports correctly (not timed here; see docs/import.md for timings)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bench.samples import make_roster_workbook
from subsidy_calc.enums import Stage
from subsidy_calc.importer import import_file


@pytest.mark.slow
def test_hundred_thousand_rows(tmp_path: Path) -> None:
    info = make_roster_workbook(tmp_path / "big.xlsx", 100_000, 50, bad_rows=35, seed=11)
    result = import_file(info.path)
    assert len(result.roster) == 100_000 and len(result.classes) == 50
    assert result.rows_rejected == 35
    assert sorted({p.row or 0 for p in result.problems}) == list(info.bad_row_numbers)
    assert len({p.id_number for p in result.roster}) == 100_000
    claim = result.to_claim("jinchang-2024", Stage.SETTLEMENT, date(2025, 3, 31))
    assert sum(claim.counts_for(tc).total for tc in claim.classes) == 100_000
