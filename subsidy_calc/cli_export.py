"""`export`: the claim summary as PDF (ReportLab, export/pdf_render.py), Excel and CSV, written only when all
succeed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cli_inputs import add_input_arguments, load_and_calculate
from .exit_status import ExitStatus
from .identity import normalise_credit_code
from .input_errors import InputError, InputProblem
from .models import Claim

if TYPE_CHECKING:  # the paper's modules load when `export` runs, not for every command (`calc` needs none)
    from .export.summary import SummaryDocument


def register(subparsers: Any) -> None:
    """Add the `export` command to the CLI's subparsers."""
    parser = subparsers.add_parser("export", help="导出申请表:PDF、Excel、CSV")
    add_input_arguments(parser)
    parser.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="申请表 PDF(A4,可打印盖章)")
    parser.add_argument("--xlsx", type=Path, metavar="OUT.xlsx", help="Excel 工作簿:申请表、培训班、学徒名册")
    parser.add_argument("--csv", type=Path, metavar="OUT.csv", help="培训班明细 CSV(UTF-8 带 BOM)")
    parser.add_argument("--enterprise-name", metavar="NAME", help="申请单位名称(覆盖申请文件中的名称)")
    parser.add_argument("--enterprise-code", metavar="CODE", help="统一社会信用代码(18位,校验 GB 32100)")
    parser.add_argument("--full-ids", action="store_true", help="名册中打印完整身份证号(默认隐去中间8位)")
    parser.set_defaults(handler=run_export)


def _problem(column: str, value: str, message: str) -> InputError:
    return InputError([InputProblem(None, column, value, message)])


def _check_arguments(args: argparse.Namespace) -> str | None:
    if not (args.pdf or args.xlsx or args.csv):
        raise _problem("", "", "请至少指定一个输出:--pdf、--xlsx 或 --csv")
    outputs = [p for p in (args.pdf, args.xlsx, args.csv) if p is not None]
    for path in outputs:
        if not path.parent.is_dir():
            raise _problem("", str(path), f"输出目录“{path.parent}”不存在")
    if len({p.resolve() for p in outputs}) != len(outputs):
        raise _problem("", "", "输出文件不能重名")
    if args.enterprise_code is None:
        return None
    try:
        return normalise_credit_code(args.enterprise_code)
    except ValueError as exc:
        raise _problem("", args.enterprise_code, f"参数 --enterprise-code 有误:{exc}") from None


def _claim_with_overrides(args: argparse.Namespace, claim: Claim, code: str | None) -> Claim:
    """The claim with --enterprise-name / --enterprise-code applied."""
    update: dict[str, str] = {}
    if args.enterprise_name is not None:
        update["name"] = args.enterprise_name.strip()
    if code is not None:
        update["credit_code"] = code
    if not update:
        return claim
    return claim.model_copy(update={"enterprise": claim.enterprise.model_copy(update=update)})


def _render_pdf(args: argparse.Namespace, summary: SummaryDocument) -> tuple[bytes, int] | None:
    """The PDF in memory, or None after printing why it cannot be made."""
    # ReportLab (≈ 0.2 s to import, no Qt) only when a PDF is wanted
    from .export.pdf_fonts import FontMissingError
    from .export.pdf_render import render_summary_pdf

    try:
        return render_summary_pdf(summary)
    except FontMissingError as exc:
        print(f"错误:无法生成 PDF“{args.pdf}”,所有输出文件均未写入。{exc}", file=sys.stderr)
        return None


def run_export(args: argparse.Namespace) -> int:
    """Load, calculate once, render every requested output to memory, then write them all atomically."""
    from .export.csv_export import classes_csv_bytes
    from .export.outputs import OutputError, write_all
    from .export.summary import build_summary

    code = _check_arguments(args)
    loaded, result, catalog = load_and_calculate(args)
    claim = _claim_with_overrides(args, loaded.claim, code)
    summary = build_summary(claim, result, result.ruleset, full_ids=args.full_ids,
                            origin=catalog.origin(result.ruleset_id))

    rendered: list[tuple[Path, bytes, str]] = []
    if args.pdf:
        pdf = _render_pdf(args, summary)
        if pdf is None:
            return ExitStatus.BAD_INPUT
        rendered.append((args.pdf, pdf[0], f"PDF,共 {pdf[1]} 页"))
    if args.xlsx:
        from .export.xlsx import workbook_bytes  # xlsxwriter (≈ 40 ms to import) only when an xlsx is wanted

        rendered.append((args.xlsx, workbook_bytes(summary, result), "Excel 工作簿"))
    if args.csv:
        rendered.append((args.csv, classes_csv_bytes(result), "CSV"))
    try:
        write_all([(path, data) for path, data, _what in rendered])
    except OutputError as exc:
        print(f"错误:{exc}", file=sys.stderr)
        return ExitStatus.OUTPUT_FAILED
    for path, _data, what in rendered:
        print(f"已写入 {path}({what})")
    for problem in loaded.problems:
        print(f"  已跳过:{problem}")
    if result.has_errors:
        print("注意:本申请存在错误,不可提交(已在申请表顶部标明)", file=sys.stderr)
        return ExitStatus.CLAIM_HAS_ERRORS
    return ExitStatus.OK
