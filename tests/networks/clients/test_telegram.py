"""The Telegram client against a local fake of the Bot API (tests/servers/fake_telegram.py)."""

from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path

import pytest
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "servers"))

from fake_telegram import BOT_ID, CHANNEL_ID, TOKEN, FakeTelegram

from studio.core.progress import Cancelled, Progress
from studio.networks.clients.telegram import TelegramClient
from studio.networks.publishing import (
    AuthExpired,
    Connection,
    NotConnectable,
    OutcomeUnknown,
    Outgoing,
    OutMedia,
    PublishError,
    RateLimited,
    Rejected,
    Transient,
)
from studio.networks.text.common import utf16_length

JPEG = OutMedia(b"\xff\xd8\xff" + b"j" * 2000, "image/jpeg", 800, 600, filename="photo")
PNG = OutMedia(b"\x89PNG" + b"p" * 1500, "image/png", 800, 600, filename="chart.png")
MP4 = OutMedia(b"\x00\x00\x00\x18ftypmp42" + b"v" * 3000, "video/mp4", 1080, 1920, filename="clip")


@pytest.fixture(scope="module")
def server():
    with FakeTelegram() as fake:
        yield fake


@pytest.fixture
def tg(server):
    server.reset()
    return server


@pytest.fixture
def client(tg) -> TelegramClient:
    return TelegramClient(tg.url)


def connect(client: TelegramClient, channel: str = "@studio_news", token: str = TOKEN):
    return client.connect({"bot_token": token, "channel": channel}, requests.Session())


def conn_for(client: TelegramClient, progress: Progress | None = None, channel: str = "@studio_news") -> Connection:
    connected = connect(client, channel)
    return Connection(connected.account, connected.secret, progress=progress, timeout=(1, 1))


def post(client: TelegramClient, conn: Connection, text: str = "Hello, channel!", **kw):
    prepared = client.prepare(Outgoing("telegram", text, "job-1", **kw), conn.account)
    return prepared, client.publish(prepared, conn)


def no_secret(error: BaseException) -> None:
    formatted = "".join(traceback.format_exception(error))
    assert TOKEN not in formatted and TOKEN.split(":")[1] not in formatted
    assert TOKEN not in getattr(error, "message", "")


# --- connecting ------------------------------------------------------------------------------------------------

def test_connect_a_public_channel(client):
    connected = connect(client, "https://t.me/studio_news")
    account = connected.account
    assert account.id == "telegram-studio_news"
    assert (account.network, account.handle, account.name) == ("telegram", "@studio_news", "Studio News")
    assert account.info == {"chat_id": CHANNEL_ID, "username": "studio_news", "chat_type": "channel",
                            "bot_username": "studio_bot", "bot_id": BOT_ID}
    assert connected.secret == {"bot_token": TOKEN}
    assert account.server == client.base_url  # not the public Bot API server: kept for later requests


def test_connect_a_private_channel_by_id_gives_a_private_link(tg, client):
    tg.add_channel(None, title="Team Only", chat_id=-1009876543210)
    conn = conn_for(client, channel="-1009876543210")
    assert conn.account.handle == "Team Only" and conn.account.id == "telegram-1009876543210"
    _, receipt = post(client, conn)
    assert receipt.url == f"https://t.me/c/9876543210/{receipt.ids[0]}"
    assert tg.messages[-1009876543210][0].text == "Hello, channel!"


@pytest.mark.parametrize("token", ["987654321:AAwrongwrongwrongwrongwrong", "not a token", ""])
def test_a_wrong_token_cannot_connect(client, token):
    with pytest.raises(NotConnectable, match="bot token is not valid") as caught:
        connect(client, token=token)
    assert token not in caught.value.message or not token


def test_an_unknown_channel_cannot_connect(client):
    with pytest.raises(NotConnectable, match="cannot find the channel @nosuchchannel"):
        connect(client, "@nosuchchannel")


@pytest.mark.parametrize("rights, can_post", [("member", True), ("administrator", False), ("left", True)])
def test_a_bot_that_may_not_post_cannot_connect(tg, client, rights, can_post):
    tg.add_channel("other_news", title="Other", rights=rights, can_post_messages=can_post)
    with pytest.raises(NotConnectable, match="administrator with the right “Post messages”"):
        connect(client, "@other_news")


