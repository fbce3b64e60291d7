"""The Mastodon client against the local fake of Mastodon's documented client API (tests/servers/fake_mastodon.py):
OAuth with a scripted browser, publishing, processing, threads, exactly-once retries and the error mapping."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "servers"))

from fake_mastodon import FakeMastodon

from studio.core.account import Account
from studio.core.progress import Cancelled, Progress
from studio.networks.clients import mastodon as module
from studio.networks.clients.mastodon import MastodonClient, normalize_server
from studio.networks.publishing import (
    AuthExpired,
    Connection,
    NotConnectable,
    Outgoing,
    OutMedia,
    PublishError,
    RateLimited,
    Rejected,
    Transient,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
MP4 = b"\0\0\0\x18ftypmp42" + b"\0" * 64


def browser(url: str) -> None:
    """The user's browser: the fake approves at once and redirects to the loopback callback."""
    threading.Thread(target=requests.get, args=(url,), kwargs={"timeout": 5}, daemon=True).start()


def make_client() -> MastodonClient:
    client = MastodonClient()
    client.auth_timeout, client.poll_first, client.poll_max = 5.0, 0.01, 0.02
    return client


@pytest.fixture
def fake():
    with FakeMastodon() as server:
        yield server


def connection(fake: FakeMastodon, progress: Progress | None = None) -> Connection:
    account = Account(id="mastodon-alice@example.social", network="mastodon", handle="@alice@example.social",
                      server=fake.url)
    secret = {"client_id": "client-id-123456", "client_secret": "client-secret-123456",
              "access_token": fake.issue_token()}
    return Connection(account, secret, progress=progress, timeout=(2.0, 0.5))


def publish(fake: FakeMastodon, out: Outgoing, conn: Connection | None = None):
    client = make_client()
    conn = conn or connection(fake)
    return client.publish(client.prepare(out, conn.account), conn)


def clean(error: PublishError, conn: Connection) -> str:
    """The user's message, asserting it carries none of the account's secrets."""
    text = str(error)
    for value in conn.secret.values():
        assert value not in text
    return text


# --- server addresses ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "base"), [
    ("example.social", "https://example.social"), ("https://Example.Social/", "https://example.social"),
    ("@user@example.social", "https://example.social"), ("user@example.social", "https://example.social"),
    ("  https://example.social/@user  ", "https://example.social"), ("", "https://mastodon.social"),
    ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
])
def test_server_addresses_are_normalised(typed, base):
    assert normalize_server(typed) == base


@pytest.mark.parametrize("typed", ["ftp://example.social", "exa mple.social", "https://"])
def test_a_bad_address_is_not_connectable(typed):
    with pytest.raises(NotConnectable, match="is not a server address"):
        normalize_server(typed)


# --- connecting ---------------------------------------------------------------------------------------------------

def test_connect_end_to_end_with_a_scripted_browser():
    with FakeMastodon(max_characters=1000, domain="example.social") as fake:
        got = make_client().connect({"server": fake.url + "/"}, requests.Session(), open_browser=browser)
        account, secret = got.account, got.secret
        assert (account.id, account.handle, account.server) == \
            ("mastodon-alice@example.social", "@alice@example.social", fake.url)
        assert account.name == "Alice Example" and account.network == "mastodon"
        assert account.info == {"id": fake.account_id, "url": f"{fake.url}/@alice",
                                "avatar": f"{fake.url}/avatars/original/alice.png"}
        assert account.limits["max_characters"] == 1000 and account.limits["max_media_attachments"] == 4
        assert set(secret) == {"client_id", "client_secret", "access_token"}
        app = fake.apps[secret["client_id"]]
        assert app["client_secret"] == secret["client_secret"] and app["scopes"] == \
            ["read:accounts", "write:media", "write:statuses"]
        assert app["redirect_uris"][0].startswith("http://127.0.0.1:")
        authorize = next(r for r in fake.requests if r.path == "/oauth/authorize")
        assert authorize.query["code_challenge_method"] == ["S256"] and authorize.query["state"][0]
        token_request = next(r for r in fake.requests if r.path == "/oauth/token").params()
        assert len(token_request["code_verifier"]) >= 43
        assert fake.tokens[secret["access_token"]]["scope"] == {"read:accounts", "write:media", "write:statuses"}


def test_connect_reports_a_denial():
    with FakeMastodon(deny=True) as fake:
        with pytest.raises(NotConnectable, match="Access was not granted"):
            make_client().connect({"server": fake.url}, requests.Session(), open_browser=browser)
        assert not fake.tokens and not any(r.path == "/oauth/token" for r in fake.requests)


def test_connect_refuses_an_answer_with_the_wrong_state():
    with FakeMastodon(callback_state="forged") as fake:
        with pytest.raises(NotConnectable, match="state did not match"):
            make_client().connect({"server": fake.url}, requests.Session(), open_browser=browser)
        assert not any(r.path == "/oauth/token" for r in fake.requests)


