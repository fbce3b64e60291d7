"""An image design: a canvas size, a background and a stack of layers (bottom first).

Geometry is in design pixels. A layer's box is (x, y, w, h) before rotation; rotation turns the box
clockwise around its centre. Everything here is plain data: rendering lives in studio.render.
"""

from __future__ import annotations

import dataclasses
import math
import uuid
from dataclasses import dataclass, field
from typing import Any, ClassVar

from studio.core.colors import normalize


def new_id() -> str:
    return uuid.uuid4().hex[:12]


@dataclass(kw_only=True)
class Stroke:
    width: float = 0.0
    color: str = "#000000"


@dataclass(kw_only=True)
class Shadow:
    enabled: bool = False
    dx: float = 0.0
    dy: float = 4.0
    blur: float = 8.0
    color: str = "#00000099"


@dataclass(kw_only=True)
class Box:
    enabled: bool = False
    color: str = "#000000aa"
    padding: float = 16.0
    radius: float = 8.0


@dataclass(kw_only=True)
class Layer:
    TYPE: ClassVar[str] = "layer"
    id: str = field(default_factory=new_id)
    name: str = ""
    x: float = 0.0
    y: float = 0.0
    w: float = 100.0
    h: float = 100.0
    rotation: float = 0.0
    opacity: float = 1.0
    visible: bool = True
    locked: bool = False

    @property
    def center(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2


@dataclass(kw_only=True)
class TextLayer(Layer):
    TYPE: ClassVar[str] = "text"
    text: str = ""
    font_family: str = "Inter"
    font_size: float = 64.0
    weight: int = 400  # 100..900 as in CSS
    italic: bool = False
    color: str = "#ffffff"
    align: str = "left"  # left | center | right | justify
    valign: str = "top"  # top | middle | bottom
    line_height: float = 1.2  # multiple of the font's line height
    letter_spacing: float = 0.0  # extra pixels between letters
    stroke: Stroke = field(default_factory=Stroke)
    shadow: Shadow = field(default_factory=Shadow)
    box: Box = field(default_factory=Box)
    auto_fit: bool = False  # shrink the font until the text fits the box


@dataclass(kw_only=True)
class ImageLayer(Layer):
    TYPE: ClassVar[str] = "image"
    asset: str = ""  # content hash of the image in the document's assets
    role: str = "photo"  # photo | logo
    fit: str = "cover"  # cover (fills the box, cropped) | contain (whole image inside the box)
    zoom: float = 1.0  # >= 1: zoom into the image inside its frame (cover)
    focus_x: float = 0.5  # 0..1: which part of the image stays in the frame when cropping
    focus_y: float = 0.5
    flip_h: bool = False
    flip_v: bool = False
    turns: int = 0  # quarter turns clockwise, 0..3
    brightness: float = 0.0  # -1..1
    contrast: float = 0.0  # -1..1
    saturation: float = 0.0  # -1..1
    blur: float = 0.0  # radius in design pixels
    corner_radius: float = 0.0


@dataclass(kw_only=True)
class ShapeLayer(Layer):
    TYPE: ClassVar[str] = "shape"
    shape: str = "rect"  # rect | ellipse | line
    fill: str = "#ff5a36"
    stroke: Stroke = field(default_factory=Stroke)
    corner_radius: float = 0.0


LAYER_TYPES: dict[str, type[Layer]] = {c.TYPE: c for c in (TextLayer, ImageLayer, ShapeLayer)}


@dataclass(frozen=True)
class Format:
    key: str
    width: int
    height: int
    label: str
    safe_zone: tuple[float, float] | None = None  # fraction of height covered at top, bottom


FORMATS: tuple[Format, ...] = (
    Format("square", 1080, 1080, "Square 1:1 (1080×1080)"),
    Format("portrait", 1080, 1350, "Portrait 4:5 (1080×1350)"),
    Format("story", 1080, 1920, "Story / Reel 9:16 (1080×1920)", safe_zone=(0.14, 0.20)),
    Format("link", 1200, 628, "Link card 1.91:1 (1200×628)"),
    Format("landscape", 1600, 900, "Landscape 16:9 (1600×900)"),
)

MAX_SIDE = 8192


def format_for(width: int, height: int) -> Format | None:
    for f in FORMATS:
        if (f.width, f.height) == (width, height):
            return f
    return None


def parse_size(text: str) -> tuple[int, int]:
    """'1080x1350' (or a preset key such as 'story') -> (1080, 1350)."""
    for f in FORMATS:
        if text == f.key:
            return f.width, f.height
    try:
        w_s, h_s = text.lower().replace("×", "x").split("x")
        w, h = int(w_s), int(h_s)
    except ValueError:
        raise ValueError(f"format {text!r} is not WIDTHxHEIGHT (e.g. 1080x1350) or a preset "
                         f"({', '.join(f.key for f in FORMATS)})") from None
    if not (16 <= w <= MAX_SIDE and 16 <= h <= MAX_SIDE):
        raise ValueError(f"format {w}x{h}: each side must be between 16 and {MAX_SIDE} pixels")
    return w, h


@dataclass(kw_only=True)
class Design:
    width: int = 1080
    height: int = 1350
    background: str = "#ffffff"
    layers: list[Layer] = field(default_factory=list)

    def layer(self, layer_id: str) -> Layer:
        for lay in self.layers:
            if lay.id == layer_id:
                return lay
        raise KeyError(layer_id)

    def index_of(self, layer_id: str) -> int:
        for i, lay in enumerate(self.layers):
            if lay.id == layer_id:
                return i
        raise KeyError(layer_id)

    def assets(self) -> set[str]:
        return {lay.asset for lay in self.layers if isinstance(lay, ImageLayer) and lay.asset}

    @property
    def has_content(self) -> bool:
        """At least one visible layer: a design without any is a blank canvas, not a picture to post."""
        return any(lay.visible for lay in self.layers)


# --- plain-data conversion -------------------------------------------------------------------

def to_data(obj: Any) -> Any:
    """Dataclass tree -> JSON-ready dict (layers carry their 'type')."""
    if isinstance(obj, Layer):
        return {"type": obj.TYPE, **{f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}}
    if dataclasses.is_dataclass(obj):
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list):
        return [to_data(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_data(v) for k, v in obj.items()}
    return obj


def _coerce(value: Any, default: Any, name: str) -> Any:
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ValueError(f"{name}: expected true/false, got {value!r}")
        return value
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"{name}: expected a number, got {value!r}")
        v = float(value)
        if v != v or v in (float("inf"), float("-inf")):
            raise ValueError(f"{name}: not a finite number")
        return v
    if isinstance(default, int):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"{name}: not a finite number")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or int(value) != value:
            raise ValueError(f"{name}: expected a whole number, got {value!r}")
        return int(value)
    if isinstance(default, str):
        if not isinstance(value, str):
            raise ValueError(f"{name}: expected text, got {value!r}")
        return value
    return value


