"""A local fake of Mastodon's client API, following docs.joinmastodon.org (methods/apps, methods/oauth, spec/oauth,
methods/media, methods/statuses, entities/Instance, api/rate-limits), for the parts Content Studio uses.

One local user (`username`) approves every authorisation unless `deny` is set: GET /oauth/authorize answers 302 to
the redirect URI at once, so a "scripted browser" is `requests.get(authorize_url)`. Codes are single use and PKCE
S256 is checked at /oauth/token. Media: images are processed at once (200), videos and GIFs (or every file with
`async_media`) answer 202 and then 206 to `processing_polls` GETs before 200. Statuses honour Idempotency-Key per
account for an hour, as PostStatusService does. Every /api/ answer carries X-RateLimit-* headers (Reset in ISO 8601);
with `rate_limit_after=N` the N+1th API request gets 429 {"error": "Too many requests"}.

State for assertions: `statuses` (posted, in order), `media` (by id), `apps`, `tokens`; `issue_token()` makes a
token without the browser dance, `revoke(token)` kills one.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import html
import itertools
import secrets
import socket
import threading
import time
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from fake_http import FakeServer, Reply, Request

from studio.networks.text.mastodon import count as mastodon_count

MB = 1 << 20
INVALID_TOKEN = {"error": "The access token is invalid"}
MIME_TYPES = ["image/jpeg", "image/png", "image/gif", "image/heic", "image/heif", "image/webp", "image/avif",
              "video/webm", "video/mp4", "video/quicktime", "video/ogg", "audio/wave", "audio/mpeg", "audio/ogg"]
DENIED = "The resource owner or authorization server denied the request."
INVALID_GRANT = ("The provided authorization grant is invalid, expired, revoked, does not match the redirection URI "
                 "used in the authorization request, or was issued to another client.")
INVALID_CLIENT = ("Client authentication failed due to unknown client, no client authentication included, or "
                  "unsupported authentication method.")
VISIBILITIES = ("public", "unlisted", "private", "direct")


def _scope_covers(granted: set[str], wanted: str) -> bool:
    """'write' covers 'write:statuses'; 'profile' is enough for verify_credentials."""
    return wanted in granted or wanted.split(":")[0] in granted


def _page(status: int, title: str) -> Reply:
    return Reply(status, f"<!DOCTYPE html><html><head><title>{html.escape(title)}</title></head>"
                         f"<body><h1>{html.escape(title)}</h1></body></html>", content_type="text/html; charset=utf-8")


def _media_ids(p: dict) -> list[str]:
    """media_ids[] of a form, or media_ids of a JSON body."""
    ids = p.get("media_ids[]", p.get("media_ids")) or []
    return [str(i) for i in (ids if isinstance(ids, list) else [ids])]


def _truthy(value: Any) -> bool:
    return value is True or str(value).lower() in ("true", "1", "on")


class FakeMastodon(FakeServer):
    def __init__(self, *, username: str = "alice", display_name: str = "Alice Example", domain: str = "example.social",
                 max_characters: int = 500, characters_reserved_per_url: int = 23, max_media_attachments: int = 4,
                 image_size_limit: int = 16 * MB, image_matrix_limit: int = 33_177_600,
                 video_size_limit: int = 99 * MB, description_limit: int = 1500, mime_types: list[str] | None = None,
                 not_mastodon: bool = False, deny: bool = False, check_redirect: bool = True,
                 callback_state: str | None = None, processing_polls: int = 2, async_media: bool = False,
                 rate_limit: int = 300, rate_limit_after: int | None = None) -> None:
        super().__init__()
        self.username, self.display_name, self.domain = username, display_name, domain
        self.statuses_config = {"max_characters": max_characters, "max_media_attachments": max_media_attachments,
                                "characters_reserved_per_url": characters_reserved_per_url}
        self.media_config = {"supported_mime_types": mime_types or list(MIME_TYPES),
                             "image_size_limit": image_size_limit, "image_matrix_limit": image_matrix_limit,
                             "video_size_limit": video_size_limit, "video_frame_rate_limit": 120,
                             "video_matrix_limit": 8_294_400, "description_limit": description_limit}
        self.not_mastodon, self.deny, self.check_redirect = not_mastodon, deny, check_redirect
        self.callback_state = callback_state  # answer with this state instead of the one asked (a forged answer)
        self.processing_polls, self.async_media = processing_polls, async_media
        self.rate_limit, self.rate_limit_after = rate_limit, rate_limit_after
        self.account_id = "109000000000000001"
        self.apps: dict[str, dict] = {}
        self.codes: dict[str, dict] = {}
        self.tokens: dict[str, dict] = {}
        self.media: dict[str, dict] = {}
        self.statuses: list[dict] = []
        self.idempotency: dict[tuple[str, str], tuple[str, float]] = {}
        self.api_requests = 0
        self.window_end = time.time() + 300
        self._ids = itertools.count(110_000_000_000_000_001)
        self._state = threading.RLock()

    def __exit__(self, *exc: object) -> None:
        """Stop without waiting out serve_forever's half-second poll: poke the socket until the loop has ended."""
        httpd = self._httpd
        if httpd is None:
            return super().__exit__(*exc)
        stopper = threading.Thread(target=super().__exit__, args=exc, daemon=True)
        stopper.start()
        while stopper.is_alive():
            with contextlib.suppress(OSError):
                socket.create_connection(httpd.server_address[:2], timeout=0.2).close()
            stopper.join(0.02)

    # --- helpers for tests ---
    def issue_token(self, scope: str = "read write") -> str:
        token = secrets.token_urlsafe(32)
        self.tokens[token] = {"client_id": None, "scope": set(scope.split()), "revoked": False}
        return token

    def revoke(self, token: str) -> None:
        if token in self.tokens:
            self.tokens[token]["revoked"] = True

    def status(self, status_id: str) -> dict | None:
        return next((s for s in self.statuses if s["id"] == status_id), None)

    # --- routing ---
    def route(self, request: Request) -> Reply:
        if self.not_mastodon:
            return _page(404, "The page you were looking for doesn't exist")
        with self._state:
            if request.path.startswith("/oauth/"):
                return self._oauth(request)
            if request.path == "/api/v2/instance" and request.method == "GET":
                return self._rated(Reply(200, self.instance()))
            if request.path.startswith("/api/"):
                return self._rated(self._api(request), counted=True)
            return _page(404, "The page you were looking for doesn't exist")

    def _rated(self, reply: Reply, counted: bool = False) -> Reply:
        """Rate-limit headers on every API answer; 429 once `rate_limit_after` requests were made."""
        if time.time() > self.window_end:
            self.window_end, self.api_requests = time.time() + 300, 0
        if counted:
            self.api_requests += 1
            if self.rate_limit_after is not None and self.api_requests > self.rate_limit_after:
                reply = Reply(429, {"error": "Too many requests"})
        remaining = max(0, self.rate_limit - self.api_requests)
        if reply.status == 429:
            remaining = 0
        reset = datetime.fromtimestamp(self.window_end, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        reply.headers.update({"X-RateLimit-Limit": str(self.rate_limit), "X-RateLimit-Remaining": str(remaining),
                              "X-RateLimit-Reset": reset})
        return reply

    def _api(self, request: Request) -> Reply:
        m, path = request.method, request.path
        if m == "POST" and path == "/api/v1/apps":
            return self._create_app(request.params())
        routes = {("GET", "/api/v1/accounts/verify_credentials"): ("read:accounts", self._verify_credentials),
                  ("POST", "/api/v2/media"): ("write:media", self._upload),
                  ("POST", "/api/v1/statuses"): ("write:statuses", self._post_status)}
        if path.startswith("/api/v1/media/") and m in ("GET", "PUT"):
            scope, handler = "write:media", self._get_media if m == "GET" else self._update_media
        elif path.startswith("/api/v1/statuses/") and m == "GET":
            scope, handler = "read:statuses", self._get_status
        elif (m, path) in routes:
            scope, handler = routes[(m, path)]
        else:
            return Reply(404, {"error": "Record not found"})
        token = self._token(request)
        if isinstance(token, Reply):
            return token
        if not (_scope_covers(token["scope"], scope) or (scope == "read:accounts" and "profile" in token["scope"])):
            return Reply(403, {"error": "This action is outside the authorized scopes"})
        return handler(request)

    def _token(self, request: Request) -> dict | Reply:
        auth = request.headers.get("authorization", "")
        if not auth.startswith("Bearer "):
            return Reply(401, {"error": "This method requires an authenticated user"})
        token = self.tokens.get(auth[7:].strip())
        if token is None or token["revoked"]:
            return Reply(401, dict(INVALID_TOKEN))
        return token

    # --- instance and apps ---
    def instance(self) -> dict:
        config = {"urls": {"streaming": "wss://" + self.domain}, "accounts": {"max_featured_tags": 10},
                  "statuses": dict(self.statuses_config), "media_attachments": dict(self.media_config),
                  "polls": {"max_options": 4, "max_characters_per_option": 50}, "translation": {"enabled": False}}
        return {"domain": self.domain, "title": "Example Social", "version": "4.3.0", "source_url":
                "https://github.com/mastodon/mastodon", "languages": ["en"], "api_versions": {"mastodon": 2},
                "configuration": config, "registrations": {"enabled": False}, "rules": []}

    def _create_app(self, p: dict) -> Reply:
        name, uris = str(p.get("client_name") or ""), p.get("redirect_uris") or ""
        uris = uris if isinstance(uris, list) else str(uris).split()
        if not name or not uris:
            blank = "Name can't be blank" if not name else "Redirect URI can't be blank"
            return Reply(422, {"error": f"Validation failed: {blank}"})
        scopes = str(p.get("scopes") or "read").split()
        app = {"id": str(next(self._ids)), "name": name, "website": p.get("website"), "scopes": scopes,
               "redirect_uri": "\n".join(uris), "redirect_uris": uris, "client_id": secrets.token_urlsafe(32),
               "client_secret": secrets.token_urlsafe(32), "client_secret_expires_at": 0}
        self.apps[app["client_id"]] = app
        return Reply(200, app)

    # --- OAuth ---
    def _oauth(self, request: Request) -> Reply:
        if request.method == "GET" and request.path == "/oauth/authorize":
            return self._authorize(request.params())
        if request.method == "POST" and request.path == "/oauth/token":
            return self._exchange(request.params())
        if request.method == "POST" and request.path == "/oauth/revoke":
            p = request.params()
            app, token = self.apps.get(p.get("client_id", "")), self.tokens.get(p.get("token", ""))
            if app is None or app["client_secret"] != p.get("client_secret"):
                return Reply(403, {"error": "unauthorized_client",
                                   "error_description": "You are not authorized to revoke this token"})
            if token is not None and token["client_id"] == app["client_id"]:
                token["revoked"] = True
            return Reply(200, {})
        return _page(404, "The page you were looking for doesn't exist")

    def _authorize(self, p: dict) -> Reply:
        app = self.apps.get(p.get("client_id", ""))
        if app is None:
            return _page(401, INVALID_CLIENT)
        redirect = p.get("redirect_uri", "")
        if self.check_redirect and redirect not in app["redirect_uris"]:
            return _page(400, "The requested redirect uri is malformed or doesn't match client redirect URI.")
        state = p.get("state") if self.callback_state is None else self.callback_state
        scope = set(str(p.get("scope") or "read").split())
        error = None
        if p.get("response_type") != "code":
            error = ("unsupported_response_type", "The authorization server does not support this response type.")
        elif not scope <= set(app["scopes"]):
            error = ("invalid_scope", "The requested scope is invalid, unknown, or malformed.")
        elif p.get("code_challenge") and p.get("code_challenge_method") != "S256":
            error = ("invalid_request", "Code challenge method must be S256.")
        elif self.deny:
            error = ("access_denied", DENIED)
        if error is not None:
            query = {"error": error[0], "error_description": error[1]}
        else:
            code = secrets.token_urlsafe(32)
            self.codes[code] = {"client_id": app["client_id"], "redirect_uri": redirect, "scope": scope,
                                "challenge": p.get("code_challenge"), "used": False}
            query = {"code": code}
        if state is not None:
            query["state"] = state
        return Reply(302, b"", {"Location": redirect + ("&" if "?" in redirect else "?") + urlencode(query)})

    def _exchange(self, p: dict) -> Reply:
        app = self.apps.get(p.get("client_id", ""))
        if app is None or app["client_secret"] != p.get("client_secret"):
            return Reply(401, {"error": "invalid_client", "error_description": INVALID_CLIENT})
        if p.get("grant_type") != "authorization_code":
            return Reply(400, {"error": "unsupported_grant_type", "error_description":
                               "The authorization grant type is not supported by the authorization server."})
        grant = self.codes.get(p.get("code", ""))
        bad = {"error": "invalid_grant", "error_description": INVALID_GRANT}
        if grant is None or grant["used"] or grant["client_id"] != app["client_id"] or \
                grant["redirect_uri"] != p.get("redirect_uri"):
            return Reply(400, bad)
        grant["used"] = True  # single use, whatever happens next
        if grant["challenge"]:
            verifier = str(p.get("code_verifier") or "")
            digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            if not secrets.compare_digest(digest, grant["challenge"]):
                return Reply(400, bad)
        token = secrets.token_urlsafe(32)
        self.tokens[token] = {"client_id": app["client_id"], "scope": grant["scope"], "revoked": False}
        return Reply(200, {"access_token": token, "token_type": "Bearer", "scope": " ".join(sorted(grant["scope"])),
                           "created_at": int(time.time())})

    # --- accounts ---
    def account(self) -> dict:
        return {"id": self.account_id, "username": self.username, "acct": self.username,
                "display_name": self.display_name, "locked": False, "bot": False,
                "url": f"{self.url}/@{self.username}", "avatar": f"{self.url}/avatars/original/{self.username}.png",
                "avatar_static": f"{self.url}/avatars/original/{self.username}.png", "note": "",
                "created_at": "2024-01-01T00:00:00.000Z", "followers_count": 0, "following_count": 0,
                "statuses_count": len(self.statuses)}

    def _verify_credentials(self, request: Request) -> Reply:
        return Reply(200, {**self.account(), "source": {"privacy": "public", "sensitive": False, "language": "en",
                                                        "note": "", "fields": []}})

    # --- media ---
    def _upload(self, request: Request) -> Reply:
        parts = request.multipart() if request.headers.get("content-type", "").startswith("multipart/") else {}
        files = [p for p in parts.get("file", []) if p[0] is not None]
        if not files:
            return Reply(422, {"error": "Validation failed: File can't be blank"})
        filename, data, mime = files[0]
        if mime not in self.media_config["supported_mime_types"]:
            return Reply(422, {"error": "Validation failed: File content type is invalid, File is invalid"})
        video = mime.startswith("video/") or mime == "image/gif"
        limit = self.media_config["video_size_limit" if video else "image_size_limit"]
        if len(data) > limit:
            return Reply(422, {"error": f"Validation failed: File file size must be less than {limit // MB} MB"})
        fields = request.params()
        description = fields.get("description") or None
        if description and len(description) > self.media_config["description_limit"]:
            return Reply(422, {"error": "Validation failed: Description is too long (maximum is "
                                        f"{self.media_config['description_limit']} characters)"})
        media_id = str(next(self._ids))
        kind = "gifv" if mime == "image/gif" else "video" if video else "image"
        processing = video or self.async_media
        entity = {"id": media_id, "type": kind, "url": f"{self.url}/system/media/{media_id}/original",
                  "preview_url": f"{self.url}/system/media/{media_id}/small", "remote_url": None,
                  "meta": {"focus": self._focus(fields.get("focus"))}, "description": description, "blurhash": None}
        self.media[media_id] = {"entity": entity, "owner": self.account_id, "status_id": None, "data": data,
                                "mime": mime, "filename": filename, "polls_left": self.processing_polls if processing
                                else 0}
        if processing:
            return Reply(202, {**entity, "url": None})
        return Reply(200, entity)

    @staticmethod
    def _focus(value: Any) -> dict:
        try:
            x, y = (float(v) for v in str(value).split(","))
        except ValueError:
            return {"x": 0.0, "y": 0.0}
        return {"x": max(-1.0, min(1.0, x)), "y": max(-1.0, min(1.0, y))}

    def _own_media(self, request: Request, unattached: bool = False) -> dict | None:
        item = self.media.get(request.path.rsplit("/", 1)[-1])
        if item is None or item["owner"] != self.account_id or (unattached and item["status_id"]):
            return None
        return item

    def _get_media(self, request: Request) -> Reply:
        item = self._own_media(request)
        if item is None:
            return Reply(404, {"error": "Record not found"})
        if item["polls_left"] > 0:
            item["polls_left"] -= 1
            return Reply(206, {**item["entity"], "url": None})
        return Reply(200, item["entity"])

    def _update_media(self, request: Request) -> Reply:
        item = self._own_media(request, unattached=True)
        if item is None:
            return Reply(404, {"error": "Record not found"})
        p = request.params()
        if "description" in p:
            item["entity"]["description"] = p["description"] or None
        if "focus" in p:
            item["entity"]["meta"]["focus"] = self._focus(p["focus"])
        return Reply(200, item["entity"])

    # --- statuses ---
    def _get_status(self, request: Request) -> Reply:
        found = self.status(request.path.rsplit("/", 1)[-1])
        return Reply(200, found) if found is not None else Reply(404, {"error": "Record not found"})

    def _post_status(self, request: Request) -> Reply:
        key = request.headers.get("idempotency-key")
        if key:
            done = self.idempotency.get((self.account_id, key))
            if done is not None and time.time() - done[1] < 3600:
                return Reply(200, self.status(done[0]))
        p = request.params()
        error = self._status_problem(p)
        if isinstance(error, Reply):
            return error
        status = self._make_status(p)
        self.statuses.append(status)
        if key:
            self.idempotency[(self.account_id, key)] = (status["id"], time.time())
        return Reply(200, status)

    def _status_problem(self, p: dict) -> Reply | None:
        """PostStatusService's checks, in its order, with its messages."""
        ids = _media_ids(p)
        most = self.statuses_config["max_media_attachments"]
        if len(ids) > most:
            return Reply(422, {"error": f"Cannot attach more than {most} files"})
        items = [self.media.get(i) for i in ids]
        missing = [i for i, m in zip(ids, items, strict=True)
                   if m is None or m["owner"] != self.account_id or m["status_id"]]
        if missing:
            return Reply(422, {"error": f"Media {', '.join(missing)} not found or already attached to a post"})
        if len(items) > 1 and any(m["entity"]["type"] in ("video", "gifv") for m in items):
            return Reply(422, {"error": "Cannot attach a video to a post that already contains images"})
        if any(m["polls_left"] > 0 for m in items):
            return Reply(422, {"error": "Cannot attach files that have not finished processing. "
                                        "Try again in a moment!"})
        visibility = p.get("visibility") or "public"
        if visibility not in VISIBILITIES:
            return Reply(422, {"error": f"'{visibility}' is not a valid visibility"})
        reply_to = p.get("in_reply_to_id")
        if reply_to and self.status(str(reply_to)) is None:
            return Reply(404, {"error": "Record not found"})
        text, spoiler = str(p.get("status") or ""), str(p.get("spoiler_text") or "")
        if not text.strip() and not items:
            return Reply(422, {"error": "Validation failed: Text can't be blank"})
        limit = self.statuses_config["max_characters"]
        if mastodon_count(text, self.statuses_config["characters_reserved_per_url"], spoiler) > limit:
            return Reply(422, {"error": f"Validation failed: Text character limit of {limit} exceeded"})
        return None

    def _make_status(self, p: dict) -> dict:
        ids = _media_ids(p)
        status_id = str(next(self._ids))
        for i in ids:
            self.media[i]["status_id"] = status_id
        spoiler = str(p.get("spoiler_text") or "")
        reply_to = str(p["in_reply_to_id"]) if p.get("in_reply_to_id") else None
        paragraphs = "".join(f"<p>{html.escape(part)}</p>" for part in str(p.get("status") or "").split("\n\n"))
        return {"id": status_id, "created_at": datetime.now(UTC).isoformat(timespec="milliseconds")[:-6] + "Z",
                "in_reply_to_id": reply_to, "in_reply_to_account_id": self.account_id if reply_to else None,
                "sensitive": _truthy(p.get("sensitive")) or (bool(spoiler) and bool(ids)), "spoiler_text": spoiler,
                "visibility": p.get("visibility") or "public", "language": p.get("language") or None,
                "uri": f"{self.url}/users/{self.username}/statuses/{status_id}",
                "url": f"{self.url}/@{self.username}/{status_id}", "content": paragraphs,
                "text": str(p.get("status") or ""),  # not in the real entity after creation: kept for assertions
                "media_attachments": [self.media[i]["entity"] for i in ids], "account": self.account(),
                "application": {"name": "Content Studio"}, "mentions": [], "tags": [], "emojis": [],
                "replies_count": 0, "reblogs_count": 0, "favourites_count": 0}
