"""CLI commands of the importer: `template OUT.xlsx` writes the roster template."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .exit_status import ExitStatus
from .input_errors import InputError, InputProblem


def register(subparsers: Any) -> None:
    template = subparsers.add_parser("template", help="保存花名册模板(.xlsx)")
    template.add_argument("output", type=Path, help="模板文件路径,例如 花名册模板.xlsx")
    template.set_defaults(handler=_cmd_template)


def _cmd_template(args: argparse.Namespace) -> int:
    from .importer.template import write_template

    output: Path = args.output
    if output.suffix.lower() != ".xlsx":
        raise InputError([InputProblem(None, "", str(output), "模板文件名应以 .xlsx 结尾")])
    try:
        write_template(output)
    except OSError as exc:
        print(f"错误:无法写入模板“{output}”:{exc.strerror or exc}", file=sys.stderr)
        return ExitStatus.OUTPUT_FAILED
    print(f"已保存花名册模板:{output}")
    return ExitStatus.OK
