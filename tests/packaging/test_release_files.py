"""The release files that cannot run here: the Windows workflow is linted (actionlint) and reuses the scripts
CI runs on Linux; the installer is per-user for Windows 10 1809+; the Linux desktop entry and MIME type agree
with the app's claim files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from defusedxml import ElementTree

from subsidy_calc.claim_file_name import is_claim_file

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
ISS = ROOT / "packaging" / "windows" / "subsidy-calc.iss"
DESKTOP = ROOT / "packaging" / "linux" / "subsidy-calc.desktop"
MIME = ROOT / "packaging" / "linux" / "subsidy-calc-mime.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _actionlint() -> str:
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    assert found, "actionlint is missing: install the test extras (pip install -e '.[test]')"
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the workflows are linted by the Linux CI")
def test_workflows_pass_actionlint() -> None:
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert WORKFLOW in workflows
    proc = subprocess.run([_actionlint(), "-no-color", *map(str, workflows)], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_windows_workflow_reuses_the_linux_build() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    for used in (r"packaging\requirements-build.txt", r"packaging\build.py", r"packaging\smoke_bundle.py",
                 r"packaging\windows\subsidy-calc.iss", "pytest", "runs-on: windows-"):
        assert used in text
    build_script = (ROOT / "scripts" / "build_bundle.sh").read_text(encoding="utf-8")
    assert "packaging/requirements-build.txt" in build_script and "packaging/build.py" in build_script
    assert "subsidy-calc.spec" in (ROOT / "packaging" / "build.py").read_text(encoding="utf-8")
    assert "bash scripts/build_bundle.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_installer_is_per_user_for_windows_10_1809_and_later() -> None:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "ISCC reads a script without a BOM in the ANSI code page"
    lines = {line.strip() for line in raw.decode("utf-8-sig").splitlines()}
    assert {"PrivilegesRequired=lowest", "MinVersion=10.0.17763", r"DefaultDirName={autopf}\subsidy-calc",
            "ArchitecturesAllowed=x64compatible"} <= lines
    assert r'Source: "{#Root}\dist\subsidy-calc\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs ' \
           "createallsubdirs" in lines


def test_desktop_entry_names_icon_and_claim_file_type() -> None:
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    desktop = dict(line.split("=", 1) for line in lines[1:] if "=" in line)  # keys are case-sensitive
    assert desktop["Name[zh_CN]"] == "新型学徒制培训补贴计算器" and desktop["Name"].isascii()
    assert desktop["Icon"] == "subsidy-calc" and desktop["Exec"].startswith("/opt/subsidy-calc/subsidy-calc ")
    mime = ElementTree.parse(MIME).getroot().find(f"{MIME_NS}mime-type")
    assert mime is not None and desktop["MimeType"] == f"{mime.get('type')};"
    globs = [g.get("pattern") for g in mime.iter(f"{MIME_NS}glob")]
    assert globs == ["*.subsidy.json"] and is_claim_file("x" + globs[0][1:].upper())


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-utils is not installed (scripts/build_bundle.sh installs and runs it)")
def test_desktop_entry_validates() -> None:
    proc = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout + proc.stderr
