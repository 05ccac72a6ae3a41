"""Training periods: the `Period` type (inclusive dates) and calendar arithmetic in whole months."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta


def add_months(day: date, months: int) -> date:
    """The same day-of-month `months` later, clamped to the month's last day (1-31 + 1 month → 2-28/29)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def whole_months(start: date, end: date) -> tuple[int, int]:
    """Whole months and leftover days from `start` to `end`, the end being the last day (inclusive).

    2023-03-01 … 2025-02-28 is (24, 0); 2023-03-15 … 2024-03-20 is (12, 6).
    """
    after = end + timedelta(days=1)
    months = (after.year - start.year) * 12 + (after.month - start.month)
    while months > 0 and add_months(start, months) > after:
        months -= 1
    months = max(months, 0)
    return months, (after - add_months(start, months)).days


def midpoint(start: date, end: date) -> date:
    return start + (end - start) / 2


def age_on(birth: date, day: date) -> int:
    """Full years of age on a day."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


@dataclass(frozen=True, slots=True)
class Period:
    """A span of days, both ends included: a class's training period, a labour contract, a register entry."""

    start: date
    end: date

    def overlaps(self, other: Period) -> bool:
        """At least one day in common (a class ending 03-31 and one starting 03-31 overlap)."""
        return self.start <= other.end and other.start <= self.end

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def months(self) -> tuple[int, int]:
        """Whole months and leftover days, as `whole_months`."""
        return whole_months(self.start, self.end)

    def __str__(self) -> str:
        return f"{self.start.isoformat()} 至 {self.end.isoformat()}"
