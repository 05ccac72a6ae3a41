"""`python -m bench [--quick] [--runs N] [--only FIGURE ...]`: run the figures, print the table, write results.json."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from pathlib import Path

from .core import Context, FigureResult, FigureUnavailable, compile_sources, fmt_seconds
from .figures import FIGURES, TITLES
from .report import machine, table, write_json

DEFAULT_RUNS = 5
QUICK_RUNS = 3


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK_RUNS} runs per figure and one pandas baseline run (same data sizes)")
    parser.add_argument("--runs", type=int, default=None, help=f"runs per figure (default {DEFAULT_RUNS})")
    parser.add_argument("--only", nargs="+", choices=sorted(FIGURES), metavar="FIGURE",
                        help=f"run only these figures: {', '.join(FIGURES)}")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="shrink the data (e.g. 0.01) to try the harness; verdicts then read SCALED")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results.json",
                        help="where to write the JSON results (default bench/results.json)")
    parser.add_argument("--keep", action="store_true", help="keep the generated data folder")
    return parser.parse_args(argv)


def run_figure(name: str, ctx: Context) -> list[FigureResult]:
    try:
        return FIGURES[name](ctx)
    except FigureUnavailable as exc:
        row = FigureResult(name, TITLES[name], status="skipped")
        row.notes.append(f"not available yet: {exc}")
        return [row]
    except Exception as exc:  # a broken figure is reported, the others still run
        row = FigureResult(name, TITLES[name], status="error")
        row.notes.append(f"{type(exc).__name__}: {exc}")
        traceback.print_exc()
        return [row]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    runs = args.runs or (QUICK_RUNS if args.quick else DEFAULT_RUNS)
    names = args.only or list(FIGURES)
    info = machine()
    print(f"bench: {runs} run(s) per figure{', --quick' if args.quick else ''}; "
          f"Python {info['python']} on {info['cpus']} CPU(s); medians of the runs; "
          "each baseline is measured in the same run")
    print(compile_sources())
    results: list[FigureResult] = []
    with tempfile.TemporaryDirectory(prefix="subsidy-bench-") as tmp:
        workdir = Path(tmp)
        ctx = Context(workdir=workdir, runs=runs, quick=args.quick, scale=args.scale,
                      log=lambda text: print(text, flush=True))
        for name in names:
            print(f"  {name}: {TITLES[name]} …", flush=True)
            started = time.perf_counter()
            rows = run_figure(name, ctx)
            for row in rows:
                print(f"    {row.id}: {row.verdict} (median {fmt_seconds(row.value_s)}, "
                      f"baseline {fmt_seconds(row.baseline_s)})"
                      if row.status == "ok" else f"    {row.id}: {'; '.join(row.notes)}", flush=True)
            print(f"    ({time.perf_counter() - started:.0f} s)", flush=True)
            results.extend(rows)
        if args.keep:
            kept = Path(tempfile.mkdtemp(prefix="subsidy-bench-kept-"))
            for item in workdir.iterdir():
                item.rename(kept / item.name)
            print(f"data kept in {kept}")
    print()
    print(table(results))
    options = {"runs": runs, "quick": args.quick, "scale": args.scale, "only": names}
    write_json(args.out, results, options)
    print(f"\nwritten: {args.out}")
    failed = any(r.verdict in ("MISSED", "ERROR") for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
