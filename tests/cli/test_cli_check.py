"""`studio check FILE.studio [--target ID ...] [--json]`: counters and problems per target, exit 1 on errors."""

from __future__ import annotations

import io
import json

from cli_helpers import assert_error, run
from PIL import Image

from studio.core.design import Design, ShapeLayer
from studio.core.document import Document
from studio.core.post import Media, Post, Variant
from studio.networks.registry import ALL_TARGETS
from studio.store.project_file import save


def studio_file(tmp_path, post: Post, files: list[tuple[bytes, str]] = ()):
    """Save `post` with plain-file media items made of (bytes, alt text) appended."""
    doc = Document(post=post)
    for data, alt in files:
        post.media.append(Media(kind="file", asset=doc.add_asset(data), alt=alt))
    path = tmp_path / "post.studio"
    save(doc, path)
    return path


def design(width: int = 1080, height: int = 1350, alt: str = "") -> Media:
    """A designed image (something on it: an empty design is not posted)."""
    return Media(kind="design", design=Design(width=width, height=height, layers=[ShapeLayer()]), alt=alt)


def image_bytes(width: int, height: int, fmt: str = "JPEG") -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (200, 40, 40)).save(buf, fmt)
    return buf.getvalue()


def test_a_target_line_shows_the_counter_and_errors_exit_1(capsys, tmp_path):
    path = studio_file(tmp_path, Post(text="a" * 292))
    result = run(capsys, "check", path, "--target", "x")
    assert result.code == 1
    assert result.err == ""
    assert result.out.splitlines() == [
        "x: 292/280",
        "  error: X: the text is 12 characters too long (292 of 280). Shorten it or write a variant for X.",
    ]


def test_no_problem_exits_0(capsys, tmp_path):
    path = studio_file(tmp_path, Post(text="Hello"))
    result = run(capsys, "check", path, "--target", "x", "--target", "mastodon")
    assert (result.code, result.out, result.err) == (0, "x: 5/280\nmastodon: 5/500\n", "")


def test_warnings_alone_do_not_set_exit_1(capsys, tmp_path):
    path = studio_file(tmp_path, Post(text="Hello", media=[design(3000, 1000)]))
    result = run(capsys, "check", path, "--target", "instagram:feed")
    assert result.code == 0, result.out
    assert "  warning: Instagram feed crops this 3:1 image to 1.91:1; 36 % of the width is lost." in result.out
    assert "error:" not in result.out


def test_one_error_among_warnings_sets_exit_1(capsys, tmp_path):
    path = studio_file(tmp_path, Post(text="Hello", media=[design(3000, 1000)]))
    result = run(capsys, "check", path, "--target", "instagram:feed", "--target", "instagram:reel")
    assert result.code == 1
    assert "instagram:reel: 5/2200\n  error: Instagram reel takes no images" in result.out


def test_without_target_the_posts_own_targets_are_checked(capsys, tmp_path):
    path = studio_file(tmp_path, Post(text="Hi", targets=["bluesky", "x:post", "x"]))
    result = run(capsys, "check", path)
    assert result.out.splitlines() == ["bluesky: 2/300 (2/3000 bytes)", "x: 2/280"]
    assert result.code == 0


def test_without_any_target_all_14_are_checked_in_order(capsys, tmp_path):
    path = studio_file(tmp_path, Post(text="Hi", media=[design(1080, 1920, alt="A poster")], title="Title"))
    result = run(capsys, "check", path, "--json")
    data = json.loads(result.out)
    assert [d["target"] for d in data] == ALL_TARGETS
    assert result.code == 1  # a design is not a video: reel, TikTok and Short say so


def test_json_output(capsys, tmp_path):
    path = studio_file(tmp_path, Post(text="a" * 301, variants={"x": Variant(text="short")}))
    result = run(capsys, "check", path, "--target", "x", "--target", "bluesky", "--target", "instagram:story",
                 "--json")
    assert result.code == 1
    data = json.loads(result.out)
    assert [set(d) for d in data] == [{"target", "count", "limit", "problems"}] * 3
    x, bsky, story = data
    assert (x["target"], x["count"], x["limit"], x["problems"]) == ("x", 5, 280, [])
    assert (bsky["count"], bsky["limit"]) == (301, 300)
    assert [p["code"] for p in bsky["problems"]] == ["text.too_long"]
    assert bsky["problems"][0] == {"severity": "error", "code": "text.too_long", "target": "bluesky",
                                   "media_index": None, "message": bsky["problems"][0]["message"]}
    assert story["limit"] is None
    assert [(p["severity"], p["code"]) for p in story["problems"]] == [("warning", "text.not_shown"),
                                                                       ("error", "media.required")]


def test_file_media_is_probed(capsys, tmp_path):
    wide = image_bytes(900, 300)
    png = image_bytes(1080, 1350, "PNG")
    path = studio_file(tmp_path, Post(text="Hi"), [(wide, "a"), (png, "")])
    result = run(capsys, "check", path, "--target", "instagram:feed", "--json")
    problems = json.loads(result.out)[0]["problems"]
    assert [(p["code"], p["media_index"]) for p in problems] == [("media.aspect_cropped", 0), ("media.format", 1)]
    assert "image 1 (3:1)" in problems[0]["message"] and "36 %" in problems[0]["message"]
    assert result.code == 1


def test_a_damaged_file_media_is_an_error_not_a_crash(capsys, tmp_path):
    path = studio_file(tmp_path, Post(text="Hi"), [(b"\xff\xd8\xff" + b"\x00" * 50, "")])
    result = run(capsys, "check", path, "--target", "x")
    assert result.code == 1
    assert "  error: X: this image cannot be used:" in result.out
    assert "Traceback" not in result.err


def test_unknown_target_option_is_one_error_line_listing_the_valid_ids(capsys, tmp_path):
    path = studio_file(tmp_path, Post(text="Hi"))
    line = assert_error(run(capsys, "check", path, "--target", "x", "--target", "myspace"), "myspace")
    for target in ALL_TARGETS:
        assert target in line


def test_unknown_target_in_the_post_is_reported_for_that_target(capsys, tmp_path):
    path = studio_file(tmp_path, Post(text="Hi", targets=["x", "friendster"]))
    result = run(capsys, "check", path)
    assert result.code == 1
    assert result.out.splitlines()[:3] == ["x: 2/280", "friendster: unknown target",
                                           result.out.splitlines()[2]]
    assert result.out.splitlines()[2].startswith("  error: Unknown target 'friendster'")


def test_missing_file_is_one_error_line(capsys, tmp_path):
    assert_error(run(capsys, "check", tmp_path / "nope.studio"), "nope.studio")


def test_a_lone_surrogate_is_an_error_not_a_crash(capsys, tmp_path):
    path = studio_file(tmp_path, Post(text="abc\ud800"))  # JSON can carry it; no network can
    result = run(capsys, "check", path, "--target", "x", "--target", "bluesky", "--json")
    assert result.code == 1
    for report in json.loads(result.out):
        assert [p["code"] for p in report["problems"]] == ["text.invalid_character"]


def test_100000_characters_give_a_too_long_error_per_target(capsys, tmp_path):
    path = studio_file(tmp_path, Post(text="word " * 20_000))
    result = run(capsys, "check", path, "--target", "x", "--target", "discord")
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0] == "x: 100000/280"
    assert lines[1].startswith("  error: X: the text is 99,720 characters too long (100,000 of 280).")
    assert lines[2] == "discord: 100000/2000"
