"""The bench table on the terminal and bench/results.json (written atomically)."""

from __future__ import annotations

import json
import os
import platform
import sys
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .core import FigureResult, fmt_seconds

HEADERS = ("figure", "value", "baseline", "ratio", "target", "verdict", "peak RSS")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _row(result: FigureResult) -> tuple[str, ...]:
    ratio = "—" if result.ratio is None else f"{result.ratio:.2f}×"
    peak = "—" if result.peak_rss_mb is None else f"{result.peak_rss_mb:.0f} MB"
    return (result.id, fmt_seconds(result.value_s), fmt_seconds(result.baseline_s), ratio,
            result.target_text(), result.verdict, peak)


def table(results: list[FigureResult]) -> str:
    """A fixed-width table, then per figure what the baseline is, the runs and the notes."""
    rows = [HEADERS, *(_row(r) for r in results if r.status == "ok")]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(HEADERS))]
    lines = ["  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append("")
    for result in results:
        if result.status != "ok":
            lines.append(f"{result.id}: {result.verdict.lower()}: {'; '.join(result.notes)}")
            continue
        runs = ", ".join(fmt_seconds(v) for v in result.runs_s)
        base_runs = ", ".join(fmt_seconds(v) for v in result.baseline_runs_s)
        lines.append(f"{result.id}: {result.title}")
        lines.append(f"    runs: {runs}  (median {fmt_seconds(result.value_s)})")
        if result.baseline_what:
            lines.append(f"    baseline: {result.baseline_what}; runs: {base_runs}")
        if result.ratio is not None and result.ratio < 1:
            lines.append(f"    = {1 / result.ratio:.1f}× faster than the baseline")
        if result.baseline_peak_rss_mb is not None:
            lines.append(f"    baseline peak RSS: {result.baseline_peak_rss_mb:.0f} MB")
        lines.extend(f"    note: {note}" for note in result.notes)
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    try:
        load = list(os.getloadavg())
    except OSError:
        load = []
    return {"python": sys.version.split()[0], "platform": platform.platform(), "cpus": os.cpu_count(),
            "loadavg_at_end": load}


def write_json(path: Path, results: list[FigureResult], options: dict[str, Any]) -> None:
    document = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "options": options,
        "figures": [r.to_json() for r in results],
    }
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
