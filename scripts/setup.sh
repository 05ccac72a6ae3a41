#!/usr/bin/env bash
# Sets up everything the app and its tests need: system packages (Qt's xcb libraries, a Chinese font,
# poppler, Xvfb) and a virtual environment in .venv. Idempotent: a second run changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  fonts-wqy-microhei            # a TrueType Chinese font: without it every Chinese glyph is a box
  fonts-hanazono                # HanaMin A/B: CJK Extensions A and B (䶮, 𠮷) for rare characters in names
  poppler-utils                 # pdftoppm / pdftotext, used by the PDF tests
  xvfb xauth                    # a virtual screen for screenshots
  libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0 libxkbcommon0
  libegl1 libgl1 libfontconfig1 libdbus-1-3
)

install_system_packages() {
  command -v dpkg >/dev/null 2>&1 || { echo "setup: not a Debian-like system; install a Chinese font and Qt's xcb libraries yourself" >&2; return 0; }
  local missing=()
  for p in "${SYSTEM_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "setup: missing system packages (${missing[*]}); run as root or install them" >&2; return 0
    fi
  fi
  echo "setup: installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_python_env() {
  local py="${PYTHON:-python3}"
  "$py" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
    || { echo "setup: Python 3.11 or newer is required" >&2; exit 1; }
  [ -x .venv/bin/python ] || "$py" -m venv .venv
  local stamp=.venv/.installed
  local want
  want=$(cat pyproject.toml | sha256sum | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
  echo "$want" > "$stamp"
}

install_system_packages
install_python_env
