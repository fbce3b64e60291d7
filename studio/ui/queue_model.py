"""The queue as a Qt model: one row per queue item, three columns (the post, its time, its targets).

The rows come from `Queue.list` (run off the UI thread by the queue window); `set_items` applies a new list with
the fewest signals: when the same items are in the same order (the usual case: a state changed) only the rows that
changed are repainted, so selection and scroll position stay; otherwise the model resets. A list of 10,000 items
updates in a few milliseconds (benchmarks/queue_ui_scale.py).

Thumbnails come from the frozen media (the first image the item sends), decoded small on the task runner and kept
per image (a series of fifty posts with the same picture decodes it once).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap

from studio.publish.queue import Queue
from studio.render.imageio import ImageError, decode, downscaled
from studio.render.qt import pil_to_qimage
from studio.render.thumbs import video_placeholder
from studio.store.library import LibraryError
from studio.store.queue_store import ItemRow
from studio.ui.queue_text import (
    format_time,
    item_state,
    local_zone,
    other_zone_text,
    state_label,
    target_line,
)
from studio.ui.tasks import TaskRunner

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the ItemRow
STATE_ROLE = Qt.ItemDataRole.UserRole + 2  # the item's most urgent state
CHANGED_ROLE = Qt.ItemDataRole.UserRole + 3  # True: the .studio file's post differs from what was queued; MISSING
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 4  # {target id: (fraction, text)} of targets being sent
ZONE_ROLE = Qt.ItemDataRole.UserRole + 5  # the item's own wall clock when it differs, else ""
MISSING = "missing"  # the .studio file cannot be read (moved, deleted)
THUMB_SIDE = 96
POST, WHEN, TARGETS = range(3)
_Index = QModelIndex | QPersistentModelIndex


def row_keys(items: list[ItemRow]) -> list[tuple]:
    """What a row shows, to tell which rows changed; the window computes them on the worker that read the rows."""
    return [(item.id, item.scheduled_at, item.zone, item.title, item.summary, item.design_hash,
             tuple((t.id, t.state, t.updated_at, t.due_at, t.next_attempt_at) for t in item.targets))
            for item in items]


class ThumbCache(QObject):
    """Small pictures of queue items from their frozen media. `get` answers at once (None until decoded) and asks
    for the missing ones in one batch; `ready` names the items whose picture arrived."""

    ready = Signal(list)  # item ids

    def __init__(self, tasks: TaskRunner, queue: Callable[[], Queue], parent: QObject | None = None,
                 limit: int = 400):
        super().__init__(parent)
        self.tasks, self._queue, self.limit = tasks, queue, limit
        self._of_item: dict[int, str | None] = {}  # item id -> image key (sha256, "video", or None: no picture)
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self._wanted: dict[int, int] = {}  # item id -> its first target's id
        self._asked: set[int] = set()  # being decoded
        self._busy = False
        self.closed = False  # set when the window goes: a late result is dropped

    def get(self, item: ItemRow) -> QPixmap | None:
        key = self._of_item.get(item.id, "")
        if key is None:
            return None
        if key:
            pixmap = self._pixmaps.get(key)
            if pixmap is not None:
                self._pixmaps.move_to_end(key)
                return pixmap
        if item.targets and item.id not in self._wanted and item.id not in self._asked:
            self._wanted[item.id] = item.targets[0].id
            if not self._busy:
                QTimer.singleShot(0, self._flush)
        return None

    def _flush(self) -> None:
        if self._busy or not self._wanted:
            return
        wanted, self._wanted = dict(self._wanted), {}
        self._asked = set(wanted)
        self._busy = True
        queue, have = self._queue(), set(self._pixmaps)

        def work(progress) -> dict[int, tuple[str | None, QImage | None]]:
            out: dict[int, tuple[str | None, QImage | None]] = {}
            decoded: dict[str, QImage | None] = {}
            for item_id, target_id in wanted.items():
                progress.check()
                key, image = _thumb(queue, target_id, have, decoded)
                out[item_id] = (key, image)
            return out

        def done(found: dict[int, tuple[str | None, QImage | None]]) -> None:
            if self.closed:
                return
            self._busy, self._asked = False, set()
            for item_id, (key, image) in found.items():
                if key is not None and image is not None and not image.isNull():
                    self._pixmaps[key] = QPixmap.fromImage(image)
                elif key is not None and key not in self._pixmaps:
                    key = ""  # dropped from the cache meanwhile: decoded again when next asked for
                self._of_item[item_id] = key
            while len(self._pixmaps) > self.limit:
                self._pixmaps.popitem(last=False)
            self.ready.emit(list(found))
            if self._wanted:
                QTimer.singleShot(0, self._flush)

        def failed(_e: Exception | None = None) -> None:
            self._busy, self._asked = False, set()

        self.tasks.run(work, done, failed, on_cancelled=failed)

    def forget(self) -> None:
        self._of_item.clear()


def _thumb(queue: Queue, target_id: int, have: set[str], decoded: dict[str, QImage | None]
           ) -> tuple[str | None, QImage | None]:
    """(image key, small picture) of a target's first photo or video; (None, None) when it sends text only."""
    try:
        full = queue.store.target(target_id)
    except LibraryError:
        return None, None
    media = (full.outgoing or {}).get("media") or [] if full is not None else []
    card = (full.outgoing or {}).get("card") if full is not None else None
    if not media and card and card.get("thumb"):
        media = [card["thumb"]]
    if not media:
        return None, None
    first = media[0]
    if str(first.get("mime", "")).startswith("video/"):
        return "video", video_placeholder(THUMB_SIDE) if "video" not in have else None
    sha = str(first.get("sha256", ""))
    if sha in have:
        return sha, None
    if sha not in decoded:
        try:
            decoded[sha] = pil_to_qimage(downscaled(decode(queue.media.get(sha)), THUMB_SIDE))
        except (LibraryError, ImageError, ValueError, MemoryError):
            decoded[sha] = None
    return (sha, decoded[sha]) if decoded[sha] is not None else (None, None)


