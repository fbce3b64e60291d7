"""The Bluesky publisher against the real reference PDS: what it writes is read back with getRecord/getBlob."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
import requests
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "servers"))
from fake_http import FakeServer, Reply
from pds_server import create_account

from studio.core.progress import Cancelled, Progress
from studio.networks.clients.bluesky import BlueskyClient
from studio.networks.publishing import (
    AuthExpired,
    Connection,
    NotConnectable,
    OutCard,
    Outgoing,
    OutMedia,
    Rejected,
)

PASSWORD = "correct-horse-battery"


def jpeg(color: str, size=(64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "JPEG", quality=90)
    return out.getvalue()


def tiny_mp4() -> bytes:
    """The start of an MP4 (ftyp + mdat): enough for the PDS to recognise video/mp4 by its content."""
    ftyp = b"ftypisom\x00\x00\x02\x00isomiso2avc1mp41"
    mdat = b"mdat" + bytes(256)
    return (len(ftyp) + 4).to_bytes(4, "big") + ftyp + (len(mdat) + 4).to_bytes(4, "big") + mdat


def xrpc(pds, nsid: str, **params):
    return requests.get(f"{pds.url}/xrpc/{nsid}", params=params, timeout=30)


def record(pds, uri: str) -> dict:
    did, _, rkey = uri.removeprefix("at://").split("/")
    r = xrpc(pds, "com.atproto.repo.getRecord", repo=did, collection="app.bsky.feed.post", rkey=rkey)
    assert r.status_code == 200, r.text
    return r.json()["value"]


def posts(pds, did: str) -> list[dict]:
    return xrpc(pds, "com.atproto.repo.listRecords", repo=did, collection="app.bsky.feed.post").json()["records"]


@pytest.fixture(scope="module")
def band(pds):
    """An account on the PDS, connected with an app password (what users are told to make)."""
    created = create_account(pds, "tourband.test", PASSWORD)
    app = requests.post(f"{pds.url}/xrpc/com.atproto.server.createAppPassword", json={"name": "content studio"},
                        headers={"Authorization": f"Bearer {created['accessJwt']}"}, timeout=30).json()
    create_account(pds, "tourfriend.test", PASSWORD)
    connected = BlueskyClient().connect({"server": pds.url, "handle": "tourband.test", "password": app["password"]},
                                        requests.Session())
    return connected


def conn_for(band, saved: list | None = None, progress: Progress | None = None) -> Connection:
    return Connection(band.account, dict(band.secret), requests.Session(),
                      save_secret=(saved.append if saved is not None else (lambda s: None)), progress=progress)


def publish(band, out: Outgoing, **kwargs):
    client = BlueskyClient()
    prepared = client.prepare(out, band.account)
    return prepared, client.publish(prepared, conn_for(band, **kwargs))


def test_connecting_keeps_the_session_and_the_did(pds, band):
    assert band.account.handle == "tourband.test" and band.account.info["did"].startswith("did:plc:")
    assert band.account.id == "bluesky-tourband.test" and band.account.server == pds.url
    assert set(band.secret) == {"password", "access_jwt", "refresh_jwt"}


def test_text_with_link_mention_and_hashtag_facets_at_byte_offsets(pds, band):
    text = "Grüße 🎸 an @tourfriend.test: Tickets auf https://example.com/tour #Tour2027 und @nobody.test"
    _, receipt = publish(band, Outgoing("bluesky", text, key="facets"))
    value = record(pds, receipt.ids[0])
    assert value["text"] == text
    raw = text.encode()
    spans = {raw[f["index"]["byteStart"]:f["index"]["byteEnd"]].decode(): f["features"][0] for f in value["facets"]}
    friend = requests.get(f"{pds.url}/xrpc/com.atproto.identity.resolveHandle", params={"handle": "tourfriend.test"},
                          timeout=30).json()["did"]
    assert spans["@tourfriend.test"] == {"$type": "app.bsky.richtext.facet#mention", "did": friend}
    assert spans["https://example.com/tour"]["uri"] == "https://example.com/tour"
    assert spans["#Tour2027"]["tag"] == "Tour2027"
    assert "@nobody.test" not in spans  # an unknown handle stays plain text
    assert receipt.url == f"https://bsky.app/profile/tourband.test/post/{receipt.ids[0].rsplit('/', 1)[1]}"


def test_two_images_with_alt_text_and_aspect_ratio(pds, band):
    media = (OutMedia(jpeg("red", (80, 40)), "image/jpeg", 80, 40, alt="The band on stage"),
             OutMedia(jpeg("blue"), "image/jpeg", 64, 48, alt="The tour poster"))
    _, receipt = publish(band, Outgoing("bluesky", "Two pictures", key="images", media=media))
    images = record(pds, receipt.ids[0])["embed"]["images"]
    assert [i["alt"] for i in images] == ["The band on stage", "The tour poster"]
    assert images[0]["aspectRatio"] == {"width": 80, "height": 40}
    did = band.account.info["did"]
    for item, sent in zip(images, media, strict=True):
        blob = xrpc(pds, "com.atproto.sync.getBlob", did=did, cid=item["image"]["ref"]["$link"])
        assert blob.content == sent.data


def test_a_thread_is_a_reply_chain(pds, band):
    _, receipt = publish(band, Outgoing("bluesky", "1/3 the news", key="thread", thread=("2/3 more", "3/3 end")))
    first, second, third = (record(pds, uri) for uri in receipt.ids)
    assert "reply" not in first
    assert second["reply"]["root"]["uri"] == receipt.ids[0] == second["reply"]["parent"]["uri"]
    assert third["reply"]["root"]["uri"] == receipt.ids[0] and third["reply"]["parent"]["uri"] == receipt.ids[1]
    assert [first["text"], second["text"], third["text"]] == ["1/3 the news", "2/3 more", "3/3 end"]


def test_a_video_is_an_embed_video(pds, band):
    video = OutMedia(tiny_mp4(), "video/mp4", 1080, 1920, alt="A teaser")
    _, receipt = publish(band, Outgoing("bluesky", "Teaser", key="video", media=(video,)))
    embed = record(pds, receipt.ids[0])["embed"]
    assert embed["$type"] == "app.bsky.embed.video" and embed["alt"] == "A teaser"
    assert embed["video"]["mimeType"] == "video/mp4" and embed["aspectRatio"] == {"width": 1080, "height": 1920}


def test_a_link_card_with_a_thumbnail(pds, band):
    thumb = OutMedia(jpeg("green"), "image/jpeg", 64, 48)
    card = OutCard("https://example.com/tour", "Tour 2027", "All the dates", thumb)
    _, receipt = publish(band, Outgoing("bluesky", "Dates: https://example.com/tour", key="card", card=card))
    external = record(pds, receipt.ids[0])["embed"]["external"]
    assert external["uri"] == "https://example.com/tour" and external["title"] == "Tour 2027"
    blob = xrpc(pds, "com.atproto.sync.getBlob", did=band.account.info["did"], cid=external["thumb"]["ref"]["$link"])
    assert blob.content == thumb.data


def test_publishing_the_same_prepared_post_again_makes_no_duplicate(pds, band):
    client = BlueskyClient()
    out = Outgoing("bluesky", "Exactly once", key="once", thread=("and its reply",),
                   media=(OutMedia(jpeg("yellow"), "image/jpeg", 64, 48, alt="yellow"),))
    prepared = client.prepare(out, band.account)
    assert client.find_published(prepared, conn_for(band)) is None
    first = client.publish(prepared, conn_for(band))
    before = len(posts(pds, band.account.info["did"]))
    again = client.publish(prepared, conn_for(band))
    assert again.ids == first.ids and again.details["cids"] == first.details["cids"]
    assert len(posts(pds, band.account.info["did"])) == before
    assert client.find_published(prepared, conn_for(band)).ids == first.ids


def test_an_expired_access_token_is_renewed_silently_and_saved(pds, band):
    saved: list[dict] = []
    connection = conn_for(band, saved)
    connection.secret["access_jwt"] = "expired.token.value"
    receipt = BlueskyClient().publish(BlueskyClient().prepare(Outgoing("bluesky", "renewed", key="renew"),
                                                              band.account), connection)
    assert receipt.ids and saved and saved[-1]["access_jwt"] != "expired.token.value"
    assert saved[-1]["password"] == band.secret["password"]


def test_when_the_app_password_is_revoked_the_account_needs_reauthorisation(pds):
    create_account(pds, "revoked.test", PASSWORD)
    connected = BlueskyClient().connect({"server": pds.url, "handle": "revoked.test", "password": PASSWORD},
                                        requests.Session())
    connection = Connection(connected.account, {"password": "xq-old-pass-77", "access_jwt": "x", "refresh_jwt": "y"})
    with pytest.raises(AuthExpired) as e:
        BlueskyClient().check(connection)
    assert "xq-old-pass-77" not in e.value.message and "connect the account again" in e.value.message.lower()


def test_a_wrong_password_is_a_clear_message(pds, band):
    with pytest.raises(NotConnectable) as e:
        BlueskyClient().connect({"server": pds.url, "handle": "tourband.test", "password": "wrong-one"},
                                requests.Session())
    assert "app password" in e.value.message and "wrong-one" not in e.value.message


def test_a_server_that_is_not_a_pds_is_named_as_such():
    class WebSite(FakeServer):
        def route(self, request):
            return Reply(404, "<html><body>Not here</body></html>", content_type="text/html")

    with WebSite() as site, pytest.raises(NotConnectable) as e:
        BlueskyClient().connect({"server": site.url, "handle": "a.test", "password": "pw"}, requests.Session())
    assert "not a Bluesky server" in e.value.message


def test_an_image_over_the_limit_is_refused_before_upload(band):
    big = OutMedia(b"\xff\xd8\xff" + bytes(1_000_001), "image/jpeg", 10, 10)
    with pytest.raises(Rejected) as e:
        publish(band, Outgoing("bluesky", "too big", key="big", media=(big,)))
    assert "1,000,000" in e.value.message


def test_upload_progress_is_reported_and_cancel_stops_before_posting(pds, band):
    seen: list[float] = []
    progress = Progress(lambda fraction, text: seen.append(fraction))
    media = (OutMedia(jpeg("white", (800, 600)), "image/jpeg", 800, 600, alt="white"),)
    publish(band, Outgoing("bluesky", "with progress", key="progress", media=media), progress=progress)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) >= 3
    cancelling = Progress(lambda fraction, text: cancelling.cancel() if fraction > 0 else None)
    before = len(posts(pds, band.account.info["did"]))
    with pytest.raises(Cancelled):
        publish(band, Outgoing("bluesky", "cancelled", key="cancel", media=media), progress=cancelling)
    assert len(posts(pds, band.account.info["did"])) == before
