"""Child process of the engine figure: time `calculate` on a claim file's data against reading that file."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from bench.core import RESULT_PREFIX, vm_hwm_mb


def main(path: Path, runs: int) -> None:
    from subsidy_calc.claim_file import claim_from_dict
    from subsidy_calc.engine import calculate
    from subsidy_calc.rule_loading import load_catalog

    t0 = time.perf_counter()
    document = json.loads(path.read_bytes())
    claim = claim_from_dict(document)
    validate_s = time.perf_counter() - t0
    ruleset = load_catalog().get(claim.ruleset_id)
    calc_runs: list[float] = []
    read_runs: list[float] = []
    with_lines_runs: list[float] = []
    result = None
    for _ in range(runs):  # interleaved, so a busy moment on the machine hits both the same way
        t0 = time.perf_counter()
        json.loads(path.read_bytes())
        read_runs.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        result = calculate(claim, ruleset)
        calc_runs.append(time.perf_counter() - t0)
        len(result.apprentices)  # the per-apprentice lines, which the engine may build on first use
        with_lines_runs.append(time.perf_counter() - t0)
    assert result is not None and len(result.apprentices) == len(claim.roster)
    report = {
        "calc_runs": calc_runs, "read_runs": read_runs, "with_lines_runs": with_lines_runs,
        "load_and_validate_s": validate_s,
        "apprentices": len(claim.roster), "classes": len(claim.classes), "gross": str(result.gross),
        "peak_rss_mb": vm_hwm_mb(),
    }
    print(RESULT_PREFIX + json.dumps(report))


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
