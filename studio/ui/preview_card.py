"""One preview in the previews dock: a title line with the counter, the rendered preview and its problems.

Made for typing: the title and the preview are painted directly (no rich-text label to lay out again, no pixmap
copy of the image), nothing is set that did not change, and the dock's layout is asked to change only when a
preview's height does."""

from __future__ import annotations

import math
from typing import NamedTuple

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from studio.core.problem import Problem
from studio.preview import PreviewInput
from studio.ui.theme import ERROR_COLOR, WARNING_COLOR

PREVIEW_WIDTH = 340
OVER, WARN = ERROR_COLOR, WARNING_COLOR
MUTED = "#808080"


class _TitleLayout(NamedTuple):
    bold: QFont
    font: QFont
    name: QStaticText  # the placement's name, laid out in bold
    dot: QStaticText  # " · "
    name_w: float
    counter_x: float  # where the counter starts
    name_top: float
    dot_top: float
    baseline: float  # the counter's
    colour: QColor


class TitleBar(QWidget):
    """ "**X** · 212 / 280": the placement's name in bold and its counter, grey or red when over."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("previewTitle")
        self.name = ""
        self._layout: _TitleLayout | None = None
        self.counter = ""
        self.over = False
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAutoFillBackground(True)  # opaque: a new counter repaints this line alone, not the dock under it
        self.setFixedHeight(round(QFontMetricsF(self.font()).height()) + 2)

    def sizeHint(self) -> QSize:
        return QSize(0, self.height())

    def set_text(self, name: str, counter: str, over: bool) -> None:
        if (name, counter, over) == (self.name, self.counter, self.over):
            return
        if name != self.name or self._layout is None:
            self.name, self.counter, self.over = name, counter, over
            self._layout = None
            self.update()
            return
        self.counter, self.over = counter, over
        self.update(QRect(math.floor(self._layout.counter_x) - 1, 0, self.width(),
                          self.height()))  # a keystroke changes the counter only: that part is painted

    def text(self) -> str:
        return f"{self.name} · {self.counter}" if self.counter else self.name

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._layout = None
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        self._layout = None
        super().resizeEvent(event)

    def _laid_out(self) -> _TitleLayout:
        """What painting needs, worked out once while font, palette, size and name stay."""
        if self._layout is None:
            font = self.font()
            bold = QFont(font)
            bold.setBold(True)
            name, dot = QStaticText(self.name), QStaticText(" · ")
            for text, f in ((name, bold), (dot, font)):
                text.setTextFormat(Qt.TextFormat.PlainText)
                text.prepare(QTransform(), f)
            metrics, bold_metrics = QFontMetricsF(font), QFontMetricsF(bold)
            baseline = (self.height() - metrics.height()) / 2 + metrics.ascent()
            name_w = bold_metrics.horizontalAdvance(self.name)
            self._layout = _TitleLayout(bold, font, name, dot, name_w, name_w + dot.size().width(),
                                            baseline - bold_metrics.ascent(), baseline - metrics.ascent(), baseline,
                                            self.palette().windowText().color())
        return self._layout

    def paintEvent(self, event: QPaintEvent) -> None:
        """The name and the dot from their laid-out text; only the counter, which changes with every keystroke,
        is laid out here (three texts laid out on each of 14 cards cost 0.6 ms a keystroke)."""
        p = QPainter(self)
        t = self._laid_out()
        p.setPen(t.colour)
        if event.rect().left() < t.name_w:
            p.setFont(t.bold)
            p.drawStaticText(QPointF(0, t.name_top), t.name)
        if self.counter:
            p.setFont(t.font)
            p.drawStaticText(QPointF(t.name_w, t.dot_top), t.dot)
            p.setPen(QColor(OVER if self.over else MUTED))
            p.drawText(QPointF(t.counter_x, t.baseline), self.counter)
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

    def set_image(self, image: QImage, damage: QRect | None = None) -> None:
        """Show `image`; `damage`: the rows that changed when it is the shown picture, drawn into in place."""
        if image is self.image and damage is not None:
            self.update(damage)  # only those rows go to the screen
            return
        if image.cacheKey() == self.image.cacheKey():
            return  # the same picture (the preview did not change): nothing to paint
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


class ProblemList(QWidget):
    """The problems under a preview: a red ⛔ or an amber ⚠ in a column at the left, the message beside it in
    the same colour, wrapped to the card's width.

    Laid out with the previews' own paragraphs (cached, incremental while typing) instead of a rich-text label,
    whose layout costs about a millisecond per message; the marks are colour emoji, drawn once into an image
    (shaping one costs a PNG decode). Its height is fixed, so a new message asks the dock for a new layout only
    when the number of lines changes."""

    GAP = 3
    MARK = 20  # the marks' column

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFixedSize(PREVIEW_WIDTH, 0)
        self.setVisible(False)
        self.lines: list[tuple[bool, str]] = []  # (is an error, message)
        self._paragraphs: list = []
        self._marks: dict[tuple, QImage] = {}
        self._font = QFont()  # the widget's font in pixels (paragraphs are laid out in pixels), set with the lines

    def set_problems(self, problems: list[Problem]) -> None:
        from studio.preview.paragraph import paragraph

        lines = [(p.is_error, p.message) for p in problems]
        if lines == self.lines:
            return
        self.lines = lines
        self._font = QFont(self.font())
        if self._font.pixelSize() <= 0:
            self._font.setPixelSize(max(1, round(self._font.pointSizeF() * self.logicalDpiY() / 72)))
        self._paragraphs = [paragraph(text, self._font, PREVIEW_WIDTH - self.MARK) for _, text in lines]
        height = round(sum(max(p.height, self.MARK - 4) for p in self._paragraphs)
                       + self.GAP * max(0, len(lines) - 1)) + (2 if lines else 0)
        if height != self.height():
            self.setFixedHeight(height)
        self.setVisible(bool(lines))
        self.update()

    def text(self) -> str:
        return "\n".join(f"{'⛔' if error else '⚠'} {text}" for error, text in self.lines)

    def _mark(self, error: bool) -> QImage:
        ratio, size = self.devicePixelRatioF(), self._font.pixelSize()
        key = (error, self._font.key(), ratio)
        image = self._marks.get(key)
        if image is None:
            image = QImage(round(self.MARK * ratio), round((size * 1.5) * ratio),
                           QImage.Format.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(ratio)
            image.fill(0)
            p = QPainter(image)
            p.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
            p.setFont(self._font)
            p.setPen(QColor(OVER if error else WARN))
            p.drawText(QRectF(0, 0, self.MARK, size * 1.5), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                       "⛔" if error else "⚠")
            p.end()
            self._marks[key] = image
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        y = 1.0
        for (error, _), para in zip(self.lines, self._paragraphs, strict=True):
            p.drawImage(QPointF(0, round(y)), self._mark(error))
            p.setPen(QColor(OVER if error else WARN))
            para.draw(p, self.MARK, round(y))
            y += max(para.height, self.MARK - 4) + self.GAP
        p.end()


class PreviewCard(QWidget):
    def __init__(self, target: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"preview-{target}")
        self.target = target
        self.expanded = False
        self.shown: PreviewInput | None = None  # what the picture shows
        self.pending: PreviewInput | None = None  # what to draw when the card is next painted
        self.drawn_key: tuple | None = None  # the key of what it shows, or of what is pending when something is
        self.count: int | None = None  # the counter shown
        self.limit: int | None = None
        self.cell: tuple[int, int] | None = None
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 8)
        self.title = TitleBar()
        self.image = Picture()
        self.image.setToolTip(self.tr("Click to expand or collapse the text"))
        self.problems = ProblemList()
        for w in (self.title, self.image, self.problems):
            box.addWidget(w)
        box.addStretch(1)

    def set_info(self, name: str, count: int | None, limit: int | None, problems: list[Problem]) -> None:
        """The title's counter and the problems under the preview (each set only when it changed)."""
        self.count, self.limit = count, limit
        shown = count is not None and limit
        self.title.set_text(name, f"{count} / {limit}" if shown else "", bool(shown and count > limit))
        self.problems.set_problems(problems)

    def show_image(self, inp: PreviewInput, image: QImage, damage: QRect | None = None) -> None:
        self.shown, self.pending = inp, None
        self.image.set_image(image, damage)

