"""`studio render`: export a post's design without a display (in-process)."""

from __future__ import annotations

import io
import json
import os
import re
import zipfile

import pytest
from cli_helpers import assert_error, make_jpeg, near, open_image, run
from PIL import Image, ImageChops

from studio.core.design import Design, ImageLayer
from studio.core.document import Document
from studio.core.post import Media, Post
from studio.render.export import export_design
from studio.store.project_file import ProjectError, load, save

PLACEHOLDER = (0xE8, 0xEA, 0xED)
SUMMARY = re.compile(r"^(?P<path>.+): (?P<w>\d+)x(?P<h>\d+) (?P<fmt>\w+) quality (?P<q>\d+), (?P<n>\d+) bytes$")


def render(capsys, *args: object):
    result = run(capsys, "render", *args)
    assert result.code == 0, result.err
    match = SUMMARY.match(result.out.strip())
    assert match, result.out
    return result, match


@pytest.mark.parametrize(("name", "pil_format"), [("out.jpg", "JPEG"), ("out.jpeg", "JPEG"), ("out.png", "PNG"),
                                                  ("out.webp", "WEBP"), ("OUT.PNG", "PNG")])
def test_formats_decode_at_the_design_size(capsys, tmp_path, event_file, name, pil_format):
    out = tmp_path / name
    result, match = render(capsys, event_file, "-o", out)
    assert result.err == ""
    im = open_image(out)
    assert im.format == pil_format
    assert im.size == (1080, 1920)
    assert (int(match["w"]), int(match["h"]), int(match["n"])) == (1080, 1920, out.stat().st_size)
    assert match["path"] == str(out)


@pytest.mark.parametrize("ext", ["jpg", "png", "webp"])
def test_max_size_fits_the_file_under_the_limit(capsys, tmp_path, event_file, ext):
    out = tmp_path / f"out.{ext}"
    _, match = render(capsys, event_file, "-o", out, "--quality", "100", "--max-size", "300KB")
    size = out.stat().st_size
    assert 0 < size <= 300_000
    im = open_image(out)
    assert im.size == (int(match["w"]), int(match["h"]))
    if ext == "png":  # 1.3 MB at full size, and PNG is lossless: it can only fit by getting smaller
        assert im.width < 1080 and im.height < 1920
        assert abs(im.width / im.height - 1080 / 1920) < 0.01
    if ext == "jpg":  # quality 100 is far over 300 KB: a lower quality must have been chosen
        assert int(match["q"]) < 100


def test_quality_changes_the_jpeg(capsys, tmp_path, event_file):
    _, low = render(capsys, event_file, "-o", tmp_path / "low.jpg", "--quality", "20")
    _, high = render(capsys, event_file, "-o", tmp_path / "high.jpg", "--quality", "95")
    assert (int(low["q"]), int(high["q"])) == (20, 95)
    assert int(low["n"]) < int(high["n"])


@pytest.mark.parametrize("quality", ["0", "101", "-5", "1000"])
def test_quality_out_of_range(capsys, tmp_path, event_file, quality):
    out = tmp_path / "out.jpg"
    assert_error(run(capsys, "render", event_file, "-o", out, f"--quality={quality}"), "between 1 and 100")
    assert not out.exists()


@pytest.mark.parametrize("name", ["out.gif", "out.bmp", "out.tiff", "out"])
def test_unknown_extension_names_the_supported_ones(capsys, tmp_path, event_file, name):
    out = tmp_path / name
    line = assert_error(run(capsys, "render", event_file, "-o", out), name)
    for ext in (".jpg", ".png", ".webp"):
        assert ext in line
    assert not out.exists()


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _post_json(event_file, **changes) -> bytes:
    with zipfile.ZipFile(event_file) as zf:
        data = json.loads(zf.read("post.json"))
    data.update(changes)
    return json.dumps(data).encode()


