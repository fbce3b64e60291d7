"""Bluesky (AT Protocol) with an app password, on any PDS.

Sessions: createSession is limited to 30 per 5 minutes per account, so the access and refresh tokens are kept in
the account's keyring secret and reused; an expired access token is refreshed (refreshSession) and, if the refresh
token has expired too, a new session is made with the app password; only a refused password needs the user.

Exactly once (platform.md): every post of a job gets a TID record key and a `createdAt` when it is prepared; the
record is written with putRecord and `swapRecord: null`, so an identical retry is a no-op, and a key that already
holds a record is ours (the key is unique to the job): it is read back instead of written again.
"""

from __future__ import annotations

import random
import threading
import time
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import requests

from studio.core.account import Account, account_id
from studio.core.progress import Progress
from studio.networks.http import Api, describe_status, host_of, json_body
from studio.networks.publishing import (
    AuthExpired,
    Client,
    Connected,
    Connection,
    Field,
    NotConnectable,
    Outgoing,
    Prepared,
    Receipt,
    Rejected,
    Transient,
)
from studio.networks.text import bluesky as text_rules

DEFAULT_SERVER = "https://bsky.social"
POST = "app.bsky.feed.post"
IMAGE_BYTES = 1_000_000  # what the Bluesky app accepts; the lexicon now allows 2 MB, older clients do not
_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
_tid_lock = threading.Lock()
_last_tid = 0
_CLOCK_ID = random.getrandbits(10)


def new_tid() -> str:
    """A TID record key: 53 bits of microseconds since the epoch and a 10-bit clock id, base32-sortable, 13 chars.
    Strictly increasing within the process, so the posts of a thread keep their order."""
    global _last_tid
    with _tid_lock:
        micros = max(int(time.time() * 1_000_000), _last_tid + 1)
        _last_tid = micros
    value = (micros << 10) | _CLOCK_ID
    return "".join(_TID_ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(13)))


