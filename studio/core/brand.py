"""The brand kit: the colours, fonts and logo that templates use. Stored in the library."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_BRAND_COLORS = 8
BRAND_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_COLORS = ["#ff5a36", "#1d1b4c", "#ffd166", "#111111", "#ffffff"]


@dataclass(kw_only=True)
class BrandKit:
    name: str = "My brand"
    colors: list[str] = field(default_factory=lambda: list(DEFAULT_COLORS))  # primary, secondary, accent, dark, light
    heading_font: str = "Bebas Neue"
    body_font: str = "Inter"
    logo: bytes | None = None  # PNG/SVG-free raster logo, or None

    def validate(self) -> None:
        if len(self.colors) > MAX_BRAND_COLORS:
            raise ValueError(f"a brand kit holds at most {MAX_BRAND_COLORS} colours, got {len(self.colors)}")
        for c in self.colors:
            if not isinstance(c, str) or not BRAND_COLOR_RE.match(c):
                raise ValueError(f"brand colour {c!r} is not #rrggbb")
        if not self.heading_font.strip() or not self.body_font.strip():
            raise ValueError("a brand kit needs a heading font and a body font")
        if self.logo is not None and not isinstance(self.logo, (bytes, bytearray)):
            raise ValueError("the logo must be image bytes or None")

    def color(self, index: int) -> str:
        """The brand colour at `index`, falling back to the defaults when the kit has fewer."""
        if index < len(self.colors):
            return self.colors[index]
        return DEFAULT_COLORS[index % len(DEFAULT_COLORS)]

    @property
    def primary(self) -> str:
        return self.color(0)

    @property
    def secondary(self) -> str:
        return self.color(1)

    @property
    def accent(self) -> str:
        return self.color(2)

    @property
    def dark(self) -> str:
        return self.color(3)

    @property
    def light(self) -> str:
        return self.color(4)
