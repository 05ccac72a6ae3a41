"""Smoke-test a built bundle from another folder: rules listed, a calc, an `export --pdf`, the window opens and
closes by itself. Linux and Windows alike (stdlib only); on Linux it also proves `calc` loads no Qt library.

usage: python packaging/smoke_bundle.py dist/subsidy-calc
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = sys.platform == "win32"
CLASSES_CSV = (
    "班级编号,培训职业,培训等级,学徒类型,开班日期,结业日期,计划人数,取证人数,结业未取证人数,退出人数\n"
    "A01,焊工,中级工,职工学徒,2023/3/1,2025/2/28,20,15,3,2\n"
)
EXPECTED_PAYABLE = "80000.00"  # jinchang-2024, settlement, no advance recorded: tests/subsidy_calc/test_cli.py


class SmokeFailure(Exception):
    """A check of the bundle failed; the message says which and shows the output."""


def executable(bundle: Path, name: str) -> Path:
    return bundle / (name + (".exe" if WINDOWS else ""))


def check(condition: bool, what: str, proc: subprocess.CompletedProcess[str] | None = None) -> None:
    if condition:
        print(f"ok: {what}", flush=True)
        return
    detail = f"\nexit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}" if proc else ""
    raise SmokeFailure(f"FAILED: {what}{detail}")


def environment(work: Path) -> dict[str, str]:
    """No Python of ours on the path, a throw-away data and settings folder, Chinese system locale."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_"))}
    env.update(SUBSIDY_CALC_DATA_DIR=str(work / "data"), XDG_CONFIG_HOME=str(work / "config"),
               XDG_DATA_HOME=str(work / "share"), LC_ALL="zh_CN.UTF-8", LANG="zh_CN.UTF-8")
    if not WINDOWS and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run(exe: Path, args: list[str], work: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *args], cwd=work, env=env, capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=120)


def check_no_qt(cli: Path, args: list[str], work: Path, env: dict[str, str], what: str) -> None:
    """Linux: the dynamic loader lists every library it opens (LD_DEBUG); no Qt library may be among them."""
    if not sys.platform.startswith("linux"):
        return
    traced = run(cli, args, work, env | {"LD_DEBUG": "files"})
    loaded_qt = [line for line in traced.stderr.splitlines() if "libQt6" in line and "file=" in line]
    check(traced.returncode == 0 and "libpython" in traced.stderr and not loaded_qt,
          f"`{what}` loads no Qt library (LD_DEBUG)", traced if loaded_qt or traced.returncode else None)


def smoke_cli(cli: Path, work: Path, env: dict[str, str]) -> None:
    shipped = sorted(p.stem for p in (ROOT / "rules").glob("*.toml"))
    listed = run(cli, ["rules"], work, env)
    check(listed.returncode == 0 and all(r in listed.stdout for r in shipped),
          f"`rules` lists the {len(shipped)} shipped rule sets", listed)

    (work / "classes.csv").write_bytes(CLASSES_CSV.encode("gb18030"))  # as Chinese Excel writes it
    args = ["calc", "classes.csv", "--rules", "jinchang-2024", "--stage", "settlement", "--claim-date",
            "2025-03-10", "--json"]
    calc = run(cli, args, work, env)
    check(calc.returncode == 0 and json.loads(calc.stdout or "{}").get("payable") == EXPECTED_PAYABLE,
          f"`calc` of a GB18030 classes CSV with 2023/3/1 dates pays {EXPECTED_PAYABLE}", calc)
    check_no_qt(cli, args, work, env, "calc")

    pdf = work / "申请表.pdf"
    export_args = ["export", "classes.csv", "--rules", "jinchang-2024", "--stage", "settlement", "--claim-date",
                   "2025-03-10", "--enterprise-name", "某某机械有限公司", "--pdf", str(pdf)]
    export = run(cli, export_args, work, env)
    check(export.returncode == 0 and pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-", "`export --pdf` writes "
          "a PDF", export)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                              encoding="utf-8", check=True).stdout
        check("某某机械有限公司" in text and "80,000.00" in text, "the PDF's Chinese text and amount extract exactly")
    check_no_qt(cli, export_args, work, env, "export --pdf")


def smoke_window(gui: Path, work: Path, env: dict[str, str]) -> None:
    report_path = work / "smoke.json"
    window = run(gui, [], work, env | {"SUBSIDY_CALC_SMOKE_TEST": str(report_path)})
    check(window.returncode == 0 and report_path.is_file(), "the window opens and closes by itself", window)
    report = json.loads(report_path.read_text(encoding="utf-8"))
    print(f"   window report: {report}")
    check(report["visible"] is True and "jinchang-2024" in report["rule_sets"], "the window shows, rule sets load")
    check(report["qt_zh_CN_cancel"] == "取消", "Qt's own zh_CN translation is in the bundle and loads")
    check(report["icon_renders"] is True, "the window icon renders (SVG icon engine bundled)")


def main(bundle: Path) -> int:
    bundle = bundle.resolve()
    with tempfile.TemporaryDirectory(prefix="subsidy-smoke-") as tmp:
        work = Path(tmp)
        env = environment(work)
        try:
            smoke_cli(executable(bundle, "subsidy-calc-cli"), work, env)
            smoke_window(executable(bundle, "subsidy-calc"), work, env)
        except SmokeFailure as exc:
            print(exc, file=sys.stderr)
            return 1
    print(f"smoke test passed: {bundle}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "subsidy-calc"))
