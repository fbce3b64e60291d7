"""Text layers: layout with Qt (shaping, bidi, font fallback, wrapping), then stroke, fill, box, shadow.

Layout is a QTextDocument (it wraps inside the box, handles mixed-direction paragraphs and falls back
per character through the font's family list). Drawing goes through the laid-out glyph runs: the outline
glyphs are turned into one path for the stroke, and every run (colour emoji included) is filled with
drawGlyphRun on top, so the stroke sits outside the letters as creators expect.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGlyphRun,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QRawFont,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from studio.core.colors import parse
from studio.core.design import TextLayer
from studio.render.fonts import make_font
from studio.render.shadow import drop_shadow

_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
    "justify": Qt.AlignmentFlag.AlignJustify,
}


def qcolor(color: str) -> QColor:
    r, g, b, a = parse(color)
    return QColor(r, g, b, a)


@dataclass
class TextLayout:
    doc: QTextDocument
    font_size: float  # the size used after auto-fit, in design pixels
    rect: QRectF  # where the text block sits, in layer pixels (scaled), relative to the box's top-left
    overflow: bool  # the text is taller than its box
    words_whole: bool = False  # laid out without breaking words (see make_document)


def make_document(layer: TextLayer, size: float, width: float, words_whole: bool = False) -> QTextDocument:
    """Lay the layer's text out at `size` in a box `width` wide. Words longer than the width break
    anywhere, unless words_whole (auto-fit then shrinks the type until every word fits)."""
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    doc.setDocumentMargin(0)
    doc.setDefaultFont(make_font(layer.font_family, size, layer.weight, layer.italic, layer.letter_spacing
                                 * size / max(layer.font_size, 1e-6)))
    option = QTextOption(_ALIGN.get(layer.align, Qt.AlignmentFlag.AlignLeft))
    option.setWrapMode(QTextOption.WrapMode.WordWrap if words_whole else
                       QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    doc.setPlainText(layer.text)
    if abs(layer.line_height - 1.0) > 1e-3:
        cursor = QTextCursor(doc)
        cursor.select(QTextCursor.SelectionType.Document)
        fmt = QTextBlockFormat()
        fmt.setLineHeight(max(10.0, layer.line_height * 100), 1)  # 1 = ProportionalHeight
        cursor.mergeBlockFormat(fmt)
    doc.setTextWidth(max(1.0, width))
    return doc


def _fits(doc: QTextDocument, width: float, height: float) -> bool:
    return doc.size().height() <= height + 0.5 and doc.idealWidth() <= width + 0.5


def layout(layer: TextLayer, scale: float = 1.0) -> TextLayout:
    pad = layer.box.padding if layer.box.enabled else 0.0
    inner_w = max(1.0, (layer.w - 2 * pad) * scale)
    inner_h = max(1.0, (layer.h - 2 * pad) * scale)
    size = layer.font_size
    whole = layer.auto_fit  # auto-fit never splits a word: with whole words, idealWidth shows one too wide
    doc = make_document(layer, size * scale, inner_w, whole)
    if layer.auto_fit and not _fits(doc, inner_w, inner_h):
        lo, hi = 4.0, size  # binary search of the largest size that fits, to 0.5 px
        best = None
        while hi - lo > 0.5:
            mid = (lo + hi) / 2
            trial = make_document(layer, mid * scale, inner_w, whole)
            if _fits(trial, inner_w, inner_h):
                lo, best = mid, trial
            else:
                hi = mid
        size = lo
        # nothing fits even at the smallest size: break words after all rather than spill out of the box
        doc = best or make_document(layer, lo * scale, inner_w, words_whole=False)
    text_h = doc.size().height()
    top = pad * scale
    if layer.valign == "middle":
        top += (inner_h - text_h) / 2
    elif layer.valign == "bottom":
        top += inner_h - text_h
    rect = QRectF(pad * scale, top, inner_w, text_h)
    words_whole = doc.defaultTextOption().wrapMode() == QTextOption.WrapMode.WordWrap
    return TextLayout(doc, size, rect, text_h > inner_h + 0.5, words_whole)


def glyph_runs(doc: QTextDocument) -> list[tuple[QPointF, QGlyphRun]]:
    runs = []
    block = doc.begin()
    while block.isValid():
        lay = block.layout()
        origin = lay.position()
        for i in range(lay.lineCount()):  # QTextLayout.glyphRuns() without arguments returns nothing in PySide6
            for run in lay.lineAt(i).glyphRuns():
                runs.append((origin, run))
        block = block.next()
    return runs


def missing_glyphs(layer: TextLayer) -> int:
    """How many glyphs of this layer no installed font can draw (they would show as boxes)."""
    tl = layout(layer, 1.0)
    return sum(1 for _, run in glyph_runs(tl.doc) for g in run.glyphIndexes() if g == 0)


_color_fonts: dict[str, bool] = {}


def is_color_font(raw: QRawFont) -> bool:
    key = f"{raw.familyName()}/{raw.styleName()}"
    if key not in _color_fonts:
        _color_fonts[key] = any(len(raw.fontTable(t)) > 0 for t in ("CBDT", "sbix", "COLR"))
    return _color_fonts[key]


def _outline(runs: list[tuple[QPointF, QGlyphRun]], offset: QPointF) -> list[QPainterPath]:
    """The outline of every glyph that has one, in place. Stroking glyph by glyph is several times faster
    than stroking one path of the whole text (Qt's rasterizer slows down on huge multi-part paths)."""
    paths = []
    for origin, run in runs:
        raw = run.rawFont()
        if is_color_font(raw):
            continue  # bitmap emoji have no outline (and asking for one breaks their drawing in Qt 6.10)
        for glyph, pos in zip(run.glyphIndexes(), run.positions(), strict=False):
            glyph_path = raw.pathForGlyph(glyph)
            if not glyph_path.isEmpty():
                paths.append(glyph_path.translated(origin + pos + offset))
    return paths


def render_text(layer: TextLayer, scale: float = 1.0) -> tuple[QImage, float, float]:
    """Draw the layer; returns (image, ox, oy): the image's top-left relative to the box's top-left."""
    tl = layout(layer, scale)
    stroke = layer.stroke.width * scale if layer.stroke.width > 0 else 0.0
    box_w, box_h = layer.w * scale, layer.h * scale
    left = min(0.0, tl.rect.left()) - stroke
    top = min(0.0, tl.rect.top()) - stroke
    right = max(box_w, tl.rect.left() + max(tl.doc.idealWidth(), tl.rect.width())) + stroke
    bottom = max(box_h, tl.rect.bottom()) + stroke
    margin = 2.0  # antialiasing and italic overhang
    left, top, right, bottom = left - margin, top - margin, right + margin, bottom + margin
    ox, oy = float(math.floor(left)), float(math.floor(top))
    width, height = max(1, math.ceil(right - ox)), max(1, math.ceil(bottom - oy))

    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    p = QPainter(image)
    p.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    p.translate(-ox, -oy)
    if layer.box.enabled:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(qcolor(layer.box.color)))
        r = layer.box.radius * scale
        p.drawRoundedRect(QRectF(0, 0, box_w, box_h), r, r)
    runs = glyph_runs(tl.doc)
    offset = tl.rect.topLeft()
    if stroke:
        pen = QPen(qcolor(layer.stroke.color), stroke * 2)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        for glyph_path in _outline(runs, offset):
            p.strokePath(glyph_path, pen)
    p.setPen(qcolor(layer.color))
    for origin, run in runs:
        p.drawGlyphRun(origin + offset, run)
    p.end()

    if layer.shadow.enabled:
        image, ox, oy = drop_shadow(image, ox, oy, layer.shadow.dx * scale, layer.shadow.dy * scale,
                                    layer.shadow.blur * scale, qcolor(layer.shadow.color))
    return image, ox, oy
