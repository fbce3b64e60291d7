"""Mastodon, and servers with its client API, signed in with OAuth 2 in the browser (PKCE S256, loopback redirect).

Connecting registers Content Studio as an app on the user's server each time (the client id and secret are kept in
the account's keyring secret with the access token); Mastodon's tokens do not expire, so there is nothing to
refresh: a 401 means the token was revoked and the account needs re-authorisation.

Exactly once (DESIGN.md §7): every status is sent with an `Idempotency-Key` unique to the job and the post's place
in the thread; Mastodon keeps the key for an hour and answers a repeat with the status it already made, so a retry
after a lost answer posts nothing twice. Media are uploaded again on a retry (an unattached upload is harmless and
the server deletes it later).
"""

from __future__ import annotations

import dataclasses
import mimetypes
import time
import webbrowser
from collections.abc import Callable
from typing import Any, NoReturn
from urllib.parse import urlencode, urlsplit

import requests

from studio.core.account import Account, account_id
from studio.core.progress import Progress
from studio.networks.http import Api, describe_status, host_of, json_body, multipart
from studio.networks.mastodon import limits_from_instance
from studio.networks.oauth import LoopbackRedirect, new_state, pkce_pair
from studio.networks.publishing import (
    AuthExpired,
    Client,
    Connected,
    Connection,
    Field,
    NotConnectable,
    OutcomeUnknown,
    Outgoing,
    OutMedia,
    Prepared,
    Receipt,
    Rejected,
    Transient,
)
from studio.networks.text.common import sanitize

DEFAULT_SERVER = "mastodon.social"
APP_NAME = "Content Studio"
SCOPES = "read:accounts write:media write:statuses"  # verify_credentials, uploads, posting: nothing more
VERIFY = "/api/v1/accounts/verify_credentials"
_EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp",
               "video/mp4": ".mp4", "video/quicktime": ".mov", "video/webm": ".webm"}


def normalize_server(value: str) -> str:
    """The server's base URL from what a user types: "example.social", "https://example.social/",
    "@user@example.social" or "user@example.social" all give "https://example.social" (http only when typed)."""
    text = (value or "").strip() or DEFAULT_SERVER
    if "://" not in text and "@" in text:
        text = text.rsplit("@", 1)[1]
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host, port = parts.hostname, parts.port
    except ValueError:
        host = port = None
    if host is None or parts.scheme not in ("http", "https") or any(c.isspace() for c in text):
        raise NotConnectable(f"“{value.strip()}” is not a server address. Enter your Mastodon server, such as "
                             "mastodon.social, or your full address, such as @you@mastodon.social.")
    host = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{host}" + (f":{port}" if port else "")


class _Server:
    """One piece of work against one Mastodon server: sends with the token and maps Mastodon's answers to the
    typed errors. `secrets` are scrubbed from any text the server sends back before it reaches a message."""

    def __init__(self, api: Api, base: str, token: str = "", secrets: tuple[str, ...] = ()):
        self.api, self.base, self.token = api, base, token
        self.secrets = tuple(s for s in secrets if s and len(s) >= 6)
        self.host = host_of(base)

    def call(self, method: str, path: str, *, idempotent: bool, expect: tuple[int, ...] = (200,),
             headers: dict[str, str] | None = None, **kwargs: Any) -> tuple[int, Any]:
        """(status, JSON body) for an expected status; raises a typed error for anything else. A 206 may have no
        body; every other expected answer must be JSON (a web page is an error)."""
        all_headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        all_headers.update(headers or {})
        response = self.api.send(method, self.base + path, idempotent=idempotent, headers=all_headers, **kwargs)
        body = json_body(response)
        if response.status_code in expect and (response.status_code == 206 or isinstance(body, dict)):
            return response.status_code, body
        self.fail(response, body, idempotent)

    def scrub(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "[hidden]")
        return text

    def fail(self, response: requests.Response, body: Any, idempotent: bool) -> NoReturn:
        status = response.status_code
        said = body.get("error") if isinstance(body, dict) else None
        error = self.scrub(said.strip()) if isinstance(said, str) else ""
        if status == 401:
            raise AuthExpired(f"Mastodon ({self.host}) no longer accepts this account's sign-in (the access was "
                              "revoked): the account needs re-authorisation. Connect it again.")
        if status == 403 and error:
            raise AuthExpired(f"Mastodon ({self.host}) refused: {error}. The account needs re-authorisation: "
                              "connect it again.")
        if status == 413:
            raise Rejected(f"Mastodon ({self.host}) refused the file: it is larger than this server accepts.")
        if status == 422 and error:
            raise Rejected(f"Mastodon refused it: {error}", (error,))
        if 200 <= status < 300:
            raise Rejected(f"{self.host} answered {describe_status(response)} with a web page or something else "
                           "that is not the Mastodon API's answer. Check the server address.")
        self.api.raise_common(response, idempotent=idempotent, body=body, message=error)
        raise AssertionError("raise_common always raises")


