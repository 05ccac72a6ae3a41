#!/usr/bin/env bash
# Builds and smoke-tests the Linux release: the one-folder bundle dist/subsidy-calc/ (two executables on one
# runtime), dist/subsidy-calc-<version>-linux-x86_64.tar.gz and dist/subsidy-calc_<version>_amd64.deb.
# Prints the bundle's size and the highest GLIBC version it needs. Idempotent; see docs/packaging.md.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

SYSTEM_PACKAGES=(
  desktop-file-utils   # desktop-file-validate
  binutils             # objdump: the GLIBC versions the bundle needs
  poppler-utils        # pdftotext: the smoke test reads the exported PDF back
  fonts-wqy-microhei   # a Chinese font for the smoke test's PDF
  dpkg                 # dpkg-deb
)

install_system_packages() {
  command -v dpkg >/dev/null 2>&1 || { echo "build_bundle: needs a Debian-like system (dpkg-deb)" >&2; exit 1; }
  local missing=()
  for p in "${SYSTEM_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "build_bundle: installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# A venv with only PyInstaller; packaging/build.py installs the wheel and its runtime dependencies into it
# (never the test tools: PyInstaller's pydantic hooks would drag hypothesis and mypy into the bundle).
runtime_venv() {
  local venv=build/runtime-venv py="${PYTHON:-python3}"
  [ -x "$venv/bin/python" ] || "$py" -m venv "$venv"
  local stamp="$venv/.installed" want
  want=$(cat pyproject.toml packaging/requirements-build.txt | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    "$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
    "$venv/bin/python" -m pip install -q --disable-pip-version-check -r packaging/requirements-build.txt
    echo "$want" > "$stamp"
  fi
}

highest_glibc() {
  find "$1" -type f \( -name '*.so*' -o -perm -u+x \) -print0 \
    | xargs -0 objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' | sort -u -V | tail -n 1 | cut -d_ -f2
}

build_tarball() {
  local out="dist/subsidy-calc-$VERSION-linux-x86_64.tar.gz"
  tar -C dist --owner=0 --group=0 -czf "$out" subsidy-calc
  echo "$out"
}

build_deb() {
  local root=build/deb/subsidy-calc out="dist/subsidy-calc_${VERSION}_amd64.deb"
  rm -rf build/deb && mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
    "$root/usr/share/mime/packages" "$root/usr/share/icons/hicolor/scalable/apps"
  cp -a dist/subsidy-calc "$root/opt/subsidy-calc"
  ln -s /opt/subsidy-calc/subsidy-calc "$root/usr/bin/subsidy-calc"
  ln -s /opt/subsidy-calc/subsidy-calc-cli "$root/usr/bin/subsidy-calc-cli"
  install -m 644 packaging/linux/subsidy-calc.desktop "$root/usr/share/applications/subsidy-calc.desktop"
  install -m 644 packaging/linux/subsidy-calc-mime.xml "$root/usr/share/mime/packages/subsidy-calc.xml"
  install -m 644 ui/icons/subsidy-calc.svg "$root/usr/share/icons/hicolor/scalable/apps/subsidy-calc.svg"
  for size in 16 24 32 48 64 128 256 512; do
    install -D -m 644 "build/icons/subsidy-calc-$size.png" \
      "$root/usr/share/icons/hicolor/${size}x${size}/apps/subsidy-calc.png"
  done
  local installed_kb
  installed_kb=$(du -sk "$root" --exclude=DEBIAN | cut -f1)
  sed -e "s/@VERSION@/$VERSION/" -e "s/@GLIBC@/$GLIBC/" -e "s/@SIZE@/$installed_kb/" \
    packaging/linux/control.in > "$root/DEBIAN/control"
  # The desktop, MIME and icon caches are refreshed by dpkg triggers of desktop-file-utils, shared-mime-info
  # and hicolor-icon-theme: no maintainer scripts.
  # gzip: xz would save a third of the size but take minutes on a CI machine; every dpkg reads gzip.
  dpkg-deb --root-owner-group -Zgzip -z6 --build "$root" "$out" >/dev/null
  echo "$out"
}

verify_deb() {
  local deb=$1 info contents
  info=$(dpkg-deb --info "$deb")
  contents=$(dpkg-deb --contents "$deb")
  grep -q "Package: subsidy-calc" <<<"$info" && grep -q "Version: $VERSION" <<<"$info" \
    && grep -q "Architecture: amd64" <<<"$info" && grep -q "libc6 (>= $GLIBC)" <<<"$info" \
    || { echo "build_bundle: $deb has a wrong control file:"; echo "$info"; exit 1; } >&2
  for path in ./opt/subsidy-calc/subsidy-calc ./opt/subsidy-calc/subsidy-calc-cli ./usr/bin/subsidy-calc \
      ./usr/share/applications/subsidy-calc.desktop ./usr/share/mime/packages/subsidy-calc.xml \
      ./usr/share/icons/hicolor/256x256/apps/subsidy-calc.png ./usr/share/icons/hicolor/scalable/apps/subsidy-calc.svg \
      ./opt/subsidy-calc/_internal/subsidy_calc/rulesdata/jinchang-2024.toml; do
    grep -q " $path\( ->.*\)\?$" <<<"$contents" || { echo "build_bundle: $deb lacks $path" >&2; exit 1; }
  done
  # The installed command works through its /usr/bin link (the bundle finds _internal/ beside the real file).
  rm -rf build/deb-check && mkdir -p build/deb-check && dpkg-deb -x "$deb" build/deb-check
  ln -sfn "$PWD/build/deb-check/opt/subsidy-calc/subsidy-calc-cli" build/deb-check/subsidy-calc-cli
  build/deb-check/subsidy-calc-cli rules | grep -q jinchang-2024 \
    || { echo "build_bundle: the .deb's subsidy-calc-cli does not run through a link" >&2; exit 1; }
  echo "ok: $deb (dpkg-deb --info/--contents checked, the CLI runs through a link)"
}

install_system_packages
VERSION=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
desktop-file-validate packaging/linux/subsidy-calc.desktop
echo "ok: desktop-file-validate packaging/linux/subsidy-calc.desktop"
runtime_venv
build/runtime-venv/bin/python packaging/build.py
GLIBC=$(highest_glibc dist/subsidy-calc)
tarball=$(build_tarball)
deb=$(build_deb)
verify_deb "$deb"
echo "== release built in $(( $(date +%s) - started )) s"
echo "bundle:  dist/subsidy-calc  $(du -sh dist/subsidy-calc | cut -f1)  (highest required GLIBC: $GLIBC)"
echo "tarball: $tarball  $(du -h "$tarball" | cut -f1)"
echo "deb:     $deb  $(du -h "$deb" | cut -f1)"
