"""How a queue row is drawn: thumbnail, title and summary; the time on the creator's clock (and the item's own zone
when it differs); and per target a coloured state pill with the account, a link to the post, or a progress bar.
Clicking a posted target's link opens the post."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from studio.store.queue_store import ItemRow
from studio.ui.queue_model import CHANGED_ROLE, ITEM_ROLE, MISSING, POST, PROGRESS_ROLE, TARGETS, WHEN, ZONE_ROLE
from studio.ui.queue_text import CHANGED_COLOR, STATE_COLORS, account_short, network_name, state_label

ROW_HEIGHT = 64
THUMB = 48
LINE = 18
MAX_LINES = 3
PAD = 8


def target_rects(rect: QRect, count: int) -> list[QRect]:
    """Where each target's line is drawn in the targets cell (at most MAX_LINES; the last may say "+N more")."""
    lines = min(count, MAX_LINES)
    top = rect.top() + max(2, (rect.height() - lines * LINE) // 2)
    return [QRect(rect.left() + PAD, top + i * LINE, rect.width() - 2 * PAD, LINE) for i in range(lines)]


def pill(p: QPainter, rect: QRectF, color: str, text: str, font: QFont) -> float:
    """A rounded, coloured label with white text; returns its width."""
    fm = QFontMetrics(font)
    width = fm.horizontalAdvance(text) + 12
    r = QRectF(rect.left(), rect.top() + (rect.height() - 16) / 2, width, 16)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(color))
    p.drawRoundedRect(r, 8, 8)
    p.setPen(QColor("white"))
    p.setFont(font)
    p.drawText(r, Qt.AlignmentFlag.AlignCenter, text)
    return width


def small_font(base: QFont, delta: float = -1.0, bold: bool = False) -> QFont:
    f = QFont(base)
    if f.pointSizeF() > 0:
        f.setPointSizeF(max(6.0, f.pointSizeF() + delta))
    f.setBold(bold)
    return f


