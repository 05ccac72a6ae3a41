"""The roster can show only the selected class; edits and row operations still reach the right rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import WELDING, add_class, id_number

from ui.columns import ClassColumn, RosterColumn
from ui.main_window import MainWindow


def _setup(window: MainWindow) -> None:
    add_class(window, {**WELDING, ClassColumn.CERTIFIED: "", ClassColumn.COMPLETED_NO_CERT: "",
                       ClassColumn.DROPPED: ""})
    add_class(window, {**WELDING, ClassColumn.CLASS_ID: "B10", ClassColumn.CERTIFIED: "",
                       ClassColumn.COMPLETED_NO_CERT: "", ClassColumn.DROPPED: ""})
    roster = window.document.roster
    for serial, class_id in enumerate(["B1", "B10", "B1", "B10"], start=1):
        roster.add_row(texts=[f"学徒{serial}", id_number(serial), class_id, "在训", "", "", ""])


def test_filter_shows_selected_class_only(window: MainWindow) -> None:
    _setup(window)
    tables = window.tables
    view = tables.roster_table
    tables.select_class(0)
    assert view.model().rowCount() == 4
    tables.only_current_class.setChecked(True)
    shown = view.model()
    assert shown.rowCount() == 2  # B1 only, not B10
    assert [shown.index(r, RosterColumn.NAME).data() for r in range(2)] == ["学徒1", "学徒3"]
    assert tables.roster_count.text() == "显示 2 人,共 4 人"
    tables.select_class(1)
    assert [shown.index(r, RosterColumn.NAME).data() for r in range(2)] == ["学徒2", "学徒4"]


def test_edits_and_removal_through_the_filter_hit_the_right_rows(window: MainWindow) -> None:
    _setup(window)
    tables = window.tables
    tables.select_class(1)
    tables.only_current_class.setChecked(True)
    view = tables.roster_table
    shown = view.model()
    assert shown.setData(shown.index(1, RosterColumn.STATUS), "取证", Qt.ItemDataRole.EditRole)
    roster = window.document.roster
    assert roster.data(roster.index(3, RosterColumn.STATUS)) == "取证"
    view.setCurrentIndex(shown.index(0, RosterColumn.NAME))
    tables.remove_person_button.click()
    assert [roster.data(roster.index(r, RosterColumn.NAME)) for r in range(roster.rowCount())] == [
        "学徒1", "学徒3", "学徒4"]
    tables.add_apprentice()
    assert roster.data(roster.index(3, RosterColumn.CLASS_ID)) == "B10"
    assert shown.rowCount() == 2
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert roster.rowCount() == 4
