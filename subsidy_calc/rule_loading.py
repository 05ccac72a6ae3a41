"""Loading rule sets from rules/*.toml and the user's rule folder: strict validation, located errors."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from .limits import shown_value
from .pydantic_messages import chinese_message, validation_errors
from .rule_bounds import size_problem, text_problem, toml_message
from .rule_rates import RATE_BASES, STUDENT_RATE_BASES
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
USER_RULES_ENV = "SUBSIDY_CALC_RULES_DIR"


def user_rules_dir() -> Path:
    """The user's rule folder: $SUBSIDY_CALC_RULES_DIR (portable installs), else <app data folder>/rules."""
    configured = os.environ.get(USER_RULES_ENV)
    if configured:
        return Path(configured)
    from .app_dirs import data_dir

    return data_dir() / "rules"


@dataclass(frozen=True)
class RuleOrigin:
    """Where a loaded rule set comes from: a shipped file, or a local one (本地规则集) in the user's folder."""

    path: Path
    local: bool
    replaces: Path | None = None  # the shipped file a local set of the same id overrides

    def describe(self) -> str:
        """One Chinese line for the window, `rules` and the printed claim."""
        if not self.local:
            return f"内置规则集({self.path.name})"
        text = f"本地规则集,文件 {self.path}"
        return text + (f"(替代内置的 {self.replaces.name})" if self.replaces else "")


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
    origins: dict[str, RuleOrigin] = field(default_factory=dict)
    user_dir: Path | None = None
    shipped_dir: Path | None = None

    def reload(self) -> None:
        """Load the same folders again, in place: every holder of this catalog sees the new sets."""
        if self.shipped_dir is None:
            return
        fresh = load_catalog(self.shipped_dir, self.user_dir, with_user=self.user_dir is not None)
        self.rulesets, self.errors, self.origins = fresh.rulesets, fresh.errors, fresh.origins

    def origin(self, ruleset_id: str) -> RuleOrigin | None:
        return self.origins.get(ruleset_id)

    def is_local_error(self, error: RuleFileError) -> bool:
        """True when a file that did not load lies in the user's rule folder."""
        return self.user_dir is not None and error.file.parent == self.user_dir

    def get(self, ruleset_id: str) -> RuleSet:
        try:
            return self.rulesets[ruleset_id]
        except KeyError:
            raise KeyError(self.unknown_message(ruleset_id)) from None

    def unknown_message(self, ruleset_id: str) -> str:
        """The message for an id that is not in the catalog."""
        known = "、".join(sorted(self.rulesets)) or "无"
        return f"未知的规则集“{ruleset_id}”,可用的规则集:{known}"

    @property
    def default_id(self) -> str | None:
        if DEFAULT_RULESET_ID in self.rulesets:
            return DEFAULT_RULESET_ID
        return next(iter(sorted(self.rulesets)), None)


# Possessive quantifiers (*+, ++): no backtracking, so a long line costs linear time, not cubic.
_HEADER = re.compile(r"^\s*+\[\[?(?P<path>[^\]]*+)\]\]?\s*+(#.*)?$")
_SIMPLE_KEY = r"(?:\"[^\"]*+\"|'[^']*+'|[A-Za-z0-9_\-]++)"
_KEY = re.compile(rf"^\s*+(?P<key>{_SIMPLE_KEY}(?:\s*+\.\s*+{_SIMPLE_KEY})*+)\s*+=")
_INLINE_KEY = re.compile(r"[{,]\s*+([A-Za-z0-9_\-]++|\"[^\"]*+\")\s*+=")
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
            for inner in _INLINE_KEY.finditer(inline):
                lines.setdefault(path + tuple(_split_key(inner.group(1))), number)
    return lines


def _locate(lines: dict[tuple[str, ...], int], loc: tuple[str, ...]) -> int | None:
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def _loc_to_keys(loc: tuple[int | str, ...], data: object) -> tuple[str, ...] | None:
    """The key path in the file of a pydantic error location: steps that are not keys are left out (validator
    names like 'function-after[...]', and the tag of a discriminated union such as `rate`'s basis "cost").
    None when the location is a value a later `[values.DATE]` block inherited (reported where it is written)."""
    keys: list[str] = []
    node = data
    for index, part in enumerate(loc):
        if isinstance(node, dict):
            if part in node:
                keys.append(str(part))
                node = node[part]
            elif index == len(loc) - 1 and not (isinstance(part, str) and "[" in part):
                keys.append(str(part))  # a missing key: named, though it is not in the file
            elif isinstance(part, str) and "[" not in part and part not in _UNION_TAGS:
                return None
            continue
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            keys.append(str(part))
            node = node[part]
            continue
        if isinstance(part, str) and "[" in part:
            continue
        keys.append(str(part))
        node = None
    return tuple(keys)


