"""Pins None/True/False on CPython < 3.12: PySide6 6.12 returns them without adding a reference."""

from __future__ import annotations

import ctypes
import sys

# Measured here (PySide6 6.12.0, CPython 3.11): every call of a void Qt method from Python (QLabel.setText)
# takes one reference from None, every Signal.emit() one from True; after ~5,000 calls CPython aborts with
# "none_dealloc: deallocating None". From 3.12 on these objects are immortal (PEP 683) and nothing happens.
# Adding a large number of references makes them immortal here too; it changes nothing else.
_PIN = 1 << 40


def pin_singletons() -> bool:
    """Make None, True and False effectively immortal; True when it was needed (runs once per process)."""
    if (sys.implementation.name != "cpython" or sys.version_info >= (3, 12)
            or getattr(sys, "_subsidy_calc_pinned", False)):
        return False
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _PIN
    sys._subsidy_calc_pinned = True  # type: ignore[attr-defined]
    return True
