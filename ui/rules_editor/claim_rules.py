"""Claims keep their rules: the stamp written on save, and the notice when an opened claim's set has changed."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QMessageBox, QWidget

from subsidy_calc.results import ClaimResult
from subsidy_calc.rule_fingerprint import RuleChange, RuleStamp, rule_change, stamp_of
from subsidy_calc.rule_schema import RuleSet

from ..i18n import _tr


class RuleChangeNotice:
    """The message shown when an opened claim was calculated with other values (a classmethod for tests)."""

    @classmethod
    def show(cls, parent: QWidget, text: str) -> None:
        QMessageBox.information(parent, _tr("规则集已改变"), text)


def stamp_for_save(ruleset: RuleSet, result: ClaimResult | None) -> dict[str, str]:
    """The claim file's `ruleset` object: id, version, fingerprint and the totals calculated with it."""
    return stamp_of(ruleset, result).to_dict()


def notice_rule_change(parent: QWidget, stamp: Mapping[str, str] | None, rulesets: Mapping[str, RuleSet],
                       result: ClaimResult | None) -> RuleChange | None:
    """After opening a claim: say so when its rule set's values changed since it was saved."""
    change = rule_change(RuleStamp.from_dict(stamp), rulesets, result)
    if change is not None:
        RuleChangeNotice.show(parent, "\n".join(change.lines()))
    return change
