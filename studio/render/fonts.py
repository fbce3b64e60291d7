"""Bundled fonts and font fallback.

Every text layer's font gets a fallback list (QFont.setFamilies), so a character the chosen family lacks
is drawn from Noto Sans (Latin, Greek, Cyrillic), Noto Sans Arabic/Hebrew, the system's CJK fonts or
Noto Color Emoji, instead of an empty box.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

FALLBACK_FAMILIES = [
    "Noto Sans",
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Sans CJK KR",
    "Microsoft YaHei",  # Windows
    "PingFang SC",  # macOS
    "Noto Color Emoji",
    "Apple Color Emoji",
    "Segoe UI Emoji",
]

BUNDLED_FAMILIES = ["Inter", "Bebas Neue", "League Spartan", "Noto Sans"]


@cache
def register_fonts() -> tuple[str, ...]:
    """Load the bundled fonts into Qt (once). Returns the families that loaded."""
    families: set[str] = set()
    for path in sorted(FONTS_DIR.rglob("*")):
        if path.suffix.lower() in (".ttf", ".otf", ".ttc"):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families.update(QFontDatabase.applicationFontFamilies(font_id))
    return tuple(sorted(families))


def available_families() -> list[str]:
    """Families a user can choose: bundled ones first, then the system's."""
    register_fonts()
    system = [f for f in QFontDatabase.families() if not QFontDatabase.isPrivateFamily(f)]
    bundled = [f for f in BUNDLED_FAMILIES if f in system]
    return bundled + [f for f in system if f not in bundled]


@cache
def _families() -> frozenset[str]:
    register_fonts()
    return frozenset(QFontDatabase.families())


def has_family(family: str) -> bool:
    return family in _families()


def make_font(family: str, pixel_size: float, weight: int = 400, italic: bool = False,
              letter_spacing: float = 0.0) -> QFont:
    font = QFont()
    font.setFamilies([family, *FALLBACK_FAMILIES])
    font.setPixelSize(max(1, round(pixel_size)))
    font.setWeight(QFont.Weight(max(100, min(900, int(weight)))))
    font.setItalic(italic)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    if letter_spacing:
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, letter_spacing)
    return font
