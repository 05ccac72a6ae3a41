"""The main window: one claim, its form, tables and live result, with file handling and undo."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QSplitter, QVBoxLayout, QWidget

from subsidy_calc import __version__
from subsidy_calc.claim_file import ClaimDraft, save_claim, save_draft
from subsidy_calc.models import Apprentice, Claim, TrainingClass
from subsidy_calc.private_files import remove_stale_temps
from subsidy_calc.results import ClaimResult
from subsidy_calc.rule_loading import RuleCatalog, load_catalog
from subsidy_calc.rule_schema import RuleSet
from ui.claim_guards import DoubleClaimGuard, ImportWiring
from ui.report.actions import ReportActions
from ui.rules_editor.wiring import RuleActions

from . import settings as prefs
from .background_open import read_claim_file_in_background
from .dialogs import ClaimFileDialog, Messages, PreferencesDialog, RecoveryDialog, SaveChoice, UnsavedChangesDialog
from .document import ClaimDocument, Snapshot
from .draft_file import draft_of, snapshot_of_draft
from .drafts import CLASS_SCHEMA, ROSTER_SCHEMA
from .fonts import has_chinese_font, missing_font_message
from .form_panel import BAND_STYLE, FormPanel
from .i18n import configured_language, install_translator, save_language
from .language_switch import reopen_in_new_language
from .manual import open_manual
from .narrow_widgets import ColumnScroll
from .problem_navigation import go_to_problem
from .recovery import RecoveryStore, default_recovery_dir
from .result_panel import ResultPanel
from .settlement_action import SettlementFromAdvance
from .startup import APP_TITLE, window_title
from .tables_panel import TablesPanel
from .window_layout import LayoutMemory, first_split

FONT_MESSAGE = missing_font_message()  # English first: without a Chinese font Chinese would be boxes
SPLIT_WEIGHTS = (24, 52, 24)  # form, tables, result: first start only, then the user's sizes are remembered
FORM_LEAST_WIDTH = 200  # the form's column, unless its fields need more (then as much as they need)
BLANK_HINT = str(QT_TRANSLATE_NOOP("MainWindow", "欢迎!从这里开始:\n1. 在左侧填写申请单位和培训机构;\n2. 点击“添加班级”"
                                 "填写培训班,或用 文件 → 导入花名册… 导入学徒名册;\n3. 右上方随时显示应得、已预支"
                                 "和本次应付金额。\n没填完也可以随时保存为草稿。按 F1 查看用户手册。"))


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
        remove_stale_temps(self.recovery.directory)  # left by a kill during a save; they hold ID numbers
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
        self.problems_list = self.results.problems
        self.problems_list.problemActivated.connect(
            lambda problem: go_to_problem(self.tables, self.form, self.form_scroll, problem))
        self._show_result()
        self._update_title()
        self.layout_memory = LayoutMemory(
            self.settings, self, {"mainSplitter": self.main_splitter, "tablesSplitter": self.tables.splitter},
            {"classColumns": self.tables.class_table.horizontalHeader(),
             "rosterColumns": self.tables.roster_table.horizontalHeader()})
        self._fit_to_screen()
        self.form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the first Tab stop is the first field
        self.form.edits["enterprise.name"].setFocus()
        self._shown_once = False
        if offer_recovery:
            self.offer_recovery()

    # --- building ---------------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        central = QWidget(self)
        layout = self._central_layout = QVBoxLayout(central)
        if not has_chinese_font():
            layout.addWidget(self._banner(FONT_MESSAGE, "fontBanner"))
        if self.catalog.errors:
            text = self.tr("以下规则文件有错误,未加载:") + "\n" + "\n".join(str(e) for e in self.catalog.errors)
            layout.addWidget(self._banner(text, "ruleErrorBanner"))
        splitter = self.main_splitter = QSplitter(Qt.Orientation.Horizontal, central)
        splitter.setObjectName("mainSplitter")
        self.form = FormPanel(self.document)
        self.form_scroll = ColumnScroll(self.form, FORM_LEAST_WIDTH, splitter)
        self.tables = TablesPanel(self.document.classes, self.document.roster, splitter)
        self.results = ResultPanel(splitter)
        self.results.setMinimumWidth(230)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 1)
        splitter.setCollapsible(2, False)  # the totals are always on screen
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(self.tr("就绪"))

    def _fit_to_screen(self) -> None:
        """Remembered geometry, splitters and columns; at the first start, the screen's available area."""
        if self.layout_memory.restore():
            return
        self.split_for_first_start()

    def split_for_first_start(self) -> None:
        """The columns in proportion to SPLIT_WEIGHTS, the tables widened (at the form's and the results' expense,
        down to their minimum) as far as their button rows want for one line each."""
        columns: list[QWidget] = [self.form_scroll, self.tables, self.results]
        least = [max(c.minimumSizeHint().width(), c.minimumWidth()) for c in columns]
        central = self._central_layout.contentsMargins()
        room = (self.width() - central.left() - central.right()
                - self.main_splitter.handleWidth() * (len(columns) - 1))
        self.main_splitter.setSizes(first_split(room, SPLIT_WEIGHTS, least, 1, self.tables.sizeHint().width()))

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
        self.settlement = SettlementFromAdvance(self)
        self.file_menu.addAction(self.settlement.action)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.save_action, self.save_as_action])
        self.file_menu.addSeparator()
        self.double_claims = DoubleClaimGuard(self)
        self.report_actions = ReportActions(self, self.calculated, confirm=self.double_claims.before_export,
                                            origin=self.catalog.origin)
        self.importing = ImportWiring(self)
        self.file_menu.addActions([self.importing.actions.import_action, self.importing.actions.last_result_action,
                                   self.importing.actions.save_template_action])
        self.rule_actions = RuleActions(self)
        self.file_menu.addActions([self.rule_actions.import_action, self.rule_actions.export_action])
        self.file_menu.addAction(self.double_claims.erase_action)
        self.file_menu.addSeparator()
        self.report_actions.exported.connect(
            lambda path: self.statusBar().showMessage(self.tr("已导出:%1").replace("%1", path), 8000)
        )
        self.report_actions.folder = self.claim_folder
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
        self.manual_action = self._action(self.tr("用户手册(&M)"), lambda: open_manual(self),
                                          QKeySequence.StandardKey.HelpContents)
        self.manual_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.HelpContents), QKeySequence("F1")])
        self.help_menu.addAction(self.manual_action)
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
    def claim_folder(self) -> Path:
        """The claim file's folder (else the last folder used): where export and save dialogs start."""
        return self.file_path.parent if self.file_path else Path(prefs.last_directory(self.settings))

    def document_name(self) -> str:
        return self.file_path.name if self.file_path else self.tr("未命名申请")

    def draft_label(self) -> str:
        """'草稿 · N 个问题' while the claim has problems (not for a blank new claim), else ''."""
        count = len(self.document.problem_items)
        if not count or self.document.is_blank():
            return ""
        return self.tr("草稿 · {0} 个问题").format(count)

    def _update_title(self, *_: object) -> None:
        title = window_title(self.document_name())
        draft = self.draft_label()
        self.setWindowTitle(title.replace("[*]", f"[*] — {draft}", 1) if draft else title)
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

    def adopt_history(self, path: Path | None, unsaved: bool) -> None:
        """Content put in by the caller belongs to `path`; `unsaved` keeps the * and the question on close."""
        self._reset_history(path)
        if unsaved:
            self.undo_stack.resetClean()
        self._update_title()

    def start_new_from_draft(self, draft: ClaimDraft) -> None:
        """A new, unsaved claim made from a draft (the settlement of an advance): closing asks to save it."""
        self.document.restore(snapshot_of_draft(self.document, draft))
        self.adopt_history(None, unsaved=True)  # the title shows * and closing asks
        self.tables.select_class(0)

    def open_claim(self) -> None:
        if not self.maybe_save():
            return
        path = ClaimFileDialog.open_path(self, prefs.last_directory(self.settings))
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """Load a claim file, complete or draft, into this window (no unsaved-changes check; callers do that).

        The file is read off the GUI thread behind a cancellable progress dialog; False when it cannot be read
        or the user cancelled."""
        loaded = read_claim_file_in_background(self, path)
        if loaded is None:
            return False
        if isinstance(loaded, str):
            Messages.warn(self, self.tr("无法打开"), loaded)
            return False
        content = loaded.content
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # drafts of 10,000 rows are checked again
        try:
            snapshot = (snapshot_of_draft(self.document, content) if isinstance(content, ClaimDraft)
                        else self.document.snapshot_of_claim(content))
            self.document.restore(snapshot)
        finally:
            QApplication.restoreOverrideCursor()
        self._reset_history(path)
        self.tables.select_class(0)
        ruleset_id = snapshot.fields["ruleset_id"]
        if ruleset_id not in self.catalog.rulesets:
            Messages.warn(self, self.tr("未知的规则集"),
                          self.tr("文件使用的规则集“{0}”不在本软件中,请重新选择规则集。").format(ruleset_id))
        else:
            self.rule_actions.after_open(loaded.ruleset)  # says so when the set's values changed since
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
        """Save atomically (claim_file); a claim with problems is saved as a draft, typed texts cell by cell."""
        claim = self.current_claim()
        stamp = self.rule_actions.stamp()  # the rule set's id, version, fingerprint and the totals it gave
        try:
            if claim is None:
                save_draft(path, draft_of(self.document), stamp)
            else:
                save_claim(path, claim, stamp)
        except OSError as exc:
            Messages.warn(self, self.tr("无法保存"), self.tr("保存“{0}”失败:{1}").format(path, exc.strerror or exc))
            return False
        self.file_path = path
        self.undo_stack.setClean()
        self.recovery.discard()
        self._remember(path)
        self._update_title()
        if claim is None:
            self.statusBar().showMessage(self.tr("已保存为草稿(还有 {0} 个问题):{1}").format(
                len(self.document.problems), path), 5000)
            return True
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
        remove_stale_temps(path.parent, path.name)  # an interrupted save's temporary copy of this claim
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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self.show_focused_field)  # after the first layout at the window's real size

    def show_focused_field(self) -> None:
        """Scroll the form so the field that has the focus can be seen: at 150 % on a 1366×768 laptop 单位名称
        sits below the rule set's description, and what the user types would go into a field out of sight."""
        focused = self.focusWidget()
        if focused is not None and self.form_scroll.isAncestorOf(focused):
            self.form_scroll.ensureWidgetVisible(focused)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.autosave_timer.stop()
        self.importing.actions.shutdown()  # a running import ends before the window goes
        self.recovery.discard()
        self.recovery.release()
        self.layout_memory.save()
        event.accept()

    # --- showing results -------------------------------------------------------------------------------------
    def _show_result(self) -> None:
        document = self.document
        self.results.show_result(document.result)
        blank = document.is_blank()
        self.problems_list.show_problems([] if blank else document.problem_items,
                                         self.tr(BLANK_HINT) if blank else "")
        self.results.show_problem_count(0 if blank else len(document.problem_items), blank)
        self._show_explanation()
        result = document.result
        count = self.tr("培训班 {0} 个 · 学徒 {1} 人").format(document.classes.rowCount(), document.roster.rowCount())
        if blank:
            state = self.tr("新申请:先填写申请单位,再添加班级或导入花名册")
        elif result is None:
            state = self.draft_label()
        else:
            state = self.tr("已按规则集 {0} 计算").format(result.ruleset_id)
        self.statusBar().showMessage(f"{count} · {state}")
        self._update_title()

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
        reopen_in_new_language(self)

    def about_text(self) -> str:
        version = self.tr("版本")
        rulesets = "\n".join(f"{r.id}  {version} {r.version}" for r in
                             sorted(self.catalog.rulesets.values(), key=lambda r: r.id))
        return (f"{self.tr(APP_TITLE)} {__version__}\n\n" + self.tr("规则集:") + "\n" + rulesets)

    def about(self) -> None:
        Messages.about(self, self.tr("关于"), self.about_text())

