"""The Discord client against a local fake of the webhook API (tests/servers/fake_discord.py)."""

from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path

import pytest
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "servers"))

from fake_discord import CHANNEL_ID, GUILD_ID, WEBHOOK_ID, WEBHOOK_TOKEN, FakeDiscord

from studio.core.progress import Cancelled, Progress
from studio.networks.clients.discord import DiscordClient, parse_webhook_url
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

JPEG = OutMedia(b"\xff\xd8\xff" + b"j" * 2000, "image/jpeg", 800, 600, alt="A red bicycle", filename="bike")
PNG = OutMedia(b"\x89PNG" + b"p" * 1500, "image/png", 800, 600, alt="A chart", filename="chart.png")
MP4 = OutMedia(b"\x00\x00\x00\x18ftypmp42" + b"v" * 3000, "video/mp4", 1080, 1920, filename="clip")
EXECUTE = f"/api/webhooks/{WEBHOOK_ID}/{WEBHOOK_TOKEN}"


@pytest.fixture(scope="module")
def server():
    with FakeDiscord() as fake:
        yield fake


@pytest.fixture
def dc(server):
    server.reset()
    return server


@pytest.fixture
def client() -> DiscordClient:
    return DiscordClient()


def conn_for(client: DiscordClient, url: str, progress: Progress | None = None) -> Connection:
    connected = client.connect({"webhook_url": url}, requests.Session())
    return Connection(connected.account, connected.secret, progress=progress, timeout=(1, 1))


def post(client: DiscordClient, conn: Connection, text: str = "Hello, Discord!", **kw):
    prepared = client.prepare(Outgoing("discord", text, "job-1", **kw), conn.account)
    return prepared, client.publish(prepared, conn)


def no_secret(error: BaseException) -> None:
    formatted = "".join(traceback.format_exception(error))
    assert WEBHOOK_TOKEN not in formatted and "/api/webhooks" not in formatted
    assert WEBHOOK_TOKEN not in getattr(error, "message", "")


# --- the URL -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "https://discord.com/api/webhooks/123/abc-DEF_9",
    "https://discordapp.com/api/webhooks/123/abc-DEF_9",
    "https://ptb.discord.com/api/webhooks/123/abc-DEF_9/",
    "https://canary.discord.com/api/v10/webhooks/123/abc-DEF_9",
    "  https://discord.com/api/webhooks/123/abc-DEF_9?thread_id=77  ",
    "http://127.0.0.1:8080/api/webhooks/123/abc-DEF_9",
])
def test_webhook_urls_that_are_accepted(url):
    hook = parse_webhook_url(url)
    assert hook.id == "123" and hook.url.endswith("/webhooks/123/abc-DEF_9")
    assert hook.thread_id == ("77" if "thread_id" in url else "")


@pytest.mark.parametrize("url", [
    "http://discord.com/api/webhooks/123/abc",         # not https
    "https://discord.com.evil.example/api/webhooks/123/abc",
    "https://evil.example/api/webhooks/123/abc",
    "https://discord.com/api/webhooks/123",            # no token
    "https://discord.com/channels/1/2",
    "discord.com/api/webhooks/123/abc",
    "",
])
def test_webhook_urls_that_are_refused(url):
    with pytest.raises(NotConnectable, match="not a Discord webhook URL") as caught:
        parse_webhook_url(url)
    assert "abc" not in caught.value.message


# --- connecting --------------------------------------------------------------------------------------------------

def test_connect(dc, client):
    connected = client.connect({"webhook_url": dc.webhook_url()}, requests.Session())
    account = connected.account
    assert (account.id, account.network, account.handle) == ("discord-studio-announcements", "discord",
                                                             "Studio Announcements")
    assert account.info == {"webhook_id": WEBHOOK_ID, "channel_id": CHANNEL_ID, "guild_id": GUILD_ID}
    assert connected.secret == {"webhook_url": dc.webhook_url()}