def test_an_invite_link_is_refused_before_any_request(tg, client):
    with pytest.raises(NotConnectable, match="Invite links cannot be used"):
        connect(client, "https://t.me/+AbCdEfGh")
    assert tg.requests == []


def test_check_refreshes_the_account_and_notices_lost_rights(tg, client):
    conn = conn_for(client)
    tg.channels[CHANNEL_ID].title = "Studio News Daily"
    assert client.check(conn).name == "Studio News Daily"
    tg.channels[CHANNEL_ID].can_post_messages = False
    with pytest.raises(AuthExpired, match="lost its rights"):
        client.check(conn)


def test_check_after_the_token_was_revoked(tg, client):
    conn = conn_for(client)
    del tg.bots[TOKEN]
    with pytest.raises(AuthExpired, match="no longer accepts the bot token") as caught:
        client.check(conn)
    no_secret(caught.value)


# --- what is sent --------------------------------------------------------------------------------------------

def test_a_text_post(tg, client):
    conn = conn_for(client)
    prepared, receipt = post(client, conn, "Hello, channel!", link="https://example.com/a")
    assert prepared.steps == [{"method": "sendMessage", "files": {}, "reply_to": None, "part": 0, "sent": ["101"],
                               "params": {"chat_id": CHANNEL_ID, "text": "Hello, channel!",
                                          "link_preview_options": {"url": "https://example.com/a"}}}]
    [message] = tg.messages[CHANNEL_ID]
    assert message.text == "Hello, channel!" and message.options["link_preview_options"]["url"] == "https://example.com/a"
    assert receipt.url == "https://t.me/studio_news/101" and receipt.ids == ["101"]


def test_one_photo_with_its_caption(tg, client):
    conn = conn_for(client)
    prepared, _ = post(client, conn, "A photo", media=(JPEG,), options={"silent": True})
    assert [(s["method"], s["files"]) for s in prepared.steps] == [("sendPhoto", {"photo": 0})]
    assert prepared.steps[0]["params"] == {"chat_id": CHANNEL_ID, "disable_notification": True, "caption": "A photo"}
    [message] = tg.messages[CHANNEL_ID]
    assert message.caption == "A photo" and message.media == [("photo", JPEG.data, "photo.jpg")]
    assert message.options["disable_notification"] is True


def test_an_album_of_three_with_the_caption_on_the_first(tg, client):
    conn = conn_for(client)
    media = (JPEG, PNG, OutMedia(b"third" * 100, "image/jpeg", alt="Telegram has no alt text"))
    prepared, receipt = post(client, conn, "Three pictures", media=media)
    [step] = prepared.steps
    assert step["method"] == "sendMediaGroup" and step["files"] == {"file0": 0, "file1": 1, "file2": 2}
    assert step["params"]["media"] == [{"type": "photo", "media": "attach://file0", "caption": "Three pictures"},
                                       {"type": "photo", "media": "attach://file1"},
                                       {"type": "photo", "media": "attach://file2"}]
    messages = tg.messages[CHANNEL_ID]
    assert [m.media[0][1] for m in messages] == [m.data for m in media]
    assert [m.caption for m in messages] == ["Three pictures", "", ""]
    assert len({m.media_group_id for m in messages}) == 1
    assert receipt.ids == ["101", "102", "103"] and receipt.url.endswith("/101")


def test_a_video(tg, client):
    conn = conn_for(client)
    prepared, _ = post(client, conn, "Watch", media=(MP4,))
    assert prepared.steps[0]["method"] == "sendVideo" and prepared.steps[0]["files"] == {"video": 0}
    assert tg.messages[CHANNEL_ID][0].media == [("video", MP4.data, "clip.mp4")]


def test_a_long_text_is_split_into_messages_at_paragraphs(tg, client):
    conn = conn_for(client)
    paragraphs = [f"Paragraph {i}: " + "word " * 300 + "end." for i in range(6)]  # ~1520 units each
    text = "\n\n".join(paragraphs)
    prepared, receipt = post(client, conn, text)
    chunks = [s["params"]["text"] for s in prepared.steps]
    assert len(chunks) == 3 and all(utf16_length(c) <= 4096 for c in chunks)
    assert all(c.startswith("Paragraph") and c.endswith("end.") for c in chunks)
    assert [m.text for m in tg.messages[CHANNEL_ID]] == chunks
    assert "".join(text.split()) == "".join("".join(chunks).split())
    assert len(receipt.ids) == 3


