"""The selected queue item in full: its text, time (the creator's clock and the item's zone), whether the post changed
since it was queued, and per target its state, the network's own words, what to do, and the button for it:
retry this target alone, reconnect the account, confirm a held post, send again after checking an unknown outcome,
open the post."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studio.store.queue_store import ItemRow, TargetRow
from studio.ui.queue_text import (
    CHANGED_COLOR,
    STATE_COLORS,
    account_short,
    advice,
    format_time,
    local_zone,
    network_name,
    other_zone_text,
    state_label,
)


def state_badge(state: str) -> QLabel:
    label = QLabel(state_label(state))
    label.setObjectName(f"state_{state}")
    label.setStyleSheet(f"QLabel {{ background: {STATE_COLORS.get(state, '#6f747c')}; color: white; "
                        "border-radius: 8px; padding: 1px 8px; font-weight: bold; }")
    label.setSizePolicy(label.sizePolicy().horizontalPolicy().Maximum, label.sizePolicy().verticalPolicy())
    return label


class TargetCard(QFrame):
    def __init__(self, item: ItemRow, t: TargetRow, details: ItemDetails):
        super().__init__()
        self.target = t
        self.setObjectName(f"target_{t.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        top = QHBoxLayout()
        top.addWidget(state_badge(t.state))
        who = QLabel(f"<b>{html.escape(account_short(t.account_id))}</b> · {html.escape(network_name(t.network))}")
        who.setToolTip(t.account_id)
        top.addWidget(who, 1)
        layout.addLayout(top)
        if t.due_at != item.scheduled_at:
            layout.addWidget(QLabel(self.tr("Due %s") % format_time(t.due_at, local_zone(), with_year=True)))
        self.bar: QProgressBar | None = None
        if t.state == "sending":
            self.bar = QProgressBar()
            self.bar.setRange(0, 1000)
            self.bar.setTextVisible(False)
            self.bar.setMaximumHeight(8)
            layout.addWidget(self.bar)
        if t.state == "posted" and t.url:
            link = QLabel(f'<a href="{html.escape(t.url, quote=True)}">{html.escape(self.tr("Open the post"))}</a>'
                          f' <span style="color:gray">{html.escape(t.url)}</span>')
            link.setObjectName("postLink")
            link.setWordWrap(True)
            link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            link.linkActivated.connect(details.link_clicked.emit)
            layout.addWidget(link)
        if t.message:
            said = QLabel(f"<i>{html.escape(t.message)}</i>")
            said.setObjectName("networkMessage")
            said.setWordWrap(True)
            said.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(said)
        hint = advice(t, item)
        if hint:
            what = QLabel(hint)
            what.setObjectName("advice")
            what.setWordWrap(True)
            layout.addWidget(what)
        buttons = QHBoxLayout()
        ref = f"{t.account_id}:{t.target}"
        self.buttons: dict[str, QPushButton] = {}

        def button(name: str, text: str, slot) -> None:
            b = QPushButton(text)
            b.setObjectName(f"{name}_{t.id}")
            b.clicked.connect(slot)
            self.buttons[name] = b
            buttons.addWidget(b)

        if t.state in ("failed", "cancelled", "needs_reauth"):
            button("retry", self.tr("Retry this one"), lambda: details.retry_target.emit(item.id, ref, False))
        if t.state == "needs_reauth":
            button("accounts", self.tr("Accounts…"), details.open_accounts.emit)
        if t.state == "held":
            button("confirm", self.tr("Post it now"), lambda: details.confirm.emit(item.id))
        if t.state == "outcome_unknown":
            button("force", self.tr("It is not there: send it again"),
                   lambda: details.retry_target.emit(item.id, ref, True))
        if t.state in ("scheduled", "held", "failed", "needs_reauth", "outcome_unknown"):
            button("cancel", self.tr("Cancel this one"), lambda: details.cancel_target.emit(item.id, ref))
        if self.buttons:
            buttons.addStretch(1)
            layout.addLayout(buttons)


class ItemDetails(QScrollArea):
    retry_target = Signal(int, str, bool)  # item id, "ACCOUNT:TARGET", force (outcome unknown, checked)
    cancel_target = Signal(int, str)
    confirm = Signal(int)
    open_accounts = Signal()
    open_post = Signal(int)
    link_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("queueDetails")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(300)
        self.item: ItemRow | None = None
        self.cards: list[TargetCard] = []
        self.show_items([], False)

    def show_items(self, items: list[ItemRow], changed: bool | str) -> None:
        """One item in full, or a summary of several."""
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        self.cards = []
        self.item = items[0] if len(items) == 1 else None
        if not items:
            empty = QLabel(self.tr("Select a post to see how it went on each account."))
            empty.setWordWrap(True)
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addStretch(1)
            layout.addWidget(empty)
            layout.addStretch(2)
        elif self.item is None:
            counts: dict[str, int] = {}
            for i in items:
                for t in i.targets:
                    counts[t.state] = counts.get(t.state, 0) + 1
            title = QLabel(f"<h3>{html.escape(self.tr('%s posts selected') % len(items))}</h3>")
            layout.addWidget(title)
            for state, n in sorted(counts.items(), key=lambda kv: -kv[1]):
                row = QHBoxLayout()
                row.addWidget(state_badge(state))
                row.addWidget(QLabel(str(n)), 1)
                layout.addLayout(row)
            layout.addStretch(1)
        else:
            self._one(layout, self.item, changed)
        self.setWidget(holder)

    def _one(self, layout: QVBoxLayout, item: ItemRow, changed: bool | str) -> None:
        title = QLabel(f"<h3>{html.escape(item.title or self.tr('Untitled post'))}</h3>")
        title.setWordWrap(True)
        layout.addWidget(title)
        when = format_time(item.scheduled_at, local_zone(), with_year=True, with_zone=True)
        other = other_zone_text(item.scheduled_at, item.zone)
        when_label = QLabel(f"<b>{html.escape(when)}</b>" + (f"<br>{html.escape(other)}" if other else ""))
        when_label.setObjectName("detailsWhen")
        layout.addWidget(when_label)
        if item.series_id is not None:
            layout.addWidget(QLabel(self.tr("Part %s of a repeating post.") % (item.series_index + 1)))
        if item.summary:
            text = QLabel(html.escape(item.summary).replace("\n", "<br>"))
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(text)
        if changed:
            note = QLabel(self.tr("The post's file cannot be read any more (moved or deleted). What was queued still "
                                  "goes out as it was frozen.") if changed == "missing" else
                          self.tr("The design changed since this was queued. What goes out is what was queued; "
                                  "to send the new version, open the post, queue it again and cancel this one."))
            note.setObjectName("designChanged")
            note.setWordWrap(True)
            note.setStyleSheet(f"QLabel {{ border-left: 3px solid {CHANGED_COLOR}; padding-left: 6px; }}")
            layout.addWidget(note)
        source = QLabel(f'<span style="color:gray">{html.escape(item.source_path)}</span>')
        source.setWordWrap(True)
        source.setToolTip(item.source_path)
        layout.addWidget(source)
        open_button = QPushButton(self.tr("Open the post"))
        open_button.setObjectName("openPost")
        open_button.clicked.connect(lambda: self.open_post.emit(item.id))
        row = QHBoxLayout()
        row.addWidget(open_button)
        row.addStretch(1)
        layout.addLayout(row)
        for t in item.targets:
            card = TargetCard(item, t, self)
            self.cards.append(card)
            layout.addWidget(card)
        layout.addStretch(1)

    def card(self, target_id: int) -> TargetCard | None:
        return next((c for c in self.cards if c.target.id == target_id), None)

    def set_progress(self, progress: dict[int, tuple[float, str]]) -> None:
        for c in self.cards:
            if c.bar is not None and c.target.id in progress:
                c.bar.setValue(round(progress[c.target.id][0] * 1000))
