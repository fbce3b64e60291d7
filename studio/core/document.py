"""An open post: the Post, the bytes of its embedded assets, and change notification.

Views subscribe with `subscribe(callback)`; commands call `changed(...)` after they mutate the model.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from studio.core.design import Design
from studio.core.post import Media, Post


@dataclass(frozen=True)
class Change:
    """What changed. kind: 'layers' (properties of layer_ids), 'structure' (layers added, removed or
    reordered), 'design' (size or background), 'post' (text, link, targets), 'reset' (everything)."""

    kind: str
    layer_ids: tuple[str, ...] = ()
    design_index: int = 0


def asset_key(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Document:
    post: Post = field(default_factory=Post)
    assets: dict[str, bytes] = field(default_factory=dict)
    revision: int = 0  # bumped on every change; saved_revision tells whether there is unsaved work
    saved_revision: int = 0
    _listeners: list[Callable[[Change], None]] = field(default_factory=list, repr=False)

    # --- assets ---
    def add_asset(self, data: bytes) -> str:
        key = asset_key(data)
        self.assets.setdefault(key, data)
        return key

    def prune_assets(self) -> None:
        used = self.post.assets()
        for key in list(self.assets):
            if key not in used:
                del self.assets[key]

    # --- designs ---
    def design(self, index: int = 0) -> Design:
        designs = self.post.designs()
        if not designs:
            raise LookupError("this post has no design")
        return designs[index]

    def ensure_design(self) -> Design:
        if not self.post.designs():
            self.post.media.insert(0, Media(kind="design", design=Design()))
        return self.design(0)

    # --- change notification ---
    @property
    def dirty(self) -> bool:
        return self.revision != self.saved_revision

    def mark_saved(self) -> None:
        self.saved_revision = self.revision

    def mark_unsaved(self) -> None:
        """A restored or generated document that exists in no file yet."""
        if self.saved_revision == self.revision:
            self.saved_revision = self.revision - 1

    def subscribe(self, callback: Callable[[Change], None]) -> Callable[[], None]:
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback) if callback in self._listeners else None

    def changed(self, change: Change) -> None:
        self.revision += 1
        for cb in list(self._listeners):
            cb(change)
