"""The rule-set form, built from the pydantic models: one editor per field, whatever keys the schema has."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from subsidy_calc.rule_draft import KeyPath, get_at, path_text, typed_value
from subsidy_calc.rule_fields import (
    FieldSpec,
    ListShape,
    ModelShape,
    Scalar,
    Shape,
    TableShape,
    UnionShape,
    fields_of,
    scalar_text,
)
from subsidy_calc.rule_schema import RuleSet

from ..i18n import _tr
from ..i18n_catalog import TITLE_CONTEXT

ERROR_STYLE = "background: #fde2e2;"
HINTS = {"decimal": str(QT_TRANSLATE_NOOP("", "数字,如 4000 或 0.5")), "int": str(QT_TRANSLATE_NOOP("", "整数")),
         "date": str(QT_TRANSLATE_NOOP("", "日期,如 2024-01-01")), "str": ""}



def field_title(spec: FieldSpec) -> str:
    """A field's label in the UI language; ui/i18n_catalog.RULE_FIELD_TITLES lists the titles for lupdate."""
    return QCoreApplication.translate(TITLE_CONTEXT, spec.title)


class FormHost:
    """What the form needs from its dialog: the draft, and ways to change it (each change is undoable)."""

    def __init__(self, data: dict[str, Any], set_value: Callable[[KeyPath, object, bool], None],
                 replace: Callable[[dict[str, Any], str], None]) -> None:
        self.data = data
        self.set_value = set_value  # (path, value, structural)
        self.replace = replace  # (new whole draft, description): structural edits


def _source_for(data: dict[str, Any], path: KeyPath) -> str:
    """The `sources` text covering a value inside a dated block (own path or an ancestor's)."""
    if len(path) < 3 or path[0] != "values":
        return ""
    sources = get_at(data, (*path[:2], "sources"))
    if not isinstance(sources, dict):
        return ""
    relative = path[2:]
    for end in range(len(relative), 0, -1):
        text = sources.get(path_text(relative[:end]))
        if isinstance(text, str):
            return text
    return ""


