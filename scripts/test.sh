#!/usr/bin/env bash
# Sets up (idempotent) and runs every check: ruff, mypy --strict on the engine and models, the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
echo "== ruff"
.venv/bin/python -m ruff check .
echo "== mypy --strict (subsidy_calc)"
.venv/bin/python -m mypy
echo "== pytest"
.venv/bin/python -m pytest "$@"
