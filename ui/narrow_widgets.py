"""Widgets that fit a narrow column: a scroll area that never scrolls sideways, a form that puts its fields under
their labels when narrow, read-only text that wraps even inside long words, a combo box that elides."""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent, QResizeEvent, QTextOption, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTextEdit,
    QWidget,
)

MIN_TEXT_CHARS = 8  # the narrowest a wrapped text may become, in average characters


class WrappedText(QTextEdit):
    """Selectable plain text, as tall as it needs at the width it is given, never wider than that width.

    A word-wrapped QLabel asks for the width of its longest word, so a Windows path (C:\\Users\\…\\rules\\x.toml,
    no break opportunity) or an id widens the whole panel into a horizontal scroll bar; this text breaks such a
    word where the line ends instead, and copies exactly what it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._height_for: tuple[int, str, str, int, int] | None = None  # (width, text, font, frame) → _height
        self._height = 0
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # like a selectable label: not a Tab stop
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDocumentMargin(0)
        self.viewport().setAutoFillBackground(False)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.document().documentLayout().documentSizeChanged.connect(self.updateGeometry)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        """Always plain text (QTextEdit.setText would guess rich text from a '<' in a rule file's words)."""
        if text != self.toPlainText():
            self.setPlainText(text)

    def _extra(self) -> QSize:
        """Frame, style-sheet border and padding around the text."""
        margins = self.contentsMargins()
        return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        extra = self._extra()
        key = (width, self.toPlainText(), self.font().key(), extra.width(), extra.height())
        if self._height_for != key:  # layouts ask again and again for the same width
            document = self.document().clone()  # laid out at that width without touching what is shown
            document.setTextWidth(max(1, width - extra.width()))
            self._height = math.ceil(document.size().height()) + extra.height()
            self._height_for = key
        return self._height

    def sizeHint(self) -> QSize:
        width = max(self.width(), self.minimumSizeHint().width())
        return QSize(self.fontMetrics().averageCharWidth() * 40, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * MIN_TEXT_CHARS + self._extra().width(),
                     self.fontMetrics().height() + self._extra().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.updateGeometry()  # a new width may need another height

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # the panel around it scrolls, this text never does


class ElidingComboBox(QComboBox):
    """A combo box whose current text ends in '…' when the box is narrower than it; the full text is the
    box's tooltip and the open list is wide enough for every item."""

    def paintEvent(self, _event: QPaintEvent) -> None:
        """QComboBox.paintEvent, with the current text elided to the width of the box's text field."""
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        option.currentText = self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight,
                                                           field.width())
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def showPopup(self) -> None:
        view = self.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width()
                             + 2 * view.frameWidth())
        super().showPopup()


class ColumnScroll(QScrollArea):
    """Scrolls a panel up and down only: never narrower than the panel's own minimum width plus the vertical
    scroll bar, so a splitter cannot squeeze the panel into a horizontal scroll bar."""

    def __init__(self, panel: QWidget, least_width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._least_width = least_width
        self.setWidget(panel)
        self.setWidgetResizable(True)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        panel = self.widget()
        least = 0 if panel is None else panel.minimumWidth() or panel.minimumSizeHint().width()  # as QScrollArea
        needed = least + 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()
        return QSize(max(self._least_width, needed), hint.height())


class ColumnForm(QFormLayout):
    """A form whose rows are all side by side (label, then field) when the width allows every field its minimum
    beside the widest label, and all wrapped (label above, field below at full width) when it does not; never
    some of each, which QFormLayout.WrapLongRows does and which leaves a ragged, indented column of fields.
    Its minimum width is that of the wrapped form: the widest label or field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # its minimum width is the wrapped one
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def side_by_side_width(self) -> int:
        """The narrowest width (margins included) at which every row fits side by side."""
        labels, fields = [0], [0]
        for row in range(self.rowCount()):
            label = self.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = self.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is not None and field is not None and not label.isEmpty() and not field.isEmpty():
                labels.append(label.sizeHint().width())
                fields.append(field.minimumSize().width())
        spacing = self.horizontalSpacing()
        parent = self.parentWidget()
        if spacing < 0 and parent is not None:
            spacing = parent.style().combinedLayoutSpacing(QSizePolicy.ControlType.Label,
                                                           QSizePolicy.ControlType.LineEdit, Qt.Orientation.Horizontal)
        margins = self.contentsMargins()
        return margins.left() + max(labels) + max(spacing, 0) + max(fields) + margins.right()

    def setGeometry(self, rect: QRect) -> None:
        policy = (QFormLayout.RowWrapPolicy.WrapAllRows if rect.width() < self.side_by_side_width()
                  else QFormLayout.RowWrapPolicy.WrapLongRows)
        if policy != self.rowWrapPolicy():
            self.setRowWrapPolicy(policy)  # invalidates: the parent asks for the new height, then lays out again
        super().setGeometry(rect)