class RuleForm(QWidget):
    """Widgets for every field of RuleSet; `editors` maps each key path (text) to its widget."""

    def __init__(self, host: FormHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ruleForm")
        self.host = host
        self.editors: dict[str, QWidget] = {}
        self._setters: dict[str, Callable[[], None]] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self._model(RuleSet, (), self))
        layout.addStretch(1)

    # --- refreshing after undo / redo ---------------------------------------------------------------------
    def refresh(self, path: KeyPath) -> None:
        """Show the draft's value at `path` again (after undo/redo of a typed value)."""
        setter = self._setters.get(path_text(path))
        if setter is not None:
            setter()

    def mark_problems(self, problems: dict[str, str]) -> None:
        """Colour the editors of the key paths with problems (or their nearest ancestor with an editor)."""
        marked: dict[str, list[str]] = {}
        for key, message in problems.items():
            parts = key.split(".")
            for end in range(len(parts), 0, -1):
                candidate = ".".join(parts[:end])
                if candidate in self.editors:
                    marked.setdefault(candidate, []).append(message)
                    break
        for key, widget in self.editors.items():
            messages = marked.get(key)
            widget.setStyleSheet(ERROR_STYLE if messages else "")
            widget.setToolTip("\n".join(messages) if messages else widget.property("hint") or "")

    # --- building -----------------------------------------------------------------------------------------
    def _register(self, path: KeyPath, widget: QWidget, hint: str, setter: Callable[[], None]) -> None:
        key = path_text(path)
        widget.setObjectName(f"field:{key}")
        widget.setProperty("hint", hint)
        widget.setToolTip(hint)
        self.editors[key] = widget
        self._setters[key] = setter

    def _model(self, model: Any, path: KeyPath, parent: QWidget, title: str = "",
               skip: str | None = None) -> QWidget:
        box = QGroupBox(title, parent) if title else QWidget(parent)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in fields_of(model):
            if spec.key == skip:
                continue
            self._field(spec, (*path, spec.key), box, form)
        return box

    def _field(self, spec: FieldSpec, path: KeyPath, parent: QWidget, form: QFormLayout) -> None:
        hint = spec.description
        source = _source_for(self.host.data, path)
        label = field_title(spec) + ("" if spec.required else _tr("(可选)"))
        shape = spec.shape
        if isinstance(shape, Scalar):
            editor = self._scalar(shape, path, parent, hint, spec.optional or not spec.required)
            if isinstance(editor, QLineEdit) and _inherits(self.host.data, path):
                editor.setPlaceholderText(_tr("不填则沿用前一施行日期的值"))
            elif isinstance(editor, QLineEdit) and spec.default is not None:
                editor.setPlaceholderText(_tr("不填则为 {0}").format(scalar_text(spec.default)))
            form.addRow(label, editor)
        elif isinstance(shape, ModelShape | UnionShape):
            form.addRow(self._optional_table(spec, path, parent))
        elif isinstance(shape, TableShape) and isinstance(shape.value, ModelShape | UnionShape):
            form.addRow(self._dated_tabs(spec, shape, path, parent))
        elif isinstance(shape, TableShape):
            form.addRow(self._table(spec, shape, path, parent))
        elif isinstance(shape, ListShape) and isinstance(shape.item, Scalar):
            form.addRow(label, self._scalar_list(shape.item, path, parent, hint))
        elif isinstance(shape, ListShape):
            form.addRow(self._model_list(spec, shape.item, path, parent))
        if source:
            note = QLabel(_tr("来源:") + source, parent)
            note.setWordWrap(True)
            note.setStyleSheet("color: #666;")
            form.addRow("", note)

    def _scalar(self, shape: Scalar, path: KeyPath, parent: QWidget, hint: str, optional: bool) -> QWidget:
        data = self.host.data
        if shape.kind == "bool":
            box = QCheckBox(parent)
            box.setChecked(get_at(data, path) is True)
            box.toggled.connect(lambda on: self.host.set_value(path, bool(on), False))
            self._register(path, box, hint, lambda: _quiet(box, lambda: box.setChecked(get_at(data, path) is True)))
            return box
        if shape.kind == "choice":
            return self._choice(shape, path, parent, hint, optional)
        edit = QLineEdit(parent)
        edit.setPlaceholderText(_tr(HINTS.get(shape.kind, "")))

        def shown() -> str:
            value = get_at(data, path)
            return "" if value is None else scalar_text(value)

        edit.setText(shown())
        edit.textEdited.connect(lambda text: self.host.set_value(path, typed_value(shape.kind, text), False))
        self._register(path, edit, hint, lambda: _quiet(edit, lambda: edit.setText(shown())
                                                              if edit.text() != shown() else None))
        return edit

    def _choice(self, shape: Scalar, path: KeyPath, parent: QWidget, hint: str, optional: bool) -> QComboBox:
        combo = QComboBox(parent)
        if optional:
            combo.addItem(_tr("(不填)"), None)
        for value, label in shape.choices:
            combo.addItem(label if label == value else f"{label}({value})", value)

        def show() -> None:
            value = get_at(self.host.data, path)
            index = combo.findData(_choice_value(shape, value))
            combo.setCurrentIndex(index if index >= 0 else (0 if optional else -1))

        show()
        combo.activated.connect(lambda index: self.host.set_value(path, combo.itemData(index), False))
        self._register(path, combo, hint, lambda: _quiet(combo, show))
        return combo

    def _scalar_list(self, item: Scalar, path: KeyPath, parent: QWidget, hint: str) -> QWidget:
        data = self.host.data
        if item.kind == "choice":
            widget = QListWidget(parent)
            widget.setMaximumHeight(24 * max(2, len(item.choices)))
            for value, label in item.choices:
                entry = QListWidgetItem(label, widget)
                entry.setData(Qt.ItemDataRole.UserRole, value)

            def show() -> None:
                chosen = {_choice_value(item, v) for v in get_at(data, path, []) or []}
                for row in range(widget.count()):
                    entry = widget.item(row)
                    on = entry.data(Qt.ItemDataRole.UserRole) in chosen
                    entry.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

            def changed() -> None:
                values = [widget.item(r).text() for r in range(widget.count())
                          if widget.item(r).checkState() == Qt.CheckState.Checked]
                if values != [scalar_text(v) for v in get_at(data, path, []) or []]:
                    self.host.set_value(path, values, False)

            _quiet(widget, show)
            widget.itemChanged.connect(lambda _item: changed())
            self._register(path, widget, hint, lambda: _quiet(widget, show))
            return widget
        text = QPlainTextEdit(parent)
        text.setPlaceholderText(_tr("每行一项"))
        text.setMaximumHeight(90)

        def lines() -> str:
            return "\n".join(scalar_text(v) for v in get_at(data, path, []) or [])

        text.setPlainText(lines())

        def edited() -> None:
            values = [typed_value(item.kind, line) for line in text.toPlainText().splitlines() if line.strip()]
            self.host.set_value(path, values, False)

        text.textChanged.connect(edited)
        self._register(path, text, hint, lambda: _quiet(text, lambda: text.setPlainText(lines())
                                                              if text.toPlainText() != lines() else None))
        return text

    def _table(self, spec: FieldSpec, shape: TableShape, path: KeyPath, parent: QWidget) -> QWidget:
        """A two-column table (level → amount, key path → source) with add and remove."""
        box = QGroupBox(field_title(spec), parent)
        layout = QVBoxLayout(box)
        table = QTableWidget(0, 2, box)
        table.setHorizontalHeaderLabels([_tr("项目"), _tr("值")])
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        value_kind = shape.value.kind if isinstance(shape.value, Scalar) else "str"

        def show() -> None:
            entries = get_at(self.host.data, path, {}) or {}
            table.setRowCount(len(entries))
            for row, (key, value) in enumerate(entries.items()):
                table.setItem(row, 0, QTableWidgetItem(scalar_text(key)))
                table.setItem(row, 1, QTableWidgetItem(scalar_text(value)))
            height = 40 + 30 * max(1, len(entries))
            table.setMinimumHeight(min(height, 300))
            table.setMaximumHeight(height)

        def edited() -> None:
            entries: dict[str, object] = {}
            for row in range(table.rowCount()):
                key_item, value_item = table.item(row, 0), table.item(row, 1)
                key = key_item.text().strip() if key_item else ""
                if key:
                    value = typed_value(value_kind, value_item.text() if value_item else "")
                    entries[key] = "" if value is None else value
            self.host.set_value(path, entries or (None if spec.optional else {}), False)

        _quiet(table, show)
        table.itemChanged.connect(lambda _item: edited())
        add = QPushButton(_tr("添加一行"), box)
        add.clicked.connect(lambda: self._add_entry(path, shape))
        remove = QPushButton(_tr("删除选中行"), box)
        remove.clicked.connect(lambda: self._remove_entry(path, table, spec.optional))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout.addWidget(table)
        layout.addLayout(buttons)
        self._register(path, table, spec.description, lambda: _quiet(table, show))
        return box

    def _add_entry(self, path: KeyPath, shape: TableShape) -> None:
        data = copy.deepcopy(self.host.data)
        entries = get_at(data, path) or {}
        taken = {scalar_text(k) for k in entries}
        key = next((label for _value, label in shape.key.choices if label not in taken), "")
        if not key:
            key = next(f"{_tr('新项目')}{n}" for n in range(1, 1000) if f"{_tr('新项目')}{n}" not in taken)
        entries[key] = ""
        _set(data, path, entries)
        self.host.replace(data, _tr("添加一行"))

    def _remove_entry(self, path: KeyPath, table: QTableWidget, optional: bool) -> None:
        row = table.currentRow()
        data = copy.deepcopy(self.host.data)
        entries = get_at(data, path) or {}
        keys = list(entries)
        if 0 <= row < len(keys):
            del entries[keys[row]]
            _set(data, path, entries or (None if optional else {}))
            self.host.replace(data, _tr("删除一行"))

    def _optional_table(self, spec: FieldSpec, path: KeyPath, parent: QWidget) -> QWidget:
        """A nested table; an optional one has a tick box that adds or removes it."""
        box = QGroupBox(field_title(spec), parent)
        layout = QVBoxLayout(box)
        present = isinstance(get_at(self.host.data, path), dict)
        if spec.optional:
            tick = QCheckBox(_tr("填写此项"), box)
            tick.setObjectName(f"present:{path_text(path)}")
            tick.setChecked(present)
            tick.toggled.connect(lambda on: self._toggle_table(spec.shape, path, on))
            layout.addWidget(tick)
        if present or not spec.optional:
            shape = spec.shape
            if isinstance(shape, UnionShape):
                layout.addWidget(self._union(shape, path, box))
            elif isinstance(shape, ModelShape):
                layout.addWidget(self._model(shape.model, path, box))
        if spec.description:
            box.setToolTip(spec.description)
        self.editors.setdefault(path_text(path), box)
        return box

    def _toggle_table(self, shape: Shape, path: KeyPath, on: bool) -> None:
        data = copy.deepcopy(self.host.data)
        if on:
            first = {shape.discriminator: shape.members[0][0]} if isinstance(shape, UnionShape) else {}
            _set(data, path, first)
        else:
            _set(data, path, None)
        self.host.replace(data, _tr("填写此项") if on else _tr("删除此项"))

    def _union(self, shape: UnionShape, path: KeyPath, parent: QWidget) -> QWidget:
        """A basis combo that switches the sub-form (discriminated union)."""
        widget = QWidget(parent)
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        combo = QComboBox(widget)
        for tag, model in shape.members:
            titles = "、".join(field_title(f) for f in fields_of(model) if f.key != shape.discriminator)
            combo.addItem(f"{tag}({titles})" if titles else tag, tag)
            combo.setItemData(combo.count() - 1, (model.__doc__ or "").strip(), Qt.ItemDataRole.ToolTipRole)
        current = get_at(self.host.data, (*path, shape.discriminator))
        combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else -1)
        combo.activated.connect(lambda index: self._switch(shape, path, combo.itemData(index)))
        self._register((*path, shape.discriminator), combo, "",
                       lambda: _quiet(combo, lambda: combo.setCurrentIndex(
                           combo.findData(get_at(self.host.data, (*path, shape.discriminator))))))
        row = QFormLayout()
        row.addRow(_tr("依据:"), combo)
        layout.addLayout(row)
        chosen = shape.member(current)
        if chosen is not None:
            layout.addWidget(self._model(chosen, path, widget, skip=shape.discriminator))
        return widget

    def _switch(self, shape: UnionShape, path: KeyPath, tag: str) -> None:
        if get_at(self.host.data, (*path, shape.discriminator)) == tag:
            return
        data = copy.deepcopy(self.host.data)
        old = get_at(data, path) or {}
        member = shape.member(tag)
        keys = {spec.key for spec in fields_of(member)} if member is not None else set()
        new = {k: v for k, v in old.items() if k in keys}
        new[shape.discriminator] = tag
        _set(data, path, new)
        self.host.replace(data, _tr("改变依据"))

    def _model_list(self, spec: FieldSpec, item: Shape, path: KeyPath, parent: QWidget) -> QWidget:
        """An editable list of tables: one sub-form per item, with add and remove."""
        box = QGroupBox(field_title(spec), parent)
        layout = QVBoxLayout(box)
        items = get_at(self.host.data, path, []) or []
        for index in range(len(items)):
            item_path = (*path, index)
            row = QWidget(box)
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            if isinstance(item, UnionShape):
                row_layout.addWidget(self._union(item, item_path, row), 1)
            elif isinstance(item, ModelShape):
                row_layout.addWidget(self._model(item.model, item_path, row, f"{index + 1}"), 1)
            remove = QPushButton(_tr("删除"), row)
            remove.setObjectName(f"remove:{path_text(item_path)}")
            remove.clicked.connect(lambda _c=False, i=index: self._remove_item(path, i))
            row_layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(row)
        add = QPushButton(_tr("添加"), box)
        add.setObjectName(f"add:{path_text(path)}")
        add.clicked.connect(lambda: self._add_item(path, item))
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        self.editors.setdefault(path_text(path), box)
        return box

    def _add_item(self, path: KeyPath, item: Shape) -> None:
        data = copy.deepcopy(self.host.data)
        items = list(get_at(data, path, []) or [])
        items.append({item.discriminator: item.members[0][0]} if isinstance(item, UnionShape) else {})
        _set(data, path, items)
        self.host.replace(data, _tr("添加"))

    def _remove_item(self, path: KeyPath, index: int) -> None:
        data = copy.deepcopy(self.host.data)
        items = list(get_at(data, path, []) or [])
        del items[index]
        _set(data, path, items)
        self.host.replace(data, _tr("删除"))

    def _dated_tabs(self, spec: FieldSpec, shape: TableShape, path: KeyPath, parent: QWidget) -> QWidget:
        """Parameter blocks by effective date: a tab per date, with add, rename and remove."""
        box = QGroupBox(field_title(spec), parent)
        layout = QVBoxLayout(box)
        tabs = QTabWidget(box)
        tabs.setObjectName(f"tabs:{path_text(path)}")
        blocks = get_at(self.host.data, path, {}) or {}
        for key in sorted(blocks, key=str):
            page = QWidget(tabs)
            page_layout = QVBoxLayout(page)
            value = shape.value
            block_path = (*path, str(key))
            if isinstance(value, ModelShape):
                page_layout.addWidget(self._model(value.model, block_path, page))
            elif isinstance(value, UnionShape):
                page_layout.addWidget(self._union(value, block_path, page))
            tabs.addTab(page, scalar_text(key))
        layout.addWidget(tabs)
        controls = QHBoxLayout()
        date_edit = QLineEdit(box)
        date_edit.setObjectName(f"newKey:{path_text(path)}")
        date_edit.setPlaceholderText(_tr("施行日期,如 2025-01-01"))
        add = QPushButton(_tr("添加施行日期"), box)
        add.setObjectName(f"addKey:{path_text(path)}")
        add.clicked.connect(lambda: self.host.replace(*self._with_block(path, date_edit.text())))
        remove = QPushButton(_tr("删除当前日期"), box)
        remove.setObjectName(f"removeKey:{path_text(path)}")
        remove.clicked.connect(lambda: self._remove_block(path, tabs.tabText(tabs.currentIndex())))
        for widget in (date_edit, add, remove):
            controls.addWidget(widget)
        controls.addStretch(1)
        layout.addLayout(controls)
        self.editors.setdefault(path_text(path), box)
        return box

    def _with_block(self, path: KeyPath, text: str) -> tuple[dict[str, Any], str]:
        from subsidy_calc.rule_draft import new_block

        data = copy.deepcopy(self.host.data)
        day = typed_value("date", text)
        if day is None or isinstance(day, str):
            return data, ""
        sub: dict[str, Any] = {"values": get_at(data, path) or {}}
        new_block(sub, day)  # type: ignore[arg-type]
        _set(data, path, sub["values"])
        return data, _tr("添加施行日期")

    def _remove_block(self, path: KeyPath, key: str) -> None:
        data = copy.deepcopy(self.host.data)
        blocks = get_at(data, path) or {}
        if key in blocks and len(blocks) > 1:
            del blocks[key]
            self.host.replace(data, _tr("删除施行日期"))


def _inherits(data: dict[str, Any], path: KeyPath) -> bool:
    """True for a value inside a dated block that has an earlier block (a value left out is inherited)."""
    if len(path) < 3 or path[0] != "values":
        return False
    blocks = get_at(data, ("values",), {}) or {}
    return any(str(key) < str(path[1]) for key in blocks)


def _choice_value(shape: Scalar, value: object) -> object:
    """The stored value of a choice, whatever alias the file used (中级工 / 四级 / intermediate)."""
    if value is None:
        return None
    text = scalar_text(value)
    if shape.enum is not None:
        parse = getattr(shape.enum, "parse", None)
        try:
            member = parse(text) if parse is not None else shape.enum(text)
            return str(member.value)
        except ValueError:
            return text
    return text


def _set(data: dict[str, Any], path: KeyPath, value: object) -> None:
    from subsidy_calc.rule_draft import set_at

    set_at(data, path, value)


def _quiet(widget: QWidget, action: Callable[[], object]) -> None:
    blocked = widget.blockSignals(True)
    try:
        action()
    finally:
        widget.blockSignals(blocked)