def test_connect_to_a_server_that_is_not_mastodon():
    with FakeMastodon(not_mastodon=True) as fake:
        with pytest.raises(NotConnectable, match="is not a Mastodon server: it answered 404 Not Found with a web"):
            make_client().connect({"server": fake.url}, requests.Session(), open_browser=browser)
        assert [r.path for r in fake.requests] == ["/api/v2/instance"]


def test_connect_to_an_unreachable_server():
    with FakeMastodon() as fake:
        url = fake.url
    with pytest.raises(NotConnectable, match="Could not connect to Mastodon"):
        make_client().connect({"server": url}, requests.Session(), open_browser=browser)


def test_connect_fails_when_the_pkce_verifier_does_not_match(monkeypatch):
    monkeypatch.setattr(module, "pkce_pair", lambda: ("v" * 50, "not-the-challenge-of-the-verifier"))
    with FakeMastodon() as fake:
        with pytest.raises(NotConnectable, match="did not accept the sign-in \\(invalid_grant") as raised:
            make_client().connect({"server": fake.url}, requests.Session(), open_browser=browser)
        assert not fake.tokens
        app = next(iter(fake.apps.values()))
        code = next(iter(fake.codes))
        for secret in (app["client_secret"], app["client_id"], code, "v" * 50):
            assert secret not in str(raised.value)


def test_the_fake_checks_pkce_single_use_codes_and_redirect_uris(fake):
    app = requests.post(fake.url + "/api/v1/apps", data={"client_name": "t", "redirect_uris": "http://127.0.0.1:9/cb",
                                                         "scopes": "read write"}).json()
    base = {"response_type": "code", "client_id": app["client_id"], "scope": "write", "state": "s",
            "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method": "S256"}
    wrong = requests.get(fake.url + "/oauth/authorize", params={**base, "redirect_uri": "http://evil/cb"},
                         allow_redirects=False)
    assert wrong.status_code == 400 and "redirect uri" in wrong.text
    answer = requests.get(fake.url + "/oauth/authorize", params={**base, "redirect_uri": "http://127.0.0.1:9/cb"},
                          allow_redirects=False)
    code = answer.headers["Location"].split("code=")[1].split("&")[0]
    form = {"grant_type": "authorization_code", "code": code, "client_id": app["client_id"],
            "client_secret": app["client_secret"], "redirect_uri": "http://127.0.0.1:9/cb",
            "code_verifier": "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"}
    assert requests.post(fake.url + "/oauth/token", data=form).status_code == 200
    again = requests.post(fake.url + "/oauth/token", data=form)
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant"


# --- checking -----------------------------------------------------------------------------------------------------

def test_check_refreshes_name_and_limits(fake):
    conn = connection(fake)
    fake.display_name, fake.statuses_config["max_characters"] = "Alice Renamed", 5000
    account = make_client().check(conn)
    assert account.name == "Alice Renamed" and account.limits["max_characters"] == 5000
    assert account.state == "connected" and account.id == conn.account.id and account.checked_at > 0


def test_check_of_a_revoked_token_needs_reauthorisation(fake):
    conn = connection(fake)
    fake.revoke(conn.secret["access_token"])
    with pytest.raises(AuthExpired, match="needs re-authorisation") as raised:
        make_client().check(conn)
    clean(raised.value, conn)


def test_check_of_an_unreachable_server_is_transient(fake):
    conn = connection(fake)
    fake.__exit__(None, None, None)
    with pytest.raises(Transient):
        make_client().check(conn)


# --- preparing and publishing -------------------------------------------------------------------------------------

def test_prepare_is_pure_and_keys_every_post():
    media = (OutMedia(PNG, "image/png", alt="a"),)
    out = Outgoing("mastodon", "one", "job-7", thread=("two",), media=media,
                   options={"visibility": "unlisted", "spoiler_text": "cw", "language": "de", "sensitive": True})
    prepared = make_client().prepare(out, Account(id="a", network="mastodon", handle="@a@b"))
    common = {"visibility": "unlisted", "spoiler_text": "cw", "sensitive": True, "language": "de"}
    assert prepared.steps == [{"status": "one", **common, "media": [0], "idempotency_key": "job-7-0"},
                              {"status": "two", **common, "media": [], "idempotency_key": "job-7-1"}]
    assert prepared.media == media and prepared.network == "mastodon"


def test_publish_text(fake):
    receipt = publish(fake, Outgoing("mastodon", "Hello, fediverse", "job-1"))
    assert [s["text"] for s in fake.statuses] == ["Hello, fediverse"]
    status = fake.statuses[0]
    assert receipt.ids == [status["id"]] and receipt.url == status["url"]
    assert status["visibility"] == "public" and status["language"] is None
    sent = next(r for r in fake.requests if r.path == "/api/v1/statuses")
    assert sent.headers["idempotency-key"] == "job-1-0"


