"""Qt plumbing for the renderer: a GUI application object (headless if needed) and QImage <-> Pillow."""

from __future__ import annotations

import os
import sys

from PIL import Image
from PySide6.QtGui import QGuiApplication, QImage


def ensure_gui_app() -> QGuiApplication:
    """QtGui needs an application object for fonts. Reuse the running one (the studio's), or create
    a headless one (the command line, tests)."""
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QGuiApplication(sys.argv[:1])
    from studio.render.fonts import register_fonts

    register_fonts()
    return app  # type: ignore[return-value]


def qimage_to_pil(img: QImage, mode: str = "RGBA") -> Image.Image:
    """QImage -> straight-alpha RGBA Pillow image, or RGB (alpha dropped) for an opaque image (copies)."""
    fmt = QImage.Format.Format_RGBA8888 if mode == "RGBA" else QImage.Format.Format_RGB888
    conv = img.convertToFormat(fmt)
    w, h = conv.width(), conv.height()
    data = bytes(conv.constBits())[: conv.bytesPerLine() * h]
    return Image.frombuffer(mode, (w, h), data, "raw", mode, conv.bytesPerLine(), 1)


def pil_to_qimage(img: Image.Image) -> QImage:
    """RGBA Pillow image -> premultiplied ARGB32 QImage (owns its pixels)."""
    if img.mode != "RGBA":
        img = img.convert("RGBA")
    data = img.tobytes("raw", "RGBA")
    q = QImage(data, img.width, img.height, img.width * 4, QImage.Format.Format_RGBA8888)
    return q.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
