"""A blank design (nothing visible on it) is what a text-only post has in the editor: it is not posted."""

from __future__ import annotations

from network_helpers import codes, design

from studio.core.design import Design, TextLayer
from studio.core.post import Media, Post
from studio.networks.validate import validate


def blank() -> Media:
    return Media(kind="design", design=Design(layers=[TextLayer(text="draft", visible=False)]))


def test_a_text_post_with_a_blank_design_is_a_text_post():
    post = Post(text="Just words " * 10, media=[blank()])
    assert post.posted_media() == []
    assert validate(post, "mastodon") == []  # no "add alt text" for a picture that is not sent
    assert "media.required" in codes(post, "instagram:feed")
    # Telegram allows 4096 characters in a message, 1024 in a media caption: this is a message
    assert "text.too_long" not in codes(Post(text="x" * 2000, media=[blank()]), "telegram")


def test_a_design_with_something_visible_is_posted_in_its_place():
    shown = design()
    post = Post(text="hi", media=[blank(), shown])
    assert post.posted_media() == [shown]
    assert "alt.missing" in codes(post, "mastodon")
    assert "media.required" not in codes(post, "instagram:feed")
    assert "text.too_long" in codes(Post(text="x" * 2000, media=[shown]), "telegram")
