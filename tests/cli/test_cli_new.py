"""`studio new`: a .studio from a template or blank, with the user's title, caption and photo (in-process)."""

from __future__ import annotations

import hashlib

import pytest
from cli_helpers import BLUE, RED, assert_error, near, open_image, run
from PIL import Image

from studio.core.design import ImageLayer, TextLayer
from studio.core.templates import TEMPLATES, sample_logo_path, template_photo_path
from studio.store.project_file import load

KEYS = list(TEMPLATES)
TITLE = "Grüße 🎸 مرحبا"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def new(capsys, tmp_path, *args: object):
    """Run `studio new ARGS -o tmp/post.studio`, check it succeeded, and load what it wrote."""
    out = tmp_path / "post.studio"
    result = run(capsys, "new", *args, "-o", out)
    assert (result.code, result.err) == (0, ""), result.err
    assert result.out == f"{out}\n"
    doc = load(out)
    assert len(doc.post.media) == 1
    assert len(doc.post.designs()) == 1
    return doc, doc.post.designs()[0]


def photo_layers(design) -> list[ImageLayer]:
    return [lay for lay in design.layers if isinstance(lay, ImageLayer) and lay.role == "photo"]


def texts(design) -> list[str]:
    return [lay.text for lay in design.layers if isinstance(lay, TextLayer)]


@pytest.mark.parametrize("key", KEYS)
def test_every_template_makes_a_post_in_its_format(capsys, tmp_path, key):
    template = TEMPLATES[key]
    doc, design = new(capsys, tmp_path, "--template", key)
    assert (design.width, design.height) == template.size
    assert doc.post.title == template.name
    assert doc.post.text == template.caption
    assert set(doc.assets) == doc.post.assets()  # only what the post uses, every byte of it in the file
    sample = template_photo_path(template)
    if sample is not None:
        assert {lay.asset for lay in photo_layers(design)} == {sha(sample.read_bytes())}
    logos = [lay for lay in design.layers if isinstance(lay, ImageLayer) and lay.role == "logo"]
    assert logos and all(lay.asset == sha(sample_logo_path().read_bytes()) for lay in logos)


@pytest.mark.parametrize("key", KEYS)
def test_format_story_overrides_the_template_size(capsys, tmp_path, key):
    _, design = new(capsys, tmp_path, "--template", key, "--format", "story")
    assert (design.width, design.height) == (1080, 1920)


@pytest.mark.parametrize(("fmt", "size"), [("640x480", (640, 480)), ("1200×628", (1200, 628)),
                                           ("square", (1080, 1080)), ("landscape", (1600, 900))])
def test_custom_and_preset_formats(capsys, tmp_path, fmt, size):
    _, design = new(capsys, tmp_path, "--template", "quote", "--format", fmt)
    assert (design.width, design.height) == size


def test_blank_post_is_portrait_with_no_layers(capsys, tmp_path):
    doc, design = new(capsys, tmp_path)
    assert (design.width, design.height) == (1080, 1350)
    assert design.layers == []
    assert doc.assets == {}
    assert (doc.post.title, doc.post.text) == ("", "")


@pytest.mark.parametrize("key", [*KEYS, None])
def test_title_in_any_script_is_the_headline(capsys, tmp_path, key):
    args = ("--template", key) if key else ()
    doc, design = new(capsys, tmp_path, *args, "--title", TITLE)
    assert TITLE in texts(design)
    assert doc.post.title == TITLE


@pytest.mark.parametrize("key", ["event", None])
def test_text_becomes_the_caption(capsys, tmp_path, key):
    caption = "Zeile eins\nline two 🎸 #tag"
    args = ("--template", key) if key else ()
    doc, design = new(capsys, tmp_path, *args, "--text", caption)
    assert doc.post.text == caption
    assert caption not in texts(design)


@pytest.mark.parametrize("key", KEYS)
def test_image_is_embedded_as_is_and_used_by_the_photo_layers(capsys, tmp_path, photo, key):
    data = photo.read_bytes()
    doc, design = new(capsys, tmp_path, "--template", key, "--image", photo)
    assert doc.assets[sha(data)] == data  # the original bytes, EXIF and all: nothing re-encoded
    layers = photo_layers(design)
    assert layers
    assert {lay.asset for lay in layers} == {sha(data)}
    sample = template_photo_path(TEMPLATES[key])
    if sample is not None:
        assert sha(sample.read_bytes()) not in doc.assets


def test_blank_with_image_and_title(capsys, tmp_path, photo):
    _, design = new(capsys, tmp_path, "--image", photo, "--title", TITLE)
    assert (design.width, design.height) == (1080, 1350)
    [image] = photo_layers(design)
    assert image.asset == sha(photo.read_bytes())
    assert (image.x, image.y, image.w, image.h) == (0, 0, 1080, 1350)
    [headline] = [lay for lay in design.layers if isinstance(lay, TextLayer)]
    assert headline.text == TITLE
    assert headline.color.lower() == "#ffffff"  # white over the photo
    assert design.layers.index(headline) > design.layers.index(image)  # drawn on top of it