def test_publish_two_images_with_alt_and_focus(fake):
    media = (OutMedia(PNG, "image/png", alt="A red door", focus=(0.5, -0.25), filename="door"),
             OutMedia(PNG, "image/jpeg", alt="A blue window"))
    seen: list[float] = []
    publish(fake, Outgoing("mastodon", "Doors", "job-2", media=media),
            connection(fake, Progress(lambda f, t: seen.append(f))))
    attached = fake.statuses[0]["media_attachments"]
    assert [m["description"] for m in attached] == ["A red door", "A blue window"]
    assert attached[0]["meta"]["focus"] == {"x": 0.5, "y": -0.25} and attached[1]["meta"]["focus"] == {"x": 0, "y": 0}
    first = fake.media[attached[0]["id"]]
    assert (first["filename"], first["mime"], first["data"]) == ("door.png", "image/png", PNG)
    assert seen == sorted(seen) and seen[-1] == 1.0


def test_publish_a_video_that_is_processed_first():
    with FakeMastodon(processing_polls=2) as fake:
        publish(fake, Outgoing("mastodon", "Watch", "job-3", media=(OutMedia(MP4, "video/mp4"),)))
        polls = [r for r in fake.requests if r.path.startswith("/api/v1/media/")]
        assert len(polls) == 3  # 206, 206, 200
        assert fake.statuses[0]["media_attachments"][0]["type"] == "video"


def test_publish_a_thread_of_three_with_options(fake):
    out = Outgoing("mastodon", "1/3", "job-4", thread=("2/3", "3/3"), media=(OutMedia(PNG, "image/png"),),
                   options={"visibility": "unlisted", "spoiler_text": "Spoilers", "language": "fr"})
    receipt = publish(fake, out)
    first, second, third = fake.statuses
    assert receipt.ids == [first["id"], second["id"], third["id"]]
    assert (second["in_reply_to_id"], third["in_reply_to_id"]) == (first["id"], second["id"])
    assert len(first["media_attachments"]) == 1 and not second["media_attachments"]
    assert {(s["visibility"], s["spoiler_text"], s["language"]) for s in fake.statuses} == \
        {("unlisted", "Spoilers", "fr")}
    assert [r.headers["idempotency-key"] for r in fake.requests if r.path == "/api/v1/statuses"] == \
        ["job-4-0", "job-4-1", "job-4-2"]


def test_a_retry_after_a_lost_answer_posts_once(fake):
    client, conn = make_client(), connection(fake)
    prepared = client.prepare(Outgoing("mastodon", "Once only", "job-5", thread=("and its reply",)), conn.account)
    fake.fail("POST", "/api/v1/statuses", action="hang_after")
    with pytest.raises(Transient, match="will not be posted twice") as raised:
        client.publish(prepared, conn)
    clean(raised.value, conn)
    assert len(fake.statuses) == 1  # it was posted; the answer was lost
    receipt = client.publish(prepared, conn)
    assert len(fake.statuses) == 2 and receipt.ids == [s["id"] for s in fake.statuses]
    assert fake.statuses[1]["in_reply_to_id"] == fake.statuses[0]["id"]


def test_a_revoked_token_needs_reauthorisation(fake):
    conn = connection(fake)
    fake.revoke(conn.secret["access_token"])
    with pytest.raises(AuthExpired, match="re-authorisation") as raised:
        publish(fake, Outgoing("mastodon", "Hi", "job-6"), conn)
    clean(raised.value, conn)
    assert not fake.statuses


def test_a_token_without_the_scope_needs_reauthorisation(fake):
    conn = connection(fake)
    conn.secret["access_token"] = fake.issue_token("read")
    with pytest.raises(AuthExpired, match="outside the authorized scopes"):
        publish(fake, Outgoing("mastodon", "Hi", "job-6"), conn)


def test_the_servers_own_limit_is_enforced_with_its_text():
    with FakeMastodon(max_characters=10) as fake:
        conn = connection(fake)
        with pytest.raises(Rejected, match="Text character limit of 10 exceeded") as raised:
            publish(fake, Outgoing("mastodon", "Twelve chars", "job-8"), conn)
        clean(raised.value, conn)


def test_an_unsupported_file_is_rejected_with_the_servers_text(fake):
    with pytest.raises(Rejected, match="File content type is invalid"):
        publish(fake, Outgoing("mastodon", "Bitmap", "job-9", media=(OutMedia(b"BM" + PNG, "image/bmp"),)))
    assert not fake.statuses


