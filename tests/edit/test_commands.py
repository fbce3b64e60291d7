import copy
import time

from studio.core.design import Design, ShapeLayer, TextLayer, to_data
from studio.core.document import Document
from studio.core.post import Media, Post
from studio.edit import AddLayers, ChangeFormat, DeleteLayers, MoveLayer, SetDesign, SetLayers, SetPost, UndoStack
from studio.edit.clipboard import copy_layers, duplicate, paste_layers


def make_doc() -> Document:
    d = Design(layers=[ShapeLayer(id="a", x=10, y=10), TextLayer(id="b", text="Hi", x=100, y=100, w=400, h=100),
                       ShapeLayer(id="c", shape="ellipse")])
    return Document(post=Post(media=[Media(design=d)]))


def snapshot(doc: Document):
    return copy.deepcopy(to_data(doc.post))


def test_every_command_undoes_and_redoes_exactly():
    doc = make_doc()
    stack = UndoStack()
    states = [snapshot(doc)]
    commands = [
        SetLayers(doc, {"a": {"x": 50, "stroke.width": 3}}),
        SetDesign(doc, {"background": "#000000"}),
        ChangeFormat(doc, 1080, 1920),
        AddLayers(doc, [TextLayer(id="d", text="new")]),
        DeleteLayers(doc, ["a", "c"]),
        MoveLayer(doc, "d", 0),
        SetPost(doc, {"text": "caption"}),
    ]
    for cmd in commands:
        stack.push(cmd)
        states.append(snapshot(doc))
    assert states[-1] != states[0]
    for expected in reversed(states[:-1]):
        stack.undo()
        assert snapshot(doc) == expected
    for expected in states[1:]:
        stack.redo()
        assert snapshot(doc) == expected


def test_drag_gesture_merges_into_one_step():
    doc = make_doc()
    stack = UndoStack()
    for i in range(20):
        stack.push(SetLayers(doc, {"a": {"x": 10 + i}}, "Move", merge_key="drag-1", merge_window=None))
    assert len(stack) == 1
    assert doc.design().layer("a").x == 29
    stack.undo()
    assert doc.design().layer("a").x == 10


def test_typing_merges_per_word():
    doc = make_doc()
    stack = UndoStack()
    text = ""
    for ch in "hello big world":
        text += ch
        stack.push(SetLayers(doc, {"b": {"text": text}}, "Type", merge_key="type-b"))
    assert len(stack) == 3  # "hello", " big", " world"
    stack.undo()
    assert doc.design().layer("b").text == "hello big"
    stack.undo()
    assert doc.design().layer("b").text == "hello"
    stack.undo()
    assert doc.design().layer("b").text == "Hi"


def test_typing_after_a_pause_is_a_new_step(monkeypatch):
    doc = make_doc()
    stack = UndoStack()
    stack.push(SetLayers(doc, {"b": {"text": "Hia"}}, merge_key="type-b"))
    later = time.monotonic() + 5
    monkeypatch.setattr(time, "monotonic", lambda: later)
    stack.push(SetLayers(doc, {"b": {"text": "Hiab"}}, merge_key="type-b"))
    assert len(stack) == 2


def test_clean_state_follows_save_and_undo():
    doc = make_doc()
    stack = UndoStack()
    stack.push(SetLayers(doc, {"a": {"x": 1}}))
    stack.set_clean()
    assert stack.is_clean()
    stack.push(SetLayers(doc, {"a": {"x": 2}}, merge_key="k"))
    stack.push(SetLayers(doc, {"a": {"x": 3}}, merge_key="k"))  # merges, but not into the saved step
    assert not stack.is_clean()
    stack.undo()
    assert stack.is_clean()
    stack.undo()
    stack.push(SetLayers(doc, {"a": {"x": 9}}))
    assert not stack.is_clean()
    stack.undo()
    stack.redo()
    assert not stack.is_clean()


def test_change_format_is_one_undo_step_and_restores_geometry():
    doc = make_doc()
    before = snapshot(doc)
    stack = UndoStack()
    stack.push(ChangeFormat(doc, 1200, 628))
    assert (doc.design().width, doc.design().height) == (1200, 628)
    stack.undo()
    assert snapshot(doc) == before


def test_copy_paste_and_duplicate_make_new_ids():
    doc = make_doc()
    key = doc.add_asset(b"\x89PNG fake")
    from studio.core.design import ImageLayer

    img = ImageLayer(id="i", asset=key, x=5, y=6)
    text = copy_layers([img, doc.design().layer("b")], doc.assets)
    layers, assets = paste_layers(text)
    assert [lay.id for lay in layers] != ["i", "b"] and len({lay.id for lay in layers}) == 2
    assert layers[0].x == 25 and assets == {key: b"\x89PNG fake"}
    dups = duplicate([doc.design().layer("a")])
    assert dups[0].id != "a" and dups[0].x == 30


def test_paste_rejects_foreign_or_damaged_clipboard():
    import pytest

    with pytest.raises(ValueError):
        paste_layers('{"something": 1}')
    text = copy_layers([], {})
    assert paste_layers(text) == ([], {})
