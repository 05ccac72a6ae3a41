#!/usr/bin/env bash
# Sets up (idempotent) and launches the desktop app. Extra arguments go to main.py (e.g. `calc FILE ...`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python main.py "$@"
