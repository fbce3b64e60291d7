"""Dialogs: export, brand kit, new post from a template."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from studio.core.brand import MAX_BRAND_COLORS, BrandKit
from studio.core.design import FORMATS
from studio.render.fonts import available_families
from studio.ui.editor.fields import ColorButton

EXPORT_FORMATS = [("jpeg", "JPEG (.jpg)", ".jpg"), ("png", "PNG (.png)", ".png"), ("webp", "WebP (.webp)", ".webp")]


class ExportDialog(QDialog):
    def __init__(self, suggested: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export image"))
        form = QFormLayout(self)
        self.format = QComboBox()
        for key, label, _ext in EXPORT_FORMATS:
            self.format.addItem(label, key)
        self.quality = QSlider(Qt.Orientation.Horizontal)
        self.quality.setRange(1, 100)
        self.quality.setValue(90)
        self.quality_label = QLabel("90")
        self.quality.valueChanged.connect(lambda v: self.quality_label.setText(str(v)))
        self.limit = QCheckBox(self.tr("Fit under"))
        self.limit_mb = QDoubleSpinBox()
        self.limit_mb.setRange(0.05, 100)
        self.limit_mb.setValue(1.0)
        self.limit_mb.setSuffix(" MB")
        self.limit_mb.setEnabled(False)
        self.limit.toggled.connect(self.limit_mb.setEnabled)
        self.path = QLineEdit(str(suggested))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        self.format.currentIndexChanged.connect(self._format_changed)
        row = QHBoxLayout()
        row.addWidget(self.quality)
        row.addWidget(self.quality_label)
        limit_row = QHBoxLayout()
        limit_row.addWidget(self.limit)
        limit_row.addWidget(self.limit_mb)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path)
        path_row.addWidget(browse)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Quality"), row)
        form.addRow(self.tr("File size"), limit_row)
        form.addRow(self.tr("Save as"), path_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _format_changed(self) -> None:
        ext = EXPORT_FORMATS[self.format.currentIndex()][2]
        self.path.setText(str(Path(self.path.text()).with_suffix(ext)))
        self.quality.setEnabled(self.fmt != "png")

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export image"), self.path.text(),
                                              self.tr("Images (*.jpg *.jpeg *.png *.webp)"))
        if name:
            self.path.setText(name)

    @property
    def fmt(self) -> str:
        return str(self.format.currentData())

    def max_bytes(self) -> int | None:
        return int(self.limit_mb.value() * 1_000_000) if self.limit.isChecked() else None


class BrandKitDialog(QDialog):
    def __init__(self, kit: BrandKit, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Brand kit"))
        self.logo = kit.logo
        form = QFormLayout(self)
        self.name = QLineEdit(kit.name)
        form.addRow(self.tr("Name"), self.name)
        self.colors: list[ColorButton] = []
        colors_row = QHBoxLayout()
        for c in kit.colors[:MAX_BRAND_COLORS]:
            self._add_color(colors_row, c)
        self.colors_row = colors_row
        add = QPushButton("+")
        add.setToolTip(self.tr("Add a colour"))
        add.clicked.connect(lambda: len(self.colors) < MAX_BRAND_COLORS and self._add_color(colors_row, "#888888"))
        colors_row.addWidget(add)
        form.addRow(self.tr("Colours"), colors_row)
        families = available_families()
        self.heading = QComboBox()
        self.body = QComboBox()
        for combo, value in ((self.heading, kit.heading_font), (self.body, kit.body_font)):
            combo.addItems(families)
            combo.setCurrentText(value)
            combo.setEditable(False)
        form.addRow(self.tr("Heading font"), self.heading)
        form.addRow(self.tr("Body font"), self.body)
        self.logo_label = QLabel()
        self.logo_label.setFixedSize(96, 96)
        self.logo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        choose = QPushButton(self.tr("Choose logo…"))
        choose.clicked.connect(self._choose_logo)
        clear = QPushButton(self.tr("Remove"))
        clear.clicked.connect(lambda: self._set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label)
        logo_row.addWidget(choose)
        logo_row.addWidget(clear)
        form.addRow(self.tr("Logo"), logo_row)
        self.error = QLabel()
        self.error.setStyleSheet("color: #d9534f;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._set_logo(kit.logo)

    def _add_color(self, row: QHBoxLayout, color: str) -> None:
        button = ColorButton()
        button.set_color(color)
        button.setText("")
        button.setFixedWidth(36)
        button.color_chosen.connect(lambda _c, b=button: b.setText(""))
        self.colors.append(button)
        row.insertWidget(len(self.colors) - 1, button)

    def _choose_logo(self) -> None:
        from studio.logic import StudioError, read_image_file

        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose logo"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff)"))
        if name:
            try:
                self._set_logo(read_image_file(Path(name)))
            except StudioError as e:
                self.error.setText(e.message)

    def _set_logo(self, data: bytes | None) -> None:
        self.logo = data
        if data:
            img = QImage.fromData(data)
            self.logo_label.setPixmap(QPixmap.fromImage(img).scaled(
                92, 92, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo_label.setPixmap(QPixmap())
            self.logo_label.setText(self.tr("none"))

    def kit(self) -> BrandKit:
        colors = []
        for b in self.colors:
            c = b.color()[:7]
            colors.append(c)
        return BrandKit(name=self.name.text().strip() or "My brand", colors=colors,
                        heading_font=self.heading.currentText(), body_font=self.body.currentText(), logo=self.logo)


class TemplateDialog(QDialog):
    """Pick a template (thumbnails are filled in as they are rendered) and a format."""

    def __init__(self, templates: list[tuple[str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New post from a template"))
        self.resize(760, 560)
        box = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("templateList")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(160, 160))
        self.list.setGridSize(QSize(190, 210))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setWordWrap(True)
        blank = QListWidgetItem(self.tr("Blank"))
        blank.setData(Qt.ItemDataRole.UserRole, None)
        self.list.addItem(blank)
        for key, name, description in templates:
            item = QListWidgetItem(self.tr(name))
            item.setToolTip(self.tr(description))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.list.addItem(item)
        self.list.setCurrentRow(1 if templates else 0)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        box.addWidget(self.list)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Format")))
        self.format = QComboBox()
        self.format.addItem(self.tr("Template's own"), None)
        for fm in FORMATS:
            self.format.addItem(self.tr(fm.label), fm.key)
        row.addWidget(self.format)
        row.addStretch(1)
        box.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def set_thumbnail(self, key: str, image: QImage) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                item.setIcon(QIcon(QPixmap.fromImage(image)))

    def template(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def size_key(self) -> str | None:
        return self.format.currentData()