_UNION_TAGS = frozenset({*RATE_BASES, *STUDENT_RATE_BASES})


def load_ruleset_text(text: str, file: Path) -> RuleSet:
    """Parse and validate one rule set; RuleFileError names line, key path, value and problem."""
    bounds = text_problem(text)
    if bounds is not None:
        raise RuleFileError(file, [RuleProblem(file, bounds[0], "", "", bounds[1])])
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        line, message = toml_message(exc)
        raise RuleFileError(file, [RuleProblem(file, line, "", "", message)]) from None
    except (RecursionError, MemoryError, ValueError) as exc:
        raise RuleFileError(file, [RuleProblem(file, None, "", "", f"无法解析文件({type(exc).__name__})")]) from None
    try:
        ruleset = RuleSet.model_validate(data)
    except ValidationError as exc:
        key_lines = _key_lines(text)
        problems = []
        errors = validation_errors(exc)
        located = [(error, _loc_to_keys(tuple(error["loc"]), data)) for error in errors]
        if any(keys is not None for _, keys in located):
            located = [(error, keys) for error, keys in located if keys is not None]
        for error, found in located:
            keys = found or tuple(str(part) for part in error["loc"])
            value = error.get("input")
            shown = "" if isinstance(value, dict | list) or value is None else shown_value(repr(value))
            problems.append(RuleProblem(file, _locate(key_lines, keys) if keys else None, ".".join(keys), shown,
                                        chinese_message(error)))
        raise RuleFileError(file, problems) from None
    if file.stem != ruleset.id:
        line = _key_lines(text).get(("id",))
        raise RuleFileError(
            file, [RuleProblem(file, line, "id", repr(ruleset.id), f"规则集编号必须与文件名“{file.stem}”一致")]
        )
    return ruleset


def load_ruleset(path: Path) -> RuleSet:
    try:
        too_big = size_problem(path.stat().st_size)
        if too_big:
            raise RuleFileError(path, [RuleProblem(path, None, "", "", too_big)])
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise RuleFileError(path, [RuleProblem(path, None, "", "", f"无法读取文件:{exc.strerror or exc}")]) from None
    except UnicodeDecodeError as exc:
        message = f"无法读取文件:不是 UTF-8 文本(第 {exc.start + 1:,} 个字节无法解码),请另存为 UTF-8"
        raise RuleFileError(path, [RuleProblem(path, None, "", "", message)]) from None
    return load_ruleset_text(text, path)


def _load_directory(catalog: RuleCatalog, directory: Path, local: bool) -> None:
    try:
        paths = sorted(directory.glob("*.toml"))
    except OSError as exc:
        catalog.errors.append(
            RuleFileError(directory, [RuleProblem(directory, None, "", "", f"无法读取规则文件夹:{exc}")])
        )
        return
    for path in paths:
        try:
            ruleset = load_ruleset(path)
        except RuleFileError as exc:
            catalog.errors.append(exc)
            continue
        except Exception as exc:  # one broken file never stops the others (nor the window's start)
            problem = RuleProblem(path, None, "", "", f"无法加载此规则文件({type(exc).__name__})")
            catalog.errors.append(RuleFileError(path, [problem]))
            continue
        shipped = catalog.origins.get(ruleset.id)
        replaces = shipped.path if local and shipped is not None and not shipped.local else None
        catalog.rulesets[ruleset.id] = ruleset
        catalog.origins[ruleset.id] = RuleOrigin(path, local, replaces)


def load_catalog(directory: Path = RULES_DIR, user_dir: Path | None = None, *, with_user: bool = True) -> RuleCatalog:
    """Load the shipped rules/*.toml, then the user's folder (a local set overrides a shipped one of its id).

    A broken file is reported and skipped, the others still load; a missing user folder is simply empty."""
    catalog = RuleCatalog(shipped_dir=directory)
    _load_directory(catalog, directory, local=False)
    if with_user:
        catalog.user_dir = user_dir if user_dir is not None else user_rules_dir()
        if catalog.user_dir.is_dir() and catalog.user_dir.resolve() != directory.resolve():
            _load_directory(catalog, catalog.user_dir, local=True)
    return catalog
