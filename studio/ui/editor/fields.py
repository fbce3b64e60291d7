"""Small editors bound to one property path of the selected layers (used by the inspector).

Each field shows the value of the first selected layer that has the property and, when the user
changes it, calls `on_edit(path, value)`; the inspector turns that into one undoable command (edits of
the same field in quick succession, such as a slider drag, merge into one undo step)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QWidget,
)

from studio.core.colors import fmt, parse


class ColorButton(QPushButton):
    """Shows a colour; click to choose one (with transparency). Brand colours are offered as custom colours."""

    color_chosen = Signal(str)

    def __init__(self, brand_colors: Callable[[], list[str]] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._color = "#000000"
        self._brand = brand_colors
        self.setMinimumWidth(64)
        self.clicked.connect(self._choose)

    def set_color(self, color: str) -> None:
        self._color = color
        r, g, b, a = parse(color)
        text_color = "#000000" if (r * 299 + g * 587 + b * 114) / 1000 > 140 or a < 100 else "#ffffff"
        self.setText(color.upper())
        self.setStyleSheet(f"QPushButton {{ background: rgba({r},{g},{b},{a}); color: {text_color}; "
                           "border: 1px solid #888; border-radius: 3px; padding: 3px 6px; }")

    def color(self) -> str:
        return self._color

    def _choose(self) -> None:
        if self._brand:
            for i, c in enumerate(self._brand()[:16]):
                QColorDialog.setCustomColor(i, QColor(c))
        r, g, b, a = parse(self._color)
        chosen = QColorDialog.getColor(QColor(r, g, b, a), self, self.tr("Choose a colour"),
                                       QColorDialog.ColorDialogOption.ShowAlphaChannel)
        if chosen.isValid():
            value = fmt(chosen.red(), chosen.green(), chosen.blue(), chosen.alpha())
            self.set_color(value)
            self.color_chosen.emit(value)


class Field:
    """Binds a widget to a property path."""

    def __init__(self, path: str, widget: QWidget, get: Callable[[], Any], set_: Callable[[Any], None]):
        self.path, self.widget, self._get, self._set = path, widget, get, set_

    def value(self) -> Any:
        return self._get()

    def show(self, value: Any) -> None:
        blockers = [QSignalBlocker(w) for w in [self.widget, *self.widget.findChildren(QWidget)]]
        self._set(value)
        del blockers


def number(path: str, on_edit: Callable[[str, Any], None], lo: float, hi: float, step: float = 1.0,
           decimals: int = 0, suffix: str = "", factor: float = 1.0) -> Field:
    """A spin box; `factor` converts model values to shown values (e.g. opacity 0..1 shown as %)."""
    w = QDoubleSpinBox()
    w.setRange(lo, hi)
    w.setSingleStep(step)
    w.setDecimals(decimals)
    w.setSuffix(suffix)
    w.setKeyboardTracking(False)
    w.setAccelerated(True)
    w.valueChanged.connect(lambda v: on_edit(path, v / factor))
    return Field(path, w, lambda: w.value() / factor, lambda v: w.setValue(float(v) * factor))


def slider(path: str, on_edit: Callable[[str, Any], None], lo: float, hi: float, scale: float = 100.0) -> Field:
    w = QSlider(Qt.Orientation.Horizontal)
    w.setRange(int(lo * scale), int(hi * scale))
    w.valueChanged.connect(lambda v: on_edit(path, v / scale))
    return Field(path, w, lambda: w.value() / scale, lambda v: w.setValue(round(float(v) * scale)))


def check(path: str, on_edit: Callable[[str, Any], None], label: str) -> Field:
    w = QCheckBox(label)
    w.toggled.connect(lambda v: on_edit(path, bool(v)))
    return Field(path, w, w.isChecked, lambda v: w.setChecked(bool(v)))


def choice(path: str, on_edit: Callable[[str, Any], None], options: list[tuple[Any, str]]) -> Field:
    w = QComboBox()
    w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    w.setMinimumContentsLength(8)
    for value, label in options:
        w.addItem(label, value)
    w.currentIndexChanged.connect(lambda i: on_edit(path, w.itemData(i)))

    def set_(v: Any) -> None:
        i = w.findData(v)
        if i < 0 and isinstance(v, str):
            w.addItem(v, v)  # a value we do not list (e.g. a font that is not installed): show it anyway
            i = w.count() - 1
        w.setCurrentIndex(i)

    return Field(path, w, lambda: w.currentData(), set_)


def color(path: str, on_edit: Callable[[str, Any], None], brand: Callable[[], list[str]] | None = None) -> Field:
    w = ColorButton(brand)
    w.color_chosen.connect(lambda c: on_edit(path, c))
    return Field(path, w, w.color, w.set_color)


def text_box(path: str, on_edit: Callable[[str, Any], None]) -> Field:
    w = QPlainTextEdit()
    w.setMaximumHeight(90)
    w.setTabChangesFocus(True)
    w.textChanged.connect(lambda: on_edit(path, w.toPlainText()))

    def set_(v: Any) -> None:
        if w.toPlainText() != v:
            cursor = w.textCursor()
            pos = cursor.position()
            w.setPlainText(str(v))
            cursor = w.textCursor()
            cursor.setPosition(min(pos, len(str(v))))
            w.setTextCursor(cursor)

    return Field(path, w, w.toPlainText, set_)


def row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    lay = QHBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        lay.addWidget(w)
    return box
