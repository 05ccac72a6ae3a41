"""Going to the place of a problem: the offending table cell or form field is selected and shown."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QTableView, QWidget

from .columns import ClassColumn
from .form_panel import FormPanel
from .problems import CLASSES, ROSTER, Problem
from .tables_panel import TablesPanel


def _select_cell(view: QTableView, tables: TablesPanel, problem: Problem) -> None:
    model = tables.classes if problem.table == CLASSES else tables.roster
    index = model.index(problem.row, problem.column)
    if problem.table == ROSTER:
        shown = tables.roster_filter.mapFromSource(index)
        if not shown.isValid():  # filtered out by 只显示所选班级: show everyone
            tables.only_current_class.setChecked(False)
            shown = tables.roster_filter.mapFromSource(index)
        index = shown
    view.setCurrentIndex(index)
    view.scrollTo(index)
    view.setFocus()


def _field_widget(form: FormPanel, key: str) -> QWidget | None:
    if key in form.edits:
        return form.edits[key]
    return {"ruleset_id": form.ruleset_combo, "stage": form.stage_combo}.get(key)


def go_to_problem(tables: TablesPanel, form: FormPanel, scroll: QScrollArea, problem: Problem) -> None:
    """Select the cell or focus the field the problem is about (a whole-claim problem selects its class)."""
    if problem.table in (CLASSES, ROSTER):
        view = tables.class_table if problem.table == CLASSES else tables.roster_table
        _select_cell(view, tables, problem)
        return
    if problem.field is not None:
        widget = _field_widget(form, problem.field)
        if widget is not None:
            scroll.ensureWidgetVisible(widget)
            widget.setFocus()
        return
    if problem.class_id:
        for row, draft in enumerate(tables.classes.drafts()):
            if draft.texts[ClassColumn.CLASS_ID].strip() == problem.class_id:
                tables.select_class(row)
                return
