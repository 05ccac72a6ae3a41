"""Period: the one overlap test (inclusive ends), containment and whole months."""

from __future__ import annotations

from datetime import date

from subsidy_calc.periods import Period

A = Period(date(2023, 3, 1), date(2023, 3, 31))


def test_overlap_is_inclusive_and_symmetric() -> None:
    touching = Period(date(2023, 3, 31), date(2023, 4, 30))
    after = Period(date(2023, 4, 1), date(2023, 4, 30))
    inside = Period(date(2023, 3, 10), date(2023, 3, 12))
    assert A.overlaps(touching) and touching.overlaps(A)
    assert not A.overlaps(after) and not after.overlaps(A)
    assert A.overlaps(inside) and inside.overlaps(A)


def test_contains_both_ends() -> None:
    assert A.contains(date(2023, 3, 1)) and A.contains(date(2023, 3, 31))
    assert not A.contains(date(2023, 2, 28)) and not A.contains(date(2023, 4, 1))


def test_months_and_text() -> None:
    assert Period(date(2023, 3, 1), date(2025, 2, 28)).months == (24, 0)
    assert Period(date(2023, 3, 15), date(2024, 3, 20)).months == (12, 6)
    assert str(A) == "2023-03-01 至 2023-03-31"