def test_a_caption_too_long_is_sent_after_the_photo(tg, client):
    conn = conn_for(client)
    text = "Long caption. " * 100  # 1400 units: more than a caption, less than a message
    prepared, receipt = post(client, conn, text, media=(JPEG,))
    assert [s["method"] for s in prepared.steps] == ["sendPhoto", "sendMessage"]
    assert "caption" not in prepared.steps[0]["params"]
    photo, message = tg.messages[CHANNEL_ID]
    assert photo.caption == "" and message.text == text.strip()
    assert receipt.url.endswith(f"/{photo.message_id}")


def test_an_album_caption_too_long_is_sent_after_the_album(tg, client):
    conn = conn_for(client)
    prepared, _ = post(client, conn, "x " * 700, media=(JPEG, PNG))
    assert [s["method"] for s in prepared.steps] == ["sendMediaGroup", "sendMessage"]
    assert all("caption" not in item for item in prepared.steps[0]["params"]["media"])


def test_a_thread_replies_part_by_part(tg, client):
    conn = conn_for(client)
    prepared, receipt = post(client, conn, "Part one", thread=("Part two", "Part three"))
    assert [(s["part"], s["reply_to"]) for s in prepared.steps] == [(0, None), (1, 0), (2, 1)]
    one, two, three = tg.messages[CHANNEL_ID]
    assert (one.reply_to, two.reply_to, three.reply_to) == (None, one.message_id, two.message_id)
    assert receipt.ids == [str(m.message_id) for m in (one, two, three)]


def test_nothing_to_send_is_rejected(client):
    conn = conn_for(client)
    with pytest.raises(Rejected, match="nothing to send"):
        client.prepare(Outgoing("telegram", "  ", "job-1"), conn.account)


# --- failures ----------------------------------------------------------------------------------------------------

def send_path() -> str:
    return f"/bot{TOKEN}/sendMessage"


def test_a_revoked_token_needs_reauthorisation(tg, client):
    conn = conn_for(client)
    del tg.bots[TOKEN]
    with pytest.raises(AuthExpired, match="no longer accepts the bot token") as caught:
        post(client, conn)
    no_secret(caught.value)


@pytest.mark.parametrize("rights, can_post", [("left", True), ("member", True), ("administrator", False)])
def test_lost_rights_need_reauthorisation(tg, client, rights, can_post):
    conn = conn_for(client)
    tg.channels[CHANNEL_ID].rights, tg.channels[CHANNEL_ID].can_post_messages = rights, can_post
    with pytest.raises(AuthExpired, match="The bot lost its rights in @studio_news"):
        post(client, conn)
    assert tg.messages[CHANNEL_ID] == []


def test_a_404_from_the_api_means_a_bad_token(tg, client):
    conn = conn_for(client)
    tg.fail("POST", send_path(), status=404, body={"ok": False, "error_code": 404, "description": "Not Found"})
    with pytest.raises(AuthExpired):
        post(client, conn)


def test_a_bad_request_is_rejected_with_telegrams_words(tg, client):
    conn = conn_for(client)
    tg.fail("POST", send_path(), status=400,
            body={"ok": False, "error_code": 400, "description": "Bad Request: can't parse entities"})
    with pytest.raises(Rejected, match=r"Telegram refused the message: Can't parse entities\.") as caught:
        post(client, conn)
    assert caught.value.problems == ("Bad Request: can't parse entities",)


def test_a_message_too_long_is_rejected_by_the_fake_like_telegram(tg, client):
    conn = conn_for(client)
    prepared = client.prepare(Outgoing("telegram", "short", "job-1"), conn.account)
    prepared.steps[0]["params"]["text"] = "y" * 4097  # beyond what prepare would make
    with pytest.raises(Rejected, match="Message is too long"):
        client.publish(prepared, conn)


def test_flood_control_gives_the_wait(tg, client):
    conn = conn_for(client)
    tg.flood_after = 0
    with pytest.raises(RateLimited, match="Try again in 7 seconds") as caught:
        post(client, conn)
    assert caught.value.retry_after == 7