@pytest.mark.parametrize("case", ["deleted", "wrong token"])
def test_a_deleted_webhook_or_wrong_token_cannot_connect(dc, client, case):
    url = dc.webhook_url(token="wrongtoken123") if case == "wrong token" else dc.webhook_url()
    if case == "deleted":
        dc.delete_webhook()
    with pytest.raises(NotConnectable, match="this webhook was deleted or the URL is wrong") as caught:
        client.connect({"webhook_url": url}, requests.Session())
    no_secret(caught.value)


def test_check_refreshes_and_notices_a_deleted_webhook(dc, client):
    conn = conn_for(client, dc.webhook_url())
    dc.webhooks[WEBHOOK_ID].name = "Renamed"
    assert client.check(conn).handle == "Renamed"
    assert client.check(conn).id == conn.account.id
    dc.delete_webhook()
    with pytest.raises(AuthExpired, match="was deleted") as caught:
        client.check(conn)
    no_secret(caught.value)


# --- what is sent --------------------------------------------------------------------------------------------

def test_a_text_post(dc, client):
    conn = conn_for(client, dc.webhook_url())
    prepared, receipt = post(client, conn, options={"silent": True})
    assert prepared.steps == [{"payload": {"content": "Hello, Discord!", "flags": 4096}, "files": [], "part": 0,
                               "sent": [dc.messages[0].id], "channel_id": CHANNEL_ID}]
    [message] = dc.messages
    assert message.content == "Hello, Discord!" and message.flags == 4096
    [request] = [r for r in dc.requests if r.method == "POST"]
    assert request.query["wait"] == ["true"] and request.headers["content-type"] == "application/json"
    assert receipt.url == f"https://discord.com/channels/{GUILD_ID}/{CHANNEL_ID}/{message.id}"
    assert receipt.ids == [message.id]


def test_one_photo_with_alt_text(dc, client):
    conn = conn_for(client, dc.webhook_url())
    prepared, _ = post(client, conn, "A photo", media=(JPEG,))
    assert prepared.steps[0]["payload"] == {"content": "A photo", "attachments": [
        {"id": 0, "filename": "1-bike.jpg", "description": "A red bicycle"}]}
    [message] = dc.messages
    [attachment] = message.attachments
    assert (attachment.filename, attachment.data, attachment.description) == ("1-bike.jpg", JPEG.data,
                                                                             "A red bicycle")
    request = next(r for r in dc.requests if r.method == "POST")
    assert set(request.multipart()) == {"payload_json", "files[0]"}


def test_three_photos_with_alt_and_caption_in_one_message(dc, client):
    conn = conn_for(client, dc.webhook_url())
    third = OutMedia(b"third" * 100, "image/jpeg", alt="x" * 1500)  # alt beyond Discord's 1024: cut
    prepared, receipt = post(client, conn, "Three pictures", media=(JPEG, PNG, third))
    [step] = prepared.steps
    assert step["files"] == [0, 1, 2]
    assert [a["filename"] for a in step["payload"]["attachments"]] == ["1-bike.jpg", "2-chart.png", "3-media.jpg"]
    [message] = dc.messages
    assert message.content == "Three pictures"
    assert [a.data for a in message.attachments] == [JPEG.data, PNG.data, third.data]
    assert [a.description for a in message.attachments] == ["A red bicycle", "A chart", "x" * 1024]
    assert receipt.ids == [message.id]


def test_a_video(dc, client):
    conn = conn_for(client, dc.webhook_url())
    post(client, conn, "", media=(MP4,))
    [attachment] = dc.messages[0].attachments
    assert (attachment.filename, attachment.content_type, attachment.data) == ("1-clip.mp4", "video/mp4", MP4.data)


