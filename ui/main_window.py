"""The main window: one claim, its form, tables and live result, with file handling and undo."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QScrollArea, QSplitter, QVBoxLayout, QWidget

from subsidy_calc import __version__
from subsidy_calc.claim_file import ClaimFileError, load_claim, save_claim
from subsidy_calc.models import Apprentice, Claim, TrainingClass
from subsidy_calc.results import ClaimResult
from subsidy_calc.rule_loading import RuleCatalog, load_catalog
from subsidy_calc.rule_schema import RuleSet
from ui.claim_guards import DoubleClaimGuard, ImportWiring
from ui.report.actions import ReportActions
from ui.rules_editor.wiring import RuleActions

from . import settings as prefs
from .dialogs import ClaimFileDialog, Messages, PreferencesDialog, RecoveryDialog, SaveChoice, UnsavedChangesDialog
from .document import ClaimDocument, Snapshot
from .drafts import CLASS_SCHEMA, ROSTER_SCHEMA
from .fonts import has_chinese_font, missing_font_message
from .form_panel import BAND_STYLE, FormPanel
from .i18n import configured_language, install_translator, save_language
from .recovery import RecoveryStore, default_recovery_dir
from .result_panel import ResultPanel
from .startup import APP_TITLE, WINDOW_SIZE, window_title
from .tables_panel import TablesPanel

FONT_MESSAGE = missing_font_message()  # English first: without a Chinese font Chinese would be boxes


class MainWindow(QMainWindow):
    """One claim per window. Dependencies are injectable for tests; defaults load the shipped rule sets."""

    def __init__(self, catalog: RuleCatalog | None = None, settings: QSettings | None = None,
                 recovery_dir: Path | None = None, autosave_ms: int = 3000, offer_recovery: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog if catalog is not None else load_catalog()
        self.settings = settings if settings is not None else prefs.default_settings()
        self.undo_stack = QUndoStack(self)
        self.document = ClaimDocument(self.catalog, self.undo_stack, self)
        self.file_path: Path | None = None
        self._build_widgets()
        self._build_menus()
        self.recovery = RecoveryStore(recovery_dir if recovery_dir is not None else default_recovery_dir())
        self.destroyed.connect(partial(RecoveryStore.release, self.recovery))
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(autosave_ms)
        self.autosave_timer.timeout.connect(self.write_recovery)
        self.document.resultChanged.connect(self._show_result)
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.undo_stack.indexChanged.connect(lambda *_: self.autosave_timer.start())
        self.tables.currentClassChanged.connect(self._show_explanation)
        self.results.classRequested.connect(self._select_class_id)
        self._show_result()
        self._update_title()
        self.resize(*WINDOW_SIZE)
        if offer_recovery:
            self.offer_recovery()

    # --- building ---------------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        if not has_chinese_font():
            layout.addWidget(self._banner(FONT_MESSAGE, "fontBanner"))
        if self.catalog.errors:
            text = self.tr("以下规则文件有错误,未加载:") + "\n" + "\n".join(str(e) for e in self.catalog.errors)
            layout.addWidget(self._banner(text, "ruleErrorBanner"))
        splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.form = FormPanel(self.document)
        scroll = QScrollArea(splitter)
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(340)
        self.tables = TablesPanel(self.document.classes, self.document.roster, splitter)
        self.results = ResultPanel(splitter)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([330, 1000, 330])
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(self.tr("就绪"))

    def _banner(self, text: str, name: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(BAND_STYLE)
        return label

    def _action(self, text: str, slot: object, shortcut: QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        keys = QKeySequence.StandardKey
        self.file_menu: QMenu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self.new_action = self._action(self.tr("新建(&N)"), self.new_claim, keys.New)
        self.open_action = self._action(self.tr("打开(&O)…"), self.open_claim, keys.Open)
        self.save_action = self._action(self.tr("保存(&S)"), self.save, keys.Save)
        self.save_as_action = self._action(self.tr("另存为(&A)…"), self.save_as, keys.SaveAs)
        self.recent_menu = QMenu(self.tr("最近打开(&R)"), self)
        self.quit_action = self._action(self.tr("退出(&Q)"), self.close, keys.Quit)
        self.file_menu.addActions([self.new_action, self.open_action])
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.save_action, self.save_as_action])
        self.file_menu.addSeparator()
        self.double_claims = DoubleClaimGuard(self)
        self.report_actions = ReportActions(self, self.calculated, confirm=self.double_claims.before_export,
                                            origin=self.catalog.origin)
        self.importing = ImportWiring(self)
        self.file_menu.addActions([self.importing.actions.import_action, self.importing.actions.save_template_action])
        self.rule_actions = RuleActions(self)
        self.file_menu.addAction(self.rule_actions.import_action)
        self.file_menu.addSeparator()
        self.report_actions.exported.connect(
            lambda path: self.statusBar().showMessage(self.tr("已导出:%1").replace("%1", path), 8000)
        )
        self.file_menu.addActions(self.report_actions.actions())
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self._fill_recent_menu()
        self.edit_menu: QMenu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("撤销"))
        self.undo_action.setShortcut(QKeySequence(keys.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("重做"))
        self.redo_action.setShortcuts([QKeySequence(keys.Redo), QKeySequence("Ctrl+Y")])
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self._action(self.tr("添加班级"), self.tables.add_class, "Ctrl+Shift+N"))
        self.edit_menu.addAction(self._action(self.tr("添加学徒"), self.tables.add_apprentice, "Ctrl+Shift+A"))
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.rule_actions.edit_action)
        self.edit_menu.addAction(self._action(self.tr("首选项…"), self.preferences, keys.Preferences))
        self.help_menu: QMenu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        self.help_menu.addAction(self._action(self.tr("关于(&A)"), self.about))

    # --- public API for other features (importers, exporters, benchmarks) ---------------------------------
    def current_claim(self) -> Claim | None:
        """The claim as validated from the drafts; None while any draft is invalid."""
        return self.document.claim

    def current_result(self) -> ClaimResult | None:
        return self.document.result

    def current_ruleset(self) -> RuleSet:
        return self.document.ruleset()

    def calculated(self) -> tuple[Claim, ClaimResult, RuleSet] | None:
        """Claim, result and rule set together (the exporters' provider), or None while drafts are invalid."""
        claim, result = self.document.claim, self.document.result
        if claim is None or result is None:
            return None
        return claim, result, result.ruleset

    def load_claim_into_window(self, claim: Claim) -> None:
        """Put a whole (validated) claim into the window as one undoable step."""
        self.document.replace(self.document.snapshot_of_claim(claim), self.tr("导入申请"))
        self.tables.select_class(0)

    def replace_roster(self, apprentices: list[Apprentice], classes: list[TrainingClass] | None = None) -> None:
        """Replace the roster (and the classes, when given) as one undoable step."""
        current = self.document.snapshot()
        new_classes = [CLASS_SCHEMA.from_value(c) for c in classes] if classes is not None else current.classes
        after = Snapshot(current.fields, new_classes, [ROSTER_SCHEMA.from_value(p) for p in apprentices])
        self.document.replace(after, self.tr("导入学徒名册"))

    # --- documents and files ---------------------------------------------------------------------------------
    def document_name(self) -> str:
        return self.file_path.name if self.file_path else self.tr("未命名申请")

    def _update_title(self, *_: object) -> None:
        self.setWindowTitle(window_title(self.document_name()))
        self.setWindowModified(not self.undo_stack.isClean())

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current content (saved, discarded, or unchanged)."""
        if self.undo_stack.isClean():
            return True
        choice = UnsavedChangesDialog.ask(self, self.document_name())
        if choice is SaveChoice.SAVE:
            return self.save()
        return choice is SaveChoice.DISCARD

    def new_claim(self) -> None:
        if not self.maybe_save():
            return
        self.document.restore(Snapshot(self.document.default_fields(), [], []))
        self._reset_history(None)

    def open_claim(self) -> None:
        if not self.maybe_save():
            return
        path = ClaimFileDialog.open_path(self, prefs.last_directory(self.settings))
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """Load a claim file into this window (no unsaved-changes check; callers do that)."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # 10,000 apprentices take about a second
        try:
            claim = load_claim(path)
            self.document.restore(self.document.snapshot_of_claim(claim))
        except ClaimFileError as exc:
            problem = str(exc)
        else:
            problem = ""
        finally:
            QApplication.restoreOverrideCursor()
        if problem:
            Messages.warn(self, self.tr("无法打开"), problem)
            return False
        self._reset_history(path)
        self.tables.select_class(0)
        if claim.ruleset_id not in self.catalog.rulesets:
            Messages.warn(self, self.tr("未知的规则集"),
                          self.tr("文件使用的规则集“{0}”不在本软件中,请重新选择规则集。").format(claim.ruleset_id))
        return True

    def save(self) -> bool:
        if self.file_path is None:
            return self.save_as()
        return self.save_to(self.file_path)

    def save_as(self) -> bool:
        suggested = str(Path(prefs.last_directory(self.settings)) / (self.file_path.name if self.file_path else
                        self.tr("申请") + ".subsidy.json"))
        path = ClaimFileDialog.save_path(self, suggested)
        return self.save_to(path) if path is not None else False

    def save_to(self, path: Path) -> bool:
        """Save atomically (claim_file); refused while drafts are invalid (they stay in the recovery file)."""
        claim = self.current_claim()
        if claim is None:
            problems = "\n".join(self.document.problems[:15])
            Messages.warn(self, self.tr("无法保存"), self.tr("申请中还有错误,请先改正:") + "\n" + problems)
            return False
        try:
            save_claim(path, claim)
        except OSError as exc:
            Messages.warn(self, self.tr("无法保存"), self.tr("保存“{0}”失败:{1}").format(path, exc.strerror or exc))
            return False
        self.file_path = path
        self.undo_stack.setClean()
        self.recovery.discard()
        self._remember(path)
        self._update_title()
        self.statusBar().showMessage(self.tr("已保存到 {0}").format(path), 5000)
        self.double_claims.after_save(claim, path)
        return True

    def _reset_history(self, path: Path | None) -> None:
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.file_path = path
        self.recovery.discard()
        if path is not None:
            self._remember(path)
        self._update_title()

    def _remember(self, path: Path) -> None:
        prefs.add_recent_file(self.settings, path)
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = prefs.recent_files(self.settings)
        for name in files:
            self.recent_menu.addAction(name, partial(self._open_recent, Path(name)))
        self.recent_menu.setEnabled(bool(files))

    def _open_recent(self, path: Path) -> None:
        if self.maybe_save():
            self.open_path(path)

    # --- recovery ----------------------------------------------------------------------------------------------
    def write_recovery(self) -> None:
        """Write the drafts (raw texts, valid or not) to this window's recovery file, or drop it when clean."""
        if self.undo_stack.isClean():
            self.recovery.discard()
            return
        state = self.document.to_state()
        state["file"] = str(self.file_path) if self.file_path else None
        try:
            self.recovery.write(state)
        except OSError as exc:
            self.statusBar().showMessage(self.tr("无法写入恢复文件:{0}").format(exc), 5000)

    def offer_recovery(self) -> bool:
        """After a crash: offer the newest orphaned recovery file; it is deleted either way."""
        for path in self.recovery.orphans():
            try:
                state = RecoveryStore.read(path)
                snapshot = self.document.snapshot_of_state(state)
            except ValueError:
                path.unlink(missing_ok=True)
                continue
            file = state.get("file")
            description = self.tr("文件:{0};培训班 {1} 个,学徒 {2} 人").format(
                file or self.tr("未命名申请"), len(snapshot.classes), len(snapshot.roster))
            accepted = RecoveryDialog.ask(self, description)
            if accepted:
                self.document.restore(snapshot)
                self.undo_stack.clear()
                self.file_path = Path(file) if isinstance(file, str) and file else None
                self.undo_stack.resetClean()
                self._update_title()
                self.write_recovery()
            path.unlink(missing_ok=True)
            return accepted
        return False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.importing.drag_enter(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.importing.drop(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.autosave_timer.stop()
        self.importing.actions.shutdown()  # a running import ends before the window goes
        self.recovery.discard()
        self.recovery.release()
        event.accept()

    # --- showing results -------------------------------------------------------------------------------------
    def _show_result(self) -> None:
        self.results.show_result(self.document.result, self.document.problems)
        self._show_explanation()
        result = self.document.result
        count = self.tr("培训班 {0} 个 · 学徒 {1} 人").format(
            self.document.classes.rowCount(), self.document.roster.rowCount())
        state = self.tr("有 {0} 处错误").format(len(self.document.problems)) if result is None else (
            self.tr("已按规则集 {0} 计算").format(result.ruleset_id))
        self.statusBar().showMessage(f"{count} · {state}")

    def _select_class_id(self, class_id: str) -> None:
        """A notice about a class was clicked: select that class (its explanation follows)."""
        for row, draft in enumerate(self.document.classes.drafts()):
            if draft.value is not None and draft.value.class_id == class_id:
                self.tables.select_class(row)
                return

    def _show_explanation(self) -> None:
        result = self.document.result
        row = self.tables.current_class_row()
        if result is None or row is None:
            self.results.show_explanation("")
            return
        draft = self.document.classes.draft(row)
        if draft.value is None:
            self.results.show_explanation("")
            return
        try:
            self.results.show_explanation(result.line(draft.value.class_id).explanation.text())
        except KeyError:
            self.results.show_explanation("")

    # --- preferences and about ---------------------------------------------------------------------------------
    def preferences(self) -> None:
        language = PreferencesDialog.ask(self, configured_language(self.settings))
        if language is None:
            return
        save_language(self.settings, language)
        install_translator(language)
        Messages.info(self, self.tr("首选项"), self.tr("界面语言已保存,重新启动后完全生效。"))

    def about_text(self) -> str:
        version = self.tr("版本")
        rulesets = "\n".join(f"{r.id}  {version} {r.version}" for r in
                             sorted(self.catalog.rulesets.values(), key=lambda r: r.id))
        return (f"{self.tr(APP_TITLE)} {__version__}\n\n" + self.tr("规则集:") + "\n" + rulesets)

    def about(self) -> None:
        Messages.about(self, self.tr("关于"), self.about_text())

