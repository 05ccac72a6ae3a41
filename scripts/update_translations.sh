#!/usr/bin/env bash
# Refresh ui/i18n/subsidy_en.ts from the sources (Chinese source strings) and compile it to .qm.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pyside6-lupdate -tr-function-alias tr+=_tr -no-obsolete ui/*.py ui/report/*.py ui/importing/*.py -ts ui/i18n/subsidy_en.ts
.venv/bin/pyside6-lrelease ui/i18n/subsidy_en.ts -qm ui/i18n/subsidy_en.qm
