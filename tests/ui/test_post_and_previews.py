"""Targets, variants and live previews in the window; an error on one target blocks queueing."""

from __future__ import annotations

from studio.core.post import Variant
from studio.edit import SetPost
from studio.networks.registry import ALL_TARGETS


def choose(window, targets):
    window.session.push(SetPost(window.session.doc, {"targets": list(targets)}))
    window.preview_panel.redraw()
    window.preview_panel.flush()


def test_ticking_targets_sets_the_post_targets_and_shows_their_previews(window):
    panel = window.post_panel
    panel.target_boxes["bluesky"].setChecked(True)
    panel.target_boxes["instagram:feed"].setChecked(True)
    assert window.session.doc.post.targets == ["bluesky", "instagram:feed"]
    window.preview_panel.redraw()
    assert set(window.preview_panel.cards) == {"bluesky", "instagram:feed"}
    window.session.undo()
    assert window.session.doc.post.targets == ["bluesky"]


def test_typing_the_caption_updates_every_preview(window, qtbot):
    choose(window, ["x", "bluesky", "mastodon"])
    before = {t: c.image.image for t, c in window.preview_panel.cards.items()}
    redraws = window.preview_panel.redraws
    window.post_panel.caption.setPlainText("A whole new caption 🎸 with a link https://example.com #tour")
    qtbot.waitUntil(lambda: window.preview_panel.redraws > redraws, timeout=2000)
    window.preview_panel.flush()
    for target, card in window.preview_panel.cards.items():
        assert card.image.image != before[target], target
    assert window.session.doc.post.text.startswith("A whole new caption")


def test_a_variant_overrides_one_target_and_the_rest_follow_the_caption(window):
    choose(window, ["x", "bluesky"])
    panel = window.post_panel
    panel.variant_target.setCurrentIndex(panel.variant_target.findData("x"))
    panel.own_text.setChecked(True)
    panel.variant_text.setPlainText("Short for X")
    post = window.session.doc.post
    assert post.variants["x"].text == "Short for X"
    from studio.networks.validate import effective_text

    assert effective_text(post, "x").startswith("Short for X")
    assert effective_text(post, "bluesky") == post.text
    panel.own_text.setChecked(False)
    assert "x" not in post.variants or post.variants["x"].text is None


def test_an_over_long_text_is_an_error_that_blocks_queueing_until_a_variant_fixes_it(window):
    ready = []
    window.preview_panel.readiness_changed.connect(ready.append)
    window.session.push(SetPost(window.session.doc, {"text": "word " * 80}))  # 400 characters
    choose(window, ["x", "mastodon"])
    assert "x" in window.preview_panel.errors and "mastodon" not in window.preview_panel.errors
    assert ready[-1] is False
    assert "X" in window.preview_panel.summary.text()
    variants = {"x": Variant(text="Shorter for X 🎸")}
    window.session.push(SetPost(window.session.doc, {"variants": variants}))
    window.preview_panel.redraw()
    window.preview_panel.flush()
    assert "x" not in window.preview_panel.errors
    assert ready[-1] is True


def test_clicking_a_preview_expands_the_folded_text(window):
    window.session.push(SetPost(window.session.doc, {"text": "A long caption that goes on. " * 20}))
    choose(window, ["instagram:feed"])
    card = window.preview_panel.cards["instagram:feed"]
    collapsed = card.image.image.height()
    card.image.clicked.emit()
    window.preview_panel.flush()
    assert card.expanded and card.image.image.height() > collapsed


def test_dark_previews(window):
    choose(window, ["bluesky"])
    light = window.preview_panel.cards["bluesky"].image.image
    window.preview_panel.dark.setChecked(True)
    window.preview_panel.flush()
    dark = window.preview_panel.cards["bluesky"].image.image
    assert dark.pixelColor(3, 3).lightness() < light.pixelColor(3, 3).lightness()


def test_all_fourteen_targets_render(window):
    choose(window, ALL_TARGETS)
    assert len(window.preview_panel.cards) == 14
    for card in window.preview_panel.cards.values():
        assert card.image.image.width() > 100


def test_link_cards_are_fetched_in_the_background_and_shown(window, qtbot):
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    page = (b"<html><head><title>Fallback</title><meta property='og:title' content='Tour announcement'>"
            b"<meta property='og:description' content='Six nights in March'></head><body></body></html>")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/tour"
        window.session.push(SetPost(window.session.doc, {"text": "Read this", "link": url}))
        choose(window, ["bluesky"])
        panel = window.preview_panel
        assert panel.link_cards.get(url) is None or panel.link_cards[url].state == "loading"
        qtbot.waitUntil(lambda: url in panel.link_cards and panel.link_cards[url].state == "ok", timeout=10000)
        assert panel.link_cards[url].title == "Tour announcement"
    finally:
        server.shutdown()
        server.server_close()


