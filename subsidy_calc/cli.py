"""Command line: `calc` a claim, list or check `rules`; the same engine as the window, no Qt imported."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from .enums import Stage
from .inputs import LoadedInput, load_input
from .money import format_yuan
from .problems import InputError, InputProblem
from .results import ClaimResult, ClassLine
from .rules import RuleCatalog, RuleFileError, load_catalog, load_ruleset

EXIT_OK = 0
EXIT_RESULT_HAS_ERRORS = 1
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """argparse that exits with status 2 and a Chinese hint instead of a traceback."""

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"错误:命令参数有误:{message}\n")


def _stage(text: str) -> Stage:
    try:
        return Stage.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”格式错误,应为 YYYY-MM-DD") from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description="企业新型学徒制培训补贴计算")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    calc = sub.add_parser("calc", help="计算一份申请(培训班 CSV、花名册工作簿或申请文件)")
    add_input_arguments(calc)
    calc.add_argument("--json", action="store_true", help="以 JSON 输出")
    rules = sub.add_parser("rules", help="列出规则集,或用 --check 校验一个规则文件")
    rules.add_argument("--check", type=Path, metavar="FILE", help="校验一个规则文件")
    rules.add_argument("--dir", type=Path, default=None, help=argparse.SUPPRESS)
    _register_extra_commands(sub)
    return parser


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", type=Path, help="培训班 CSV、花名册工作簿 .xlsx 或申请文件 .json")
    parser.add_argument("--rules", dest="ruleset", metavar="RULESET_ID", help="规则集编号,例如 jinchang-2024")
    parser.add_argument("--stage", type=_stage, help="advance(预支)或 settlement(清算)")
    parser.add_argument("--claim-date", type=_date, default=None, help="申领日期 YYYY-MM-DD,默认今天")
    parser.add_argument("--rules-dir", type=Path, default=None, help=argparse.SUPPRESS)


def _register_extra_commands(sub: Any) -> None:
    """Commands that live in their own modules (export needs Qt for PDF, imported only when run)."""
    import importlib

    for name in ("cli_export", "cli_import"):
        try:
            module = importlib.import_module(f"{__package__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__package__}.{name}":
                raise
            continue
        module.register(sub)


def load_and_calculate(args: argparse.Namespace) -> tuple[LoadedInput, ClaimResult, RuleCatalog]:
    """Shared by calc and export: load the catalog and the input, pick the rule set, calculate."""
    from .engine import calculate

    catalog = load_catalog(args.rules_dir) if args.rules_dir else load_catalog()
    chosen = catalog.rulesets.get(args.ruleset) if args.ruleset else None
    loaded = load_input(args.input, args.ruleset, args.stage, args.claim_date or date.today(), ruleset=chosen)
    _warn_register_overlaps(loaded, args.input)
    try:
        ruleset = catalog.get(loaded.claim.ruleset_id)
    except KeyError as exc:
        broken = [str(e) for e in catalog.errors if e.file.stem == loaded.claim.ruleset_id]
        message = broken[0] if broken else str(exc.args[0])
        raise InputError([InputProblem(None, "--rules", loaded.claim.ruleset_id, message)]) from None
    return loaded, calculate(loaded.claim, ruleset), catalog


def _warn_register_overlaps(loaded: LoadedInput, source: Path) -> None:
    """Print (stderr) people of this claim already claimed in other saved claims; never records anything."""
    from .register import claim_key_for_path, overlap_warnings

    for line in overlap_warnings(loaded.claim, claim_key_for_path(source)):
        print(f"警告:{line}", file=sys.stderr)


def result_to_json(result: ClaimResult, loaded: LoadedInput | None = None) -> dict[str, Any]:
    """The `--json` document: totals as strings with two decimals, every class with its explanation."""
    document: dict[str, Any] = {
        "ruleset": result.ruleset_id,
        "ruleset_title": result.ruleset_title,
        "ruleset_version": result.ruleset_version,
        "ruleset_status": result.ruleset_status,
        "stage": result.stage.value,
        "claim_date": result.claim_date.isoformat(),
        "gross": f"{result.gross:.2f}",
        "advance_paid": f"{result.advance_paid:.2f}",
        "payable": f"{result.payable:.2f}",
        "payable_in_words": result.payable_in_words,
        "refund_owed": result.refund_owed,
        "has_errors": result.has_errors,
        "classes": [_class_json(line) for line in result.classes],
        "warnings": [str(n) for n in result.all_notices()],
    }
    if loaded is not None and not loaded.from_claim_file:
        document["rows_imported"] = loaded.rows_imported
        document["rows_rejected"] = loaded.rows_rejected
        document["problems"] = [p.to_json() for p in loaded.problems]
        document["import_warnings"] = [p.to_json() for p in loaded.warnings]
    return document


def _class_json(line: ClassLine) -> dict[str, Any]:
    return {
        "class_id": line.class_id,
        "occupation": line.occupation,
        "level": line.level.label,
        "apprentice_type": line.apprentice_type.label,
        "start_date": line.start_date.isoformat(),
        "end_date": line.end_date.isoformat(),
        "planned": line.planned,
        "certified": line.counts.certified,
        "completed_no_cert": line.counts.completed_no_cert,
        "dropped": line.counts.dropped,
        "in_training": line.counts.in_training,
        "months_counted": line.months_counted,
        "annual_rate": f"{line.annual_rate:.2f}",
        "gross": f"{line.gross:.2f}",
        "advance_paid": f"{line.advance_paid:.2f}",
        "advance_assumed": line.advance_assumed,
        "payable": f"{line.payable:.2f}",
        "explanation": line.explanation.text(),
        "warnings": [str(n) for n in line.notices],
    }


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(width - _width(text), 0)
    return gap + text if right else text + gap


def render_table(result: ClaimResult) -> str:
    """A readable plain-text report: a row per class, totals, the explanations, then the notices."""
    headers = ["班级编号", "培训职业", "等级", "月数", "应得", "已预支", "本次应付"]
    rows = [
        [line.class_id, line.occupation, line.level.label, str(line.months_counted), format_yuan(line.gross),
         format_yuan(line.advance_paid), format_yuan(line.payable)]
        for line in result.classes
    ]
    amounts = (result.gross, result.advance_paid, result.payable)
    total = ["合计", "", "", "", *(format_yuan(a) for a in amounts)]
    widths = [max(_width(r[i]) for r in [headers, *rows, total]) for i in range(len(headers))]

    def fmt(row: list[str]) -> str:
        return "  ".join(_pad(cell, widths[i], right=i >= 3) for i, cell in enumerate(row))

    status = "(含假设内容,须核实)" if result.ruleset_status == "assumed" else ""
    out = [
        f"规则集:{result.ruleset_id} {result.ruleset_title} 版本 {result.ruleset_version}{status}",
        f"阶段:{result.stage.label}    申领日期:{result.claim_date.isoformat()}",
        "",
        fmt(headers),
        "  ".join("-" * w for w in widths),
        *(fmt(r) for r in rows),
        "  ".join("-" * w for w in widths),
        fmt(total),
        "",
        f"本次应付(大写):{result.payable_in_words}",
    ]
    if result.refund_owed:
        out.append(f"应退回:{format_yuan(-result.payable)} 元")
    out.append("")
    out.append("计算说明:")
    for line in result.classes:
        out.extend("  " + step for step in line.explanation.text().splitlines())
        out.append("")
    notices = result.all_notices()
    if notices:
        out.append("提示与警告:")
        out.extend(f"  {n}" for n in notices)
    return "\n".join(out)


def _cmd_calc(args: argparse.Namespace) -> int:
    loaded, result, _ = load_and_calculate(args)
    if args.json:
        print(json.dumps(result_to_json(result, loaded), ensure_ascii=False, indent=2))
    else:
        print(render_table(result))
        for problem in loaded.problems:
            print(f"  已跳过:{problem}")
        for warning in loaded.warnings:
            print(f"  提示:{warning}")
    return EXIT_RESULT_HAS_ERRORS if result.has_errors else EXIT_OK


def _cmd_rules(args: argparse.Namespace) -> int:
    if args.check:
        ruleset = load_ruleset(args.check)
        print(f"{args.check}: 规则集 {ruleset.id}({ruleset.title})校验通过,状态 {ruleset.status}")
        return EXIT_OK
    catalog = load_catalog(args.dir) if args.dir else load_catalog()
    for ruleset in sorted(catalog.rulesets.values(), key=lambda r: r.id):
        default = "  [默认]" if ruleset.id == catalog.default_id else ""
        status = "正式" if ruleset.status == "official" else "假设,须核实"
        print(f"{ruleset.id}\t{ruleset.region}\t{ruleset.document}\t版本 {ruleset.version}\t{status}{default}")
        print(f"\t来源:{ruleset.reference}")
    for error in catalog.errors:
        print(f"无法加载:{error}", file=sys.stderr)
    return EXIT_BAD_INPUT if catalog.errors else EXIT_OK


COMMANDS = {"calc": _cmd_calc, "rules": _cmd_rules}


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; bad input ends with exit status 2 and a message naming row, column and problem."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = COMMANDS.get(args.command) or args.handler
    try:
        code: int = handler(args)
        return code
    except InputError as exc:
        print("错误:输入有误:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except RuleFileError as exc:
        print("错误:规则文件有误:", file=sys.stderr)
        for rule_problem in exc.problems:
            print(f"  {rule_problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
