"""Building blocks for the template gallery (studio.core.templates): the layout frame of a canvas, colour
contrast helpers and small factories for the layers templates are made of.

Pure data, no Qt and no Pillow: a template only decides where things go. Text is never measured here; a
text box that might be too small for its text uses auto_fit, so the renderer shrinks the text to fit.
"""

from __future__ import annotations

from dataclasses import dataclass

from studio.core.brand import BrandKit
from studio.core.colors import fmt, parse
from studio.core.design import FORMATS, Box, ImageLayer, Shadow, ShapeLayer, Stroke, TextLayer, format_for
from studio.core.document import asset_key

MARGIN = 0.06  # of the shorter side
_STORY_SAFE = next(f.safe_zone for f in FORMATS if f.key == "story")


@dataclass(frozen=True)
class Frame:
    """Where content may go on a w x h canvas: inside margins, and inside a story's safe zone (the bands
    at the top and bottom that the network's own buttons cover)."""

    w: int
    h: int
    m: float
    left: float
    top: float
    right: float
    bottom: float

    @property
    def s(self) -> float:
        return min(self.w, self.h)

    @property
    def inner_w(self) -> float:
        return self.right - self.left

    @property
    def inner_h(self) -> float:
        return self.bottom - self.top

    @property
    def aspect(self) -> float:
        return self.w / self.h

    @property
    def cx(self) -> float:
        return self.w / 2


def frame(w: int, h: int) -> Frame:
    m = MARGIN * min(w, h)
    f = format_for(w, h)
    safe = f.safe_zone if f is not None else (_STORY_SAFE if h / w >= 1.7 else None)
    top, bottom = m, h - m
    if safe is not None:
        top, bottom = max(m, safe[0] * h), h - max(m, safe[1] * h)
    return Frame(w, h, m, m, top, w - m, bottom)


# --- colours ---------------------------------------------------------------------------------------


def rgb(color: str) -> str:
    """The colour without its alpha."""
    r, g, b, _ = parse(color)
    return fmt(r, g, b)


def alpha(color: str, opacity: float) -> str:
    r, g, b, _ = parse(color)
    return fmt(r, g, b, max(0, min(255, round(opacity * 255))))


def mix(a: str, b: str, t: float) -> str:
    """The opaque colour t of the way from a to b."""
    ca, cb = parse(a), parse(b)
    return fmt(*(round(ca[i] + (cb[i] - ca[i]) * t) for i in range(3)))