class QueueModel(QAbstractTableModel):
    def __init__(self, thumbs: ThumbCache | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.thumbs = thumbs
        self._items: list[ItemRow] = []
        self._keys: list[tuple] = []
        self._rows: dict[int, int] = {}
        self._target_rows: dict[int, int] = {}
        self._changed: dict[int, bool | str] = {}  # item id -> True (its post changed since queueing) or MISSING
        self._sending: dict[int, tuple[float, str]] = {}  # target id -> progress
        self._zone = local_zone()
        if thumbs is not None:
            thumbs.ready.connect(self._thumbs_ready)

    # --- contents ---

    def set_items(self, items: list[ItemRow], keys: list[tuple] | None = None) -> None:
        """Show these rows; `keys` (row_keys(items)) when they were computed off the UI thread already."""
        keys = row_keys(items) if keys is None else keys
        if len(keys) == len(self._keys) and [k[0] for k in keys] == [k[0] for k in self._keys]:
            changed = [row for row, (old, new) in enumerate(zip(self._keys, keys, strict=True)) if old != new]
            self._items, self._keys = items, keys
            for first, last in _runs(changed):
                self.dataChanged.emit(self.index(first, 0), self.index(last, TARGETS))
            return
        self.beginResetModel()
        self._items, self._keys = items, keys
        self._rows = {item.id: row for row, item in enumerate(items)}
        self._target_rows = {t.id: row for row, item in enumerate(items) for t in item.targets}
        self.endResetModel()

    def set_changed_designs(self, current: dict[str, str | None]) -> None:
        """`current`: .studio path -> the post's design hash now (None: the file is gone or unreadable)."""
        changed: dict[int, bool | str] = {}
        for i in self._items:
            if i.source_path not in current:
                continue
            now = current[i.source_path]
            if now is None:
                changed[i.id] = MISSING
            elif now != i.design_hash:
                changed[i.id] = True
        if changed != self._changed:
            touched = set(changed.items()) ^ set(self._changed.items())
            self._changed = changed
            touched = {item_id for item_id, _v in touched}
            for first, last in _runs(sorted(self._rows[i] for i in touched if i in self._rows)):
                self.dataChanged.emit(self.index(first, POST), self.index(last, POST))

    def set_sending(self, progress: dict[int, tuple[float, str]]) -> None:
        """The progress of the targets being sent (target id -> fraction, text)."""
        before, self._sending = self._sending, progress
        rows = sorted({self._target_rows[t] for t in set(before) | set(progress) if t in self._target_rows})
        for first, last in _runs(rows):
            self.dataChanged.emit(self.index(first, TARGETS), self.index(last, TARGETS), [PROGRESS_ROLE])

    def items(self) -> list[ItemRow]:
        return self._items

    def item_at(self, row: int) -> ItemRow:
        return self._items[row]

    def row_of(self, item_id: int) -> int | None:
        return self._rows.get(item_id)

    def design_changed(self, item_id: int) -> bool | str:
        """True when the post's file holds another version than was queued; MISSING when it cannot be read."""
        return self._changed.get(item_id, False)

    # --- QAbstractTableModel ---

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Post"), self.tr("When"), self.tr("Accounts"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item, column = self._items[index.row()], index.column()
        if role == ITEM_ROLE:
            return item
        if role == STATE_ROLE:
            return item_state(item)
        if role == CHANGED_ROLE:
            return self._changed.get(item.id, False)
        if role == PROGRESS_ROLE:
            return {t.id: self._sending[t.id] for t in item.targets if t.id in self._sending}
        if role == ZONE_ROLE:
            return other_zone_text(item.scheduled_at, item.zone, self._zone)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == POST:
                return item.title or " ".join(item.summary.split())[:80]
            if column == WHEN:
                return format_time(item.scheduled_at, self._zone)
            return "; ".join(target_line(t) + (f" {t.url}" if t.url else "") for t in item.targets)
        if role == Qt.ItemDataRole.DecorationRole and column == POST and self.thumbs is not None:
            return self.thumbs.get(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == POST:
                return " ".join(item.summary.split())[:300]
            if column == WHEN:
                return format_time(item.scheduled_at, item.zone, with_year=True, with_zone=True) + f" ({item.zone})"
            return "\n".join(f"{target_line(t)}" + (f": {t.url or t.message}" if t.url or t.message else "")
                             for t in item.targets)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == TARGETS:
            return ", ".join(state_label(t.state) for t in item.targets)
        return None

    def _thumbs_ready(self, item_ids: list[int]) -> None:
        rows = sorted(self._rows[i] for i in item_ids if i in self._rows)
        for first, last in _runs(rows):
            self.dataChanged.emit(self.index(first, POST), self.index(last, POST), [Qt.ItemDataRole.DecorationRole])


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 7, 8] -> [(1, 3), (7, 8)]."""
    out: list[tuple[int, int]] = []
    for r in rows:
        if out and r == out[-1][1] + 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out
