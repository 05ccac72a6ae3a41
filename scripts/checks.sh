#!/usr/bin/env bash
# The static checks, in one place: scripts/test.sh runs them before the tests, and .pre-commit-config.yaml
# runs them before each commit. Needs the .venv that scripts/setup.sh makes.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== ruff (style, imports, complexity C90 <= 12, unused arguments)"
.venv/bin/python -m ruff check .
echo "== mypy --strict (subsidy_calc, ui, main.py; bench, scripts and tests strict where practical)"
.venv/bin/python -m mypy
echo "== import-linter (the core never imports Qt, ui or main; ui never imports main)"
.venv/bin/lint-imports --no-cache
echo "== vulture (dead code; whitelist in tests/vulture_whitelist.py)"
.venv/bin/vulture
