"""Exports of a calculated claim: the printed summary, Excel and CSV (no Qt here)."""
