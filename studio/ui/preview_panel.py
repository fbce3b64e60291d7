"""Previews: the post as each chosen network will show it, side by side, redrawn while the user types,
with each target's counter and problems. Clicking a preview expands or collapses its text."""

from __future__ import annotations

import copy
import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studio.checking import media_facts
from studio.core.design import Design
from studio.core.document import Change
from studio.core.problem import Problem
from studio.networks.registry import ALL_TARGETS, resolve
from studio.networks.validate import MediaFacts, effective_text, measure, validate, variant_for
from studio.preview import Account, LinkCard, PreviewInput, damage, render_preview
from studio.render.thumbs import media_image
from studio.ui.editor.session import EditorSession
from studio.ui.preview_card import PREVIEW_WIDTH, PreviewCard
from studio.ui.tasks import TaskRunner

LINK_FETCH_DELAY_MS = 700  # wait until the user stops typing a link before fetching its card
OFFSCREEN_DELAY_MS = 30
HUGE_TEXT = 20_000
FILE_SIDE = 1080  # photos are drawn at most this large in the previews (sharp at preview width)
MEDIA_SCALE = 0.5  # designs are drawn at half size for the previews (sharp at preview width, 4x cheaper)


def brand_account(kit) -> Account:
    """How previews show the poster before an account is connected: the brand kit's name and logo."""
    handle = "".join(ch for ch in kit.name.lower() if ch.isalnum() or ch in "._") or "yourhandle"
    avatar = QImage.fromData(kit.logo) if kit.logo else None
    return Account(name=kit.name or "Your Name", handle=handle,
                   avatar=avatar if avatar is not None and not avatar.isNull() else None)


