"""The figures of issue 6, one function each: every figure runs in child processes and returns its rows."""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .core import (
    ROOT,
    ChildRun,
    Context,
    FigureResult,
    FigureUnavailable,
    Target,
    median,
    python_child,
    run_child,
    script_child,
)
from .data import write_claim_file

MAIN = ROOT / "main.py"


def require(module: str, what: str) -> None:
    """FigureUnavailable unless `module` is importable from this tree."""
    try:
        found = importlib.util.find_spec(module)
    except ModuleNotFoundError:
        found = None
    if found is None:
        raise FigureUnavailable(f"{module} is not in this tree yet ({what})")


def _peak(runs: list[ChildRun]) -> float:
    return max(r.peak_rss_mb for r in runs)


# --- 1. cold start ------------------------------------------------------------------------------------------
def figure_startup(ctx: Context) -> list[FigureResult]:
    """Cold start to the first painted main window, against a bare PySide6 QMainWindow doing the same; and
    from that first frame to the built window's first frame showing the computed totals of a claim file."""
    require("ui.main_window", "the GUI branch: MainWindow")
    require("ui.startup", "the start-up sequence: shell first, window after the first frame")
    row = FigureResult("startup", "cold start → first painted main window", targets=[Target("max_ratio", 1.5)])
    claim = write_claim_file(ctx.workdir / "startup.subsidy.json", 10, 20)
    app_runs: list[ChildRun] = []
    bare_runs: list[ChildRun] = []
    for _ in range(ctx.runs):  # interleaved: a busy moment on the machine hits both the same way
        for kind, into in (("bare", bare_runs), ("app", app_runs)):
            (ctx.workdir / "appdata").mkdir(exist_ok=True)
            run = run_child(python_child("bench.child_startup", kind, repr(time.time()), claim), ctx, timeout=60)
            into.append(run.check(f"startup child ({kind})"))
    app = [r.result for r in app_runs if r.result]
    if not app:
        raise RuntimeError("no start-up run reported its frames")
    row.measured([r["first_frame_s"] for r in app], [r.result["first_frame_s"] for r in bare_runs if r.result],
                 "bare PySide6 QMainWindow: import, QApplication, show, first frame")
    row.peak_rss_mb, row.baseline_peak_rss_mb = _peak(app_runs), _peak(bare_runs)

    def mid(key: str) -> str:
        values = sorted(r[key] for r in app if key in r)
        return f"{values[len(values) // 2] * 1000:.0f} ms" if values else "?"

    bare_cpu = median([r.result.get("first_frame_cpu_s", 0.0) for r in bare_runs if r.result])
    app_cpu = median([r.get("first_frame_cpu_s", 0.0) for r in app])
    if bare_cpu > 0:
        row.notes.append(f"CPU time of the process at its first frame (interpreter start included; what the wall "
                         f"times approach on an idle machine): app {app_cpu * 1000:.0f} ms, bare window "
                         f"{bare_cpu * 1000:.0f} ms = {app_cpu / bare_cpu:.2f}×")
    last = app[-1]
    row.notes.append(f"app (medians): PySide6 imported at {mid('imports_s')} after spawn; then ui.app took "
                     f"{mid('app_imports_s')}; first frame (the window shell) at {mid('first_frame_s')}. Offscreen "
                     "platform; the clock starts at the parent's spawn")
    row.notes.append(f"app: {last.get('modules_at_first_frame', '?')} modules loaded at the first frame (pydantic "
                     f"{'already' if last.get('pydantic_at_first_frame') else 'not yet'}), {last.get('modules', '?')} "
                     f"when it quit; heavy ones then: {', '.join(last.get('heavy_modules', [])) or 'none'}")
    ready = FigureResult("startup_ready", "first frame → result panel showing the totals of the file argument",
                         targets=[Target("max_s", 0.3)])
    ready.measured([r["result_frame_s"] - r["first_frame_s"] for r in app], [], "none (target in seconds)")
    ready.peak_rss_mb = row.peak_rss_mb
    cpu = median([r["result_frame_cpu_s"] - r["first_frame_cpu_s"] for r in app])
    ready.notes.append(f"CPU time of this process over the same span: {cpu * 1000:.0f} ms (median); wall/CPU "
                       f"= {ready.value_s / cpu:.2f}: above 1 the process waited for a core (the machine's load)"
                       if ready.value_s is not None and cpu > 0 else "CPU time not measured")
    ready.notes.append(f"main.py {claim.name} (10 classes, 200 apprentices): after the shell's first frame, import "
                       f"the window and models, load the rule sets, build MainWindow, open and calculate the file "
                       f"(ready at {mid('ready_s')} after spawn), then its first painted frame at "
                       f"{mid('result_frame_s')}; every run checked the labels equal the engine's totals")
    return [row, ready]


