"""Typing on the canvas: an invisible-ink text editor over the rendered text layer.

The editor's document is laid out by the renderer's own `make_document` (same font, width, alignment,
line height), so its caret and selection sit exactly on the rendered glyphs; its own ink is transparent,
and every keystroke updates the layer, which re-renders with its stroke, shadow and box underneath.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QGraphicsTextItem

from studio.core.design import TextLayer
from studio.edit import SetLayers
from studio.render.text import layout, make_document
from studio.ui.editor.items import LayerItem
from studio.ui.editor.session import EditorSession


def _invisible_ink(doc: QTextDocument) -> None:
    """The editor's own glyphs are transparent: the rendered layer underneath shows the text."""
    cursor = QTextCursor(doc)
    cursor.select(QTextCursor.SelectionType.Document)
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(0, 0, 0, 0))
    cursor.mergeCharFormat(fmt)


class InlineTextEditor:
    def __init__(self, session: EditorSession, item: LayerItem):
        self.session = session
        self.item = item
        self.layer_id = item.layer_id
        self.text_item = QGraphicsTextItem(item)
        self.text_item.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.text_item.setDefaultTextColor(QColor(0, 0, 0, 0))
        self._applying = False
        self._signature: tuple | None = None

    @property
    def layer(self) -> TextLayer:
        lay = self.session.design.layer(self.layer_id)
        assert isinstance(lay, TextLayer)
        return lay

    def _configure(self) -> None:
        """Lay the editor's document out like the renderer does, keeping text and caret."""
        lay = self.layer
        tl = layout(lay, 1.0)
        cursor_pos = self.text_item.textCursor().position() if self.text_item.document() else 0
        signature = (tl.font_size, tl.rect.width(), lay.font_family, lay.weight, lay.italic, lay.align,
                     lay.line_height, lay.letter_spacing)
        if signature != self._signature:
            self._signature = signature
            doc = make_document(lay, tl.font_size, tl.rect.width(), tl.words_whole)
            doc.setUndoRedoEnabled(False)
            doc.setParent(self.text_item)
            _invisible_ink(doc)
            self._applying = True
            self.text_item.setDocument(doc)
            self.text_item.setTextWidth(tl.rect.width())
            self._applying = False
            doc.contentsChanged.connect(self._typed)
            c = self.text_item.textCursor()
            c.setPosition(min(cursor_pos, len(lay.text)))
            self.text_item.setTextCursor(c)
        self.text_item.setPos(QPointF(-lay.w / 2 + tl.rect.left(), -lay.h / 2 + tl.rect.top()))

    def begin(self, at: QPointF | None = None) -> None:
        self._configure()
        self.text_item.setFocus(Qt.FocusReason.MouseFocusReason)
        cursor = self.text_item.textCursor()
        if at is not None:
            local = self.text_item.mapFromScene(at)
            pos = self.text_item.document().documentLayout().hitTest(local, Qt.HitTestAccuracy.FuzzyHit)
            cursor.setPosition(max(0, pos))
        else:
            cursor.select(QTextCursor.SelectionType.Document)
        self.text_item.setTextCursor(cursor)

    def _typed(self) -> None:
        if self._applying:
            return
        text = self.text_item.document().toPlainText()
        if text != self.layer.text:
            self.session.push(SetLayers(self.session.doc, {self.layer_id: {"text": text}},
                                        QCoreApplication.translate("InlineTextEditor", "Type"),
                                        merge_key=f"type-{self.layer_id}"))

    def follow_model(self) -> None:
        """The layer changed (typing, undo, inspector): keep the editor on top of it."""
        lay = self.layer
        doc = self.text_item.document()
        if doc.toPlainText() != lay.text:
            self._applying = True
            cursor = self.text_item.textCursor()
            pos = cursor.position()
            doc.setPlainText(lay.text)
            _invisible_ink(doc)
            cursor = QTextCursor(doc)
            cursor.setPosition(min(pos, len(lay.text)))
            self.text_item.setTextCursor(cursor)
            self._applying = False
        self._configure()

    def contains_scene(self, pos: QPointF) -> bool:
        return self.text_item.contains(self.text_item.mapFromScene(pos))

    def end(self) -> None:
        scene = self.text_item.scene()
        if scene is not None:
            scene.removeItem(self.text_item)
        self.text_item.setParentItem(None)
