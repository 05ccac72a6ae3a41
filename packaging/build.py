"""Build the one-folder bundle, on Linux and on Windows alike: icons, wheel, PyInstaller, smoke test.

Run with the python of a venv that holds only PyInstaller (scripts/build_bundle.sh and the release workflow
make one): the wheel built here is installed into that venv with its runtime dependencies, so the bundle is
made from exactly what `pip install` gives a user. Platform packaging (tar.gz/.deb, installer/zip) is left to
the caller."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = ROOT / "dist"
BUNDLE = DIST / "subsidy-calc"
WHEEL_SOURCES = ("pyproject.toml", "README.md", "subsidy_calc", "ui", "rules")


def version() -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return str(project["version"])


def run(*args: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None) -> None:
    print("+", " ".join(map(str, args)), flush=True)
    subprocess.run([str(a) for a in args], check=True, env=env, cwd=cwd)


def build_wheel() -> Path:
    """From a clean copy of the sources (setuptools keeps build/lib beside its sources and would carry stale
    modules into the wheel)."""
    source, out = BUILD / "wheel-src", BUILD / "wheel"
    for folder in (source, out):
        shutil.rmtree(folder, ignore_errors=True)
    source.mkdir(parents=True)
    for name in WHEEL_SOURCES:
        origin = ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(origin, source / name)
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", out, source)
    (wheel,) = out.glob("subsidy_calc-*.whl")
    return wheel


def install_wheel(wheel: Path) -> None:
    run(sys.executable, "-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", wheel)
    run(sys.executable, "-m", "pip", "install", "-q", wheel)  # its runtime dependencies, if not there yet


def run_pyinstaller(icon: Path) -> None:
    shutil.rmtree(BUNDLE, ignore_errors=True)
    env = os.environ | {"BUNDLE_ICON_ICO": str(icon)}
    # From another folder, so that the checkout's own subsidy_calc/ui cannot shadow the installed wheel.
    spec = ROOT / "packaging" / "subsidy-calc.spec"
    run(sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", DIST, "--workpath", BUILD / "pyinstaller", spec, env=env, cwd=BUILD)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    started = time.monotonic()
    icons = BUILD / "icons"
    install_wheel(build_wheel())  # first: rendering the icons needs Qt, which comes with the wheel's dependencies
    run(sys.executable, ROOT / "packaging" / "render_icons.py", icons)
    run_pyinstaller(icons / "subsidy-calc.ico")
    run(sys.executable, ROOT / "packaging" / "smoke_bundle.py", BUNDLE)
    size = folder_size(BUNDLE)
    print(f"bundle: {BUNDLE} ({size / 1e6:.0f} MB, version {version()}), built and tested in "
          f"{time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