# --- 2. engine throughput --------------------------------------------------------------------------------------
def figure_engine(ctx: Context) -> list[FigureResult]:
    """calculate() on 100 classes × 1,000 apprentices, against reading the same claim file (read + json.loads)."""
    n_classes, per_class = ctx.size(100), ctx.size(1000)
    path = write_claim_file(ctx.workdir / "engine.subsidy.json", n_classes, per_class)
    run = run_child(python_child("bench.child_engine", path, max(ctx.runs, 3)), ctx).check("engine child")
    assert run.result is not None
    title = f"calculate {n_classes * per_class:,} apprentices ({n_classes} classes)"
    row = FigureResult("engine", title, targets=[Target("max_s", 1.0)], scaled=ctx.scale != 1.0)
    row.measured(run.result["calc_runs"], run.result["read_runs"],
                 f"read the claim file ({path.stat().st_size / 1e6:.0f} MB) + json.loads")
    row.peak_rss_mb = run.peak_rss_mb
    with_lines = sorted(run.result["with_lines_runs"])[len(run.result["with_lines_runs"]) // 2]
    row.notes.append(f"calculate + reading all {n_classes * per_class:,} per-apprentice lines (built on first "
                     f"use): {with_lines * 1000:.0f} ms (median)")
    row.notes.append(f"loading + validating that file into a Claim (not timed above): "
                     f"{run.result['load_and_validate_s']:.2f} s")
    return [row]


# --- 3. roster workbook through the CLI --------------------------------------------------------------------------
def _workbook_maker() -> Callable[..., Any]:
    require("subsidy_calc.importer", "the importer branch: roster workbooks")
    for module in ("subsidy_calc.importer", "bench.samples"):
        maker = getattr(importlib.import_module(module), "make_roster_workbook", None)
        if maker is not None:
            return maker  # type: ignore[no-any-return]
    raise FigureUnavailable("subsidy_calc.importer has no make_roster_workbook yet")


WORKBOOKS = (
    # id, what, generator options: 0 bad rows, shared strings and date cells (as Excel writes)
    ("workbook", "shared strings, date cells", {"bad_rows": 0, "seed": 6}),
    # inline strings and dates as plain Excel serial numbers (as other writers export), 0.3 % bad rows
    ("workbook_inline", "inline strings, serial-number dates, 0.3 % bad rows",
     {"bad_rows": 300, "seed": 7, "shared_strings": False, "serial_dates": True}),
)


def figure_workbook(ctx: Context) -> list[FigureResult]:
    """`python main.py calc big.xlsx … --json` (import + validate + calculate) against pandas.read_excel, on two
    generated workbooks; calamine's own read of each is measured too, as the floor."""
    maker = _workbook_maker()
    try:
        importlib.import_module("pandas")
    except ImportError:
        raise FigureUnavailable("pandas is not installed: bash scripts/bench.sh installs the bench extra") from None
    n = ctx.size(100_000)
    rows: list[FigureResult] = []
    for figure_id, what, options in WORKBOOKS:
        bad = round(options.get("bad_rows", 0) * ctx.scale)
        path = ctx.workdir / f"{figure_id}.xlsx"
        started = time.perf_counter()
        maker(path, n_apprentices=n, n_classes=ctx.size(100), **{**options, "bad_rows": bad})
        ctx.log(f"    (generated {path.name}: {n:,} apprentices, {what}, in {time.perf_counter() - started:.1f} s)")
        rows.append(_workbook_row(ctx, figure_id, what, path, n))
    return rows


def _workbook_row(ctx: Context, figure_id: str, what: str, path: Path, n: int) -> FigureResult:
    command = script_child(MAIN, "calc", path, "--rules", "jinchang-2024", "--stage", "settlement",
                           "--claim-date", "2025-03-10", "--json")
    calc_runs: list[ChildRun] = []
    floor_runs: list[ChildRun] = []
    import_runs: list[ChildRun] = []
    pandas_runs: list[ChildRun] = []
    pandas_n = 1 if ctx.quick else min(3, max(2, ctx.runs // 3))
    # The few pandas runs are spread among the others (with 7 runs: after the first and after the last), so
    # that a busy spell on the machine does not fall on one side of the ratio only.
    pandas_after = {round(i * (ctx.runs - 1) / max(pandas_n - 1, 1)) for i in range(pandas_n)}
    for index in range(ctx.runs):  # interleaved with calamine's own read: a busy moment hits both
        run = run_child(command, ctx, timeout=300)
        if run.returncode not in (0, 1):
            run.check(f"calc {path.name}")
        calc_runs.append(run)
        for kind, into in (("calamine", floor_runs), ("import", import_runs)):
            into.append(run_child(python_child("bench.child_calamine", path, kind), ctx, timeout=300).check(kind))
        if index in pandas_after:
            pandas_runs.append(run_child(python_child("bench.child_pandas", path), ctx, timeout=900)
                               .check("pandas baseline"))
    pandas_n = len(pandas_runs)
    document = json.loads(calc_runs[-1].stdout)
    imported, rejected = document.get("rows_imported"), document.get("rows_rejected")
    row = FigureResult(figure_id, f"CLI calc of a {n:,}-apprentice workbook ({what}): import+validate+calculate",
                       targets=[Target("max_s", 3.0), Target("min_speedup", 8.0)], scaled=ctx.scale != 1.0)
    row.measured([r.wall_s for r in calc_runs], [r.result["read_s"] for r in pandas_runs if r.result],
                 f"pandas.read_excel(sheet_name=None, engine='openpyxl'), read only, {pandas_n} run(s)")
    row.peak_rss_mb, row.baseline_peak_rss_mb = _peak(calc_runs), _peak(pandas_runs)
    floor = median([r.result["read_s"] for r in floor_runs if r.result])
    imported_s = median([r.result["read_s"] for r in import_runs if r.result])
    assert row.value_s is not None
    row.notes.append(f"floor: python-calamine reading both sheets into Python rows (read only, same runs): "
                     f"{floor:.2f} s; import_file (pre-scan, read, every row checked) in-process: {imported_s:.2f} s "
                     f"= {imported_s / floor:.2f}× calamine; the whole calc process: {row.value_s / floor:.2f}×")
    calc_cpu = median([r.cpu_s for r in calc_runs])
    pandas_cpu = median([r.result.get("read_cpu_s", 0.0) for r in pandas_runs if r.result])
    if calc_cpu > 0 and pandas_cpu > 0:
        row.notes.append(f"CPU time (what the wall times approach on an idle machine): calc process {calc_cpu:.2f} s, "
                         f"pandas' read {pandas_cpu:.2f} s = {pandas_cpu / calc_cpu:.1f}× faster in CPU time")
    row.notes.append(f"value = whole process (interpreter start, imports, pre-scan, calamine, row checks, engine, "
                     f"JSON out); baseline = the read only (import pandas not counted). Rows imported: {imported}, "
                     f"rejected: {rejected}. The pandas baseline is slow (15–50 s a run), so it ran only "
                     f"{pandas_n}×{' (--quick)' if ctx.quick else ''}")
    return row


# --- 4. PDF and xlsx export ------------------------------------------------------------------------------------
def figure_export(ctx: Context) -> list[FigureResult]:
    """`python main.py export` of a 1,000-apprentice claim to PDF and to xlsx, against `calc --json` of it."""
    require("subsidy_calc.cli_export", "the export branch: `main.py export`")
    require("ui.report.pdf", "the export branch: the PDF writer")
    n_classes, per_class = ctx.size(10), ctx.size(100)
    path = write_claim_file(ctx.workdir / "export.subsidy.json", n_classes, per_class)
    out = ctx.workdir / "out"
    out.mkdir(exist_ok=True)
    commands = {
        "pdf": script_child(MAIN, "export", path, "--pdf", out / "claim.pdf"),
        "xlsx": script_child(MAIN, "export", path, "--xlsx", out / "claim.xlsx"),
        "calc": script_child(MAIN, "calc", path, "--json"),
    }
    runs: dict[str, list[ChildRun]] = {k: [] for k in commands}
    for _ in range(ctx.runs):
        for kind, command in commands.items():
            run = run_child(command, ctx, timeout=300)
            if run.returncode not in (0, 1):
                run.check(f"export {kind}")
            runs[kind].append(run)
    base = [r.wall_s for r in runs["calc"]]
    what = f"`main.py calc --json` of the same {n_classes * per_class:,}-apprentice claim (load + calculate)"
    scaled = ctx.scale != 1.0
    pdf = FigureResult("export_pdf", f"PDF export, {n_classes * per_class:,} apprentices (whole CLI process)",
                       targets=[Target("max_s", 3.0)], scaled=scaled).measured(
        [r.wall_s for r in runs["pdf"]], base, what)
    xlsx = FigureResult("export_xlsx", f"xlsx export, {n_classes * per_class:,} apprentices (whole CLI process)",
                        scaled=scaled).measured([r.wall_s for r in runs["xlsx"]], base, what)
    for row, kind in ((pdf, "pdf"), (xlsx, "xlsx")):
        row.peak_rss_mb, row.baseline_peak_rss_mb = _peak(runs[kind]), _peak(runs["calc"])
        produced = out / f"claim.{kind}"
        pages = re.search(r"共 (\d+) 页", runs[kind][-1].stdout)
        size = f"output {produced.stat().st_size / 1024:.0f} KB" if produced.exists() else "no output!"
        row.notes.append(size + (f", {pages.group(1)} pages" if pages else ""))
    xlsx.notes.append("issue 6 sets no target for the xlsx export; shown for information")
    return [pdf, xlsx]


# --- 5. the window with a big claim -----------------------------------------------------------------------------
def figure_gui(ctx: Context) -> list[FigureResult]:
    """Opening a 100-class / 10,000-apprentice claim in the window, and one edit's recalculation."""
    require("ui.main_window", "the GUI branch: MainWindow")
    n_classes, per_class = ctx.size(100), ctx.size(100)
    path = write_claim_file(ctx.workdir / "gui.subsidy.json", n_classes, per_class)
    (ctx.workdir / "appdata").mkdir(exist_ok=True)
    run = run_child(python_child("bench.child_gui", path, ctx.runs), ctx, timeout=600).check("GUI child")
    assert run.result is not None
    scaled = ctx.scale != 1.0
    size = f"{n_classes} classes / {n_classes * per_class:,} apprentices"
    opened = FigureResult("gui_open", f"GUI: open a claim of {size}", targets=[Target("max_s", 2.0)],
                          scaled=scaled).measured(run.result["open_runs"], run.result["open_baseline_runs"],
                                                  "load_claim + calculate of the same file, same process")
    edit = FigureResult("gui_edit", "GUI: one class-table edit → result labels updated",
                        targets=[Target("max_s", 0.050)], scaled=scaled).measured(
        run.result["edit_runs"], run.result["edit_baseline_runs"], "one calculate() of the same claim")
    opened.peak_rss_mb = edit.peak_rss_mb = run.peak_rss_mb
    edit.notes.append("model.setData(已预支金额) → undo command → drafts → Claim → engine → labels, "
                      "then processEvents")
    return [opened, edit]


FIGURES: dict[str, Callable[[Context], list[FigureResult]]] = {
    "startup": figure_startup,
    "engine": figure_engine,
    "workbook": figure_workbook,
    "export": figure_export,
    "gui": figure_gui,
}

TITLES = {
    "startup": "cold start → first painted main window; → result panel with totals",
    "engine": "calculate 100,000 apprentices",
    "workbook": "CLI calc of two 100,000-apprentice workbooks; calamine's read as the floor",
    "export": "PDF and xlsx export of a 1,000-apprentice claim",
    "gui": "GUI: open 10,000 apprentices; one edit",
}
