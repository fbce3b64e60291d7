"""End to end: `python -m studio …` as a real process in the repository, with no display."""

from __future__ import annotations

import io

import pytest
from cli_helpers import RED, assert_error, near, open_image, run_process
from PIL import Image, ImageChops

import studio
from studio.core.design import TextLayer
from studio.core.templates import TEMPLATES
from studio.render.export import export_design
from studio.store.project_file import load

TITLE = "Grüße 🎸 مرحبا"


@pytest.fixture
def home(tmp_path):
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def test_version(home):
    result = run_process(home, "--version")
    assert (result.code, result.out, result.err) == (0, f"Content Studio {studio.__version__}\n", "")


def test_templates(home):
    result = run_process(home, "templates")
    assert result.code == 0, result.err
    assert [line.split()[0] for line in result.out.splitlines()] == list(TEMPLATES)


def test_new_then_render_gives_the_same_pixels_as_the_app(home, tmp_path, photo):
    post = tmp_path / "post.studio"
    result = run_process(home, "new", "--template", "tour-dates", "--title", TITLE, "--text", "Caption 🎸",
                         "--image", photo, "-o", post)
    assert (result.code, result.err, result.out) == (0, "", f"{post}\n")
    doc = load(post)
    design = doc.post.designs()[0]
    assert (design.width, design.height) == (1080, 1350)
    assert TITLE in [lay.text for lay in design.layers if isinstance(lay, TextLayer)]
    assert doc.post.text == "Caption 🎸"

    out = tmp_path / "out.png"
    result = run_process(home, "render", post, "-o", out)
    assert result.code == 0, result.err
    assert result.err == ""
    assert result.out.startswith(f"{out}: 1080x1350 png")

    expected = export_design(design, doc.assets, "png")  # what the studio window's Export writes
    assert out.read_bytes() == expected.data
    a, b = open_image(out), Image.open(io.BytesIO(expected.data))
    assert a.size == b.size == (1080, 1350)
    assert ImageChops.difference(a.convert("RGBA"), b.convert("RGBA")).getbbox() is None


def test_render_twice_in_two_processes_is_identical(home, tmp_path, event_file):
    outputs = []
    for n in range(2):
        out = tmp_path / f"out{n}.jpg"
        result = run_process(home, "render", event_file, "-o", out, "--quality", "85")
        assert result.code == 0, result.err
        outputs.append(open_image(out))
    a, b = outputs
    assert a.size == b.size == (1080, 1920)
    assert a.tobytes() == b.tobytes()  # the files differ only in the ICC profile's creation time


def test_render_picks_a_headless_platform_itself(home, tmp_path, photo):
    """No DISPLAY and no QT_QPA_PLATFORM: the renderer must choose offscreen on its own, not abort."""
    post = tmp_path / "post.studio"
    assert run_process(home, "new", "--image", photo, "--format", "400x800", "-o", post, offscreen=False).code == 0
    out = tmp_path / "out.webp"
    result = run_process(home, "render", post, "-o", out, offscreen=False)
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    im = open_image(out)
    assert (im.format, im.size) == ("WEBP", (400, 800))
    assert near(im.convert("RGB").getpixel((200, 100)), RED)


def test_errors_are_one_line_without_traceback(home, tmp_path):
    missing = tmp_path / "post.studio"
    assert_error(run_process(home, "new", "--template", "nope", "-o", missing), "There is no template 'nope'")
    assert not missing.exists()
    bad = tmp_path / "bad.studio"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    assert_error(run_process(home, "render", bad, "-o", tmp_path / "out.png"), "damaged or incomplete")
    assert_error(run_process(home, "render", bad, "-o", tmp_path / "out.gif"), ".gif")
    assert not (tmp_path / "out.png").exists()
