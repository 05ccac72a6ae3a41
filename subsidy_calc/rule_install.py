"""The user's rule folder: install a checked file, save an edited set, export any set."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .atomic import atomic_write_text
from .file_problems import BadFileNameError, windows_name_problem
from .rule_compare import Difference, differences
from .rule_loading import RuleCatalog, RuleFileError, RuleOrigin, load_ruleset, load_ruleset_text, user_rules_dir
from .rule_schema import RuleSet
from .rule_toml import ruleset_toml


@dataclass(frozen=True)
class InstallPlan:
    """A checked rule file, where it goes, and what it changes against the set of its id now in force."""

    source: Path
    text: str
    ruleset: RuleSet
    target: Path
    replaces: RuleSet | None
    replaced_origin: RuleOrigin | None
    changes: list[Difference]

    def describe(self) -> list[str]:
        """Chinese lines: what is installed, what it replaces and every changed value."""
        head = f"规则集 {self.ruleset.id}({self.ruleset.title})版本 {self.ruleset.version} → {self.target}"
        if self.replaces is None:
            return [head, "新增规则集(没有同编号的规则集)"]
        origin = self.replaced_origin.describe() if self.replaced_origin else ""
        lines = [head, f"替代:版本 {self.replaces.version},{origin}"]
        if not self.changes:
            return [*lines, "内容与现有规则集相同"]
        lines.append(f"改变的值({len(self.changes)} 项):")
        lines += [f"  {d.path}: {d.left} → {d.right}" for d in self.changes]
        return lines


def plan_install(path: Path, catalog: RuleCatalog) -> InstallPlan:
    """Check a rule file exactly as `rules --check` does (RuleFileError otherwise) and compare it."""
    ruleset = load_ruleset(path)
    text = path.read_text(encoding="utf-8")
    folder = catalog.user_dir if catalog.user_dir is not None else user_rules_dir()
    replaces = catalog.rulesets.get(ruleset.id)
    changes = differences(replaces, ruleset) if replaces is not None else []
    return InstallPlan(path, text, ruleset, folder / f"{ruleset.id}.toml", replaces,
                       catalog.origin(ruleset.id), changes)


def install(plan: InstallPlan) -> Path:
    """Copy the checked file into the user's folder, atomically (the file's own comments are kept)."""
    plan.target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(plan.target, plan.text)
    return plan.target


def save_local(ruleset: RuleSet, folder: Path | None = None) -> Path:
    """Write an edited set as <id>.toml in the user's folder, atomically; returns the file."""
    target = (folder if folder is not None else user_rules_dir()) / f"{ruleset.id}.toml"
    target.parent.mkdir(parents=True, exist_ok=True)
    note = f"本地规则集,由规则集编辑器保存于 {datetime.now():%Y-%m-%d %H:%M}"
    atomic_write_text(target, ruleset_toml(ruleset, note))
    return target


def _exported_text(catalog: RuleCatalog, ruleset_id: str) -> str:
    """The text that loads back as the set in force: its own file's, comments and all, unless that file changed on
    disk since the catalog read it (or cannot be read): then the file generated from the set itself."""
    ruleset = catalog.get(ruleset_id)
    origin = catalog.origin(ruleset_id)
    if origin is not None:
        try:
            text = origin.path.read_bytes().decode("utf-8-sig")
            if load_ruleset_text(text, origin.path) == ruleset:
                return text
        except (OSError, UnicodeDecodeError, RuleFileError):
            pass
    return ruleset_toml(ruleset)


def export_ruleset(catalog: RuleCatalog, ruleset_id: str, destination: Path) -> Path:
    """Write any set out (_exported_text) as `destination`, or as <id>.toml inside it when it is a folder.
    Atomic: a failed write leaves the old file, or none, and no temporary file. A name Windows refuses is refused
    before anything is written (BadFileNameError, an OSError)."""
    text = _exported_text(catalog, ruleset_id)
    try:
        into_folder = destination.is_dir()
    except OSError:  # a name too long to look up: refused below
        into_folder = False
    target = destination / f"{ruleset_id}.toml" if into_folder else destination
    problem = windows_name_problem(target.name)
    if problem is not None:
        raise BadFileNameError(target.name, problem)
    atomic_write_text(target, text)
    return target