class QueueDelegate(QStyledItemDelegate):
    link_clicked = Signal(str)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex):
        size = super().sizeHint(option, index)
        size.setHeight(ROW_HEIGHT)
        return size

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        opt.text = ""
        opt.icon = type(opt.icon)()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, p, opt.widget)
        item: ItemRow | None = index.data(ITEM_ROLE)
        if item is None:
            return
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        pal = opt.palette
        text = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(text)
        muted.setAlpha(170)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setClipRect(opt.rect)
        column = index.column()
        if column == POST:
            self._post(p, opt, index, item, text, muted)
        elif column == WHEN:
            self._when(p, opt, index, text, muted)
        elif column == TARGETS:
            self._targets(p, opt, index, item, text, muted, pal.color(QPalette.ColorRole.Link), selected)
        p.restore()

    def _post(self, p, opt, index, item, text, muted) -> None:
        r = opt.rect
        thumb = QRectF(r.left() + PAD, r.top() + (r.height() - THUMB) / 2, THUMB, THUMB)
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        path = QPainterPath()
        path.addRoundedRect(thumb, 6, 6)
        if pixmap is not None and not pixmap.isNull():
            p.save()
            p.setClipPath(path, Qt.ClipOperation.IntersectClip)
            scaled = pixmap.size().scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatioByExpanding)
            target = QRectF(thumb.center().x() - scaled.width() / 2, thumb.center().y() - scaled.height() / 2,
                            scaled.width(), scaled.height())
            p.drawPixmap(target, pixmap, QRectF(pixmap.rect()))
            p.restore()
        else:
            tile = QColor(muted)
            tile.setAlpha(40)
            p.fillPath(path, tile)
            p.setPen(muted)
            p.setFont(small_font(opt.font, 4, bold=True))
            p.drawText(thumb, Qt.AlignmentFlag.AlignCenter, (item.title or item.summary or "·")[:1].upper())
        x = int(thumb.right()) + PAD + 2
        width = r.right() - x - PAD
        title_font = small_font(opt.font, 0, bold=True)
        p.setFont(title_font)
        p.setPen(text)
        fm = QFontMetrics(title_font)
        title = item.title or " ".join(item.summary.split())
        p.drawText(QRect(x, r.top() + 6, width, LINE), Qt.AlignmentFlag.AlignVCenter,
                   fm.elidedText(title, Qt.TextElideMode.ElideRight, width))
        body = small_font(opt.font, -1)
        p.setFont(body)
        p.setPen(muted)
        summary = " ".join(item.summary.split()) if item.title else ""
        fm = QFontMetrics(body)
        if summary:
            p.drawText(QRect(x, r.top() + 6 + LINE, width, LINE), Qt.AlignmentFlag.AlignVCenter,
                       fm.elidedText(summary, Qt.TextElideMode.ElideRight, width))
        badges = []
        changed = index.data(CHANGED_ROLE)
        if changed == MISSING:
            badges.append(("#6f747c", self.tr("Post file missing")))
        elif changed:
            badges.append((CHANGED_COLOR, self.tr("Design changed since queueing")))
        if item.series_id is not None:
            badges.append(("#5b6270", self.tr("Repeats")))
        bx = float(x)
        for color, label in badges:
            w = pill(p, QRectF(bx, r.top() + 6 + 2 * LINE, width, LINE), color, label, small_font(opt.font, -2))
            bx += w + 6

    def _when(self, p, opt, index, text, muted) -> None:
        r = opt.rect.adjusted(PAD, 0, -PAD, 0)
        zone_text = index.data(ZONE_ROLE) or ""
        main = index.data(Qt.ItemDataRole.DisplayRole) or ""
        top = r.top() + (r.height() - (2 if zone_text else 1) * LINE) // 2
        font = small_font(opt.font, 0, bold=True)
        p.setFont(font)
        p.setPen(text)
        p.drawText(QRect(r.left(), top, r.width(), LINE), Qt.AlignmentFlag.AlignVCenter,
                   QFontMetrics(font).elidedText(main, Qt.TextElideMode.ElideRight, r.width()))
        if zone_text:
            font = small_font(opt.font, -1)
            p.setFont(font)
            p.setPen(muted)
            p.drawText(QRect(r.left(), top + LINE, r.width(), LINE), Qt.AlignmentFlag.AlignVCenter,
                       QFontMetrics(font).elidedText(zone_text, Qt.TextElideMode.ElideRight, r.width()))

    def _targets(self, p, opt, index, item, text, muted, link, selected) -> None:
        progress = index.data(PROGRESS_ROLE) or {}
        rects = target_rects(opt.rect, len(item.targets))
        label_font, body = small_font(opt.font, -2, bold=True), small_font(opt.font, -1)
        fm = QFontMetrics(body)
        for n, rect in enumerate(rects):
            if n == MAX_LINES - 1 and len(item.targets) > MAX_LINES:
                p.setFont(body)
                p.setPen(muted)
                p.drawText(rect, Qt.AlignmentFlag.AlignVCenter,
                           self.tr("+%s more: select the post to see them all") % (len(item.targets) - n))
                break
            t = item.targets[n]
            x = rect.left() + pill(p, QRectF(rect), STATE_COLORS.get(t.state, "#6f747c"), state_label(t.state),
                                   label_font) + 8
            who = f"{account_short(t.account_id)} · {network_name(t.network)}"
            p.setFont(body)
            p.setPen(text)
            room = rect.right() - x
            who_w = min(fm.horizontalAdvance(who) + 4, max(60, room * 3 // 5))
            p.drawText(QRect(x, rect.top(), who_w, rect.height()), Qt.AlignmentFlag.AlignVCenter,
                       fm.elidedText(who, Qt.TextElideMode.ElideRight, who_w))
            x += who_w + 10
            room = rect.right() - x
            if room < 30:
                continue
            if t.state == "sending" and t.id in progress:
                fraction, _text = progress[t.id]
                bar = QRectF(x, rect.center().y() - 3, min(120, room), 6)
                back = QColor(muted)
                back.setAlpha(60)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(back)
                p.drawRoundedRect(bar, 3, 3)
                p.setBrush(QColor(STATE_COLORS["sending"]))
                p.drawRoundedRect(QRectF(bar.left(), bar.top(), bar.width() * max(0.03, fraction), 6), 3, 3)
            elif t.state == "posted" and t.url:
                p.setPen(text if selected else link)
                f = QFont(body)
                f.setUnderline(True)
                p.setFont(f)
                p.drawText(QRect(x, rect.top(), room, rect.height()), Qt.AlignmentFlag.AlignVCenter,
                           QFontMetrics(f).elidedText(self.tr("Open the post"), Qt.TextElideMode.ElideRight, room))
            elif t.message and t.state != "posted":
                p.setPen(muted)
                p.drawText(QRect(x, rect.top(), room, rect.height()), Qt.AlignmentFlag.AlignVCenter,
                           fm.elidedText(" ".join(t.message.split()), Qt.TextElideMode.ElideRight, room))

    def editorEvent(self, event: QEvent, model, option: QStyleOptionViewItem, index: QModelIndex) -> bool:
        if (event.type() == QEvent.Type.MouseButtonRelease and index.column() == TARGETS
                and event.button() == Qt.MouseButton.LeftButton):
            url = self.link_at(option.rect, index, event.position().toPoint())
            if url:
                self.link_clicked.emit(url)
                return True
        return super().editorEvent(event, model, option, index)

    @staticmethod
    def link_at(rect: QRect, index: QModelIndex, pos: QPoint) -> str:
        item: ItemRow | None = index.data(ITEM_ROLE)
        if item is None:
            return ""
        for n, line in enumerate(target_rects(rect, len(item.targets))):
            if line.contains(pos) and n < len(item.targets):
                t = item.targets[n]
                if t.state == "posted" and t.url and not (n == MAX_LINES - 1 and len(item.targets) > MAX_LINES):
                    return t.url
        return ""
