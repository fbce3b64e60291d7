"""The post's media list as undoable edits: add, remove, reorder, alt text and focal point."""

import copy
import time

import pytest

from studio.core.design import Design, to_data
from studio.core.document import Document
from studio.core.post import Media, Post, post_from_data, post_to_data
from studio.edit import AddMedia, MoveMedia, RemoveMedia, SetLayers, SetMedia, UndoStack


def make_doc() -> Document:
    doc = Document(post=Post(media=[Media(id="d1", design=Design(width=1080, height=1080))]))
    key = doc.add_asset(b"fake photo bytes")
    doc.post.media.append(Media(id="f1", kind="file", asset=key))
    return doc


def ids(doc: Document) -> list[str]:
    return [m.id for m in doc.post.media]


def test_media_edits_undo_and_redo_exactly():
    doc, stack = make_doc(), UndoStack()
    states = [copy.deepcopy(to_data(doc.post))]
    for cmd in (AddMedia(doc, [Media(id="d2", design=Design())], 1), MoveMedia(doc, "f1", 0),
                SetMedia(doc, "f1", {"alt": "The band on stage"}),
                SetMedia(doc, "f1", {"focus_x": 0.2, "focus_y": 0.7}),
                RemoveMedia(doc, "d2")):
        stack.push(cmd)
        states.append(copy.deepcopy(to_data(doc.post)))
    assert ids(doc) == ["f1", "d1"] and doc.post.media[0].alt == "The band on stage"
    assert doc.post.media[0].has_focus
    for expected in reversed(states[:-1]):
        stack.undo()
        assert to_data(doc.post) == expected
    for expected in states[1:]:
        stack.redo()
        assert to_data(doc.post) == expected


def test_the_only_design_cannot_be_removed_but_files_can():
    doc = make_doc()
    with pytest.raises(ValueError, match="only design"):
        RemoveMedia(doc, "d1").redo()
    RemoveMedia(doc, "f1").redo()
    assert ids(doc) == ["d1"]


def test_typing_alt_text_is_one_step_per_word():
    doc, stack = make_doc(), UndoStack()
    typed = "Crowd at night"
    for i in range(1, len(typed) + 1):
        stack.push(SetMedia(doc, "f1", {"alt": typed[:i]}, merge_key="alt-f1"))
    assert doc.post.media[1].alt == typed and len(stack) == 3  # "Crowd", " at", " night"
    stack.undo()
    assert doc.post.media[1].alt == "Crowd at"


def test_alt_text_of_different_items_never_merges():
    doc, stack = make_doc(), UndoStack()
    stack.push(SetMedia(doc, "f1", {"alt": "a"}, merge_key="alt"))
    stack.push(SetMedia(doc, "d1", {"alt": "b"}, merge_key="alt"))
    assert len(stack) == 2


def test_unknown_media_fields_are_refused():
    with pytest.raises(ValueError, match="no kind"):
        SetMedia(make_doc(), "f1", {"kind": "design"})


def test_a_design_edit_is_bound_to_its_design_even_after_media_move():
    doc, stack = make_doc(), UndoStack()
    second = Design(width=1080, height=1920)
    stack.push(AddMedia(doc, [Media(id="d2", design=second)]))
    from studio.core.design import ShapeLayer

    second.layers.append(ShapeLayer(id="s", x=0))
    stack.push(SetLayers(doc, {"s": {"x": 100.0}}, design_index=1))
    stack.push(MoveMedia(doc, "d2", 0))  # now the first design
    stack.undo()  # the move
    stack.undo()  # the edit: still on the same design
    assert second.layers[0].x == 0


def test_focus_and_options_survive_saving_and_bad_values_are_named():
    post = Post(media=[Media(kind="design", design=Design(), focus_x=0.25, focus_y=0.9)])
    from studio.core.post import Variant

    post.variants["mastodon"] = Variant(options={"visibility": "unlisted", "spoiler_text": "Spoilers",
                                                 "language": "de", "sensitive": True})
    again = post_from_data(post_to_data(post))
    assert again.media[0].focus_x == 0.25 and again.variants["mastodon"].options["visibility"] == "unlisted"
    data = post_to_data(post)
    data["variants"]["mastodon"]["options"]["visibility"] = "everyone"
    with pytest.raises(ValueError, match=r"post\.variants\.mastodon\.options\.visibility: expected one of public"):
        post_from_data(data)
    data["variants"]["mastodon"]["options"] = {"silent": "yes"}
    with pytest.raises(ValueError, match="silent: expected true/false"):
        post_from_data(data)
    data["variants"]["mastodon"]["options"] = {"from_a_newer_version": 1}
    assert post_from_data(data).variants["mastodon"].options == {"from_a_newer_version": 1}
    data["media"][0]["focus_x"] = 1.5
    with pytest.raises(ValueError, match=r"post\.media\[0\]\.focus_x: 1\.5 is outside"):
        post_from_data(data)


def test_word_merging_window_closes(monkeypatch):
    doc, stack = make_doc(), UndoStack()
    stack.push(SetMedia(doc, "f1", {"alt": "a"}, merge_key="alt-f1"))
    later = time.monotonic() + 5
    monkeypatch.setattr(time, "monotonic", lambda: later)
    stack.push(SetMedia(doc, "f1", {"alt": "ab"}, merge_key="alt-f1"))
    assert len(stack) == 2
