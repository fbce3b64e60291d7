"""One preview in the previews dock: a title line with the counter, the rendered preview and its problems.

Made for typing: the title and the preview are painted directly (no rich-text label to lay out again, no pixmap
copy of the image), nothing is set that did not change, and the dock's layout is asked to change only when a
preview's height does."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from studio.core.problem import Problem
from studio.preview import PreviewInput

PREVIEW_WIDTH = 340
OVER = "#d9534f"
WARN = "#c98a00"
MUTED = "#808080"


class TitleBar(QWidget):
    """ "**X** · 212 / 280": the placement's name in bold and its counter, grey or red when over."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("previewTitle")
        self.name = ""
        self.counter = ""
        self.over = False
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAutoFillBackground(True)  # opaque: a new counter repaints this line alone, not the dock under it
        self.setFixedHeight(round(QFontMetricsF(self.font()).height()) + 2)

    def sizeHint(self) -> QSize:
        return QSize(0, self.height())

    def set_text(self, name: str, counter: str, over: bool) -> None:
        if (name, counter, over) != (self.name, self.counter, self.over):
            self.name, self.counter, self.over = name, counter, over
            self.update()

    def text(self) -> str:
        return f"{self.name} · {self.counter}" if self.counter else self.name

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        bold = QFont(self.font())
        bold.setBold(True)
        rect = QRectF(self.rect())
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        p.setFont(bold)
        p.setPen(self.palette().windowText().color())
        p.drawText(rect, align, self.name)
        if self.counter:
            x = QFontMetricsF(bold).horizontalAdvance(self.name)
            p.setFont(self.font())
            p.drawText(rect.adjusted(x, 0, 0, 0), align, " · ")
            x += QFontMetricsF(self.font()).horizontalAdvance(" · ")
            p.setPen(QColor(OVER if self.over else MUTED))
            p.drawText(rect.adjusted(x, 0, 0, 0), align, self.counter)
        p.end()


class Picture(QWidget):
    """The rendered preview, painted as it is; a click emits `clicked` (the card expands or folds the text)."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.image = QImage()
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # previews are opaque: no background under them
        self.setFixedSize(0, 0)

    def set_image(self, image: QImage) -> None:
        if image.size() != self.image.size():
            self.setFixedSize(image.size())  # the only change that moves the other cards
        self.image = image
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.drawImage(event.rect(), self.image, event.rect())
        p.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class PreviewCard(QWidget):
    def __init__(self, target: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"preview-{target}")
        self.target = target
        self.expanded = False
        self.shown: PreviewInput | None = None  # what the picture shows
        self.pending: PreviewInput | None = None  # what to draw when the card is next painted
        self.count: int | None = None  # the counter shown
        self.limit: int | None = None
        self.cell: tuple[int, int] | None = None
        self._problems_html = ""
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 8)
        self.title = TitleBar()
        self.image = Picture()
        self.image.setToolTip(self.tr("Click to expand or collapse the text"))
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.RichText)
        self.problems.setMaximumWidth(PREVIEW_WIDTH)
        self.problems.setVisible(False)
        for w in (self.title, self.image, self.problems):
            box.addWidget(w)
        box.addStretch(1)

    def set_info(self, name: str, count: int | None, limit: int | None, problems: list[Problem]) -> None:
        """The title's counter and the problems under the preview (each set only when it changed)."""
        self.count, self.limit = count, limit
        shown = count is not None and limit
        self.title.set_text(name, f"{count} / {limit}" if shown else "", bool(shown and count > limit))
        lines = []
        for p in problems:
            colour, mark = (OVER, "⛔") if p.is_error else (WARN, "⚠")
            lines.append(f"<span style='color:{colour}'>{mark} {_escape(p.message)}</span>")
        html = "<br>".join(lines)
        if html != self._problems_html:
            self._problems_html = html
            self.problems.setText(html)
            self.problems.setVisible(bool(lines))

    def show_image(self, inp: PreviewInput, image: QImage) -> None:
        self.shown, self.pending = inp, None
        self.image.set_image(image)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
