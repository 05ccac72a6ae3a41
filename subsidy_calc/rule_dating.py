"""Dating per parameter: a later `[values.DATE]` block inherits every value it does not repeat.

The merge works on the raw tables (before validation), section by section:
- a section (`rate`, `period`, `advance`, ...) the later block does not write is inherited whole;
- inside a section the later block writes, every key it does not repeat is inherited, and a key it repeats
  is replaced whole (a level table such as `rate.levels` is one value: it is not merged level by level);
- a `rate` / `student_rate` whose `basis` changes is replaced whole (the other basis's keys would not fit);
- `clause` and `reference` belong to their block and are never inherited;
- `sources` (where each value comes from) are inherited path by path, except for the paths the later block
  sets itself: those must be sourced again in that block.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from .rule_sources import inherit_sources

PER_BLOCK = frozenset({"clause", "reference"})
SOURCES = "sources"
_BASIS_SECTIONS = frozenset({"rate", "student_rate"})


def _as_date(key: object) -> date | None:
    if isinstance(key, date):
        return key
    if isinstance(key, str):
        try:
            return date.fromisoformat(key)
        except ValueError:
            return None
    return None


def merge_block(earlier: Mapping[str, Any], later: Mapping[str, Any]) -> dict[str, Any]:
    """The later block as in force: its own values over everything it inherits from the earlier one."""
    merged: dict[str, Any] = {k: v for k, v in earlier.items() if k not in PER_BLOCK and k != SOURCES}
    set_here: set[str] = set()
    for key, value in later.items():
        if key == SOURCES:
            continue
        before = merged.get(key)
        if (
            isinstance(value, Mapping)
            and isinstance(before, Mapping)
            and key not in PER_BLOCK
            and not (key in _BASIS_SECTIONS and value.get("basis", before.get("basis")) != before.get("basis"))
        ):
            merged[key] = {**before, **value}
            set_here.update(f"{key}.{inner}" for inner in value)
        else:
            merged[key] = value
            set_here.add(key)
    earlier_sources = earlier.get(SOURCES)
    later_sources = later.get(SOURCES)
    if isinstance(earlier_sources, Mapping) and (later_sources is None or isinstance(later_sources, Mapping)):
        merged[SOURCES] = inherit_sources(earlier_sources, later_sources or {}, set_here, merged)
    elif later_sources is not None:
        merged[SOURCES] = later_sources
    return merged


def inherit_blocks(values: object) -> object:
    """Every dated block merged over the blocks before it (in date order); anything odd is left to validation."""
    if not isinstance(values, Mapping):
        return values
    dated = sorted(((_as_date(k), k) for k in values), key=lambda pair: (pair[0] is None, pair[0] or date.min))
    result: dict[Any, Any] = {}
    previous: Mapping[str, Any] | None = None
    for day, key in dated:
        block = values[key]
        if day is None or not isinstance(block, Mapping):
            result[key] = block
            continue
        merged = merge_block(previous, block) if previous is not None else dict(block)
        result[key] = merged
        previous = merged
    return result
