"""Choose a photo's focal point: click the part that must stay in view when a network crops the thumbnail
(Mastodon shows 16:9 crops around it). The frame drawn over the photo is that 16:9 crop."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from studio.render.imageio import ImageError, decode, downscaled
from studio.render.qt import pil_to_qimage

SIDE = 480
CROP_ASPECT = 16 / 9


class _Picture(QWidget):
    def __init__(self, image: QImage, focus: tuple[float, float], parent: QWidget | None = None):
        super().__init__(parent)
        self.image, self.focus = image, focus
        self.setFixedSize(image.size())
        self.setCursor(Qt.CursorShape.CrossCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._set(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._set(event.position())

    def _set(self, pos: QPointF) -> None:
        w, h = max(1, self.width()), max(1, self.height())
        self.focus = (round(min(1.0, max(0.0, pos.x() / w)), 3), round(min(1.0, max(0.0, pos.y() / h)), 3))
        self.update()

    def crop(self) -> QRectF:
        """The 16:9 crop around the focus, kept inside the photo."""
        w, h = self.width(), self.height()
        cw, ch = (w, w / CROP_ASPECT) if w / h < CROP_ASPECT else (h * CROP_ASPECT, h)
        x = min(max(0.0, self.focus[0] * w - cw / 2), w - cw)
        y = min(max(0.0, self.focus[1] * h - ch / 2), h - ch)
        return QRectF(x, y, cw, ch)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.drawImage(0, 0, self.image)
        crop = self.crop()
        shade = QColor(0, 0, 0, 110)
        p.fillRect(QRectF(0, 0, self.width(), crop.top()), shade)
        p.fillRect(QRectF(0, crop.bottom(), self.width(), self.height() - crop.bottom()), shade)
        p.fillRect(QRectF(0, crop.top(), crop.left(), crop.height()), shade)
        p.fillRect(QRectF(crop.right(), crop.top(), self.width() - crop.right(), crop.height()), shade)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        cx, cy = self.focus[0] * self.width(), self.focus[1] * self.height()
        for colour, width in ((QColor(0, 0, 0, 160), 4), (QColor("white"), 2)):
            p.setPen(QPen(colour, width))
            p.drawEllipse(QPointF(cx, cy), 12, 12)
            p.drawLine(QPointF(cx - 20, cy), QPointF(cx + 20, cy))
            p.drawLine(QPointF(cx, cy - 20), QPointF(cx, cy + 20))
        p.end()


class FocusDialog(QDialog):
    def __init__(self, data: bytes, focus: tuple[float, float], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("focusDialog")
        self.setWindowTitle(self.tr("Focal point"))
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Click what must stay in view. The bright frame is what a 16:9 thumbnail shows."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        try:
            image = pil_to_qimage(downscaled(decode(data), SIDE))
        except (ImageError, ValueError):
            image = QImage(SIDE, SIDE * 9 // 16, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(QColor("#8a8f98"))
        self.picture = _Picture(image, focus)
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.Reset)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Reset).setText(self.tr("Centre"))
        buttons.button(QDialogButtonBox.StandardButton.Reset).clicked.connect(self._centre)
        layout.addWidget(buttons)

    def _centre(self) -> None:
        self.picture.focus = (0.5, 0.5)
        self.picture.update()

    @property
    def focus(self) -> tuple[float, float]:
        return self.picture.focus
