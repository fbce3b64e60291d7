"""Edits of the post's media list: add, remove and reorder items (designs and files), and their alt text and
focal point. Structural edits announce Change("media"); alt text and focus are post metadata, Change("post")."""

from __future__ import annotations

import time
from typing import Any

from studio.core.document import Change, Document
from studio.core.post import Media
from studio.edit.commands import Command, word_boundary

MEDIA_FIELDS = ("alt", "focus_x", "focus_y")


def _index(doc: Document, media_id: str) -> int:
    for i, m in enumerate(doc.post.media):
        if m.id == media_id:
            return i
    raise LookupError(f"no media item {media_id!r}")


class AddMedia(Command):
    """Insert media items (their asset bytes must already be in the document) at an index (default: the end)."""

    def __init__(self, doc: Document, items: list[Media], index: int | None = None, text: str = "Add media"):
        self.doc, self.items, self.at, self.text = doc, list(items), index, text

    def redo(self) -> None:
        media = self.doc.post.media
        at = len(media) if self.at is None else max(0, min(self.at, len(media)))
        media[at:at] = self.items
        self.doc.changed(Change("media"))

    def undo(self) -> None:
        ids = {m.id for m in self.items}
        self.doc.post.media[:] = [m for m in self.doc.post.media if m.id not in ids]
        self.doc.changed(Change("media"))


class RemoveMedia(Command):
    """Take an item out of the post. The last design cannot go: the editor always has one to show."""

    def __init__(self, doc: Document, media_id: str, text: str = "Remove media"):
        self.doc, self.media_id, self.text = doc, media_id, text
        self.removed: tuple[int, Media] | None = None

    def redo(self) -> None:
        media = self.doc.post.media
        i = _index(self.doc, self.media_id)
        if media[i].kind == "design" and len(self.doc.post.designs()) == 1:
            raise ValueError("the post's only design cannot be removed")
        self.removed = (i, media.pop(i))
        self.doc.changed(Change("media"))

    def undo(self) -> None:
        assert self.removed is not None
        i, item = self.removed
        self.doc.post.media.insert(i, item)
        self.doc.changed(Change("media"))


class MoveMedia(Command):
    """Change an item's place in the post's order (the first image is the one most networks show large)."""

    def __init__(self, doc: Document, media_id: str, new_index: int, text: str = "Reorder media"):
        self.doc, self.media_id, self.requested, self.text = doc, media_id, new_index, text
        self.old_index = -1

    def _move(self, to: int) -> None:
        media = self.doc.post.media
        item = media.pop(_index(self.doc, self.media_id))
        media.insert(to, item)
        self.doc.changed(Change("media"))

    def redo(self) -> None:
        self.old_index = _index(self.doc, self.media_id)
        self._move(max(0, min(self.requested, len(self.doc.post.media) - 1)))

    def undo(self) -> None:
        self._move(self.old_index)


class SetMedia(Command):
    """Set an item's alt text or focal point. Typing alt text merges per word, like the caption."""

    def __init__(self, doc: Document, media_id: str, changes: dict[str, Any], text: str = "Edit alt text",
                 merge_key: str | None = None):
        unknown = set(changes) - set(MEDIA_FIELDS)
        if unknown:
            raise ValueError(f"media items have no {', '.join(sorted(unknown))}")
        self.doc, self.media_id, self.changes, self.text, self.merge_key = doc, media_id, dict(changes), text, merge_key
        self.old: dict[str, Any] = {}
        self.stamp = time.monotonic()

    def _apply(self, values: dict[str, Any]) -> None:
        item = self.doc.post.media[_index(self.doc, self.media_id)]
        for k, v in values.items():
            setattr(item, k, v)
        self.doc.changed(Change("post"))

    def redo(self) -> None:
        item = self.doc.post.media[_index(self.doc, self.media_id)]
        for k in self.changes:
            self.old.setdefault(k, getattr(item, k))
        self._apply(self.changes)

    def undo(self) -> None:
        self._apply(self.old)

    def merge(self, other: Command) -> bool:
        if (isinstance(other, SetMedia) and self.merge_key and other.merge_key == self.merge_key
                and other.media_id == self.media_id and set(other.changes) == set(self.changes)
                and other.stamp - self.stamp < 1.5 and not _new_word(self.changes, other.changes)):
            self.changes.update(other.changes)
            self.stamp = other.stamp
            return True
        return False


def _new_word(before: dict[str, Any], after: dict[str, Any]) -> bool:
    return word_boundary({"m": {"text": before.get("alt")}}, {"m": {"text": after.get("alt")}})
