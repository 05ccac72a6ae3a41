"""Command line: `calc` a claim, list or check `rules`; the same engine as the window, no Qt imported."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import traceback
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from . import cli_export, cli_template
from .cli_inputs import ChineseParser, add_input_arguments, date_argument, load_and_calculate
from .exit_status import ExitStatus
from .file_problems import write_error_reason
from .input_errors import InputError
from .inputs import LoadedInput
from .money import format_yuan
from .results import ClaimResult, ClassLine
from .rule_fingerprint import RuleStamp, rule_change
from .rule_loading import RuleCatalog, RuleFileError, load_catalog, load_ruleset
from .rule_validity import Validity, validity_on, validity_text


def _register_calc(sub: Any) -> None:
    calc = sub.add_parser("calc", help="计算一份申请(培训班 CSV、花名册工作簿或申请文件)")
    add_input_arguments(calc)
    calc.add_argument("--json", action="store_true", help="以 JSON 输出")
    calc.set_defaults(handler=_cmd_calc)


def _register_rules(sub: Any) -> None:
    rules = sub.add_parser("rules", help="列出规则集;--check 校验、--install 安装、--export 导出规则文件")
    action = rules.add_mutually_exclusive_group()
    action.add_argument("--check", type=Path, metavar="FILE", help="校验一个规则文件")
    action.add_argument("--install", type=Path, metavar="FILE",
                        help="校验一个规则文件并复制到本机规则文件夹(列出它相对被替代规则集的改动)")
    action.add_argument("--export", nargs=2, metavar=("ID", "FILE"), help="把一个规则集写到文件")
    rules.add_argument("--on", type=date_argument, default=None, metavar="DATE",
                       help="按这一天判断文件有效期是否已过(默认今天)")
    rules.add_argument("--dir", type=Path, default=None, help=argparse.SUPPRESS)
    rules.set_defaults(handler=_cmd_rules)


# Every subcommand, declared once: main.py, the installed entry points and the bundle all use this table.
SUBCOMMANDS: dict[str, Callable[[Any], None]] = {
    "calc": _register_calc,
    "rules": _register_rules,
    "export": cli_export.register,
    "template": cli_template.register,
}


def is_command_line(argv: Sequence[str]) -> bool:
    """True when the arguments ask for the command line (a subcommand or help), not the window."""
    return bool(argv) and (argv[0] in SUBCOMMANDS or argv[0] in ("-h", "--help"))


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseParser(prog="main.py", description="企业新型学徒制培训补贴计算")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=ChineseParser)
    for register in SUBCOMMANDS.values():
        register(sub)
    return parser


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
        "adjustments": [
            {"label": a.label, "amount": f"{a.amount:.2f}", "explanation": a.text, "clause": a.clause}
            for a in result.adjustments
        ],
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
    rows += [[a.label, "", "", "", format_yuan(a.amount), "", format_yuan(a.amount)] for a in result.adjustments]
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
    for adjustment in result.adjustments:
        out.extend([f"  {adjustment.label}:{adjustment.text}", f"  依据:{adjustment.clause}", ""])
    notices = result.all_notices()
    if notices:
        out.append("提示与警告:")
        out.extend(f"  {n}" for n in notices)
    return "\n".join(out)


def _cmd_calc(args: argparse.Namespace) -> int:
    loaded, result, catalog = load_and_calculate(args)
    origin = catalog.origin(result.ruleset_id)
    local = origin is not None and origin.local
    if args.json:
        document = result_to_json(result, loaded)
        if origin is not None:
            document["ruleset_local"] = local
            document["ruleset_file"] = str(origin.path)
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        if origin is not None and local:
            print(f"规则集来源:{origin.describe()}")
        print(render_table(result))
    change = rule_change(RuleStamp.from_dict(loaded.ruleset_stamp), catalog.rulesets, result)
    for line in change.lines() if change is not None else []:
        print(f"提示:{line}", file=sys.stderr)
    if not args.json:  # the import's skipped rows and warnings (they are in the JSON document already)
        for problem in loaded.problems:
            print(f"  已跳过:{problem}")
        for warning in loaded.warnings:
            print(f"  提示:{warning}")
    return ExitStatus.CLAIM_HAS_ERRORS if result.has_errors else ExitStatus.OK


def _cmd_rules(args: argparse.Namespace) -> int:
    if args.check:
        ruleset = load_ruleset(args.check)
        print(f"{args.check}: 规则集 {ruleset.id}({ruleset.title})校验通过,状态 {ruleset.status}")
        print(f"\t有效期:{validity_text(ruleset, args.on or date.today())}")
        return ExitStatus.OK
    catalog = load_catalog(args.dir) if args.dir else load_catalog()
    if args.install:
        from . import rule_install  # the rule folder's writer (and rule_compare): only for --install / --export

        plan = rule_install.plan_install(args.install, catalog)
        print("\n".join(plan.describe()))
        try:
            target = rule_install.install(plan)
        except OSError as exc:
            print(f"错误:无法写入 {plan.target}:{exc.strerror or exc}", file=sys.stderr)
            return ExitStatus.OUTPUT_FAILED
        print(f"已安装到本机规则文件夹:{target}")
        return ExitStatus.OK
    if args.export:
        return _export_rules(catalog, args.export[0], Path(args.export[1]))
    _list_rules(catalog, args.on or date.today())
    return ExitStatus.BAD_INPUT if catalog.errors else ExitStatus.OK


def _export_rules(catalog: RuleCatalog, ruleset_id: str, destination: Path) -> int:
    if ruleset_id not in catalog.rulesets:
        print(f"错误:{catalog.unknown_message(ruleset_id)}", file=sys.stderr)
        return ExitStatus.BAD_INPUT
    from . import rule_install

    try:
        target = rule_install.export_ruleset(catalog, ruleset_id, destination)
    except OSError as exc:
        print(f"错误:无法写入 {destination}:{write_error_reason(exc)}", file=sys.stderr)
        return ExitStatus.OUTPUT_FAILED
    print(f"已导出规则集 {ruleset_id} 到 {target}")
    if target.stem != ruleset_id:
        print(f"提示:文件名须为 {ruleset_id}.toml 才能再次校验或安装")
    return ExitStatus.OK


_VALIDITY_MARK = {Validity.EXPIRED: "  [已过期]", Validity.NOT_YET: "  [尚未生效]"}


def _list_rules(catalog: RuleCatalog, day: date) -> None:
    """Every rule set: id, region, document, version, status, and its validity as of `day`."""
    for ruleset in sorted(catalog.rulesets.values(), key=lambda r: r.id):
        default = "  [默认]" if ruleset.id == catalog.default_id else ""
        status = "正式" if ruleset.status == "official" else "假设,须核实"
        mark = _VALIDITY_MARK.get(validity_on(ruleset, day), "")
        print(f"{ruleset.id}\t{ruleset.region}\t{ruleset.document}\t版本 {ruleset.version}\t{status}{default}{mark}")
        print(f"\t有效期:{validity_text(ruleset, day)}")
        print(f"\t来源:{ruleset.reference}")
        origin = catalog.origin(ruleset.id)
        if origin is not None and origin.local:
            print(f"\t{origin.describe()}")
    for error in catalog.errors:
        where = "本地规则文件" if catalog.is_local_error(error) else "规则文件"
        print(f"无法加载{where} {error.file}:", file=sys.stderr)
        print("\n".join(f"  {problem}" for problem in error.problems), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; bad input ends with exit status 2 and a message naming row, column and problem."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
        return code
    except InputError as exc:
        print("错误:输入有误:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return ExitStatus.BAD_INPUT
    except RuleFileError as exc:
        print("错误:规则文件有误:", file=sys.stderr)
        for rule_problem in exc.problems:
            print(f"  {rule_problem}", file=sys.stderr)
        return ExitStatus.BAD_INPUT
    except BaseException as exc:  # the last line of defence: a status and a message, never a traceback
        return unexpected_failure(exc)


TRACEBACK_ENV = "SUBSIDY_CALC_TRACEBACK"


def _silence_stdout() -> None:
    with contextlib.suppress(OSError, ValueError):
        sys.stdout.flush()
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def unexpected_failure(exc: BaseException) -> int:
    """Anything the commands did not turn into a message: a distinct status, a short Chinese message, and
    the traceback only when SUBSIDY_CALC_TRACEBACK is set. Ctrl+C and sys.exit pass through."""
    if isinstance(exc, KeyboardInterrupt | SystemExit):
        raise exc
    if os.environ.get(TRACEBACK_ENV):
        traceback.print_exception(exc, file=sys.stderr)
    if isinstance(exc, BrokenPipeError):
        # Whoever read our output stopped (`main.py rules | head`): nothing to tell them, and nothing more to
        # write; stdout goes to the null device so the interpreter's final flush cannot fail again.
        _silence_stdout()
        return ExitStatus.OUTPUT_FAILED
    if isinstance(exc, OSError):
        where = f"“{exc.filename}”" if exc.filename else ""
        print(f"错误:无法读写文件{where}:{exc.strerror or type(exc).__name__}", file=sys.stderr)
        return ExitStatus.OUTPUT_FAILED
    if isinstance(exc, MemoryError):
        print("错误:内存不足,无法完成;请拆分输入文件后重试", file=sys.stderr)
    elif isinstance(exc, RecursionError):
        print("错误:输入嵌套过深,无法处理", file=sys.stderr)
    else:
        print(f"错误:程序内部错误({type(exc).__name__});请把所用的文件和这条信息报告给维护者,"
              f"设置环境变量 {TRACEBACK_ENV}=1 可看到详细信息", file=sys.stderr)
    return ExitStatus.INTERNAL_ERROR