class MastodonClient(Client):
    network = "mastodon"
    fields = (Field("server", "Server", default=DEFAULT_SERVER, required=False,
                    help="Your Mastodon server, such as mastodon.social, or your address, such as "
                         "@you@mastodon.social. Content Studio then opens the browser to sign in."),)
    auth_timeout = 300.0  # how long connect waits for the browser
    poll_first, poll_max = 0.5, 3.0  # media processing: first wait and longest wait between checks (seconds)
    poll_limit = 300.0  # give up waiting for processing after this long

    # --- accounts ---

    def connect(self, values: dict[str, str], http: requests.Session, *, progress: Progress | None = None,
                open_browser: Callable[[str], None] | None = None) -> Connected:
        base = normalize_server(values.get("server", ""))
        api = Api("Mastodon", http, progress=progress)
        instance = self._instance(_Server(api, base), connecting=True)
        with LoopbackRedirect(app_name=APP_NAME) as redirect:
            app = self._register(_Server(api, base), redirect.redirect_uri)
            verifier, challenge = pkce_pair()
            state = new_state()
            query = {"response_type": "code", "client_id": app["client_id"], "redirect_uri": redirect.redirect_uri,
                     "scope": SCOPES, "state": state, "code_challenge": challenge, "code_challenge_method": "S256"}
            (open_browser or webbrowser.open)(f"{base}/oauth/authorize?{urlencode(query)}")
            if progress is not None:
                progress.report(0.2, "Waiting for you to approve Content Studio in the browser")
            code = redirect.wait(state, progress, self.auth_timeout)
        secrets = (app["client_id"], app["client_secret"], code, verifier)
        token = self._exchange(_Server(api, base, secrets=secrets), app, code, verifier, redirect.redirect_uri)
        server = _Server(api, base, token, secrets=(*secrets, token))
        _, me = server.call("GET", VERIFY, idempotent=True)
        account = self._account(base, instance, me, Account(id="", network="mastodon", handle=""))
        return Connected(account, {"client_id": app["client_id"], "client_secret": app["client_secret"],
                                   "access_token": token})

    def check(self, conn: Connection) -> Account:
        server = self._server(conn)
        _, me = server.call("GET", VERIFY, idempotent=True)
        return self._account(conn.account.server, self._instance(server, connecting=False), me, conn.account)

    @staticmethod
    def _account(base: str, instance: dict, me: dict, old: Account) -> Account:
        """The account from verify_credentials; its handle uses the instance's domain, which may differ from the
        address the web interface runs at."""
        username = str(me.get("username") or me.get("acct") or "")
        if not username or "id" not in me:
            raise Rejected(f"{host_of(base)} did not describe the signed-in account. Try again.")
        domain = str(instance.get("domain") or urlsplit(base).hostname or "")
        handle = f"{username}@{domain}"
        return dataclasses.replace(
            old, id=old.id or account_id("mastodon", handle), network="mastodon", handle="@" + handle, server=base,
            name=str(me.get("display_name") or username), state="connected", state_message="",
            checked_at=time.time(), limits=limits_from_instance(instance),
            info={**old.info, "id": str(me["id"]), "url": str(me.get("url") or ""),
                  "avatar": str(me.get("avatar") or "")})

    @staticmethod
    def _instance(server: _Server, *, connecting: bool) -> dict:
        """GET /api/v2/instance: proves the server speaks Mastodon's API and gives its limits."""
        try:
            response = server.api.send("GET", server.base + "/api/v2/instance", idempotent=True)
        except Transient as e:
            raise (NotConnectable(e.message) if connecting else e) from None
        body = json_body(response)
        if response.ok and isinstance(body, dict) and isinstance(body.get("configuration"), dict):
            return body
        if response.status_code == 429 or response.status_code >= 500 or not connecting:
            server.fail(response, body, True)
        page = " with a web page" if body is None and response.content else ""
        raise NotConnectable(f"{server.host} is not a Mastodon server: it answered {describe_status(response)}{page} "
                             "where Mastodon describes itself (/api/v2/instance). Check the server address.")

    @staticmethod
    def _register(server: _Server, redirect_uri: str) -> dict:
        data = {"client_name": APP_NAME, "redirect_uris": redirect_uri, "scopes": SCOPES}
        try:
            _, app = server.call("POST", "/api/v1/apps", idempotent=True, data=data)
        except Rejected as e:
            raise NotConnectable(f"{server.host} would not register Content Studio: {e.message}") from None
        if not app.get("client_id") or not app.get("client_secret"):
            raise NotConnectable(f"{server.host} registered Content Studio but sent no client credentials.")
        return app

    @staticmethod
    def _exchange(server: _Server, app: dict, code: str, verifier: str, redirect_uri: str) -> str:
        data = {"grant_type": "authorization_code", "code": code, "client_id": app["client_id"],
                "client_secret": app["client_secret"], "redirect_uri": redirect_uri, "code_verifier": verifier,
                "scope": SCOPES}
        response = server.api.send("POST", server.base + "/oauth/token", idempotent=True, data=data)
        body = json_body(response)
        if response.ok and isinstance(body, dict) and isinstance(body.get("access_token"), str):
            return body["access_token"]
        if isinstance(body, dict) and response.status_code in (400, 401) and body.get("error"):
            said = " ".join(str(body.get(k) or "") for k in ("error", "error_description")).strip()
            raise NotConnectable(f"{server.host} did not accept the sign-in ({server.scrub(said)}). "
                                 "Try connecting again.")
        server.fail(response, body, True)

    # --- publishing ---

    def prepare(self, out: Outgoing, account: Account) -> Prepared:
        """One step per post of the thread: {"status", "visibility", "spoiler_text", "sensitive", "language",
        "media": [indices into Prepared.media] (first post only), "idempotency_key": "<out.key>-<i>"}."""
        options = out.options or {}
        spoiler = sanitize(str(options.get("spoiler_text") or ""))
        steps = [{"status": sanitize(text), "visibility": str(options.get("visibility") or "public"),
                  "spoiler_text": spoiler, "sensitive": bool(options.get("sensitive")),
                  "language": str(options["language"]) if options.get("language") else None,
                  "media": list(range(len(out.media))) if i == 0 else [], "idempotency_key": f"{out.key}-{i}"}
                 for i, text in enumerate((out.text, *out.thread))]
        return Prepared("mastodon", out.key, steps, out.media)

    def publish(self, prepared: Prepared, conn: Connection) -> Receipt:
        if not prepared.steps:
            raise Rejected("There is nothing to post: the post has no text and no media.")
        server = self._server(conn)
        media_ids = self._upload_all(server, prepared, conn)
        ids: list[str] = []
        urls: list[str] = []
        count = len(prepared.steps)
        for i, step in enumerate(prepared.steps):
            conn.report(0.8 + 0.2 * i / count, f"Posting {i + 1} of {count}" if count > 1 else "Posting")
            body: dict[str, Any] = {"status": step["status"], "visibility": step.get("visibility") or "public"}
            if step.get("media"):
                body["media_ids"] = [media_ids[j] for j in step["media"]]
            for name in ("spoiler_text", "sensitive", "language"):
                if step.get(name):
                    body[name] = step[name]
            if ids:
                body["in_reply_to_id"] = ids[-1]
            status = self._post_status(server, body, step["idempotency_key"])
            ids.append(str(status["id"]))
            urls.append(str(status.get("url") or status.get("uri") or ""))
        conn.report(1.0, "Posted")
        return Receipt(urls[0], ids, details={"urls": urls})

    @staticmethod
    def _post_status(server: _Server, body: dict, key: str) -> dict:
        """POST /api/v1/statuses with the job's Idempotency-Key: an answer lost on the way is safe to retry (within
        the hour Mastodon keeps the key), so it is Transient, not OutcomeUnknown."""
        try:
            _, status = server.call("POST", "/api/v1/statuses", idempotent=False, json_data=body,
                                    headers={"Idempotency-Key": key})
        except OutcomeUnknown:
            raise Transient(f"Mastodon ({server.host}) did not answer after the post was sent. Content Studio will "
                            "send it again with the same idempotency key, so it will not be posted twice.") from None
        if "id" not in status:
            raise Rejected(f"Mastodon ({server.host}) accepted the post but did not say which it is.")
        return status

    def _upload_all(self, server: _Server, prepared: Prepared, conn: Connection) -> dict[int, str]:
        """Upload the media the steps use; returns index -> media id. Progress 0..0.8, shared by size."""
        wanted = sorted({j for step in prepared.steps for j in step.get("media", [])})
        total = sum(len(prepared.media[j].data) for j in wanted) or 1
        done, ids = 0, {}
        for n, j in enumerate(wanted):
            media = prepared.media[j]
            span = (0.8 * done / total, 0.8 * (done + len(media.data)) / total)
            label = "Uploading the video" if media.is_video else f"Uploading image {n + 1} of {len(wanted)}"
            ids[j] = self._upload(server, media, conn, span, label)
            done += len(media.data)
        return ids

    def _upload(self, server: _Server, media: OutMedia, conn: Connection, span: tuple[float, float],
                label: str) -> str:
        name = media.filename if "." in media.filename else \
            media.filename + (_EXTENSIONS.get(media.mime) or mimetypes.guess_extension(media.mime) or "")
        fields: list[tuple[str, Any]] = [("file", (name, media.data, media.mime))]
        if media.alt.strip():
            fields.append(("description", sanitize(media.alt)))
        if media.focus is not None:
            x, y = (max(-1.0, min(1.0, float(v))) for v in media.focus)
            fields.append(("focus", f"{x:.2f},{y:.2f}"))
        data, content_type = multipart(fields)
        timeout = (conn.timeout[0], max(conn.timeout[1], 120.0))  # the server may process an image before answering
        status, body = server.call("POST", "/api/v2/media", idempotent=True, expect=(200, 202), data=data,
                                   content_type=content_type, upload_span=span, upload_text=label, timeout=timeout)
        if not body.get("id"):
            raise Rejected(f"Mastodon ({server.host}) accepted an upload but did not say which it is.")
        if status == 202 or body.get("url") is None:
            self._wait_processed(server, str(body["id"]), conn, span[1], media.is_video)
        return str(body["id"])

    def _wait_processed(self, server: _Server, media_id: str, conn: Connection, fraction: float,
                        video: bool) -> None:
        """Poll GET /api/v1/media/:id while it answers 206, backing off, until 200; cancellable all along."""
        text = "Mastodon is processing the video" if video else "Mastodon is processing the image"
        delay, waited = self.poll_first, 0.0
        while True:
            conn.report(fraction, text)
            _sleep(delay, conn)
            waited += delay
            status, _ = server.call("GET", f"/api/v1/media/{media_id}", idempotent=True, expect=(200, 206))
            if status == 200:
                return
            if waited >= self.poll_limit:
                raise Transient(f"Mastodon ({server.host}) was still processing the {'video' if video else 'image'} "
                                f"after {round(waited / 60) or 1} minutes. Content Studio will try again later.")
            delay = min(delay * 1.5, self.poll_max)

    @staticmethod
    def _server(conn: Connection) -> _Server:
        api = Api("Mastodon", conn.http, progress=conn.progress, timeout=conn.timeout)
        secret = conn.secret or {}
        secrets = tuple(str(secret.get(k) or "") for k in ("access_token", "client_secret", "client_id"))
        return _Server(api, conn.account.server, str(secret.get("access_token") or ""), secrets)


def _sleep(seconds: float, conn: Connection) -> None:
    """Sleep in short slices so a cancel is seen within a tenth of a second."""
    end = time.monotonic() + seconds
    while True:
        conn.check()
        left = end - time.monotonic()
        if left <= 0:
            return
        time.sleep(min(0.05, left))
