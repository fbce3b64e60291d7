"""Pure geometry of the canvas gestures: handles, resizing a rotated box, snapping. No widgets."""

from __future__ import annotations

import math
from dataclasses import dataclass

HANDLES = ("nw", "n", "ne", "e", "se", "s", "sw", "w")


def rotate(x: float, y: float, degrees: float) -> tuple[float, float]:
    a = math.radians(degrees)
    c, s = math.cos(a), math.sin(a)
    return x * c - y * s, x * s + y * c


def handle_local(handle: str, w: float, h: float) -> tuple[float, float]:
    """A handle's position relative to the box centre, unrotated."""
    hx = -w / 2 if "w" in handle else (w / 2 if "e" in handle else 0.0)
    hy = -h / 2 if "n" in handle else (h / 2 if "s" in handle else 0.0)
    return hx, hy


def resize_box(box: tuple[float, float, float, float], rotation: float, handle: str, px: float, py: float,
               keep_aspect: bool = False, min_size: float = 8.0) -> tuple[float, float, float, float]:
    """Drag `handle` of the (x, y, w, h) box, rotated by `rotation` degrees around its centre, to the
    scene point (px, py). The opposite handle stays where it is. Returns the new (x, y, w, h)."""
    x, y, w, h = box
    cx, cy = x + w / 2, y + h / 2
    lx, ly = rotate(px - cx, py - cy, -rotation)  # the pointer in the box's own frame
    left, top, right, bottom = -w / 2, -h / 2, w / 2, h / 2
    if "w" in handle:
        left = min(lx, right - min_size)
    if "e" in handle:
        right = max(lx, left + min_size)
    if "n" in handle:
        top = min(ly, bottom - min_size)
    if "s" in handle:
        bottom = max(ly, top + min_size)
    nw, nh = right - left, bottom - top
    if keep_aspect and len(handle) == 2 and w > 0 and h > 0:
        k = max(nw / w, nh / h)
        nw, nh = max(min_size, w * k), max(min_size, h * k)
        left = right - nw if "w" in handle else left
        right = left + nw
        top = bottom - nh if "n" in handle else top
        bottom = top + nh
    # the new centre in the box frame, back to the scene
    mx, my = rotate((left + right) / 2, (top + bottom) / 2, rotation)
    ncx, ncy = cx + mx, cy + my
    return ncx - nw / 2, ncy - nh / 2, nw, nh


def angle_to(cx: float, cy: float, px: float, py: float, snap: bool = False) -> float:
    """Rotation (degrees, clockwise, 0 = handle straight above the centre) pointing at (px, py)."""
    a = math.degrees(math.atan2(px - cx, -(py - cy)))
    if snap:
        a = round(a / 15) * 15
    return a % 360


def bounds(boxes: list[tuple[float, float, float, float, float]]) -> tuple[float, float, float, float]:
    """Axis-aligned bounds (left, top, right, bottom) of rotated boxes (x, y, w, h, rotation)."""
    xs, ys = [], []
    for x, y, w, h, r in boxes:
        cx, cy = x + w / 2, y + h / 2
        for hx, hy in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)):
            dx, dy = rotate(hx, hy, r)
            xs.append(cx + dx)
            ys.append(cy + dy)
    return min(xs), min(ys), max(xs), max(ys)


@dataclass
class Snap:
    dx: float = 0.0
    dy: float = 0.0
    guides_x: tuple[float, ...] = ()  # vertical guide lines at these x
    guides_y: tuple[float, ...] = ()


def snap(moving: tuple[float, float, float, float], targets_x: list[float], targets_y: list[float],
         threshold: float) -> Snap:
    """Offset that brings the moving bounds' left/centre/right (top/middle/bottom) onto the nearest
    target line within `threshold`, and the guide lines to show."""
    left, top, right, bottom = moving
    result = Snap()
    for axis, edges, targets in (("x", (left, (left + right) / 2, right), targets_x),
                                 ("y", (top, (top + bottom) / 2, bottom), targets_y)):
        best: tuple[float, float] | None = None
        for e in edges:
            for t in targets:
                d = t - e
                if abs(d) <= threshold and (best is None or abs(d) < abs(best[0])):
                    best = (d, t)
        if best is not None:
            d = best[0]
            lines = tuple(sorted({t for e in edges for t in targets if abs(t - (e + d)) < 0.5}))
            if axis == "x":
                result.dx, result.guides_x = d, lines
            else:
                result.dy, result.guides_y = d, lines
    return result
