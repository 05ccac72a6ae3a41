#!/usr/bin/env bash
# Sets up (idempotent) and runs every check: the static checks of scripts/checks.sh (ruff, mypy --strict,
# import-linter, vulture), then the whole test suite. Arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
bash scripts/checks.sh
echo "== pytest"
.venv/bin/python -m pytest "$@"
