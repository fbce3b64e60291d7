"""Colours are stored as '#rrggbb' or '#rrggbbaa' strings; these helpers parse and format them."""

from __future__ import annotations

import re

_HEX = re.compile(r"^#([0-9a-fA-F]{6})([0-9a-fA-F]{2})?$")


def parse(color: str) -> tuple[int, int, int, int]:
    """Return (r, g, b, a) for '#rrggbb' or '#rrggbbaa'. Raises ValueError on anything else."""
    m = _HEX.match(color or "")
    if not m:
        raise ValueError(f"not a colour: {color!r} (expected #rrggbb or #rrggbbaa)")
    rgb = m.group(1)
    a = int(m.group(2), 16) if m.group(2) else 255
    return int(rgb[0:2], 16), int(rgb[2:4], 16), int(rgb[4:6], 16), a


def fmt(r: int, g: int, b: int, a: int = 255) -> str:
    base = f"#{r:02x}{g:02x}{b:02x}"
    return base if a == 255 else base + f"{a:02x}"


def normalize(color: str) -> str:
    return fmt(*parse(color))