def test_exif_orientation_is_applied_when_rendered(capsys, tmp_path, photo):
    """The 800x400 file shows as 400x800 (red on top) only if EXIF orientation 6 is honoured."""
    new(capsys, tmp_path, "--image", photo, "--format", "400x800")
    png = tmp_path / "out.png"
    result = run(capsys, "render", tmp_path / "post.studio", "-o", png)
    assert result.code == 0, result.err
    im = open_image(png).convert("RGB")
    assert im.size == (400, 800)
    for y in (40, 200, 360):
        assert near(im.getpixel((200, y)), RED), (y, im.getpixel((200, y)))
    for y in (440, 600, 760):
        assert near(im.getpixel((200, y)), BLUE), (y, im.getpixel((200, y)))
    assert near(im.getpixel((20, 600)), BLUE) and near(im.getpixel((380, 200)), RED)


def test_blank_title_is_drawn(capsys, tmp_path, photo):
    renders = []
    for args in ((), ("--title", "HELLO")):
        folder = tmp_path / str(len(renders))
        folder.mkdir()
        new(capsys, folder, "--image", photo, "--format", "400x800", *args)
        assert run(capsys, "render", folder / "post.studio", "-o", folder / "out.png").code == 0
        renders.append(open_image(folder / "out.png").convert("RGB"))
    plain, titled = renders
    box = (24, 496, 376, 736)  # the headline's frame: 6 % margins, from 62 % of the height, 30 % high
    assert plain.crop(box).tobytes() != titled.crop(box).tobytes()
    assert plain.crop((0, 0, 400, 400)).tobytes() == titled.crop((0, 0, 400, 400)).tobytes()


# --- errors: one line on stderr, exit 1, nothing written ------------------------------------------

def failed_new(capsys, tmp_path, *args: object, output=None):
    out = output or tmp_path / "post.studio"
    result = run(capsys, "new", *args, "-o", out)
    if output is None:
        assert not out.exists()
    return result


def test_unknown_template_lists_the_valid_ones(capsys, tmp_path):
    line = assert_error(failed_new(capsys, tmp_path, "--template", "nope"), "'nope'")
    for key in KEYS:
        assert key in line


@pytest.mark.parametrize(("fmt", "fragment"), [("huge", "'huge' is not WIDTHxHEIGHT"), ("0x10", "between 16"),
                                               ("10000x1000", "between 16"), ("1080x", "is not WIDTHxHEIGHT")])
def test_bad_format(capsys, tmp_path, fmt, fragment):
    assert_error(failed_new(capsys, tmp_path, "--template", "event", "--format", fmt), fragment)
    assert_error(failed_new(capsys, tmp_path, "--format", fmt), fragment)


@pytest.mark.parametrize("key", ["event", None])
@pytest.mark.parametrize(("name", "content", "fragment"), [
    ("notes.txt", b"just some words\n", "isn't an image"),
    ("empty.jpg", b"", "is empty (0 bytes)"),
    ("missing.jpg", None, "No such file"),
    ("cut.jpg", "truncated", "damaged or incomplete"),
])
def test_bad_image(capsys, tmp_path, photo, key, name, content, fragment):
    path = tmp_path / name
    if content == "truncated":
        path.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 3)  # a JPEG signature and nothing after it
    elif content is not None:
        path.write_bytes(content)
    args = ("--template", key) if key else ()
    line = assert_error(failed_new(capsys, tmp_path, *args, "--image", path), fragment)
    assert name in line


def test_image_that_is_a_folder(capsys, tmp_path):
    assert_error(failed_new(capsys, tmp_path, "--image", tmp_path), "Could not read")


def test_output_in_a_folder_that_does_not_exist(capsys, tmp_path):
    out = tmp_path / "nowhere" / "post.studio"
    assert_error(failed_new(capsys, tmp_path, "--template", "event", output=out), "folder does not exist")
    assert not out.parent.exists()


def test_output_under_a_file(capsys, tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("keep me")
    assert_error(failed_new(capsys, tmp_path, output=blocker / "post.studio"), "is a file, not a folder")
    assert blocker.read_text() == "keep me"


def test_output_that_is_a_folder(capsys, tmp_path):
    folder = tmp_path / "existing"
    folder.mkdir()
    assert_error(failed_new(capsys, tmp_path, output=folder), "a folder with that name is in the way")
    assert folder.is_dir() and list(folder.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir()] == ["existing"]  # no temporary file left behind


def test_attached_photos_and_video_with_alt_text_and_targets(capsys, tmp_path):
    photo = tmp_path / "crowd.png"
    Image.new("RGB", (640, 480), BLUE).save(photo)
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"\0\0\0\x18ftypmp42" + b"\0" * 64)
    out = tmp_path / "post.studio"
    result = run(capsys, "new", "--text", "Tour", "--attach", photo, "--attach", clip, "--alt", "Our card",
                 "--alt", "The crowd", "--target", "bluesky", "--target", "instagram", "-o", out)
    assert (result.code, result.err) == (0, "")
    post = load(out).post
    assert [(m.kind, m.alt) for m in post.media] == [("design", "Our card"), ("file", "The crowd"), ("file", "")]
    assert post.targets == ["bluesky", "instagram"]
    assert load(out).assets[post.media[2].asset].startswith(b"\0\0\0\x18ftyp")


def test_attach_refuses_what_it_cannot_post(capsys, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a picture")
    assert_error(run(capsys, "new", "--attach", notes, "-o", tmp_path / "p.studio"), "notes.txt")
    assert_error(run(capsys, "new", "--alt", "a", "--alt", "b", "-o", tmp_path / "p.studio"), "2 --alt texts for 1")
    assert_error(run(capsys, "new", "--target", "myspace", "-o", tmp_path / "p.studio"), "Unknown target 'myspace'")
    assert not (tmp_path / "p.studio").exists()
