"""The inspector: the design's format and background when nothing is selected, otherwise the selected
layers' properties (common placement, then text, image or shape sections)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.core.design import FORMATS, ImageLayer, Layer, ShapeLayer, TextLayer, format_for
from studio.core.document import Change
from studio.edit import ChangeFormat, SetDesign, SetLayers
from studio.edit.commands import get_path
from studio.render.fonts import available_families, has_family
from studio.render.text import missing_glyphs
from studio.ui.editor import fields as f
from studio.ui.editor.session import EditorSession

WEIGHTS = [(100, "Thin"), (300, "Light"), (400, "Regular"), (500, "Medium"), (600, "SemiBold"), (700, "Bold"),
           (800, "ExtraBold"), (900, "Black")]


class Inspector(QScrollArea):
    safe_zone_toggled = Signal(bool)
    replace_image_requested = Signal(str)  # layer id

    def __init__(self, session: EditorSession, brand_colors: Callable[[], list[str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("inspector")
        self.session = session
        self.brand_colors = brand_colors
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(320)
        body = QWidget()
        self.box = QVBoxLayout(body)
        self.setWidget(body)
        self.fields: dict[str, list[f.Field]] = {}
        self.labels: dict[str, str] = {}  # field path -> its label, to name the undo step
        self._build_design()
        self._build_common()
        self._build_text()
        self._build_image()
        self._build_shape()
        self.box.addStretch(1)
        session.changed.connect(self._on_change)
        session.selection_changed.connect(lambda _ids: self.refresh())
        self.refresh()

    # --- building ---------------------------------------------------------------------------
    def _group(self, key: str, title: str) -> QFormLayout:
        group = QGroupBox(title)
        group.setObjectName(f"group-{key}")
        form = QFormLayout(group)
        self.box.addWidget(group)
        setattr(self, f"group_{key}", group)
        self.fields[key] = []
        return form

    def _add(self, key: str, form: QFormLayout, label: str, field: f.Field) -> f.Field:
        form.addRow(label, field.widget)
        self.labels[field.path] = label or getattr(field.widget, "text", lambda: "")()
        self.fields[key].append(field)
        return field

    def _build_design(self) -> None:
        form = self._group("design", self.tr("Design"))
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("formatCombo")
        for fm in FORMATS:
            self.format_combo.addItem(self.tr(fm.label), f"{fm.width}x{fm.height}")
        self.format_combo.addItem(self.tr("Custom…"), None)
        self.format_combo.activated.connect(self._format_chosen)
        form.addRow(self.tr("Format"), self.format_combo)
        self.custom_w, self.custom_h = QSpinBox(), QSpinBox()
        for s in (self.custom_w, self.custom_h):
            s.setRange(16, 8192)
            s.setKeyboardTracking(False)
        apply = QPushButton(self.tr("Apply"))
        apply.clicked.connect(lambda: self._set_format(self.custom_w.value(), self.custom_h.value()))
        form.addRow(self.tr("Size"), f.row(self.custom_w, QLabel("×"), self.custom_h, apply))
        self.background = f.color("background", self._edit_design, self.brand_colors)
        form.addRow(self.tr("Background"), self.background.widget)
        self.safe_zone = QCheckBox(self.tr("Show safe zones (story / reel)"))
        self.safe_zone.toggled.connect(self.safe_zone_toggled.emit)
        form.addRow("", self.safe_zone)

    def _build_common(self) -> None:
        form = self._group("common", self.tr("Position"))
        e = self._edit_layers
        self._add("common", form, self.tr("X"), f.number("x", e, -20000, 20000, 1, 0, " px"))
        self._add("common", form, self.tr("Y"), f.number("y", e, -20000, 20000, 1, 0, " px"))
        self._add("common", form, self.tr("Width"), f.number("w", e, 1, 20000, 1, 0, " px"))
        self._add("common", form, self.tr("Height"), f.number("h", e, 1, 20000, 1, 0, " px"))
        self._add("common", form, self.tr("Rotation"), f.number("rotation", e, -360, 360, 1, 1, "°"))
        self._add("common", form, self.tr("Opacity"), f.number("opacity", e, 0, 100, 5, 0, " %", factor=100))

    def _build_text(self) -> None:
        form = self._group("text", self.tr("Text"))
        e = self._edit_layers
        self._add("text", form, self.tr("Text"), f.text_box("text", e))
        fonts = [(fam, fam) for fam in available_families()]
        self._add("text", form, self.tr("Font"), f.choice("font_family", e, fonts))
        self._add("text", form, self.tr("Size"), f.number("font_size", e, 4, 1000, 1, 0, " px"))
        self._add("text", form, self.tr("Weight"), f.choice("weight", e, [(v, self.tr(n)) for v, n in WEIGHTS]))
        self._add("text", form, "", f.check("italic", e, self.tr("Italic")))
        self._add("text", form, self.tr("Colour"), f.color("color", e, self.brand_colors))
        self._add("text", form, self.tr("Align"), f.choice("align", e, [
            ("left", self.tr("Left")), ("center", self.tr("Centre")), ("right", self.tr("Right")),
            ("justify", self.tr("Justify"))]))
        self._add("text", form, self.tr("Vertical"), f.choice("valign", e, [
            ("top", self.tr("Top")), ("middle", self.tr("Middle")), ("bottom", self.tr("Bottom"))]))
        self._add("text", form, self.tr("Line height"), f.number("line_height", e, 0.5, 4, 0.05, 2, "×"))
        self._add("text", form, self.tr("Letter spacing"), f.number("letter_spacing", e, -50, 200, 0.5, 1, " px"))
        self._add("text", form, "", f.check("auto_fit", e, self.tr("Shrink text to fit the box")))
        self._add("text", form, self.tr("Outline"), f.number("stroke.width", e, 0, 100, 1, 1, " px"))
        self._add("text", form, self.tr("Outline colour"), f.color("stroke.color", e, self.brand_colors))
        self._add("text", form, "", f.check("shadow.enabled", e, self.tr("Shadow")))
        self._add("text", form, self.tr("Shadow offset X"), f.number("shadow.dx", e, -200, 200, 1, 0, " px"))
        self._add("text", form, self.tr("Shadow offset Y"), f.number("shadow.dy", e, -200, 200, 1, 0, " px"))
        self._add("text", form, self.tr("Shadow blur"), f.number("shadow.blur", e, 0, 200, 1, 0, " px"))
        self._add("text", form, self.tr("Shadow colour"), f.color("shadow.color", e, self.brand_colors))
        self._add("text", form, "", f.check("box.enabled", e, self.tr("Background box")))
        self._add("text", form, self.tr("Box colour"), f.color("box.color", e, self.brand_colors))
        self._add("text", form, self.tr("Box padding"), f.number("box.padding", e, 0, 500, 1, 0, " px"))
        self._add("text", form, self.tr("Box corners"), f.number("box.radius", e, 0, 500, 1, 0, " px"))
        self.glyph_warning = QLabel()
        self.glyph_warning.setWordWrap(True)
        self.glyph_warning.setStyleSheet("color: #d9534f;")
        form.addRow(self.glyph_warning)

    def _build_image(self) -> None:
        form = self._group("image", self.tr("Image"))
        e = self._edit_layers
        replace = QPushButton(self.tr("Replace image…"))
        replace.clicked.connect(self._replace_clicked)
        form.addRow(replace)
        self._add("image", form, self.tr("Fit"), f.choice("fit", e, [
            ("cover", self.tr("Fill the frame (crop)")), ("contain", self.tr("Show whole image"))]))
        self._add("image", form, self.tr("Zoom"), f.slider("zoom", e, 1, 5))
        self._add("image", form, self.tr("Crop left/right"), f.slider("focus_x", e, 0, 1))
        self._add("image", form, self.tr("Crop up/down"), f.slider("focus_y", e, 0, 1))
        self._add("image", form, "", f.check("flip_h", e, self.tr("Flip horizontally")))
        self._add("image", form, "", f.check("flip_v", e, self.tr("Flip vertically")))
        turn = QPushButton(self.tr("Rotate 90°"))
        turn.clicked.connect(self._turn)
        form.addRow(turn)
        self._add("image", form, self.tr("Brightness"), f.slider("brightness", e, -1, 1))
        self._add("image", form, self.tr("Contrast"), f.slider("contrast", e, -1, 1))
        self._add("image", form, self.tr("Saturation"), f.slider("saturation", e, -1, 1))
        self._add("image", form, self.tr("Blur"), f.slider("blur", e, 0, 40, scale=1))
        self._add("image", form, self.tr("Corners"), f.number("corner_radius", e, 0, 2000, 1, 0, " px"))
        self.image_error = QLabel()
        self.image_error.setWordWrap(True)
        self.image_error.setStyleSheet("color: #d9534f;")
        form.addRow(self.image_error)

    def _build_shape(self) -> None:
        form = self._group("shape", self.tr("Shape"))
        e = self._edit_layers
        self._add("shape", form, self.tr("Shape"), f.choice("shape", e, [
            ("rect", self.tr("Rectangle")), ("ellipse", self.tr("Ellipse")), ("line", self.tr("Line"))]))
        self._add("shape", form, self.tr("Fill"), f.color("fill", e, self.brand_colors))
        self._add("shape", form, self.tr("Outline"), f.number("stroke.width", e, 0, 200, 1, 1, " px"))
        self._add("shape", form, self.tr("Outline colour"), f.color("stroke.color", e, self.brand_colors))
        self._add("shape", form, self.tr("Corners"), f.number("corner_radius", e, 0, 2000, 1, 0, " px"))

    # --- edits ------------------------------------------------------------------------------
    def _edit_layers(self, path: str, value: Any) -> None:
        changes = {}
        for lay in self.session.selected_layers():
            try:
                current = get_path(lay, path)
            except AttributeError:
                continue
            if current != value:
                changes[lay.id] = {path: value}
        if changes:
            name = self.labels.get(path) or path.replace("_", " ")
            self.session.push(SetLayers(self.session.doc, changes, self.tr("Change %s") % name,
                                        merge_key=f"inspector-{path}"))

    def _edit_design(self, path: str, value: Any) -> None:
        self.session.push(SetDesign(self.session.doc, {path: value}, self.tr("Background"),
                                    merge_key=f"design-{path}"))

    def _format_chosen(self, index: int) -> None:
        size = self.format_combo.itemData(index)
        if size is not None:
            w, h = (int(v) for v in size.split("x"))
            self._set_format(w, h)

    def _set_format(self, w: int, h: int) -> None:
        design = self.session.design
        if (w, h) != (design.width, design.height):
            self.session.push(ChangeFormat(self.session.doc, w, h))

    def _turn(self) -> None:
        changes = {lay.id: {"turns": (lay.turns + 1) % 4} for lay in self.session.selected_layers()
                   if isinstance(lay, ImageLayer)}
        if changes:
            self.session.push(SetLayers(self.session.doc, changes, self.tr("Rotate image")))

    def _replace_clicked(self) -> None:
        for lay in self.session.selected_layers():
            if isinstance(lay, ImageLayer):
                self.replace_image_requested.emit(lay.id)
                return

    # --- model -> widgets -------------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        if change.kind != "post":
            self.refresh()

    def refresh(self) -> None:
        layers = self.session.selected_layers()
        design = self.session.design
        kinds = {type(lay) for lay in layers}
        self.group_design.setVisible(not layers)
        self.group_common.setVisible(bool(layers))
        self.group_text.setVisible(kinds == {TextLayer})
        self.group_image.setVisible(kinds == {ImageLayer})
        self.group_shape.setVisible(kinds == {ShapeLayer})
        if not layers:
            fm = format_for(design.width, design.height)
            idx = self.format_combo.findData(f"{fm.width}x{fm.height}") if fm else self.format_combo.count() - 1
            self.format_combo.setCurrentIndex(idx)
            for s, v in ((self.custom_w, design.width), (self.custom_h, design.height)):
                s.blockSignals(True)
                s.setValue(v)
                s.blockSignals(False)
            self.background.show(design.background)
            return
        first: Layer = layers[0]
        for key in ("common", "text", "image", "shape"):
            for field in self.fields[key]:
                try:
                    field.show(get_path(first, field.path))
                except AttributeError:
                    pass
                field.widget.setEnabled(not first.locked)
        if isinstance(first, TextLayer):
            missing = missing_glyphs(first) if first.text else 0
            warnings = []
            if not has_family(first.font_family):
                warnings.append(self.tr("The font “%s” is not installed on this computer; a similar font is "
                                        "shown instead. Install it or choose another.") % first.font_family)
            if missing:
                warnings.append(self.tr("%n character(s) cannot be shown with any installed font.", "", missing))
            self.glyph_warning.setText("\n".join(warnings))
        if isinstance(first, ImageLayer):
            self.image_error.setText(self.session.renderer.errors.get(first.asset, ""))
