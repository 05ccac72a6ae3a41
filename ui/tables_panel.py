"""The two tables of a claim, classes (培训班) and roster (学徒名册), with add/duplicate/remove buttons."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .columns import ClassColumn, RosterColumn
from .delegates import DraftDelegate
from .flow_layout import FlowLayout
from .i18n import _tr
from .table_model import DraftTableModel


def to_source(index: QModelIndex) -> QModelIndex:
    """A view index (possibly of the roster's filter proxy) → the index in the draft model."""
    model = index.model()
    if isinstance(model, QSortFilterProxyModel):
        return model.mapToSource(index)
    return index


def _table(model: DraftTableModel, name: str, parent: QWidget,
           shown: QSortFilterProxyModel | None = None) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(shown if shown is not None else model)
    view.setItemDelegate(DraftDelegate(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setAlternatingRowColors(True)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    vertical = view.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(24)
    for column, spec in enumerate(model.schema.specs):
        view.setColumnWidth(column, spec.width)
    _add_clipboard_actions(view, model)
    return view


def _add_clipboard_actions(view: QTableView, model: DraftTableModel) -> None:
    """Ctrl+C copies the selected cells as tab-separated text, Ctrl+V pastes it (from Excel/WPS too),
    Delete clears the selected cells; each is one undo step."""

    def selected() -> list[QModelIndex]:
        cells = [to_source(i) for i in view.selectionModel().selectedIndexes()]
        return sorted(cells, key=lambda i: (i.row(), i.column()))

    def copy() -> None:
        cells = selected()
        if not cells:
            return
        rows = sorted({i.row() for i in cells})
        columns = sorted({i.column() for i in cells})
        chosen = {(i.row(), i.column()) for i in cells}
        lines = ["\t".join(str(model.data(model.index(r, c)) or "") if (r, c) in chosen else "" for c in columns)
                 for r in rows]
        QGuiApplication.clipboard().setText("\n".join(lines))

    def paste() -> None:
        text = QGuiApplication.clipboard().text()
        current = to_source(view.currentIndex())
        if not text:
            return
        block = [line.split("\t") for line in text.rstrip("\r\n").replace("\r\n", "\n").split("\n")]
        top = current.row() if current.isValid() else model.rowCount()
        left = current.column() if current.isValid() else 0
        model.set_cells(top, left, block, _tr("粘贴"))

    def clear() -> None:
        model.clear_cells([(i.row(), i.column()) for i in selected()], _tr("清除"))

    for keys, slot in ((QKeySequence.StandardKey.Copy, copy), (QKeySequence.StandardKey.Paste, paste),
                       (QKeySequence.StandardKey.Delete, clear)):
        action = QAction(view)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        view.addAction(action)
    view.copy_selection = copy  # type: ignore[attr-defined]
    view.paste_clipboard = paste  # type: ignore[attr-defined]
    view.clear_selection = clear  # type: ignore[attr-defined]


def _button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    return button


class TablesPanel(QWidget):
    """Class table above, roster below; rows are added, duplicated and removed through the undo stack."""

    currentClassChanged = Signal()

    def __init__(self, classes: DraftTableModel, roster: DraftTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.classes = classes
        self.roster = roster
        splitter = self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("tablesSplitter")
        class_box = QGroupBox(_tr("培训班"), splitter)
        self.class_table = _table(classes, "classTable", class_box)
        self.add_class_button = _button(_tr("添加班级"), "addClassButton", class_box)
        self.duplicate_class_button = _button(_tr("复制班级"), "duplicateClassButton", class_box)
        self.remove_class_button = _button(_tr("删除班级"), "removeClassButton", class_box)
        self.add_class_button.clicked.connect(self.add_class)
        self.duplicate_class_button.clicked.connect(lambda: classes.duplicate_rows(self._rows(self.class_table)))
        self.remove_class_button.clicked.connect(lambda: classes.remove_rows(self._rows(self.class_table)))
        self._box_layout(class_box, self.class_table,
                         [self.add_class_button, self.duplicate_class_button, self.remove_class_button], None)
        roster_box = QGroupBox(_tr("学徒名册(可选:填写后按名册统计各班人数)"), splitter)
        self.roster_filter = QSortFilterProxyModel(self)
        self.roster_filter.setSourceModel(roster)
        self.roster_filter.setFilterKeyColumn(RosterColumn.CLASS_ID)
        self.roster_table = _table(roster, "rosterTable", roster_box, self.roster_filter)
        self.only_current_class = QCheckBox(_tr("只显示所选班级"), roster_box)
        self.only_current_class.setObjectName("rosterFilterCheck")
        self.only_current_class.toggled.connect(self._filter_roster)
        self.add_person_button = _button(_tr("添加学徒"), "addApprenticeButton", roster_box)
        self.duplicate_person_button = _button(_tr("复制学徒"), "duplicateApprenticeButton", roster_box)
        self.remove_person_button = _button(_tr("删除学徒"), "removeApprenticeButton", roster_box)
        self.add_person_button.clicked.connect(self.add_apprentice)
        self.duplicate_person_button.clicked.connect(lambda: roster.duplicate_rows(self._rows(self.roster_table)))
        self.remove_person_button.clicked.connect(lambda: roster.remove_rows(self._rows(self.roster_table)))
        self.roster_count = QLabel(roster_box)
        self.roster_count.setObjectName("rosterCount")
        # as wide as “共 999 人” from the start: the first start makes room for it, and the row does not re-wrap as
        # the roster grows
        self.roster_count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        widest = _tr("共 {0} 人").format(999)
        self.roster_count.setMinimumWidth(self.roster_count.fontMetrics().horizontalAdvance(widest))
        self._box_layout(roster_box, self.roster_table,
                         [self.add_person_button, self.duplicate_person_button, self.remove_person_button,
                          self.only_current_class], self.roster_count)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.class_table.selectionModel().currentRowChanged.connect(lambda *_: self.currentClassChanged.emit())
        self.currentClassChanged.connect(self._filter_roster)
        classes.dataChanged.connect(self._filter_roster)
        roster.rowsInserted.connect(self._count_roster)
        roster.rowsRemoved.connect(self._count_roster)
        roster.modelReset.connect(self._count_roster)
        self._count_roster()

    @staticmethod
    def _box_layout(box: QGroupBox, table: QTableView, buttons: list[QWidget], extra: QLabel | None) -> None:
        """The buttons above the table, on one line when the column has room, else wrapped onto more lines (never
        a window wider than the screen for longer labels: English, or a larger font); `extra` at the right end."""
        row = FlowLayout()
        for button in buttons:
            row.addWidget(button)
        if extra is not None:
            row.add_trailing(extra)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(table)

    @staticmethod
    def _rows(view: QTableView) -> list[int]:
        rows = {to_source(index).row() for index in view.selectionModel().selectedIndexes()}
        current = to_source(view.currentIndex())
        if not rows and current.isValid():
            rows.add(current.row())
        return sorted(rows)

    def _count_roster(self, *_: object) -> None:
        total = self.roster.rowCount()
        if self.only_current_class.isChecked():
            shown = self.roster_filter.rowCount()
            self.roster_count.setText(_tr("显示 {0} 人,共 {1} 人").format(shown, total))
        else:
            self.roster_count.setText(_tr("共 {0} 人").format(total))

    def _filter_roster(self, *_: object) -> None:
        """With 只显示所选班级 checked, the roster shows the apprentices of the selected class only."""
        pattern = ""
        if self.only_current_class.isChecked():
            row = self.current_class_row()
            class_id = self.classes.draft(row).texts[ClassColumn.CLASS_ID].strip() if row is not None else ""
            pattern = f"^{QRegularExpression.escape(class_id)}$" if class_id else "^$"
        if self.roster_filter.filterRegularExpression().pattern() != pattern:
            self.roster_filter.setFilterRegularExpression(pattern)
        self._count_roster()

    def current_class_row(self) -> int | None:
        index = self.class_table.currentIndex()
        return index.row() if index.isValid() else None

    def add_class(self) -> None:
        row = self.classes.add_row()
        self.class_table.setCurrentIndex(self.classes.index(row, ClassColumn.CLASS_ID))

    def add_apprentice(self) -> None:
        texts = [""] * self.roster.columnCount()
        row = self.current_class_row()
        if row is not None:
            texts[RosterColumn.CLASS_ID] = self.classes.draft(row).texts[ClassColumn.CLASS_ID]
        new_row = self.roster.add_row(texts=texts)
        shown = self.roster_filter.mapFromSource(self.roster.index(new_row, RosterColumn.NAME))
        self.roster_table.setCurrentIndex(shown)

    def select_class(self, row: int) -> None:
        if 0 <= row < self.classes.rowCount():
            self.class_table.setCurrentIndex(self.classes.index(row, 0, QModelIndex()))
