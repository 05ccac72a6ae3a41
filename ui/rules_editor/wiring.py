"""The window's rule actions: 编辑 → 规则集… (the editor), 文件 → 导入规则集… (check, compare, install) and
文件 → 导出规则集… (and the editor's 导出…)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from subsidy_calc.models import Claim
from subsidy_calc.rule_loading import RuleCatalog, RuleFileError

from ..i18n import _tr

if TYPE_CHECKING:  # the editor and the installer load on first use, not with the window (start-up time)
    from subsidy_calc.results import ClaimResult
    from subsidy_calc.rule_fingerprint import RuleChange
    from subsidy_calc.rule_install import InstallPlan

    from .dialog import RuleSetEditor
    from .export_action import RuleExporter


class _Document(Protocol):
    catalog: RuleCatalog
    result: ClaimResult | None

    def recalculate(self) -> None: ...

    def field(self, key: str) -> str: ...


class _Form(Protocol):
    def fill_rulesets(self) -> None: ...


class _Window(Protocol):
    document: _Document
    form: _Form
    settings: QSettings

    def current_claim(self) -> Claim | None: ...


class RuleActions(QObject):
    """Owns `editRulesAction`, `importRulesAction` and `exportRulesAction`; after a save or an install the claim
    recalculates."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.edit_action = QAction(self.tr("规则集…"), self)
        self.edit_action.setObjectName("editRulesAction")
        self.edit_action.setToolTip(self.tr("查看、复制、修改和比较规则集(保存为本地规则集)"))
        self.edit_action.triggered.connect(lambda _checked=False: self.open_editor())
        self.import_action = QAction(self.tr("导入规则集…"), self)
        self.import_action.setObjectName("importRulesAction")
        self.import_action.triggered.connect(lambda _checked=False: self.import_file())
        self.export_action = QAction(self.tr("导出规则集…"), self)
        self.export_action.setObjectName("exportRulesAction")
        self.export_action.setToolTip(self.tr("把当前申请所用的规则集写成 .toml 文件,交给同事或接任的人导入"))
        self.export_action.triggered.connect(lambda _checked=False: self.export_current())
        self.editor: RuleSetEditor | None = None
        self._exporter: RuleExporter | None = None
        window.installEventFilter(self)  # closing the window asks about an unsaved rule set first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self._window and event.type() == QEvent.Type.Close and self.editor is not None
                and not self.editor.confirm_discard()):
            event.ignore()
            return True
        return False

    def _host(self) -> _Window:
        window: _Window = self._window  # type: ignore[assignment]
        return window

    def open_editor(self) -> RuleSetEditor:
        """Show the editor (one per window), listing the sets of the window's catalog."""
        from .dialog import RuleSetEditor

        host = self._host()
        if self.editor is None:
            self.editor = RuleSetEditor(host.document.catalog, host.current_claim, self._window)
            self.editor.rulesSaved.connect(lambda _id: self.rules_changed())
            self.editor.exportRequested.connect(self._export_from_editor)
        self.editor.fill_list()
        self.editor.show()
        self.editor.raise_()
        return self.editor

    def rules_changed(self) -> None:
        """The catalog changed on disk: load it again (in place) and recalculate the open claim at once."""
        host = self._host()
        host.document.catalog.reload()
        host.form.fill_rulesets()
        host.document.recalculate()
        if self.editor is not None:
            self.editor.fill_list()

    # --- claims keep their rules ---------------------------------------------------------------------------------
    def stamp(self) -> dict[str, str] | None:
        """The claim file's `ruleset` object for the claim as it stands (None for an unknown rule set)."""
        from .claim_rules import stamp_for_save

        document = self._host().document
        ruleset = document.catalog.rulesets.get(document.field("ruleset_id"))
        return stamp_for_save(ruleset, document.result) if ruleset is not None else None

    def after_open(self, stamp: Mapping[str, str] | None) -> RuleChange | None:
        """After a claim file is opened and calculated: say so when its rule set's values have changed."""
        from .claim_rules import notice_rule_change

        document = self._host().document
        return notice_rule_change(self._window, stamp, document.catalog.rulesets, document.result)

    # --- 导入规则集… -----------------------------------------------------------------------------------------
    @classmethod
    def ask_path(cls, parent: QWidget) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, _tr("导入规则集"), "", _tr("规则文件 (*.toml)"))
        return Path(name) if name else None

    @classmethod
    def confirm(cls, parent: QWidget, text: str) -> bool:
        answer = QMessageBox.question(parent, _tr("导入规则集"), text)
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def warn(cls, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def import_file(self, path: Path | None = None) -> InstallPlan | None:
        """Check the file as `rules --check` does, show what it changes, install it when confirmed."""
        from subsidy_calc.rule_install import install, plan_install

        path = path if path is not None else self.ask_path(self._window)
        if path is None:
            return None
        catalog = self._host().document.catalog
        try:
            plan = plan_install(path, catalog)
        except RuleFileError as exc:
            self.warn(self._window, self.tr("规则文件有误"),
                      self.tr("规则文件有误,未导入:") + "\n" + "\n".join(str(p) for p in exc.problems))
            return None
        except (OSError, UnicodeDecodeError) as exc:
            self.warn(self._window, self.tr("无法读取"), str(exc))
            return None
        question = "\n".join(plan.describe()[:40]) + "\n\n" + self.tr("导入到本机规则文件夹吗?")
        if not self.confirm(self._window, question):
            return None
        try:
            install(plan)
        except OSError as exc:
            self.warn(self._window, self.tr("无法导入"), self.tr("无法写入 {0}:{1}").format(plan.target, exc))
            return None
        self.rules_changed()
        return plan

    # --- 导出规则集… --------------------------------------------------------------------------------------------
    def exporter(self) -> RuleExporter:
        from .export_action import RuleExporter

        if self._exporter is None:
            self._exporter = RuleExporter(self._host().settings)
        return self._exporter

    def export_current(self) -> Path | None:
        """Export the set the open claim uses (asks which when it names none); unsaved edits of it in the open
        editor are saved first or left out, as the user says."""
        catalog = self._host().document.catalog
        ruleset_id: str | None = self._host().document.field("ruleset_id")
        if ruleset_id not in catalog.rulesets:
            ruleset_id = self.exporter().choose_from(self._window, catalog)
            if ruleset_id is None:
                return None
        note = ""
        if self.editor is not None and self.editor.isVisible():
            choice = self.editor.export_choice(ruleset_id)
            if choice is None:
                return None
            ruleset_id, note = choice
        return self.exporter().export(catalog, ruleset_id, self._window, note)

    def _export_from_editor(self, ruleset_id: str, note: str) -> None:
        assert self.editor is not None
        self.exporter().export(self._host().document.catalog, ruleset_id, self.editor, note)