def test_studio_check_agrees_with_the_previews(window, tmp_path, capsys):
    import json

    from studio.cli import main

    text = "Tour news 🎸 https://example.com/tour #tour #live " + "more words " * 30  # over X's 280
    window.session.push(SetPost(window.session.doc, {"text": text}))
    targets = ["x", "mastodon", "bluesky", "threads", "instagram:feed", "instagram:story"]
    choose(window, targets)
    path = tmp_path / "post.studio"
    assert window._save_to(path)
    capsys.readouterr()
    code = main(["check", str(path), "--json"])
    report = json.loads(capsys.readouterr().out)
    cli_errors = {r["target"] for r in report if any(p["severity"] == "error" for p in r["problems"])}
    assert cli_errors == set(window.preview_panel.errors) and "x" in cli_errors
    assert code == 1
    counts = {r["target"]: r["count"] for r in report}
    assert counts["x"] == window.preview_panel.cards["x"].count > 280


def test_previews_show_the_brand_kit_as_the_poster(window):
    from studio.ui.preview_panel import brand_account

    kit = window.services.brand_kit()
    assert window.preview_panel.account.name == kit.name
    kit.name = "The Midnight Echo"
    account = brand_account(kit)
    assert account.handle == "themidnightecho" and account.avatar is None
    logo = (__import__("pathlib").Path(__file__).resolve().parents[2] / "resources" / "templates" / "logo.png")
    kit.logo = logo.read_bytes()
    assert brand_account(kit).avatar is not None and not brand_account(kit).avatar.isNull()


def test_a_connected_account_is_the_poster_and_its_servers_limits_count(window):
    from studio.core.account import Account

    window.services.library.save_account(Account(
        id="mastodon-band@social.example", network="mastodon", handle="@band@social.example", name="The Band",
        limits={"max_characters": 1000, "characters_reserved_per_url": 23}))
    window.session.push(SetPost(window.session.doc, {"text": "y" * 700}))
    choose(window, ["mastodon", "bluesky"])
    panel = window.preview_panel
    assert panel.cards["mastodon"].title.counter == "700 / 500" and "mastodon" in panel.errors
    panel.set_accounts(window._connected_accounts())  # what closing the Accounts window does
    panel.flush()
    card = panel.cards["mastodon"]
    assert card.title.counter == "700 / 1000" and not card.title.over and "mastodon" not in panel.errors
    assert card.shown.account.name == "The Band" and card.shown.account.handle == "band@social.example"
    assert panel.cards["bluesky"].shown.account.name != "The Band"  # no Bluesky account: the brand kit


def test_attached_photos_are_previewed_and_checked(window, qtbot, tmp_path):
    from PIL import Image

    path = tmp_path / "red.png"
    Image.new("RGB", (1600, 900), (220, 30, 30)).save(path)
    qtbot.waitUntil(lambda: getattr(window, "media_strip", None) is not None, timeout=5000)
    choose(window, ["mastodon"])
    window.media_strip.add_files([path])
    panel = window.preview_panel

    def red_shown() -> bool:
        panel.flush()
        media = panel.cards["mastodon"].shown.media
        return len(media) == 2 and media[1].pixelColor(media[1].width() // 2, media[1].height() // 2).red() > 200

    qtbot.waitUntil(red_shown, timeout=10000)  # decoded off the UI thread, then drawn
    text = panel.cards["mastodon"].problems.text()
    assert "image 2" in text and "alt text" in text  # the photo's missing description


def test_a_preview_waiting_to_be_drawn_stays_waiting_when_nothing_else_changes(window):
    """A card out of view is drawn after the keystroke; another redraw before then (nothing changed) must not
    forget that it is out of date."""
    choose(window, ALL_TARGETS)
    panel = window.preview_panel
    panel._on_screen = lambda card: False  # every card out of view
    window.session.push(SetPost(window.session.doc, {"text": "Out of view 🎸 #tour"}))
    panel.redraw()
    assert all(c.pending is not None for c in panel.cards.values())
    panel.redraw()  # (a resize, a theme timer, ...): nothing changed
    assert all(c.pending is not None for c in panel.cards.values())
    panel.flush()
    for target, card in panel.cards.items():
        assert card.shown is not None and card.shown.text == "Out of view 🎸 #tour", target