CORRUPT = {
    "random bytes": (lambda f: os.urandom(4096), "not a zip archive"),
    "truncated zip": (lambda f: f.read_bytes()[: f.stat().st_size // 2], "damaged or incomplete"),
    "zip without post.json": (lambda f: _zip({"readme.txt": b"hello"}), "has no post.json"),
    "newer schema": (lambda f: _zip({"post.json": _post_json(f, schema=999)}), "newer Content Studio"),
    "not json": (lambda f: _zip({"post.json": b"{oops"}), "not valid JSON"),
    "empty file": (lambda f: b"", "empty (0 bytes)"),
}


@pytest.mark.parametrize("case", list(CORRUPT))
def test_corrupt_project_reports_the_project_error(capsys, tmp_path, event_file, case):
    make, fragment = CORRUPT[case]
    bad = tmp_path / "bad.studio"
    bad.write_bytes(make(event_file))
    with pytest.raises(ProjectError) as caught:
        load(bad)
    out = tmp_path / "out.png"
    line = assert_error(run(capsys, "render", bad, "-o", out), fragment)
    assert line == f"error: {caught.value.message}"
    assert not out.exists()


@pytest.mark.parametrize("make_file", [lambda p: None, lambda p: p.mkdir()], ids=["missing", "folder"])
def test_project_that_is_missing_or_a_folder(capsys, tmp_path, make_file):
    path = tmp_path / "post.studio"
    make_file(path)
    assert_error(run(capsys, "render", path, "-o", tmp_path / "out.png"), f'Could not open "{path}"')


def _save_doc(path, *designs: Design, assets: dict[str, bytes] | None = None, files: tuple[str, ...] = ()):
    doc = Document(post=Post(media=[Media(design=d) for d in designs] +
                             [Media(kind="file", asset=key) for key in files]), assets=dict(assets or {}))
    save(doc, path)
    return path


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_corrupt_image_asset_renders_a_placeholder_and_warns(capsys, tmp_path, damage):
    good = make_jpeg(tmp_path / "photo.jpg")
    data = good[: len(good) // 3] if damage == "truncated" else b"\x00not an image at all" * 10
    key = Document().add_asset(data)
    design = Design(width=400, height=300, background="#123456",
                    layers=[ImageLayer(asset=key, x=0, y=0, w=400, h=300)])
    path = _save_doc(tmp_path / "post.studio", design, assets={key: data})
    out = tmp_path / "out.png"
    result = run(capsys, "render", path, "-o", out)
    assert result.code == 0
    assert "Traceback" not in result.err
    [warning] = result.err.splitlines()
    assert warning.startswith("warning: an image was drawn as a placeholder: ")
    assert ("damaged" if damage == "truncated" else "isn't an image") in warning
    im = open_image(out).convert("RGB")
    assert im.size == (400, 300)
    assert im.getpixel((200, 20)) == PLACEHOLDER
    assert im.getpixel((200, 280)) == PLACEHOLDER


def test_media_picks_the_design(capsys, tmp_path):
    path = _save_doc(tmp_path / "two.studio", Design(width=200, height=100, background="#ff0000"),
                     Design(width=64, height=128, background="#00ff00"))
    for media, size, color in ((1, (200, 100), (255, 0, 0)), (2, (64, 128), (0, 255, 0))):
        out = tmp_path / f"m{media}.jpg"
        render(capsys, path, "-o", out, "--media", media)
        im = open_image(out).convert("RGB")
        assert im.size == size
        assert near(im.getpixel((10, 10)), color, 8)
    assert_error(run(capsys, "render", path, "-o", tmp_path / "m3.jpg", "--media", "3"), "between 1 and 2")


@pytest.mark.parametrize("ext", ["png", "webp"])
def test_png_and_webp_keep_the_design_background(capsys, tmp_path, ext):
    path = _save_doc(tmp_path / "plain.studio", Design(width=64, height=64, background="#ff5a36"))
    out = tmp_path / f"out.{ext}"
    render(capsys, path, "-o", out)
    im = open_image(out).convert("RGBA")
    assert near(im.getpixel((32, 32)), (0xFF, 0x5A, 0x36), 2)
    assert im.getpixel((32, 32))[3] == 255


@pytest.mark.parametrize("media", ["2", "0", "-1"])
def test_media_out_of_range_on_a_one_design_post(capsys, tmp_path, event_file, media):
    out = tmp_path / "out.jpg"
    assert_error(run(capsys, "render", event_file, "-o", out, f"--media={media}"), "--media must be between 1 and 1")
    assert not out.exists()


def test_post_without_a_design(capsys, tmp_path):
    data = b"a plain file"
    path = _save_doc(tmp_path / "files.studio", files=(Document().add_asset(data),),
                     assets={Document().add_asset(data): data})
    assert_error(run(capsys, "render", path, "-o", tmp_path / "out.png"), "has no design to render")


def test_output_folder_that_does_not_exist(capsys, tmp_path, event_file):
    out = tmp_path / "nowhere" / "out.png"
    assert_error(run(capsys, "render", event_file, "-o", out), "could not write", str(out))


def test_same_pixels_as_the_app_export_and_deterministic(capsys, tmp_path, event_file):
    doc = load(event_file)
    expected = export_design(doc.post.designs()[0], doc.assets, "png")
    outputs = []
    for n in range(2):
        out = tmp_path / f"out{n}.png"
        render(capsys, event_file, "-o", out)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0] == expected.data
    a, b = open_image(tmp_path / "out0.png"), Image.open(io.BytesIO(expected.data))
    assert a.mode == b.mode and a.size == b.size == (1080, 1920)
    assert ImageChops.difference(a.convert("RGBA"), b.convert("RGBA")).getbbox() is None
    assert len(a.convert("RGB").getcolors(1 << 24)) > 1000  # a photo and text, not an empty canvas
