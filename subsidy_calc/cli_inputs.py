"""What every claim command shares: its input arguments, and loading + calculating a claim once."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from .app_dirs import register_path
from .dates import DateError, parse_date
from .engine import calculate
from .enums import Stage
from .exit_status import ExitStatus
from .input_errors import InputError, InputProblem
from .inputs import LoadedInput, load_input
from .money import totals_problem
from .results import ClaimResult
from .rule_loading import RuleCatalog, load_catalog


class ChineseParser(argparse.ArgumentParser):
    """argparse that exits with status 2 and a Chinese hint instead of a traceback."""

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        self.exit(ExitStatus.BAD_INPUT, f"错误:命令参数有误:{message}\n")


def _stage(text: str) -> Stage:
    try:
        return Stage.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def date_argument(text: str) -> date:
    """An argparse type: any spelling parse_date accepts, or a Chinese usage error."""
    try:
        return parse_date(text)
    except DateError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", type=Path, help="培训班 CSV、花名册工作簿 .xlsx 或申请文件 .json")
    parser.add_argument("--rules", dest="ruleset", metavar="RULESET_ID", help="规则集编号,例如 jinchang-2024")
    parser.add_argument("--stage", type=_stage, help="advance(预支)或 settlement(清算)")
    parser.add_argument("--claim-date", type=date_argument, default=None, help="申领日期 YYYY-MM-DD,默认今天")
    parser.add_argument("--rules-dir", type=Path, default=None, help=argparse.SUPPRESS)


def load_and_calculate(args: argparse.Namespace) -> tuple[LoadedInput, ClaimResult, RuleCatalog]:
    """Shared by calc and export: load the catalog and the input, pick the rule set, calculate."""
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
    result = calculate(loaded.claim, ruleset, known=loaded.known)
    too_large = totals_problem(result.gross, result.advance_paid, result.payable)
    if too_large is not None:  # an ERROR notice in the window; here the input is refused before any output
        raise InputError([InputProblem(None, "", "", too_large)])
    return loaded, result, catalog


def _warn_register_overlaps(loaded: LoadedInput, source: Path) -> None:
    """Print (stderr) people of this claim already claimed in other saved claims; never records anything.

    Without a register (no claim saved on this computer yet) there is nothing to compare, and the register's
    modules (sqlite3, its key store) are not loaded."""
    if not register_path().exists():
        return
    from .register import claim_key_for_path, overlap_warnings

    for line in overlap_warnings(loaded.claim, claim_key_for_path(source)):
        print(f"警告:{line}", file=sys.stderr)
