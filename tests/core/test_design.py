import pytest

from studio.core.colors import fmt, normalize, parse
from studio.core.design import (
    Design,
    ImageLayer,
    ShapeLayer,
    TextLayer,
    from_data,
    layer_from_data,
    parse_size,
    to_data,
)
from studio.core.document import Document
from studio.core.post import Media, Post, post_from_data, post_to_data
from studio.core.reframe import reframe


def sample_design() -> Design:
    return Design(width=1080, height=1350, background="#102030", layers=[
        ImageLayer(name="Photo", asset="ab" * 32, x=0, y=0, w=1080, h=1350),
        TextLayer(name="Headline", text="Grüße 🎸 مرحبا", x=100, y=900, w=880, h=200, font_size=90, auto_fit=True),
        ShapeLayer(shape="ellipse", x=40, y=40, w=200, h=200, fill="#ff000080"),
    ])


def test_colors_parse_and_format():
    assert parse("#ff0080") == (255, 0, 128, 255)
    assert parse("#ff008040") == (255, 0, 128, 64)
    assert fmt(1, 2, 3) == "#010203"
    assert normalize("#FF0080FF") == "#ff0080"
    for bad in ("red", "#fff", "#12345", "", "#gggggg"):
        with pytest.raises(ValueError):
            parse(bad)


def test_design_round_trips_through_plain_data():
    d = sample_design()
    data = to_data(d)
    assert data["layers"][1]["type"] == "text"
    again = from_data(Design, data)
    assert to_data(again) == data
    assert isinstance(again.layers[1], TextLayer) and again.layers[1].text == "Grüße 🎸 مرحبا"


def test_post_round_trip_with_variants_and_media():
    post = Post(title="T", text="caption #tag", targets=["bluesky", "x"],
                media=[Media(design=sample_design(), alt="a")])
    data = post_to_data(post)
    again = post_from_data(data)
    assert post_to_data(again) == data


@pytest.mark.parametrize("patch, message", [
    ({"align": "diagonal"}, "align"),
    ({"opacity": 7}, "opacity"),
    ({"font_size": "big"}, "font_size"),
    ({"color": "blue"}, "color"),
    ({"weight": 1e300}, "weight"),
    ({"visible": "yes"}, "visible"),
])
def test_invalid_layer_fields_name_the_field(patch, message):
    data = to_data(TextLayer(text="x"))
    data.update(patch)
    with pytest.raises(ValueError, match=message):
        layer_from_data(data)


def test_unknown_layer_type_and_duplicate_ids_are_refused():
    with pytest.raises(ValueError, match="unknown layer type"):
        layer_from_data({"type": "hologram"})
    d = to_data(sample_design())
    d["layers"][1]["id"] = d["layers"][0]["id"]
    with pytest.raises(ValueError, match="share an id"):
        from_data(Design, d)


def test_unknown_keys_are_ignored_for_forward_compatibility():
    data = to_data(TextLayer(text="x"))
    data["sparkle"] = True
    assert layer_from_data(data).text == "x"


def test_parse_size():
    assert parse_size("1080x1350") == (1080, 1350)
    assert parse_size("story") == (1080, 1920)
    for bad in ("huge", "0x10", "99999x10", "10x"):
        with pytest.raises(ValueError):
            parse_size(bad)


def test_reframe_keeps_backgrounds_full_and_layers_inside():
    d = sample_design()
    geo = reframe(d, 1080, 1920)
    assert geo[d.layers[0].id] == {"x": 0.0, "y": 0.0, "w": 1080.0, "h": 1920.0}
    for lay in d.layers[1:]:
        g = geo[lay.id]
        assert g["x"] >= 0 and g["x"] + g["w"] <= 1080 + 1e-6
        assert g["y"] >= 0 and g["y"] + g["h"] <= 1920 + 1e-6
    # to a wide format: text scales uniformly, its font with it
    wide = reframe(d, 1200, 628)
    text = d.layers[1]
    assert wide[text.id]["font_size"] < text.font_size
    assert wide[text.id]["w"] / wide[text.id]["h"] == pytest.approx(text.w / text.h)


def test_document_assets_are_content_addressed_and_pruned():
    doc = Document(post=Post(media=[Media(design=Design())]))
    k1 = doc.add_asset(b"one")
    k2 = doc.add_asset(b"one")
    assert k1 == k2 and len(doc.assets) == 1
    doc.design().layers.append(ImageLayer(asset=doc.add_asset(b"two")))
    doc.prune_assets()
    assert list(doc.assets.values()) == [b"two"]


def test_document_change_notification_and_dirty():
    doc = Document(post=Post(media=[Media(design=Design())]))
    seen = []
    unsubscribe = doc.subscribe(seen.append)
    from studio.core.document import Change

    doc.changed(Change("post"))
    assert doc.dirty and len(seen) == 1
    doc.mark_saved()
    assert not doc.dirty
    unsubscribe()
    doc.changed(Change("post"))
    assert len(seen) == 1
