"""Loading rule sets from rules/*.toml: strict validation, errors that name file, line, key and problem."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from .rule_schema import RuleSet

DEFAULT_RULESET_ID = "jinchang-2024"


def shipped_rules_dir() -> Path:
    """The folder of the shipped rule sets: `rules/` in a checkout (where people edit them), or the copy the
    wheel and the bundle carry as package data `subsidy_calc/rulesdata/` (pyproject maps `rules/` there)."""
    packaged = resources.files("subsidy_calc") / "rulesdata"
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"


RULES_DIR = shipped_rules_dir()


@dataclass(frozen=True)
class RuleProblem:
    """One problem in a rule file, located as precisely as the file allows."""

    file: Path
    line: int | None
    key_path: str
    value: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file.name}" + (f" 第{self.line}行" if self.line else "")
        key = f" 键 {self.key_path}" if self.key_path else ""
        value = f" 值 {self.value}" if self.value else ""
        return f"{where}{key}{value}: {self.message}"


class RuleFileError(Exception):
    """A rule file that cannot be used; carries every problem found in it."""

    def __init__(self, file: Path, problems: list[RuleProblem]) -> None:
        self.file = file
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class RuleCatalog:
    """The rule sets that loaded, and the files that did not (the others still load)."""

    rulesets: dict[str, RuleSet] = field(default_factory=dict)
    errors: list[RuleFileError] = field(default_factory=list)

    def get(self, ruleset_id: str) -> RuleSet:
        try:
            return self.rulesets[ruleset_id]
        except KeyError:
            known = "、".join(sorted(self.rulesets)) or "无"
            raise KeyError(f"未知的规则集“{ruleset_id}”,可用的规则集:{known}") from None

    @property
    def default_id(self) -> str | None:
        if DEFAULT_RULESET_ID in self.rulesets:
            return DEFAULT_RULESET_ID
        return next(iter(sorted(self.rulesets)), None)


_HEADER = re.compile(r"^\s*\[\[?\s*(?P<path>[^\]]+?)\s*\]\]?\s*(#.*)?$")
_SIMPLE_KEY = r"(?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_\-]+)"
_KEY = re.compile(rf"^\s*(?P<key>{_SIMPLE_KEY}(?:\s*\.\s*{_SIMPLE_KEY})*)\s*=")
_PART = re.compile(r"\"([^\"]*)\"|'([^']*)'|([A-Za-z0-9_\-]+)")


def _split_key(text: str) -> list[str]:
    return [next(g for g in m.groups() if g is not None) for m in _PART.finditer(text)]


def _key_lines(text: str) -> dict[tuple[str, ...], int]:
    """Map each key path of a TOML document to the line where it is written (headers and keys)."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header and not _KEY.match(line):
            table = tuple(_split_key(header.group("path")))
            lines.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key:
            path = table + tuple(_split_key(key.group("key")))
            lines.setdefault(path, number)
            inline = line[key.end():]
            for inner in re.finditer(r"(?:[{,]\s*)([A-Za-z0-9_\-]+|\"[^\"]*\")\s*=", inline):
                lines.setdefault(path + tuple(_split_key(inner.group(1))), number)
    return lines


def _locate(lines: dict[tuple[str, ...], int], loc: tuple[str, ...]) -> int | None:
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def _loc_to_keys(loc: tuple[int | str, ...]) -> tuple[str, ...]:
    keys: list[str] = []
    for part in loc:
        if isinstance(part, str) and "[" in part:
            # pydantic names validator steps like 'function-after[...]'; they are not keys
            continue
        keys.append(str(part))
    return tuple(keys)


def load_ruleset_text(text: str, file: Path) -> RuleSet:
    """Parse and validate one rule set; RuleFileError names line, key path, value and problem."""
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = int(match.group(1)) if match else None
        raise RuleFileError(file, [RuleProblem(file, line, "", "", f"TOML 语法错误:{exc}")]) from None
    try:
        ruleset = RuleSet.model_validate(data)
    except ValidationError as exc:
        key_lines = _key_lines(text)
        problems = []
        for error in exc.errors(include_url=False):
            keys = _loc_to_keys(tuple(error["loc"]))
            value = error.get("input")
            shown = "" if isinstance(value, dict | list) or value is None else repr(value)
            problems.append(
                RuleProblem(file, _locate(key_lines, keys) if keys else None, ".".join(keys), shown, error["msg"])
            )
        raise RuleFileError(file, problems) from None
    if file.stem != ruleset.id:
        line = _key_lines(text).get(("id",))
        raise RuleFileError(
            file, [RuleProblem(file, line, "id", repr(ruleset.id), f"规则集编号必须与文件名“{file.stem}”一致")]
        )
    return ruleset


def load_ruleset(path: Path) -> RuleSet:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, [RuleProblem(path, None, "", "", f"无法读取文件:{exc}")]) from None
    return load_ruleset_text(text, path)


def load_catalog(directory: Path = RULES_DIR) -> RuleCatalog:
    """Load every rules/*.toml; a broken file is reported and skipped, the others still load."""
    catalog = RuleCatalog()
    for path in sorted(directory.glob("*.toml")):
        try:
            ruleset = load_ruleset(path)
        except RuleFileError as exc:
            catalog.errors.append(exc)
            continue
        catalog.rulesets[ruleset.id] = ruleset
    return catalog
