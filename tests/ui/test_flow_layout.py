"""FlowLayout: one line when there is room, more lines (never a squeezed widget) when there is not, the trailing
widget at the right end of the last line, hidden widgets taking no room."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ui.flow_layout import FlowLayout


def _row(qtbot: Any) -> tuple[QWidget, FlowLayout, list[QPushButton], QLabel]:
    host = QWidget()
    qtbot.addWidget(host)
    flow = FlowLayout(host)
    flow.setContentsMargins(0, 0, 0, 0)
    buttons = [QPushButton(text, host) for text in ("Add apprentice", "Duplicate apprentice", "Remove apprentice")]
    for button in buttons:
        flow.addWidget(button)
    count = QLabel("120 of 120 people", host)
    flow.add_trailing(count)
    host.show()
    return host, flow, buttons, count


def test_one_line_when_wide_enough_more_when_not(qtbot: Any) -> None:
    host, flow, buttons, count = _row(qtbot)
    one_line = flow.sizeHint()
    host.resize(one_line.width(), flow.heightForWidth(one_line.width()))
    assert flow.heightForWidth(one_line.width()) == one_line.height()
    assert len({b.y() for b in buttons}) == 1 and count.geometry().right() == host.width() - 1
    widest = max(b.sizeHint().width() for b in [*buttons, count])
    assert flow.minimumSize().width() == widest
    host.resize(widest, flow.heightForWidth(widest))
    assert flow.heightForWidth(widest) > 3 * one_line.height()  # one widget a line
    assert len({w.y() for w in [*buttons, count]}) == 4
    for widget in [*buttons, count]:
        assert widget.width() == widget.sizeHint().width() and host.rect().contains(widget.geometry())
    assert count.geometry().right() == host.width() - 1


def test_hidden_widgets_take_no_room_and_items_can_be_taken_out(qtbot: Any) -> None:
    _host, flow, buttons, count = _row(qtbot)
    full = flow.sizeHint().width()
    buttons[1].hide()
    flow.invalidate()
    assert flow.sizeHint().width() == full - buttons[1].sizeHint().width() - flow.spacing()
    assert flow.count() == 4 and flow.itemAt(4) is None and flow.takeAt(7) is None
    taken = flow.takeAt(3)
    assert taken is not None and taken.widget() is count and flow.count() == 3