@pytest.mark.parametrize(("headers", "wait"), [({"Retry-After": "7"}, 7.0), ({}, None)])
def test_429_is_rate_limited(fake, headers, wait):
    fake.fail("POST", "/api/v1/statuses", status=429, body={"error": "Too many requests"}, headers=headers)
    with pytest.raises(RateLimited) as raised:
        publish(fake, Outgoing("mastodon", "Hi", "job-10"))
    assert raised.value.retry_after == wait


def test_429_uses_mastodons_x_ratelimit_reset():
    with FakeMastodon(rate_limit_after=0) as fake:
        with pytest.raises(RateLimited, match="Too many requests") as raised:
            publish(fake, Outgoing("mastodon", "Hi", "job-11"))
        assert 290 < raised.value.retry_after <= 300


def test_a_server_error_is_transient(fake):
    fake.fail("POST", "/api/v1/statuses", status=500, body={"error": "boom"})
    with pytest.raises(Transient, match="500 Internal Server Error"):
        publish(fake, Outgoing("mastodon", "Hi", "job-12"))


@pytest.mark.parametrize(("status", "kind"), [(502, Transient), (404, Rejected)])
def test_a_web_page_instead_of_the_api_says_so(fake, status, kind):
    fake.fail("POST", "/api/v2/media", status=status, html=True)
    with pytest.raises(kind, match="web page"):
        publish(fake, Outgoing("mastodon", "Hi", "job-13", media=(OutMedia(PNG, "image/png"),)))


def test_a_file_too_large_for_the_proxy_is_rejected(fake):
    fake.fail("POST", "/api/v2/media", status=413, html=True)
    with pytest.raises(Rejected, match="larger than this server accepts"):
        publish(fake, Outgoing("mastodon", "Hi", "job-18", media=(OutMedia(PNG, "image/png"),)))


def test_a_connection_reset_during_the_upload_is_transient(fake):
    fake.fail("POST", "/api/v2/media", action="reset")
    with pytest.raises(Transient, match="Nothing was published"):
        publish(fake, Outgoing("mastodon", "Hi", "job-14", media=(OutMedia(PNG, "image/png"),)))
    assert not fake.statuses


def test_cancel_while_the_video_is_processing():
    with FakeMastodon(processing_polls=10_000) as fake:
        progress = Progress()
        threading.Timer(0.3, progress.cancel).start()
        with pytest.raises(Cancelled):
            publish(fake, Outgoing("mastodon", "Hi", "job-15", media=(OutMedia(MP4, "video/mp4"),)),
                    connection(fake, progress))
        assert not fake.statuses and any(r.path.startswith("/api/v1/media/") for r in fake.requests)


def test_a_secret_echoed_by_the_server_is_hidden(fake):
    conn = connection(fake)
    token = conn.secret["access_token"]
    fake.fail("POST", "/api/v1/statuses", status=422, body={"error": f"Token {token} is odd"})
    with pytest.raises(Rejected, match=r"Token \[hidden\] is odd") as raised:
        publish(fake, Outgoing("mastodon", "Hi", "job-16"), conn)
    clean(raised.value, conn)


def test_the_fake_updates_media_reads_statuses_and_revokes_tokens(fake):
    conn = connection(fake)
    publish(fake, Outgoing("mastodon", "Hi", "job-17"))
    headers = {"Authorization": f"Bearer {conn.secret['access_token']}"}
    status = requests.get(f"{fake.url}/api/v1/statuses/{fake.statuses[0]['id']}", headers=headers)
    assert status.status_code == 200 and status.json()["id"] == fake.statuses[0]["id"]
    assert status.headers["X-RateLimit-Limit"] == "300" and status.headers["X-RateLimit-Reset"].endswith("Z")
    upload = requests.post(f"{fake.url}/api/v2/media", headers=headers, files={"file": ("a.png", PNG, "image/png")})
    media_id = upload.json()["id"]
    changed = requests.put(f"{fake.url}/api/v1/media/{media_id}", headers=headers,
                           data={"description": "Later alt", "focus": "0.1,0.9"}).json()
    assert changed["description"] == "Later alt" and changed["meta"]["focus"] == {"x": 0.1, "y": 0.9}
    app = requests.post(fake.url + "/api/v1/apps", data={"client_name": "t", "redirect_uris": "http://127.0.0.1:9/"})
    fake.tokens[conn.secret["access_token"]]["client_id"] = app.json()["client_id"]
    revoke = {"client_id": app.json()["client_id"], "client_secret": app.json()["client_secret"],
              "token": conn.secret["access_token"]}
    assert requests.post(fake.url + "/oauth/revoke", data=revoke).json() == {}
    gone = requests.get(f"{fake.url}/api/v1/accounts/verify_credentials", headers=headers)
    assert gone.status_code == 401 and gone.json() == {"error": "The access token is invalid"}
