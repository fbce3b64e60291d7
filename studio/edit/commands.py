"""The edits a user can make, each undoable. Commands mutate the Document and announce the Change."""

from __future__ import annotations

import copy
import time
from typing import Any

from studio.core.design import Design, Layer
from studio.core.document import Change, Document
from studio.core.reframe import reframe

_MISSING = object()

# The default names of the undo steps (the UI translates them in the context "Command"; callers that pass
# their own text translate it themselves)
COMMAND_NAMES = ("Edit", "Change layer", "Change design", "Change format", "Add layer", "Delete layer",
                 "Delete layers", "Arrange", "Edit caption", "Add media", "Remove media", "Reorder media",
                 "Edit alt text", "Set focal point")


def get_path(obj: Any, path: str) -> Any:
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def set_path(obj: Any, path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        obj = getattr(obj, part)
    if not hasattr(obj, last):
        raise AttributeError(f"{type(obj).__name__} has no property {last!r}")
    setattr(obj, last, value)


class Command:
    """Base: `redo` applies, `undo` reverts. `merge(other)` may absorb a following command."""

    text = "Edit"
    merge_key: str | None = None
    design_index: int | None = None  # which design of the post (None: the first; the editor binds its own)

    @property
    def design_at(self) -> int:
        return self.design_index or 0

    def redo(self) -> None:
        raise NotImplementedError

    def undo(self) -> None:
        raise NotImplementedError

    def merge(self, other: Command) -> bool:
        return False


class SetLayers(Command):
    """Set properties (dotted paths such as 'stroke.width') of one or more layers: move, resize,
    rotate, restyle, retype. Consecutive commands with the same merge_key and layers merge into one
    undo step (dragging a slider, typing a word)."""

    def __init__(self, doc: Document, changes: dict[str, dict[str, Any]], text: str = "Change layer",
                 merge_key: str | None = None, design_index: int | None = None, merge_window: float | None = 1.5):
        """merge_window: seconds between two edits that still merge; None merges any time (one drag
        gesture, identified by its merge_key, is one undo step however slow it is)."""
        self.doc, self.design_index, self.merge_window = doc, design_index, merge_window
        self.changes = {lid: dict(props) for lid, props in changes.items()}
        self.old: dict[str, dict[str, Any]] = {}
        self.text, self.merge_key = text, merge_key
        self.stamp = time.monotonic()

    def _design(self) -> Design:
        return self.doc.design(self.design_at)

    def _apply(self, values: dict[str, dict[str, Any]]) -> None:
        design = self._design()
        for lid, props in values.items():
            lay = design.layer(lid)
            for path, value in props.items():
                set_path(lay, path, copy.deepcopy(value))
        self.doc.changed(Change("layers", tuple(values), self.design_at))

    def redo(self) -> None:
        design = self._design()
        for lid, props in self.changes.items():
            lay = design.layer(lid)
            old = self.old.setdefault(lid, {})
            for path in props:
                old.setdefault(path, copy.deepcopy(get_path(lay, path)))
        self._apply(self.changes)

    def undo(self) -> None:
        self._apply(self.old)

    def merge(self, other: Command) -> bool:
        if (not isinstance(other, SetLayers) or self.merge_key is None or other.merge_key != self.merge_key
                or other.design_index != self.design_index or set(other.changes) != set(self.changes)
                or (self.merge_window is not None and other.stamp - self.stamp > self.merge_window)):
            return False
        if word_boundary(self.changes, other.changes):
            return False
        for lid, props in other.changes.items():
            self.changes[lid].update(props)
            for path, value in other.old.get(lid, {}).items():
                self.old[lid].setdefault(path, value)
        self.stamp = other.stamp
        return True


def word_boundary(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> bool:
    """Typing merges into one step per word: a new step starts when a space or newline follows a
    non-space character."""
    for lid, props in after.items():
        new, old = props.get("text"), before.get(lid, {}).get("text")
        if isinstance(new, str) and isinstance(old, str) and len(new) > len(old) and new.startswith(old):
            added = new[len(old):]
            if added[:1].isspace() and old[-1:] and not old[-1:].isspace():
                return True
    return False


class SetDesign(Command):
    """Change the design's background or size (size alone: see ChangeFormat to keep layers sensible)."""

    def __init__(self, doc: Document, changes: dict[str, Any], text: str = "Change design",
                 merge_key: str | None = None, design_index: int | None = None):
        self.doc, self.changes, self.text = doc, dict(changes), text
        self.merge_key, self.design_index = merge_key, design_index
        self.old: dict[str, Any] = {}
        self.stamp = time.monotonic()

    def _apply(self, values: dict[str, Any]) -> None:
        design = self.doc.design(self.design_at)
        for k, v in values.items():
            set_path(design, k, v)
        self.doc.changed(Change("design", (), self.design_at))

    def redo(self) -> None:
        design = self.doc.design(self.design_at)
        for k in self.changes:
            self.old.setdefault(k, get_path(design, k))
        self._apply(self.changes)

    def undo(self) -> None:
        self._apply(self.old)

    def merge(self, other: Command) -> bool:
        if (isinstance(other, SetDesign) and self.merge_key and other.merge_key == self.merge_key
                and set(other.changes) == set(self.changes) and other.stamp - self.stamp < 1.5):
            self.changes.update(other.changes)
            self.stamp = other.stamp
            return True
        return False


class ChangeFormat(Command):
    """Move the design to another size, re-laying out its layers (studio.core.reframe)."""

    def __init__(self, doc: Document, width: int, height: int, design_index: int | None = None):
        self.doc, self.design_index = doc, design_index
        self.text = "Change format"
        self.size = (width, height)
        self.old_size = (0, 0)
        self.geometry: dict[str, dict[str, float]] = {}
        self.old_geometry: dict[str, dict[str, float]] = {}

    def _apply(self, size: tuple[int, int], geometry: dict[str, dict[str, float]]) -> None:
        design = self.doc.design(self.design_at)
        design.width, design.height = size
        for lid, geo in geometry.items():
            lay = design.layer(lid)
            for k, v in geo.items():
                setattr(lay, k, v)
        self.doc.changed(Change("reset", (), self.design_at))

    def redo(self) -> None:
        if not self.old_size[0]:  # first run: lay out from the design as it is now
            design = self.doc.design(self.design_at)
            self.old_size = (design.width, design.height)
            self.geometry = reframe(design, *self.size)
            self.old_geometry = {lay.id: {k: getattr(lay, k) for k in self.geometry[lay.id]} for lay in design.layers}
        self._apply(self.size, self.geometry)

    def undo(self) -> None:
        self._apply(self.old_size, self.old_geometry)


class AddLayers(Command):
    """Insert layers (new, pasted or duplicated) at an index (default: on top)."""

    def __init__(self, doc: Document, layers: list[Layer], index: int | None = None, text: str = "Add layer",
                 design_index: int | None = None):
        self.doc, self.layers, self.index = doc, list(layers), index
        self.text, self.design_index = text, design_index

    def redo(self) -> None:
        design = self.doc.design(self.design_at)
        at = len(design.layers) if self.index is None else self.index
        design.layers[at:at] = self.layers
        self.doc.changed(Change("structure", tuple(lay.id for lay in self.layers), self.design_at))

    def undo(self) -> None:
        design = self.doc.design(self.design_at)
        ids = {lay.id for lay in self.layers}
        design.layers[:] = [lay for lay in design.layers if lay.id not in ids]
        self.doc.changed(Change("structure", tuple(ids), self.design_at))


class DeleteLayers(Command):
    def __init__(self, doc: Document, layer_ids: list[str], design_index: int | None = None):
        self.doc, self.ids, self.design_index = doc, list(layer_ids), design_index
        self.text = "Delete layer" if len(layer_ids) == 1 else "Delete layers"
        self.removed: list[tuple[int, Layer]] = []

    def redo(self) -> None:
        design = self.doc.design(self.design_at)
        self.removed = [(i, lay) for i, lay in enumerate(design.layers) if lay.id in self.ids]
        design.layers[:] = [lay for lay in design.layers if lay.id not in self.ids]
        self.doc.changed(Change("structure", tuple(self.ids), self.design_at))

    def undo(self) -> None:
        design = self.doc.design(self.design_at)
        for i, lay in self.removed:
            design.layers.insert(i, lay)
        self.doc.changed(Change("structure", tuple(self.ids), self.design_at))


class MoveLayer(Command):
    """Z-order: move a layer to another position in the stack (0 = bottom)."""

    def __init__(self, doc: Document, layer_id: str, new_index: int, design_index: int | None = None):
        self.doc, self.layer_id, self.design_index = doc, layer_id, design_index
        self.requested = new_index
        self.old_index = self.new_index = -1
        self.text = "Arrange"

    def _move(self, to: int) -> None:
        design = self.doc.design(self.design_at)
        lay = design.layers.pop(design.index_of(self.layer_id))
        design.layers.insert(to, lay)
        self.doc.changed(Change("structure", (self.layer_id,), self.design_at))

    def redo(self) -> None:
        design = self.doc.design(self.design_at)
        self.old_index = design.index_of(self.layer_id)
        self.new_index = max(0, min(self.requested, len(design.layers) - 1))
        self._move(self.new_index)

    def undo(self) -> None:
        self._move(self.old_index)


class SetPost(Command):
    """Change the post's title, caption, link or targets. Typing merges per word."""

    def __init__(self, doc: Document, changes: dict[str, Any], text: str = "Edit caption",
                 merge_key: str | None = None):
        self.doc, self.changes, self.text, self.merge_key = doc, dict(changes), text, merge_key
        self.old: dict[str, Any] = {}
        self.stamp = time.monotonic()

    def _apply(self, values: dict[str, Any]) -> None:
        for k, v in values.items():
            set_path(self.doc.post, k, copy.deepcopy(v))
        self.doc.changed(Change("post"))

    def redo(self) -> None:
        for k in self.changes:
            self.old.setdefault(k, copy.deepcopy(get_path(self.doc.post, k)))
        self._apply(self.changes)

    def undo(self) -> None:
        self._apply(self.old)

    def merge(self, other: Command) -> bool:
        if (isinstance(other, SetPost) and self.merge_key and other.merge_key == self.merge_key
                and set(other.changes) == set(self.changes) and other.stamp - self.stamp < 1.5
                and not word_boundary({"p": self.changes}, {"p": other.changes})):
            self.changes.update(other.changes)
            self.stamp = other.stamp
            return True
        return False
