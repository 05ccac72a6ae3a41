"""A rule set being edited, as file data: typed values at key paths, checked exactly as `rules --check` does."""

from __future__ import annotations

import copy
from collections.abc import Collection
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from .dates import DateError, parse_date
from .rule_loading import RuleFileError, RuleProblem, load_ruleset_text
from .rule_schema import RuleSet
from .rule_toml import dumps, plain_data

KeyPath = tuple[str | int, ...]
COPY_NOTE = "本规则集复制自“{title}”({id} 版本 {version}),在本机修改,修改内容须向当地人社部门核实"


def path_text(path: KeyPath) -> str:
    """values.2024-01-01.rate.levels.中级工, advance.instalments[1].ratio — as `rules --check` names keys."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def get_at(data: Any, path: KeyPath, default: Any = None) -> Any:
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return default
    return node


def set_at(data: Any, path: KeyPath, value: Any) -> None:
    """Set a value, creating the tables on the way; `None` removes the key (TOML has no null)."""
    node = data
    for part in path[:-1]:
        node = node.setdefault(part, {}) if isinstance(node, dict) else node[part]
    last = path[-1]
    if isinstance(node, dict):
        if value is None:
            node.pop(last, None)
        else:
            node[last] = value
    else:
        node[last] = value


def typed_value(kind: str, text: str) -> object:
    """What a typed text means for a field of `kind`; text that does not fit stays text (the check says why)."""
    text = text.strip()
    if not text:
        return None
    try:
        if kind == "decimal":
            return Decimal(text)
        if kind == "int":
            return int(text)
        if kind == "date":
            return parse_date(text)
    except (InvalidOperation, ValueError, DateError):
        return text
    return text


def problem_text(problem: RuleProblem) -> str:
    """A problem as `rules --check` words it, without the file and line (the form shows where)."""
    key = f"键 {problem.key_path}" if problem.key_path else "规则集"
    value = f" 值 {problem.value}" if problem.value else ""
    return f"{key}{value}: {problem.message}"


def draft_toml(data: dict[str, Any]) -> str:
    return dumps(data)


def check_draft(data: dict[str, Any]) -> tuple[RuleSet | None, list[RuleProblem]]:
    """Validate the draft through the very path of `rules --check` (its TOML text, then the loader)."""
    ruleset_id = data.get("id")
    name = f"{ruleset_id}.toml" if isinstance(ruleset_id, str) and ruleset_id else "rules.toml"
    try:
        return load_ruleset_text(draft_toml(data), Path(name)), []
    except RuleFileError as exc:
        return None, exc.problems


def draft_of(ruleset: RuleSet) -> dict[str, Any]:
    data: dict[str, Any] = plain_data(ruleset)
    return data


def unique_id(base: str, taken: Collection[str]) -> str:
    candidate = f"{base}-local"
    number = 2
    while candidate in taken:
        candidate = f"{base}-local{number}"
        number += 1
    return candidate[:60]


def copy_draft(ruleset: RuleSet, taken: Collection[str]) -> dict[str, Any]:
    """A new set started from `ruleset`: its own id, marked as assumed and saying where it came from."""
    data = copy.deepcopy(draft_of(ruleset))
    data["id"] = unique_id(ruleset.id, taken)
    data["title"] = f"{ruleset.title}(本地副本)"
    data["status"] = "assumed"
    data["version"] = f"{ruleset.version}-local"
    note = COPY_NOTE.format(title=ruleset.title, id=ruleset.id, version=ruleset.version)
    data["assumptions"] = [*ruleset.assumptions, note]
    return data


def new_block(data: dict[str, Any], day: date) -> None:
    """Add parameters from `day`: a copy of the latest block before it (the user changes what differs)."""
    values: dict[str, Any] = data.setdefault("values", {})
    earlier = sorted((k for k in values if str(k) < day.isoformat()), key=str)
    source = values[earlier[-1]] if earlier else (values[sorted(values, key=str)[-1]] if values else {})
    values[day.isoformat()] = copy.deepcopy(source)