def test_a_server_error_is_transient(tg, client):
    conn = conn_for(client)
    tg.fail("POST", send_path(), status=500,
            body={"ok": False, "error_code": 500, "description": "Internal Server Error"})
    with pytest.raises(Transient, match="Internal Server Error"):
        post(client, conn)
    assert tg.messages[CHANNEL_ID] == []


def test_an_html_error_page_is_explained(tg, client):
    conn = conn_for(client)
    tg.fail("POST", send_path(), status=503, html=True)
    with pytest.raises(Transient, match="web page instead of its API's answer") as caught:
        post(client, conn)
    no_secret(caught.value)
    tg.fail("POST", f"/bot{TOKEN}/getMe", status=404, html=True)
    with pytest.raises(Rejected, match="with a web page, not the Telegram API"):
        connect(client)


def test_a_gateway_error_after_sending_is_an_unknown_outcome(tg, client):
    conn = conn_for(client)
    tg.fail("POST", send_path(), status=502, html=True)
    with pytest.raises(OutcomeUnknown):
        post(client, conn)


def test_no_answer_after_sending_is_an_unknown_outcome_and_not_resent(tg, client):
    conn = conn_for(client)
    tg.fail("POST", send_path(), action="hang_after")
    with pytest.raises(OutcomeUnknown, match="may or may not have been published") as caught:
        post(client, conn)
    no_secret(caught.value)
    assert [m.text for m in tg.messages[CHANNEL_ID]] == ["Hello, channel!"]  # it was posted after all
    assert sum(r.path == send_path() for r in tg.requests) == 1


def test_a_retry_after_partial_success_posts_only_the_rest(tg, client):
    conn = conn_for(client)
    prepared = client.prepare(Outgoing("telegram", "One", "job-1", thread=("Two", "Three")), conn.account)
    tg.flood_after = 1
    with pytest.raises(RateLimited):
        client.publish(prepared, conn)
    assert [m.text for m in tg.messages[CHANNEL_ID]] == ["One"]
    assert prepared.steps[0]["sent"] == ["101"] and "sent" not in prepared.steps[1]
    tg.flood_after = None
    receipt = client.publish(prepared, conn)
    one, two, three = tg.messages[CHANNEL_ID]
    assert [m.text for m in (one, two, three)] == ["One", "Two", "Three"]
    assert two.reply_to == one.message_id and three.reply_to == two.message_id
    assert receipt.ids == ["101", "102", "103"] and receipt.url.endswith("/101")


def test_upload_progress_is_reported(tg, client):
    seen: list[tuple[float, str]] = []
    conn = conn_for(client, Progress(lambda fraction, text: seen.append((fraction, text))))
    big = OutMedia(b"\xff\xd8" + b"b" * 400_000, "image/jpeg", filename="big")
    post(client, conn, "Big", media=(big,), thread=("After",))
    uploads = [f for f, text in seen if text.startswith("Uploading")]
    assert len(uploads) > 5 and any(0 < f < 0.5 for f in uploads)
    assert uploads == sorted(uploads) and max(uploads) <= 0.5  # the upload is the first of two steps
    assert seen[-1] == (1.0, "Published")
    assert tg.messages[CHANNEL_ID][0].media[0][1] == big.data


def test_cancel_during_an_upload_stops_it(tg, client):
    progress = Progress()

    def cancel_midway(fraction: float, text: str) -> None:
        if text.startswith("Uploading") and fraction > 0.1:
            progress.cancel()

    progress._on_report = cancel_midway
    conn = conn_for(client, progress)
    big = OutMedia(b"\xff\xd8" + b"c" * 600_000, "image/jpeg")
    with pytest.raises(Cancelled):
        post(client, conn, "Never", media=(big,))
    assert tg.wait_for(lambda: any("sendPhoto" in r.path for r in tg.requests), 2)
    time.sleep(0.2)
    assert tg.messages[CHANNEL_ID] == []


def test_no_secret_in_any_error_or_receipt(tg, client):
    conn = conn_for(client)
    errors: list[PublishError] = []
    for status in (400, 401, 403, 429, 500, 502):
        tg.fail("POST", send_path(), status=status,
                body={"ok": False, "error_code": status, "description": f"Error {status}",
                      "parameters": {"retry_after": 1}})
        with pytest.raises(PublishError) as caught:
            post(client, conn)
        errors.append(caught.value)
    for error in errors:
        no_secret(error)
    _, receipt = post(client, conn)
    assert TOKEN not in repr(receipt)