def from_data(cls: type, data: Any, where: str = "") -> Any:
    """dict -> dataclass of `cls`, checking types; unknown keys are ignored (newer minor fields)."""
    if not isinstance(data, dict):
        raise ValueError(f"{where or cls.__name__}: expected an object")
    proto = cls()
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        default = getattr(proto, f.name)
        name = f"{where}.{f.name}" if where else f.name
        if dataclasses.is_dataclass(default):
            kwargs[f.name] = from_data(type(default), value, name)
        elif f.name == "layers":
            if not isinstance(value, list):
                raise ValueError(f"{name}: expected a list")
            kwargs[f.name] = [layer_from_data(v, f"{name}[{i}]") for i, v in enumerate(value)]
        else:
            kwargs[f.name] = _coerce(value, default, name)
    obj = cls(**kwargs)
    _validate(obj, where or cls.__name__)
    return obj


def layer_from_data(data: Any, where: str = "layer") -> Layer:
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected an object")
    kind = data.get("type")
    cls = LAYER_TYPES.get(kind)  # type: ignore[arg-type]
    if cls is None:
        raise ValueError(f"{where}: unknown layer type {kind!r}")
    return from_data(cls, data, where)


CHOICES: dict[str, tuple[str, ...]] = {
    "align": ("left", "center", "right", "justify"),
    "valign": ("top", "middle", "bottom"),
    "fit": ("cover", "contain"),
    "role": ("photo", "logo"),
    "shape": ("rect", "ellipse", "line"),
}
RANGES: dict[str, tuple[float, float]] = {
    "x": (-100_000, 100_000), "y": (-100_000, 100_000), "w": (0.5, 100_000), "h": (0.5, 100_000),
    "rotation": (-100_000, 100_000), "opacity": (0.0, 1.0), "font_size": (1.0, 5000.0), "weight": (1, 1000),
    "line_height": (0.1, 10.0), "letter_spacing": (-1000.0, 1000.0), "zoom": (1.0, 50.0), "focus_x": (0.0, 1.0),
    "focus_y": (0.0, 1.0), "turns": (0, 3), "brightness": (-1.0, 1.0), "contrast": (-1.0, 1.0),
    "saturation": (-1.0, 1.0), "blur": (0.0, 1000.0), "corner_radius": (0.0, 100_000.0), "width": (0.0, 100_000.0),
    "dx": (-100_000.0, 100_000.0), "dy": (-100_000.0, 100_000.0), "padding": (0.0, 100_000.0),
    "radius": (0.0, 100_000.0),
}


def _validate(obj: Any, where: str) -> None:
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if f.name in CHOICES and isinstance(value, str) and value not in CHOICES[f.name]:
            raise ValueError(f"{where}.{f.name}: {value!r} is not one of {', '.join(CHOICES[f.name])}")
        if f.name in RANGES and isinstance(value, (int, float)) and not isinstance(value, bool):
            lo, hi = RANGES[f.name]
            if not lo <= value <= hi:
                raise ValueError(f"{where}.{f.name}: {value} is outside {lo}..{hi}")
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if f.name in ("color", "fill", "background") and isinstance(value, str):
            try:
                normalize(value)
            except ValueError as e:
                raise ValueError(f"{where}.{f.name}: {e}") from None
    if isinstance(obj, Design):
        if not (16 <= obj.width <= MAX_SIDE and 16 <= obj.height <= MAX_SIDE):
            raise ValueError(f"{where}: size {obj.width}x{obj.height} out of range")
        ids = [lay.id for lay in obj.layers]
        if len(ids) != len(set(ids)):
            raise ValueError(f"{where}: two layers share an id")