def test_a_long_text_is_split(dc, client):
    conn = conn_for(client, dc.webhook_url())
    text = " ".join(f"Sentence number {i} is here." for i in range(200))  # ~5,500 characters
    prepared, receipt = post(client, conn, text, media=(JPEG,))
    contents = [s["payload"]["content"] for s in prepared.steps]
    assert len(contents) == 3 and all(len(c) <= 2000 and c.endswith(".") for c in contents)
    assert [m.content for m in dc.messages] == contents
    assert len(dc.messages[0].attachments) == 1 and not dc.messages[1].attachments
    assert "".join(text.split()) == "".join("".join(contents).split())
    assert len(receipt.ids) == 3


def test_a_thread_becomes_further_messages(dc, client):
    conn = conn_for(client, dc.webhook_url())
    prepared, receipt = post(client, conn, "One", thread=("Two", "Three"))
    assert [(s["part"], s["payload"]["content"]) for s in prepared.steps] == [(0, "One"), (1, "Two"), (2, "Three")]
    assert [m.content for m in dc.messages] == ["One", "Two", "Three"]
    assert receipt.ids == [m.id for m in dc.messages] and receipt.url.endswith(dc.messages[0].id)


def test_a_webhook_url_with_a_thread_posts_into_it(dc, client):
    conn = conn_for(client, dc.webhook_url() + "?thread_id=555")
    assert conn.account.info["thread_id"] == "555"
    _, receipt = post(client, conn)
    assert dc.messages[0].thread_id == "555"
    assert receipt.url == f"https://discord.com/channels/{GUILD_ID}/555/{dc.messages[0].id}"


# --- failures ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("status, body", [
    (404, {"message": "Unknown Webhook", "code": 10015}),
    (401, {"message": "Invalid Webhook Token", "code": 50027}),
    (403, {"message": "Missing Access", "code": 50001}),
])
def test_a_gone_webhook_needs_reconnecting(dc, client, status, body):
    conn = conn_for(client, dc.webhook_url())
    dc.fail("POST", EXECUTE, status=status, body=body)
    with pytest.raises(AuthExpired, match=r"[cC]onnect the channel again") as caught:
        post(client, conn)
    no_secret(caught.value)
    assert dc.messages == []


def test_a_deleted_webhook_at_publish(dc, client):
    conn = conn_for(client, dc.webhook_url())
    dc.delete_webhook()
    with pytest.raises(AuthExpired, match="Studio Announcements was deleted"):
        post(client, conn)


def test_invalid_form_body_is_rejected_with_discords_words(dc, client):
    conn = conn_for(client, dc.webhook_url())
    prepared = client.prepare(Outgoing("discord", "short", "job-1"), conn.account)
    prepared.steps[0]["payload"]["content"] = "y" * 2001  # beyond what prepare would make
    with pytest.raises(Rejected, match=r"Invalid Form Body \(content: Must be 2000 or fewer in length.\)") as caught:
        client.publish(prepared, conn)
    assert caught.value.problems == ("content: Must be 2000 or fewer in length.",)


def test_a_file_too_large_is_rejected(dc, client):
    conn = conn_for(client, dc.webhook_url())
    dc.max_file_bytes = 1000
    with pytest.raises(Rejected, match="the file is larger than the channel allows"):
        post(client, conn, media=(JPEG,))


def test_a_rate_limit_gives_the_precise_wait(dc, client):
    conn = conn_for(client, dc.webhook_url())
    dc.rate_limit_after = 0
    with pytest.raises(RateLimited, match=r"Try again in 0\.5 seconds") as caught:
        post(client, conn)
    assert caught.value.retry_after == 0.5


def test_a_rate_limit_with_only_a_header(dc, client):
    conn = conn_for(client, dc.webhook_url())
    dc.fail("POST", EXECUTE, status=429, body={"message": "You are being rate limited."},
            headers={"Retry-After": "3"})
    with pytest.raises(RateLimited) as caught:
        post(client, conn)
    assert caught.value.retry_after == 3


