"""`studio preview` draws every media item of the post: designs, attached photos, and a video's placeholder."""

from __future__ import annotations

from cli_helpers import RED, run
from PIL import Image


def near(pixel, colour, tolerance: int = 40) -> bool:
    return sum(abs(a - b) for a, b in zip(pixel, colour, strict=True)) < tolerance


def test_attached_photos_appear_beside_the_design(capsys, tmp_path):
    photo = tmp_path / "red.png"
    Image.new("RGB", (800, 800), RED).save(photo)
    post = tmp_path / "post.studio"
    assert run(capsys, "new", "--template", "event", "--text", "Two pictures", "--attach", photo, "-o", post).code == 0
    out = tmp_path / "x.png"
    assert run(capsys, "preview", post, "--target", "x", "-o", out).code == 0
    image = Image.open(out).convert("RGB")
    w, h = image.size
    # X shows two images side by side: the right half of the media grid is the red photo
    reds = [(x, y) for x in range(0, w, 8) for y in range(0, h, 8) if near(image.getpixel((x, y)), RED)]
    assert len(reds) > 100
    assert all(x > w * 0.5 for x, _ in reds)  # the design is on the left, the photo on the right


def test_a_video_shows_as_a_dark_frame_with_a_play_mark(capsys, tmp_path):
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"\0\0\0\x18ftypmp42" + b"\0" * 64)
    post = tmp_path / "post.studio"
    assert run(capsys, "new", "--format", "story", "--attach", clip, "-o", post).code == 0
    out = tmp_path / "reel.png"
    assert run(capsys, "preview", post, "--target", "bluesky", "-o", out).code == 0
    image = Image.open(out).convert("RGB")
    w, h = image.size
    media = range(50, h - 70, 4)  # between the poster's line and the counters (names and icons are dark too)
    dark = [(x, y) for x in range(0, w, 4) for y in media if near(image.getpixel((x, y)), (29, 31, 36))]
    assert len(dark) > 1000  # the frame
    xs, ys = [x for x, _ in dark], [y for _, y in dark]
    cx, cy = (min(xs) + max(xs)) // 2, (min(ys) + max(ys)) // 2
    assert near(image.getpixel((cx, cy)), (255, 255, 255))  # the play mark in its middle
