"""Light and dark themes (Fusion style with a palette), or the system's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("system", "light", "dark")
# what a status says, in every window: an error (red), a warning (amber), done (green)
ERROR_COLOR = "#d64545"
WARNING_COLOR = "#c98a00"
OK_COLOR = "#2e9d57"


def _dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d30"), QColor("#e6e6e6")
    for role, color in (
        (QPalette.ColorRole.Window, window), (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base), (QPalette.ColorRole.AlternateBase, window),
        (QPalette.ColorRole.ToolTipBase, window), (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.Text, text), (QPalette.ColorRole.Button, QColor("#3a3d41")),
        (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.BrightText, QColor("#ff6b6b")),
        (QPalette.ColorRole.Highlight, QColor("#2f80ed")), (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.Link, QColor("#6ea8ff")), (QPalette.ColorRole.PlaceholderText, QColor("#8a8d91")),
    ):
        p.setColor(role, color)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#77797d"))
    return p


def _light_palette() -> QPalette:
    return QApplication.style().standardPalette() if QApplication.instance() else QPalette()


def apply_theme(app: QApplication, theme: str) -> str:
    """Apply 'system', 'light' or 'dark'; returns the one in effect ('light' or 'dark')."""
    app.setStyle(QStyleFactory.create("Fusion"))
    effective = theme
    if theme == "system":
        scheme = QGuiApplication.styleHints().colorScheme()
        effective = "dark" if scheme == Qt.ColorScheme.Dark else "light"
    app.setPalette(_dark_palette() if effective == "dark" else app.style().standardPalette())
    return effective
