"""Run one action on one hostile file in this (fresh, resource-limited) interpreter and print what happened.

`python -m tests.hostile.probe ACTION PATH [ARGS...]` prints one JSON line: the outcome (exit status or
"refused"/"accepted"), the message, CPU seconds and peak resident memory (kB, from /proc where it exists).
ACTION: import (the window's importer), open (the window's claim-file loader), rules (one rule file),
cli (subsidy_calc.cli.main with ARGS, PATH being the input).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import time
from pathlib import Path


def _peak_kb() -> int:
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM"):
                return int(line.split()[1])
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _run(action: str, path: Path, args: list[str]) -> tuple[str, str]:
    if action == "import":
        from subsidy_calc.importer import import_file
        from subsidy_calc.input_errors import InputError

        try:
            result = import_file(path)
        except InputError as exc:
            return "refused", str(exc)
        lines = [str(p) for p in result.problems] + [str(w) for w in result.warnings]
        return "accepted", f"imported {len(result.roster)} people, {len(result.classes)} classes\n" + "\n".join(lines)
    if action == "open":
        from subsidy_calc.claim_file import ClaimFileError, load_claim

        try:
            claim = load_claim(path)
        except ClaimFileError as exc:
            return "refused", str(exc)
        return "accepted", f"{len(claim.classes)} classes, {len(claim.roster)} people"
    if action == "rules":
        from subsidy_calc.rule_loading import RuleFileError, load_ruleset

        try:
            load_ruleset(path)
        except RuleFileError as exc:
            return "refused", str(exc)
        return "accepted", ""
    if action == "cli":
        from subsidy_calc.cli import main

        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main([a.replace("{path}", str(path)) for a in args])
            except SystemExit as exc:
                code = int(exc.code or 0)
        return f"exit {code}", err.getvalue() + out.getvalue()[-4000:]
    raise SystemExit(f"unknown action {action}")


def main() -> None:
    action, path, *args = sys.argv[1:]
    started = time.process_time()
    outcome, message = _run(action, Path(path), args)
    cpu = time.process_time() - started
    sys.stdout.write(json.dumps({"outcome": outcome, "message": message[:20000], "cpu": round(cpu, 3),
                                 "peak_kb": _peak_kb(), "pid": os.getpid()}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
