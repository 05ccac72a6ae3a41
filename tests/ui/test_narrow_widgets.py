"""Widgets for a narrow column: forms that wrap, text wrapping inside long words, eliding, no sideways scrolling."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QStyleFactory, QVBoxLayout, QWidget

from ui.narrow_widgets import ColumnForm, ColumnScroll, ElidingComboBox, WrappedText

PATH = r"C:\Users\zhangsan-hr-office\AppData\Local\subsidy-calc\rules\gansu-jinchang-2024-local-copy.toml"
LONG_LABEL = "甘肃省金昌市(假设,本地,已过期)"


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def test_a_long_word_wraps_where_a_label_would_not(qtbot: Any) -> None:
    label = QLabel(PATH)
    label.setWordWrap(True)
    text = WrappedText()
    qtbot.addWidget(label)
    qtbot.addWidget(text)
    text.setText(PATH)
    path_width = text.fontMetrics().horizontalAdvance(PATH)
    assert label.minimumSizeHint().width() > 2 * text.minimumSizeHint().width()  # what widened the form panel
    assert text.minimumSizeHint().width() < path_width // 3
    one_line = text.heightForWidth(path_width + 10)
    assert text.heightForWidth(path_width // 3) >= 3 * one_line - 2  # every piece of the path is shown
    assert text.text() == PATH  # copied as it is: no break characters put into it


def test_text_is_as_tall_as_its_lines_and_stays_plain(qtbot: Any) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    text = WrappedText(holder)
    layout.addWidget(text)
    layout.addStretch(1)
    text.setText("<b>不是粗体</b>\n" + "第二行" * 30)
    holder.resize(160, 600)
    holder.show()
    _settle()
    assert text.toPlainText().startswith("<b>")
    assert text.verticalScrollBar().maximum() == 0  # no line hidden inside the widget
    tall = text.height()
    assert tall == text.heightForWidth(text.width()) > 3 * text.fontMetrics().height()
    text.setText("一行")  # another rule set: the height follows the new text
    _settle()
    assert text.height() == text.heightForWidth(text.width()) < tall // 3


def test_the_wheel_over_a_text_is_left_to_the_panel(qtbot: Any) -> None:
    """Qt hands a wheel event that a widget ignores to its parents, up to the panel's scroll area."""
    text = WrappedText()
    qtbot.addWidget(text)
    text.setText("说明" * 400)
    text.resize(150, 60)  # shorter than its text, as during a relayout
    text.show()
    _settle()
    centre = QPointF(text.viewport().rect().center())
    event = QWheelEvent(centre, QPointF(text.viewport().mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(text.viewport(), event)
    assert not event.isAccepted()
    assert text.verticalScrollBar().value() == 0


def test_the_column_is_never_narrower_than_what_the_panel_needs(qtbot: Any) -> None:
    panel = QWidget()
    panel.setMinimumWidth(300)
    scroll = ColumnScroll(panel, 120)
    qtbot.addWidget(scroll)
    needed = scroll.minimumSizeHint().width()
    assert needed >= 300 + scroll.verticalScrollBar().sizeHint().width()
    assert ColumnScroll(QWidget(), 120).minimumSizeHint().width() >= 120
    scroll.resize(needed, 200)
    scroll.show()
    _settle()
    assert scroll.horizontalScrollBar().maximum() == 0


def test_a_narrow_combo_ends_its_text_in_an_ellipsis(qtbot: Any) -> None:
    eliding, plain = ElidingComboBox(), QComboBox()
    for combo in (eliding, plain):
        qtbot.addWidget(combo)
        combo.resize(110, combo.sizeHint().height())
    eliding.addItem(LONG_LABEL)
    option_width = _label_width(eliding)
    shown = eliding.fontMetrics().elidedText(LONG_LABEL, Qt.TextElideMode.ElideRight, option_width)
    assert shown.endswith("…") and shown != LONG_LABEL
    plain.addItem(shown)
    assert eliding.grab().toImage() == plain.grab().toImage()  # painted exactly as the elided text


def _label_width(combo: QComboBox) -> int:
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    return combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo).width()


def test_the_open_list_shows_every_label_whole_in_the_windows_style(qtbot: Any) -> None:
    combo = ElidingComboBox()
    qtbot.addWidget(combo)
    style = QStyleFactory.create("Windows")  # its list is as wide as the box unless told otherwise
    assert style is not None
    style.setParent(combo)  # lives as long as the box that uses it
    combo.setStyle(style)
    combo.addItems(["江苏省南通市(正式)", LONG_LABEL])
    combo.resize(110, combo.sizeHint().height())
    combo.show()
    combo.showPopup()
    view = combo.view()
    try:
        assert view.width() >= view.sizeHintForColumn(0)
    finally:
        combo.hidePopup()


def _form_with_long_and_short_labels(qtbot: Any) -> tuple[QWidget, ColumnForm, list[tuple[QWidget, QWidget]]]:
    holder = QWidget()
    qtbot.addWidget(holder)
    form = ColumnForm(holder)
    rows: list[tuple[QWidget, QWidget]] = []
    for text in ("名称:", "统一社会信用代码:", "电话:"):
        field = QLineEdit(holder)
        field.setMinimumWidth(120)
        form.addRow(text, field)
        label = form.labelForField(field)
        assert label is not None
        rows.append((label, field))
    holder.show()
    return holder, form, rows


def test_a_form_wraps_all_its_rows_or_none(qtbot: Any) -> None:
    holder, form, rows = _form_with_long_and_short_labels(qtbot)
    short_row = form.contentsMargins().left() + rows[0][0].sizeHint().width() + 10 + 120 + 40
    assert short_row < form.side_by_side_width()  # a width where only the long label's row would not fit
    for width, wrapped in ((short_row, True), (form.side_by_side_width(), False)):
        holder.resize(width, holder.heightForWidth(width) if holder.hasHeightForWidth() else 400)
        _settle()
        for label, field in rows:
            if wrapped:  # label above, field below it at the full width
                assert label.geometry().bottom() < field.geometry().top()
                assert field.geometry().left() == label.geometry().left()
            else:
                assert label.geometry().right() < field.geometry().left()
    assert form.minimumSize().width() < short_row  # its minimum is the wrapped form's