def luminance(color: str) -> float:
    def lin(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b, _ = parse(color)
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def contrast(a: str, b: str) -> float:
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def ink(background: str, kit: BrandKit, large: bool = False) -> str:
    """A text colour readable on `background`: the kit's light or dark colour, whichever contrasts more
    (plain white or near-black if neither of the kit's reaches 3:1). For large display text the light colour
    wins whenever it reaches 3:1 (WCAG's level for large text): white on a saturated brand colour pops."""
    if large and contrast(rgb(kit.light), background) >= 3.0 and luminance(rgb(kit.light)) > luminance(background):
        return rgb(kit.light)
    best = max((rgb(kit.light), rgb(kit.dark)), key=lambda c: contrast(c, background))
    if contrast(best, background) >= 3.0:
        return best
    return max(("#ffffff", "#111111"), key=lambda c: contrast(c, background))


def pick(candidates: list[str], background: str, minimum: float = 3.0) -> str:
    """The first candidate that reads on `background` at `minimum` contrast, else the most contrasting."""
    for c in candidates:
        if contrast(rgb(c), background) >= minimum:
            return rgb(c)
    return max((rgb(c) for c in candidates), key=lambda c: contrast(c, background))


# --- text size estimates ----------------------------------------------------------------------------
# Rough advance widths in em of a sans-serif like Inter; condensed display faces are ~0.62 of that. They
# err on the wide side: an estimate only ever makes text a little smaller than it could be.
_CONDENSED = ("bebas", "oswald", "condensed", "anton", "narrow", "compressed", "league gothic")


def _char_em(ch: str) -> float:
    if ch == " ":
        return 0.28
    if ch in ".,:;·'’!|":
        return 0.32
    if ch in "%@":
        return 1.0
    if ch in "&#€$£":
        return 0.8
    if ch.isdigit():
        return 0.7
    if ch.isupper():
        return 0.95 if ch in "MW" else 0.76
    if ch.islower():
        return 0.9 if ch in "mw" else 0.6
    return 0.62


def text_width(value: str, size: float, family: str, letter_spacing: float = 0.0) -> float:
    """A generous estimate of a one-line text's width in pixels at `size`."""
    factor = 0.62 if any(k in family.lower() for k in _CONDENSED) else 1.0
    return sum(_char_em(c) for c in value) * size * factor + len(value) * letter_spacing


def unbroken_size(value: str, width: float, family: str, size: float, unit: str = "words",
                  letter_spacing: float = 0.0) -> float:
    """The largest font size up to `size` at which no word (unit="words") or no line (unit="lines") of
    `value` is wider than `width`: the renderer wraps anywhere when it must, and a headline broken inside a
    word, or a list line wrapped in two, looks wrong; shrinking the text is better."""
    pieces = value.split() if unit == "words" else value.splitlines()
    widest = max((text_width(p, 1.0, family, letter_spacing / max(size, 1e-6)) for p in pieces), default=0.0)
    if widest <= 0:
        return size
    return max(4.0, min(size, width / widest))


# --- layers -------------------------------------------------------------------------------------------


def text(name: str, value: str, x: float, y: float, w: float, h: float, *, family: str, size: float,
         color: str, weight: int = 400, align: str = "left", valign: str = "top", line_height: float = 1.15,
         letter_spacing: float = 0.0, italic: bool = False, shadow: Shadow | None = None,
         stroke: Stroke | None = None, box: Box | None = None, auto_fit: bool = True,
         unbroken: str = "auto") -> TextLayer:
    """A text layer. With auto_fit, `size` is the largest size; it is also capped so that no word
    (unbroken="words") or no line ("lines") has to wrap inside itself ("" for no cap). "auto" keeps the
    lines of a text that has line breaks (they were set on purpose) and the words of one that has none."""
    if unbroken == "auto":
        unbroken = "lines" if "\n" in value.strip() else "words"
    if auto_fit and unbroken:
        pad = box.padding if box is not None and box.enabled else 0.0
        scaled = unbroken_size(value, w - 2 * pad, family, size, unbroken, letter_spacing)
        letter_spacing *= scaled / size
        size = scaled
    return TextLayer(name=name, text=value, x=x, y=y, w=w, h=h, font_family=family, font_size=size, color=color,
                     weight=weight, align=align, valign=valign, line_height=line_height,
                     letter_spacing=letter_spacing, italic=italic, shadow=shadow or Shadow(),
                     stroke=stroke or Stroke(), box=box or Box(), auto_fit=auto_fit)


def pill(name: str, value: str, x: float, y: float, h: float, *, family: str, color: str, fill: str,
         weight: int = 700, spacing: float = 0.08, anchor: str = "left", max_w: float | None = None) -> TextLayer:
    """A one-line label on a rounded box that hugs it. `anchor` says whether x is its left edge, centre or
    right edge."""
    size = h * 0.46
    pad = h * 0.27
    w = text_width(value, size, family, size * spacing) + 2 * pad + h * 0.3
    if max_w is not None:
        w = min(w, max_w)
    if anchor == "center":
        x -= w / 2
    elif anchor == "right":
        x -= w
    return text(name, value, x, y, w, h, family=family, size=size, color=color, weight=weight, align="center",
                valign="middle", line_height=1.0, letter_spacing=size * spacing,
                box=Box(enabled=True, color=fill, padding=pad, radius=h / 2), unbroken="lines")


def soft_shadow(s: float, strength: float = 0.55) -> Shadow:
    return Shadow(enabled=True, dx=0.0, dy=0.004 * s, blur=0.02 * s, color=alpha("#000000", strength))


def hard_shadow(s: float, color: str) -> Shadow:
    return Shadow(enabled=True, dx=0.008 * s, dy=0.008 * s, blur=0.0, color=color)


def rect(name: str, x: float, y: float, w: float, h: float, fill: str, radius: float = 0.0,
         shape: str = "rect", stroke: Stroke | None = None, rotation: float = 0.0) -> ShapeLayer:
    return ShapeLayer(name=name, shape=shape, x=x, y=y, w=w, h=h, fill=fill, corner_radius=radius,
                      stroke=stroke or Stroke(), rotation=rotation)


def photo_layer(asset: str, x: float, y: float, w: float, h: float, name: str = "Photo", **kw: float) -> ImageLayer:
    return ImageLayer(name=name, asset=asset, role="photo", fit="cover", x=x, y=y, w=w, h=h, **kw)


def logo_asset(kit: BrandKit, logo: str | None) -> str | None:
    """The logo to show: the given asset key, else the kit's logo (its key; the caller adds the bytes to the
    document's assets with Document.add_asset(kit.logo), which gives the same key), else none."""
    if logo:
        return logo
    if kit.logo:
        return asset_key(kit.logo)
    return None


def logo_layer(asset: str, x: float, y: float, size: float) -> ImageLayer:
    return ImageLayer(name="Logo", asset=asset, role="logo", fit="contain", x=x, y=y, w=size, h=size)
