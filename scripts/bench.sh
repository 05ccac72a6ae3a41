#!/usr/bin/env bash
# Sets up (idempotent), installs the bench extra (pandas, for the baseline) and runs `python -m bench`.
# Arguments go to the bench: `bash scripts/bench.sh --quick`, `--runs 7`, `--only engine gui`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
stamp=.venv/.bench-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  if ! .venv/bin/python -c 'import pandas' 2>/dev/null; then
    .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test,bench]"
  fi
  echo "$want" > "$stamp"
fi
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
exec .venv/bin/python -m bench "$@"
