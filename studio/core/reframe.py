"""Keep a design sensible when its format changes (square -> story, and so on).

Rules: a layer that covers the whole canvas (a background photo or panel) keeps covering it; any
other layer keeps its relative position (its centre maps proportionally) and is scaled uniformly by
the smaller of the two axis factors, so nothing is distorted; then it is pulled back inside the canvas.
"""

from __future__ import annotations

from studio.core.design import Design, Layer, TextLayer

_FULL = 0.98  # a layer covering at least this share of both axes counts as full-bleed


def is_full_bleed(layer: Layer, width: int, height: int) -> bool:
    return (layer.rotation % 360 == 0 and layer.x <= width * (1 - _FULL) and layer.y <= height * (1 - _FULL)
            and layer.x + layer.w >= width * _FULL and layer.y + layer.h >= height * _FULL)


def reframe(design: Design, width: int, height: int) -> dict[str, dict[str, float]]:
    """Return {layer_id: {x, y, w, h[, font_size]}} for the design moved to width x height."""
    sx, sy = width / design.width, height / design.height
    s = min(sx, sy)
    out: dict[str, dict[str, float]] = {}
    for lay in design.layers:
        if is_full_bleed(lay, design.width, design.height):
            out[lay.id] = {"x": 0.0, "y": 0.0, "w": float(width), "h": float(height)}
            continue
        cx, cy = lay.center
        w, h = lay.w * s, lay.h * s
        nx, ny = cx * sx - w / 2, cy * sy - h / 2
        nx = min(max(nx, 0.0), max(0.0, width - w)) if w <= width else (width - w) / 2
        ny = min(max(ny, 0.0), max(0.0, height - h)) if h <= height else (height - h) / 2
        geo = {"x": nx, "y": ny, "w": w, "h": h}
        if isinstance(lay, TextLayer):
            geo["font_size"] = max(4.0, lay.font_size * s)
        out[lay.id] = geo
    return out
