#!/usr/bin/env bash
# Refresh ui/i18n/subsidy_en.ts from the sources (Chinese source strings) and compile it to .qm.
# Every Python file under ui/, in every subpackage: tr(), _tr() (filed under context ""), QCoreApplication.translate
# and QT_TRANSLATE_NOOP. tests/ui/test_i18n.py runs the same lupdate (LUPDATE_OPTIONS) and fails on a new string
# without English. Usage: scripts/update_translations.sh [ts-file] (default ui/i18n/subsidy_en.ts, compiled beside it).
set -euo pipefail
cd "$(dirname "$0")/.."
LUPDATE_OPTIONS=(-tr-function-alias tr+=_tr -no-obsolete)
ts="${1:-ui/i18n/subsidy_en.ts}"
mapfile -t sources < <(find ui -name '*.py' -not -path '*/__pycache__/*' | LC_ALL=C sort)
.venv/bin/pyside6-lupdate "${LUPDATE_OPTIONS[@]}" "${sources[@]}" -ts "$ts"
.venv/bin/pyside6-lrelease "$ts" -qm "${ts%.ts}.qm"