def normalize_server(value: str) -> str:
    value = (value or "").strip().rstrip("/") or DEFAULT_SERVER
    if "://" not in value:
        value = "https://" + value
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise NotConnectable(f"“{value}” is not a server address. Leave it empty for bsky.social, or enter your "
                             "PDS's address, such as https://pds.example.com.")
    return f"{parts.scheme}://{parts.netloc}"


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class BlueskyClient(Client):
    network = "bluesky"
    max_image_bytes = IMAGE_BYTES
    can_find_published = True
    fields = (
        Field("server", "Server", default=DEFAULT_SERVER, required=False,
              help="Leave as is for bsky.social; enter your own PDS's address if you host one."),
        Field("handle", "Handle", help="For example alice.bsky.social"),
        Field("password", "App password", secret=True,
              help="Make one in Bluesky under Settings → Privacy and security → App passwords."),
    )

    # --- accounts ---

    def connect(self, values: dict[str, str], http: requests.Session, *, progress: Progress | None = None,
                open_browser=None) -> Connected:
        server = normalize_server(values.get("server", ""))
        handle = (values.get("handle") or "").strip().lstrip("@")
        password = values.get("password") or ""
        if not handle or not password:
            raise NotConnectable("Enter the handle and an app password.")
        api = Api("Bluesky", http, progress=progress)
        session = self._create_session(api, server, handle, password, connecting=True)
        account = Account(id=account_id("bluesky", session["handle"]), network="bluesky", handle=session["handle"],
                          server=server, info={"did": session["did"]}, checked_at=time.time())
        secret = {"password": password, "access_jwt": session["accessJwt"], "refresh_jwt": session["refreshJwt"]}
        return Connected(account, secret)

    def check(self, conn: Connection) -> Account:
        got = self._call(conn, "GET", "com.atproto.server.getSession", idempotent=True)
        account = conn.account
        account.handle = got.get("handle", account.handle)
        account.info = {**account.info, "did": got.get("did", account.info.get("did"))}
        account.state, account.state_message, account.checked_at = "connected", "", time.time()
        return account

    # --- publishing ---

    def prepare(self, out: Outgoing, account: Account) -> Prepared:
        steps: list[dict[str, Any]] = []
        langs = [out.options["language"]] if out.options.get("language") else []
        for i, text in enumerate((out.text, *out.thread)):
            found = text_rules.facets(text)
            step: dict[str, Any] = {
                "rkey": new_tid(), "text": text_rules.sanitize(text), "createdAt": _now_iso(), "langs": langs,
                "facets": [{"kind": f.kind, "value": f.value, "byteStart": f.byte_start, "byteEnd": f.byte_end}
                           for f in found],
            }
            if i == 0:
                step["embed"] = self._embed_plan(out)
            steps.append(step)
        return Prepared("bluesky", out.key, steps, out.media, out.card)

    @staticmethod
    def _embed_plan(out: Outgoing) -> dict[str, Any] | None:
        videos = [i for i, m in enumerate(out.media) if m.is_video]
        if videos:
            return {"kind": "video", "media": videos[:1]}
        if out.media:
            return {"kind": "images", "media": list(range(min(4, len(out.media))))}
        if out.card is not None:
            return {"kind": "external"}
        return None

    def publish(self, prepared: Prepared, conn: Connection) -> Receipt:
        did = conn.account.info.get("did") or self._session_did(conn)
        blobs = self._upload_media(prepared, conn)
        resolved: dict[str, str | None] = {}
        refs: list[dict[str, str]] = []
        count = len(prepared.steps)
        for i, step in enumerate(prepared.steps):
            conn.report(0.8 + 0.2 * i / count, f"Posting {i + 1} of {count}" if count > 1 else "Posting")
            record = self._record(step, blobs, prepared, conn, resolved, refs)
            refs.append(self._put(conn, did, step["rkey"], record))
        conn.report(1.0, "Posted")
        handle = conn.account.handle or did
        first = prepared.steps[0]["rkey"]
        return Receipt(f"https://bsky.app/profile/{handle}/post/{first}", [r["uri"] for r in refs],
                       details={"cids": [r["cid"] for r in refs]})

    def find_published(self, prepared: Prepared, conn: Connection) -> Receipt | None:
        did = conn.account.info.get("did") or self._session_did(conn)
        uris = []
        for step in prepared.steps:
            found = self._get_record(conn, did, step["rkey"])
            if found is None:
                return None
            uris.append(found["uri"])
        handle = conn.account.handle or did
        return Receipt(f"https://bsky.app/profile/{handle}/post/{prepared.steps[0]['rkey']}", uris)

    def _upload_media(self, prepared: Prepared, conn: Connection) -> dict[int, dict]:
        plan = (prepared.steps[0].get("embed") or {}) if prepared.steps else {}
        wanted = list(plan.get("media", []))
        items = [(i, prepared.media[i]) for i in wanted]
        if plan.get("kind") == "external" and prepared.card is not None and prepared.card.thumb is not None:
            items.append((-1, prepared.card.thumb))
        blobs: dict[int, dict] = {}
        for n, (i, media) in enumerate(items):
            if not media.is_video and len(media.data) > IMAGE_BYTES:
                raise Rejected(f"Image {i + 1} is {len(media.data):,} bytes; Bluesky takes at most {IMAGE_BYTES:,}.")
            span = (0.8 * n / len(items), 0.8 * (n + 1) / len(items))
            label = "Uploading the video" if media.is_video else f"Uploading image {n + 1} of {len(items)}"
            got = self._call(conn, "POST", "com.atproto.repo.uploadBlob", idempotent=True, data=media.data,
                             content_type=media.mime, upload_span=span, upload_text=label, timeout=(5.0, 120.0))
            if not isinstance(got.get("blob"), dict):
                raise Transient("Bluesky accepted an upload but did not describe it. Try again.")
            blobs[i] = got["blob"]
        return blobs

    def _record(self, step: dict, blobs: dict[int, dict], prepared: Prepared, conn: Connection,
                resolved: dict[str, str | None], refs: list[dict[str, str]]) -> dict[str, Any]:
        facets = [text_rules.Facet(f["kind"], f["value"], f["byteStart"], f["byteEnd"], 0, 0) for f in step["facets"]]
        record: dict[str, Any] = {"$type": POST, "text": step["text"], "createdAt": step["createdAt"]}
        record_facets = text_rules.to_record_facets(facets, lambda h: self._resolve(conn, h, resolved))
        if record_facets:
            record["facets"] = record_facets
        if step.get("langs"):
            record["langs"] = step["langs"]
        embed = self._embed(step.get("embed"), blobs, prepared)
        if embed is not None:
            record["embed"] = embed
        if refs:
            record["reply"] = {"root": refs[0], "parent": refs[-1]}
        return record

    @staticmethod
    def _embed(plan: dict | None, blobs: dict[int, dict], prepared: Prepared) -> dict[str, Any] | None:
        if not plan:
            return None
        if plan["kind"] == "images":
            images = []
            for i in plan["media"]:
                m = prepared.media[i]
                image: dict[str, Any] = {"image": blobs[i], "alt": m.alt}
                if m.width > 0 and m.height > 0:
                    image["aspectRatio"] = {"width": m.width, "height": m.height}
                images.append(image)
            return {"$type": "app.bsky.embed.images", "images": images}
        if plan["kind"] == "video":
            i = plan["media"][0]
            m = prepared.media[i]
            video: dict[str, Any] = {"$type": "app.bsky.embed.video", "video": blobs[i]}
            if m.alt:
                video["alt"] = m.alt
            if m.width > 0 and m.height > 0:
                video["aspectRatio"] = {"width": m.width, "height": m.height}
            return video
        card = prepared.card
        if card is None:
            return None
        external: dict[str, Any] = {"uri": card.url, "title": card.title, "description": card.description}
        if -1 in blobs:
            external["thumb"] = blobs[-1]
        return {"$type": "app.bsky.embed.external", "external": external}

    def _resolve(self, conn: Connection, handle: str, cache: dict[str, str | None]) -> str | None:
        """A mention's DID; an unknown handle stays plain text, as in the Bluesky app."""
        if handle not in cache:
            try:
                got = self._call(conn, "GET", "com.atproto.identity.resolveHandle", idempotent=True,
                                 params={"handle": handle}, auth=False)
                cache[handle] = got.get("did") if isinstance(got.get("did"), str) else None
            except Rejected:
                cache[handle] = None
        return cache[handle]

    def _put(self, conn: Connection, did: str, rkey: str, record: dict) -> dict[str, str]:
        body = {"repo": did, "collection": POST, "rkey": rkey, "record": record, "swapRecord": None}
        try:
            got = self._call(conn, "POST", "com.atproto.repo.putRecord", idempotent=True, json_data=body)
        except Rejected as e:
            if "InvalidSwap" not in e.problems:
                raise
            got = self._get_record(conn, did, rkey)  # our key already holds a record: an earlier attempt wrote it
            if got is None:
                raise
        return {"uri": got["uri"], "cid": got["cid"]}

    def _get_record(self, conn: Connection, did: str, rkey: str) -> dict | None:
        try:
            return self._call(conn, "GET", "com.atproto.repo.getRecord", idempotent=True, auth=False,
                              params={"repo": did, "collection": POST, "rkey": rkey})
        except Rejected as e:
            if "RecordNotFound" in e.problems:
                return None
            raise

    def _session_did(self, conn: Connection) -> str:
        return self.check(conn).info["did"]

    # --- XRPC ---

    def _call(self, conn: Connection, method: str, nsid: str, *, idempotent: bool, auth: bool = True,
              **kwargs: Any) -> dict:
        """One XRPC call with the cached session, refreshing it once if it has expired."""
        api = Api("Bluesky", conn.http, progress=conn.progress, timeout=conn.timeout)
        url = f"{conn.account.server}/xrpc/{nsid}"
        for attempt in range(2):
            headers = {"Authorization": f"Bearer {conn.secret.get('access_jwt', '')}"} if auth else {}
            response = api.send(method, url, idempotent=idempotent, headers=headers, **kwargs)
            body = json_body(response)
            if response.ok and isinstance(body, dict):
                return body
            error = body.get("error") if isinstance(body, dict) else None
            if auth and attempt == 0 and error in ("ExpiredToken", "InvalidToken", "AuthenticationRequired") \
                    and response.status_code in (400, 401):
                self._renew(conn, api)
                continue
            self._raise(api, response, body, idempotent)
        raise AuthExpired("Bluesky did not accept the renewed session. Connect the account again.")

    def _renew(self, conn: Connection, api: Api) -> None:
        server = conn.account.server
        response = api.send("POST", f"{server}/xrpc/com.atproto.server.refreshSession", idempotent=True,
                             headers={"Authorization": f"Bearer {conn.secret.get('refresh_jwt', '')}"})
        body = json_body(response)
        if response.ok and isinstance(body, dict) and body.get("accessJwt"):
            conn.renew(access_jwt=body["accessJwt"], refresh_jwt=body.get("refreshJwt", conn.secret.get("refresh_jwt")))
            return
        if response.status_code == 429 or response.status_code >= 500:
            self._raise(api, response, body, True)
        session = self._create_session(api, server, conn.account.info.get("did") or conn.account.handle,
                                       conn.secret.get("password", ""), connecting=False)
        conn.renew(access_jwt=session["accessJwt"], refresh_jwt=session["refreshJwt"])

    def _create_session(self, api: Api, server: str, identifier: str, password: str, *, connecting: bool) -> dict:
        try:
            response = api.send("POST", f"{server}/xrpc/com.atproto.server.createSession", idempotent=True,
                                json_data={"identifier": identifier, "password": password})
        except Transient as e:
            raise (NotConnectable(e.message) if connecting else e) from None
        body = json_body(response)
        if response.ok and isinstance(body, dict) and body.get("accessJwt") and body.get("did"):
            return body
        if body is None or (response.status_code == 404 and not isinstance(body, dict)):
            raise NotConnectable(f"{host_of(server)} answered {describe_status(response)} with a web page: it is not "
                                 "a Bluesky server (PDS). Check the server address.")
        error = body.get("error") if isinstance(body, dict) else None
        if (response.status_code in (400, 401) and error in ("AuthenticationRequired", "InvalidRequest", None)) \
                or error == "AccountTakedown":
            said = body.get("message") if isinstance(body, dict) else ""
            text = (f"Bluesky did not accept the handle and app password ({said})." if said else
                    "Bluesky did not accept the handle and app password.")
            if connecting:
                raise NotConnectable(f"{text} Check them, or make a new app password.")
            raise AuthExpired(f"{text} The app password may have been revoked: connect the account again.")
        self._raise(api, response, body, True)
        raise AssertionError("unreachable")

    @staticmethod
    def _raise(api: Api, response: requests.Response, body: Any, idempotent: bool) -> None:
        error = body.get("error") if isinstance(body, dict) else None
        message = body.get("message") if isinstance(body, dict) and isinstance(body.get("message"), str) else ""
        status = response.status_code
        if status in (400, 401) and error in ("ExpiredToken", "InvalidToken", "AuthenticationRequired"):
            raise AuthExpired("Bluesky no longer accepts this account's sign-in. Connect the account again.")
        if status == 413:
            raise Rejected("Bluesky refused the file: it is larger than this server accepts.", ("PayloadTooLarge",))
        if status in (400, 404) and isinstance(body, dict):
            raise Rejected(f"Bluesky refused it: {message or error or describe_status(response)}",
                           tuple(x for x in (error,) if x))
        api.raise_common(response, idempotent=idempotent, body=body, message=message)
