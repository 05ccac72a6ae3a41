"""A row of buttons that wraps onto further lines when its column is narrower than the whole row.

Qt's flow layout example (height for width), plus one trailing widget (a count, say) kept at the right end of the
last line, where a stretch would have put it in a QHBoxLayout. The row asks for one line's width when there is room
and for its widest widget only when there is not, so a translation with longer labels, or a wider font, makes the
row taller instead of making the window wider than the screen."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget, QWidgetItem


class FlowLayout(QLayout):
    """Widgets left to right in their preferred sizes, as many to a line as fit, each line centred vertically."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._trailing: QLayoutItem | None = None

    # --- what QLayout needs -----------------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add_trailing(self, widget: QWidget) -> None:
        """The widget at the right end of the last line (on a line of its own, at the right, when it does not fit)."""
        self.addChildWidget(widget)
        self._trailing = QWidgetItem(widget)
        self._items.append(self._trailing)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        if item is self._trailing:
            self._trailing = None
        return item

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """Everything on one line, as a QHBoxLayout would ask."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + self._spacing() * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:
        """The widest widget: each is shown whole (never squeezed below its size hint), one to a line if need be."""
        least = QSize(0, 0)
        for item in self._shown():
            least = least.expandedTo(item.sizeHint()).expandedTo(item.minimumSize())
        return self._with_margins(least)

    # --- arranging --------------------------------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _spacing(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        if style is None:
            return 6
        return max(style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, parent),
                   style.layoutSpacing(QSizePolicy.ControlType.PushButton, QSizePolicy.ControlType.PushButton,
                                       Qt.Orientation.Horizontal, None, parent), 0)

    def _with_margins(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        """The shown items, line by line, in order; a line takes items while they fit in `width`."""
        lines: list[list[QLayoutItem]] = []
        used = 0
        for item in self._shown():
            needed = item.sizeHint().width()
            if lines and lines[-1] and used + self._spacing() + needed <= width:
                lines[-1].append(item)
                used += self._spacing() + needed
            else:
                lines.append([item])
                used = needed
        return lines

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place the items in `rect` (when `move`); the height they take, margins included."""
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        top = area.y()
        lines = self._lines(area.width())
        for number, line in enumerate(lines):
            height = max(item.sizeHint().height() for item in line)
            if move:
                self._place_line(line, QRect(area.x(), top, area.width(), height))
            top += height + (self._vertical_spacing() if number < len(lines) - 1 else 0)
        return top - area.y() + margins.top() + margins.bottom()

    def _place_line(self, line: list[QLayoutItem], box: QRect) -> None:
        x = box.x()
        for item in line:
            size = item.sizeHint()
            left = box.right() + 1 - size.width() if item is self._trailing else x
            item.setGeometry(QRect(QPoint(left, box.y() + (box.height() - size.height()) // 2), size))
            x += size.width() + self._spacing()

    def _vertical_spacing(self) -> int:
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        metric = style.pixelMetric(QStyle.PixelMetric.PM_LayoutVerticalSpacing, None, parent) if style else -1
        return metric if metric >= 0 else self._spacing()