class PreviewPanel(QWidget):
    """Owns one card per chosen target; redraws on every change of the post (coalesced per event loop turn)."""

    readiness_changed = Signal(bool)  # False while any target has an error (queueing is blocked)

    def __init__(self, session: EditorSession, account: Account | None = None, parent: QWidget | None = None,
                 accounts: list | None = None):
        super().__init__(parent)
        self.setObjectName("previewPanel")
        self.session = session
        self.account = account or Account()  # until accounts are connected: the brand kit's name and logo
        self.connected: dict[str, object] = {}  # network -> its first connected studio.core.account.Account
        self.set_accounts(accounts or [], redraw=False)
        self._file_images: dict[str, QImage] = {}  # asset -> picture for the previews (decoded off the UI thread)
        self._facts: dict[str, MediaFacts] = {}  # asset -> what the validator needs of a file (probed once)
        self.theme = "light"
        self.cards: dict[str, PreviewCard] = {}
        self._media: list[QImage] | None = None
        self.errors: dict[str, list[Problem]] = {}
        self.redraws = 0
        self._stale = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        bar.addWidget(self.summary, 1)
        self.light = QRadioButton(self.tr("Light"))
        self.dark = QRadioButton(self.tr("Dark"))
        self.light.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.light)
        group.addButton(self.dark)
        self.dark.toggled.connect(lambda on: self.set_theme("dark" if on else "light"))
        bar.addWidget(self.light)
        bar.addWidget(self.dark)
        outer.addLayout(bar)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.body = QWidget()
        # the cards stand in columns, each stacked from the top (not in a grid of rows): a caption that gets a
        # line longer moves only the cards under it in its column, not a whole row of cards
        self.columns_box = QHBoxLayout(self.body)
        self.columns_box.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.columns: list[QVBoxLayout] = []
        self.scroll.setWidget(self.body)
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _v: self._offscreen_timer.start(0))
        outer.addWidget(self.scroll, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.redraw)
        self._offscreen_timer = QTimer(self)
        self._offscreen_timer.setSingleShot(True)
        self._offscreen_timer.timeout.connect(self._paint_offscreen)
        # link cards: fetched in the background (never on the UI thread), cached, shown as loading meanwhile
        self.card_cache = None  # made with the first link (importing requests costs start-up time)
        self.link_cards: dict[str, LinkCard] = {}
        self._tasks = TaskRunner(self, max_threads=1)
        self._link_timer = QTimer(self)
        self._link_timer.setSingleShot(True)
        self._link_timer.timeout.connect(self._fetch_link)
        self._pending_url: str | None = None
        self._failed_at: dict[str, float] = {}
        session.changed.connect(self._on_change)
        self._stale = True  # drawn when first shown

    def set_accounts(self, accounts: list, redraw: bool = True) -> None:
        """The connected accounts (studio.core.account.Account): a target's preview shows its network's first one
        as the poster, and its counter and problems follow that account's server limits."""
        self.connected = {}
        for a in accounts:
            self.connected.setdefault(a.network, a)
        if redraw:
            self.redraw()

    def poster(self, network: str) -> tuple[Account, dict | None]:
        """Who the preview shows as the poster, and the limits its counter and validator use."""
        a = self.connected.get(network)
        if a is None:
            return self.account, None
        return Account(name=a.name or a.handle.lstrip("@"), handle=a.handle.lstrip("@"),
                       avatar=self.account.avatar), a.limits or None

    def set_theme(self, theme: str) -> None:
        self.theme = theme
        self.redraw()

    def _on_change(self, change: Change) -> None:
        if change.kind != "post":
            self._media = None  # the design changed: render the media again
        if self.isVisible():
            # exact counting of a pasted novel takes a while: with huge texts, redraw once typing pauses
            self._timer.start(0 if len(self.session.doc.post.text) < HUGE_TEXT else 300)
        else:
            self._stale = True  # hidden previews cost nothing; they catch up when shown

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._timer.start(0)

    def targets(self) -> list[str]:
        chosen = []
        for t in self.session.doc.post.targets:
            try:
                chosen.append(resolve(t)[1].short_id)
            except ValueError:
                continue
        return [t for t in ALL_TARGETS if t in chosen]

    def media_images(self) -> list[QImage]:
        """The posted media as the previews draw them: designs rendered at half size, photos and videos as
        pictures made off the UI thread (a grey frame of the photo's shape until then)."""
        if self._media is None:
            doc = self.session.doc
            images = []
            for m in doc.post.posted_media():
                if m.design is not None:
                    images.append(self.session.renderer.render_design(m.design, doc.assets, MEDIA_SCALE))
                else:
                    images.append(self._file_image(m))
            self._media = images
        return self._media

    def _file_image(self, media) -> QImage:
        image = self._file_images.get(media.asset)
        if image is not None:
            return image
        facts = self._media_info(media)
        w, h = (facts.width, facts.height) if facts and facts.width and facts.height else (16, 9)
        scale = min(1.0, FILE_SIDE / max(w, h))
        placeholder = QImage(max(1, round(w * scale)), max(1, round(h * scale)),
                             QImage.Format.Format_ARGB32_Premultiplied)
        placeholder.fill(QColor("#8a8f98"))
        self._file_images[media.asset] = placeholder  # asked for: not again
        item, assets, renderer = copy.copy(media), {media.asset: self.session.doc.assets.get(media.asset, b"")}, \
            self.session.renderer

        def done(image: QImage) -> None:
            if not image.isNull():
                self._file_images[item.asset] = image
                self._media = None
                self._timer.start(0)

        self._tasks.run(lambda _p: media_image(item, assets, renderer, FILE_SIDE), done)
        return placeholder

    def _media_info(self, media) -> MediaFacts | None:
        design: Design | None = media.design
        if design is not None:
            return MediaFacts(width=design.width, height=design.height, kind="image", format="jpeg")  # sent as JPEG
        facts = self._facts.get(media.asset)
        if facts is None:  # a header probe; kept, the validator asks on every keystroke for every target
            facts = self._facts[media.asset] = media_facts(self.session.doc)(media)
        return facts

    def redraw(self) -> None:
        self._timer.stop()
        self.redraws += 1
        post = self.session.doc.post
        targets = self.targets()
        for t in [t for t in self.cards if t not in targets]:
            card = self.cards.pop(t)
            for column in self.columns:
                column.removeWidget(card)
            card.deleteLater()
        if not targets:
            self._show_summary(targets)
            return
        from studio.networks.linkcard import first_link

        media = self.media_images()
        focus = [(m.focus_x, m.focus_y) for m in post.posted_media()]
        card_link = self.link_card(first_link(post.text, post.link))
        self.errors = {}
        columns = max(1, self.scroll.viewport().width() // (PREVIEW_WIDTH + 16))
        placed = []
        for i, target in enumerate(targets):
            card = self.cards.get(target)
            if card is None:
                card = PreviewCard(target)
                card.image.clicked.connect(lambda c=card: self._toggle(c))
                self.cards[target] = card
            placed.append((card, (i % columns, i // columns)))
        if any(card.cell != cell for card, cell in placed):  # (placing cards lays the panel out: not per keystroke)
            self._place(placed, columns)
        for target in targets:
            card = self.cards[target]
            network, caps = resolve(target)
            poster, limits = self.poster(network.id)
            m = measure(network, network.capabilities_with(limits, caps.placement) if limits else caps, post)
            problems = validate(post, target, media_info=self._media_info, limits=limits)
            card.set_info(caps.name, m.count, m.limit, problems)
            variant = variant_for(post, target)
            inp = PreviewInput(target=target, text=effective_text(post, target), media=media, focus=focus,
                               thread=list(variant.thread) if variant else [],
                               link_card=card_link,
                               account=poster, theme=self.theme, expanded=card.expanded)  # the counter is
            # in the card's title line, not drawn under the preview: a keystroke past a fold changes no pixel there
            key = inp.key()
            if key != card.drawn_key:  # unchanged (as drawn, or as waiting to be drawn): not drawn again
                card.pending, card.drawn_key = inp, key
            if card.pending and self._on_screen(card):
                self._paint_card(card)
            errors = [p for p in problems if p.is_error]
            if errors:
                self.errors[target] = errors
        self._show_summary(targets)
        if any(c.pending for c in self.cards.values()):
            self._offscreen_timer.start(OFFSCREEN_DELAY_MS)

    def _place(self, placed: list[tuple[PreviewCard, tuple[int, int]]], columns: int) -> None:
        """Put each card in its (column, place in the column), the columns left to right, stacked from the top."""
        for column in self.columns:
            for card, _ in placed:
                column.removeWidget(card)
        while len(self.columns) > columns:
            self.columns_box.removeItem(column := self.columns.pop())
            column.deleteLater()
        while len(self.columns) < columns:
            column = QVBoxLayout()
            column.addStretch(1)
            self.columns_box.addLayout(column)
            self.columns.append(column)
        for card, (col, row) in sorted(placed, key=lambda cc: cc[1]):
            self.columns[col].insertWidget(row, card)
            card.cell = (col, row)

    def _on_screen(self, card: PreviewCard) -> bool:
        """Cards scrolled out of view are drawn right after the keystroke, not during it."""
        return card.shown is None or not card.visibleRegion().isEmpty()

    def _paint_card(self, card: PreviewCard) -> None:
        # drawn into the picture on screen when only a line or two of text changed: those rows are painted
        image = render_preview(card.pending, PREVIEW_WIDTH, into=card.image.image)
        card.show_image(card.pending, image, damage(card.target, image))

    def _paint_offscreen(self) -> None:
        """Bring the cards that are out of view up to date, a few at a time, between keystrokes."""
        deadline = time.perf_counter() + 0.008
        for card in self.cards.values():
            if card.pending:
                self._paint_card(card)
                if time.perf_counter() > deadline:
                    break
        if any(c.pending for c in self.cards.values()):
            self._offscreen_timer.start(0)

    def flush(self) -> None:
        """Draw every card now (tests, screenshots)."""
        for card in self.cards.values():
            if card.pending:
                self._paint_card(card)

    def _show_summary(self, targets: list[str]) -> None:
        if not targets:
            text = self.tr("Choose where this post goes under “Post to”.")
        elif self.errors:
            names = ", ".join(resolve(t)[1].name for t in self.errors)
            text = self.tr("Fix the errors for %s before queueing.") % names
        else:
            text = self.tr("Ready for %n target(s).", "", len(targets))
        if text != self.summary.text():  # a new text lays the panel out again
            self.summary.setText(text)
        self.readiness_changed.emit(bool(targets) and not self.errors)

    def link_card(self, url: str | None) -> LinkCard | None:
        """The card for `url` as far as it is known; asks for it in the background when it is not."""
        if not url:
            return None
        card = self.link_cards.get(url)
        if card is not None and card.state != "ok" and time.monotonic() - self._failed_at.get(url, 0) > 60:
            card = None  # try a failed link again after a minute
        if card is None:
            card = LinkCard(url=url, state="loading")
            if url != self._pending_url:
                self._pending_url = url
                self._link_timer.start(LINK_FETCH_DELAY_MS)
        return card

    def _fetch_link(self) -> None:
        from studio.networks.linkcard import CardCache

        url = self._pending_url
        if url is None:
            return
        if self.card_cache is None:
            self.card_cache = CardCache()
        cache = self.card_cache
        self._tasks.run(lambda progress: cache.fetch(url, progress=progress),
                        on_done=lambda data: self._card_arrived(url, data),
                        on_error=lambda e: self._card_failed(url, e))

    def _card_arrived(self, url: str, data) -> None:
        image = QImage.fromData(data.image) if data.image else None
        self.link_cards[url] = LinkCard(url=url, title=data.title, description=data.description,
                                        image=image if image is not None and not image.isNull() else None)
        self._timer.start(0)

    def _card_failed(self, url: str, error: Exception) -> None:
        offline = getattr(error, "kind", "") in ("offline", "timeout")
        self.link_cards[url] = LinkCard(url=url, title=getattr(error, "message", str(error)),
                                        state="offline" if offline else "failed")
        self._failed_at[url] = time.monotonic()
        self._timer.start(0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._timer.start(50)

    def _toggle(self, card: PreviewCard) -> None:
        card.expanded = not card.expanded
        self.redraw()