def test_a_server_error_is_transient(dc, client):
    conn = conn_for(client, dc.webhook_url())
    dc.fail("POST", EXECUTE, status=500, body={"message": "500: Internal Server Error", "code": 0})
    with pytest.raises(Transient, match="500 Internal Server Error"):
        post(client, conn)


def test_an_html_error_page_is_explained(dc, client):
    conn = conn_for(client, dc.webhook_url())
    dc.fail("POST", EXECUTE, status=503, html=True)
    with pytest.raises(Transient, match="web page instead of its API's answer") as caught:
        post(client, conn)
    no_secret(caught.value)
    dc.fail("GET", EXECUTE, status=404, html=True)
    with pytest.raises(Rejected, match="with a web page, not the Discord API"):
        client.connect({"webhook_url": dc.webhook_url()}, requests.Session())


def test_no_answer_after_sending_is_an_unknown_outcome_and_not_resent(dc, client):
    conn = conn_for(client, dc.webhook_url())
    dc.fail("POST", EXECUTE, action="hang_after")
    with pytest.raises(OutcomeUnknown, match="may or may not have been published") as caught:
        post(client, conn)
    no_secret(caught.value)
    assert [m.content for m in dc.messages] == ["Hello, Discord!"]  # it was posted after all
    assert sum(r.method == "POST" for r in dc.requests) == 1


def test_a_retry_after_partial_success_posts_only_the_rest(dc, client):
    conn = conn_for(client, dc.webhook_url())
    prepared = client.prepare(Outgoing("discord", "One", "job-1", thread=("Two", "Three")), conn.account)
    dc.rate_limit_after = 1
    with pytest.raises(RateLimited):
        client.publish(prepared, conn)
    assert [m.content for m in dc.messages] == ["One"]
    assert prepared.steps[0]["sent"] == [dc.messages[0].id] and "sent" not in prepared.steps[1]
    dc.rate_limit_after = None
    receipt = client.publish(prepared, conn)
    assert [m.content for m in dc.messages] == ["One", "Two", "Three"]
    assert receipt.ids == [m.id for m in dc.messages]


def test_upload_progress_is_reported(dc, client):
    seen: list[tuple[float, str]] = []
    conn = conn_for(client, dc.webhook_url(), Progress(lambda fraction, text: seen.append((fraction, text))))
    big = OutMedia(b"\xff\xd8" + b"b" * 400_000, "image/jpeg")
    post(client, conn, "Big", media=(big,), thread=("After",))
    uploads = [f for f, text in seen if text.startswith("Uploading")]
    assert len(uploads) > 5 and any(0 < f < 0.5 for f in uploads)
    assert uploads == sorted(uploads) and max(uploads) <= 0.5
    assert seen[-1] == (1.0, "Published")
    assert dc.messages[0].attachments[0].data == big.data


def test_cancel_during_an_upload_stops_it(dc, client):
    progress = Progress()

    def cancel_midway(fraction: float, text: str) -> None:
        if text.startswith("Uploading") and fraction > 0.1:
            progress.cancel()

    progress._on_report = cancel_midway
    conn = conn_for(client, dc.webhook_url(), progress)
    with pytest.raises(Cancelled):
        post(client, conn, "Never", media=(OutMedia(b"c" * 600_000, "image/jpeg"),))
    assert dc.wait_for(lambda: any(r.method == "POST" for r in dc.requests), 2)
    time.sleep(0.2)
    assert dc.messages == []


def test_no_secret_in_any_error_or_receipt(dc, client):
    conn = conn_for(client, dc.webhook_url())
    errors: list[PublishError] = []
    for status in (400, 401, 403, 404, 413, 429, 500, 502):
        dc.fail("POST", EXECUTE, status=status, body={"message": f"Error {status}", "code": 0, "retry_after": 1})
        with pytest.raises(PublishError) as caught:
            post(client, conn)
        errors.append(caught.value)
    for error in errors:
        no_secret(error)
    _, receipt = post(client, conn)
    assert WEBHOOK_TOKEN not in repr(receipt)
