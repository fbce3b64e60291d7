"""Discord: posting to a channel through a webhook (https://discord.com/developers/docs/resources/webhook).

The webhook URL is the whole secret (anyone holding it can post), so it lives in the keyring only and never
appears in a message: errors name the host at most.

`Prepared.steps`, one dict per message, in order (JSON-serialisable; tests assert on it):

    {"payload": {"content": "...",                 # exactly the JSON payload sent (payload_json with files)
                 "attachments": [{"id": 0, "filename": "photo.jpg", "description": "alt text"}],
                 "flags": 4096},                   # only with options: SUPPRESS_NOTIFICATIONS, SUPPRESS_EMBEDS
     "files": [0],                                 # files[n] of the request -> index into Prepared.media
     "part": 0}                                    # 0: the post itself, k: thread part k

What is sent: the text as content (above 2000 characters split into several messages, see split.py), the media
as attachments of the first message (alt text as their description), thread parts as further messages (webhooks
cannot reply, so they simply follow).

Resuming: webhooks take no nonce, so an execute is never repeated blindly (a timeout after sending is
OutcomeUnknown). `publish` records each posted message in its step, `step["sent"] = [message id]` and
`step["channel_id"]`, and skips steps that carry it; calling publish again with the same Prepared (or its steps
as saved after the failure) posts only the rest.
"""

from __future__ import annotations

import dataclasses
import json
import re
import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests

from studio.core.account import Account, account_id
from studio.core.progress import Progress
from studio.networks.clients.split import split_text
from studio.networks.discord import POST
from studio.networks.http import Api, host_of, json_body, multipart, retry_after, seconds
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
    RateLimited,
    Receipt,
    Rejected,
    Transient,
)
from studio.networks.text.common import sanitize

SERVICE = "Discord"
CONTENT_LIMIT = POST.text_limit or 2000
DESCRIPTION_LIMIT = POST.media.alt_text_max or 1024
FILES_PER_MESSAGE = 10
SUPPRESS_EMBEDS, SUPPRESS_NOTIFICATIONS = 1 << 2, 1 << 12
_HOSTS = {"discord.com", "discordapp.com", "ptb.discord.com", "canary.discord.com", "ptb.discordapp.com",
          "canary.discordapp.com"}
_LOCAL = {"127.0.0.1", "localhost"}
_PATH = re.compile(r"^/api(?:/v\d+)?/webhooks/(\d+)/([A-Za-z0-9._-]+)/?$")
_EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp",
               "video/mp4": ".mp4", "video/quicktime": ".mov", "video/webm": ".webm"}

_BAD_URL = ("This is not a Discord webhook URL. In Discord open the channel's settings → Integrations → Webhooks, "
            "choose the webhook and use “Copy Webhook URL”.")
_GONE_CONNECT = ("Discord says this webhook was deleted or the URL is wrong. Copy the webhook URL again from the "
                 "channel's settings (Integrations → Webhooks).")
_GONE = ("Discord says the webhook for {name} was deleted or its URL changed; connect the channel again with a new "
         "webhook URL.")
_FORBIDDEN = "Discord no longer lets the webhook for {name} post in its channel{said}. Connect the channel again."


@dataclasses.dataclass(frozen=True)
class Webhook:
    """A parsed webhook URL: where to send (the URL without its query) and the id."""

    url: str
    id: str
    thread_id: str = ""


def parse_webhook_url(value: str) -> Webhook:
    """Accept https://discord.com/api[/v10]/webhooks/{id}/{token} (also discordapp.com, ptb. and canary.), and
    http:// on 127.0.0.1/localhost for tests. A ?thread_id= in the URL posts into that thread."""
    text = (value or "").strip()
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        raise NotConnectable(_BAD_URL) from None
    local = host in _LOCAL and parts.scheme in ("http", "https")
    match = _PATH.match(parts.path)
    if not match or not (local or (parts.scheme == "https" and host in _HOSTS and port in (None, 443))):
        raise NotConnectable(_BAD_URL)
    thread = (parse_qs(parts.query).get("thread_id") or [""])[-1]
    if thread and not thread.isdigit():
        raise NotConnectable(_BAD_URL)
    netloc = host + (f":{port}" if port else "")
    return Webhook(f"{parts.scheme}://{netloc}{parts.path.rstrip('/')}", match.group(1), thread)


class DiscordClient(Client):
    network = "discord"
    fields = (
        Field("webhook_url", "Webhook URL", secret=True,
              help="In Discord: the channel's settings → Integrations → Webhooks → Copy Webhook URL."),
    )
    max_image_bytes = POST.media.max_image_bytes

    # --- accounts ---
    def connect(self, values: dict[str, str], http: requests.Session, *, progress: Progress | None = None,
                open_browser: Any = None) -> Connected:
        hook = parse_webhook_url(values.get("webhook_url", ""))
        api = Api(SERVICE, http, progress=progress)
        try:
            account = _inspect(api, hook)
        except AuthExpired:
            raise NotConnectable(_GONE_CONNECT) from None
        return Connected(account, {"webhook_url": hook.url + (f"?thread_id={hook.thread_id}" if hook.thread_id
                                                               else "")})

    def check(self, conn: Connection) -> Account:
        hook = _stored_hook(conn)
        try:
            fresh = _inspect(Api(SERVICE, conn.http, progress=conn.progress, timeout=conn.timeout), hook)
        except AuthExpired:
            raise AuthExpired(_GONE.format(name=conn.account.handle)) from None
        return dataclasses.replace(conn.account, handle=fresh.handle, name=fresh.name,
                                   info={**conn.account.info, **fresh.info}, state="connected", state_message="",
                                   checked_at=fresh.checked_at)

    # --- publishing ---
    def prepare(self, out: Outgoing, account: Account) -> Prepared:
        flags = (SUPPRESS_NOTIFICATIONS if out.options.get("silent") else 0) | \
                (SUPPRESS_EMBEDS if out.options.get("link_preview") is False else 0)
        steps: list[dict[str, Any]] = []
        chunks = split_text(sanitize(out.text), CONTENT_LIMIT)
        groups = [list(range(len(out.media)))[i:i + FILES_PER_MESSAGE]
                  for i in range(0, len(out.media), FILES_PER_MESSAGE)]
        for n in range(max(len(chunks), len(groups))):
            steps.append(_step(chunks[n] if n < len(chunks) else "", groups[n] if n < len(groups) else [],
                               out.media, flags, 0))
        for k, text in enumerate(out.thread, 1):
            steps.extend(_step(chunk, [], out.media, flags, k) for chunk in split_text(sanitize(text), CONTENT_LIMIT))
        if not steps:
            raise Rejected("There is nothing to send to Discord: the post has no text and no media.")
        return Prepared("discord", out.key, steps, media=out.media)

    def publish(self, prepared: Prepared, conn: Connection) -> Receipt:
        hook = _stored_hook(conn)
        api = Api(SERVICE, conn.http, progress=conn.progress, timeout=conn.timeout)
        params = {"wait": "true", **({"thread_id": hook.thread_id} if hook.thread_id else {})}
        steps, total = prepared.steps, len(prepared.steps)
        for i, step in enumerate(steps):
            if step.get("sent"):
                continue  # posted by an earlier attempt of this job
            conn.check()
            span = (i / total, (i + 1) / total)
            conn.report(span[0], f"Sending message {i + 1} of {total}" if total > 1 else "Sending the message")
            message = _execute(api, hook, params, step, prepared.media, span, conn.account.handle)
            step["sent"], step["channel_id"] = [str(message["id"])], str(message.get("channel_id") or "")
        conn.report(1.0, "Published")
        return _receipt(prepared, conn.account)

    can_find_published = False  # webhooks can only read messages whose id they know


# --- requests ----------------------------------------------------------------------------------------------------

def _inspect(api: Api, hook: Webhook) -> Account:
    """Get Webhook with Token: it still exists, and its name and channel."""
    response = api.send("GET", hook.url, idempotent=True)
    body = json_body(response)
    if response.ok and isinstance(body, dict) and body.get("id"):
        name = str(body.get("name") or "Discord webhook")
        info = {"webhook_id": str(body["id"]), "channel_id": str(body.get("channel_id") or ""),
                "guild_id": str(body.get("guild_id") or "")}
        if hook.thread_id:
            info["thread_id"] = hook.thread_id
        return Account(id=account_id("discord", name), network="discord", handle=name, name=name, info=info,
                       checked_at=time.time())
    _fail(api, response, body, idempotent=True, name=_name_of(hook))
    raise Transient("Discord answered the webhook check with something unexpected. Try again later.")


def _execute(api: Api, hook: Webhook, params: dict, step: dict, media: tuple[OutMedia, ...],
             span: tuple[float, float], name: str) -> dict:
    """POST one message (?wait=true, so Discord answers with the message once it is saved)."""
    files = step.get("files") or []
    if files:
        fields: list[tuple[str, Any]] = [("payload_json", json.dumps(step["payload"], ensure_ascii=False))]
        fields += [(f"files[{n}]", (_filename(media[i], i), media[i].data, media[i].mime)) for n, i in enumerate(files)]
        body, content_type = multipart(fields)
        response = api.send("POST", hook.url, idempotent=False, params=params, data=body, content_type=content_type,
                            upload_span=span, upload_text="Uploading media")
    else:
        response = api.send("POST", hook.url, idempotent=False, params=params, json_data=step["payload"])
    answer = json_body(response)
    if response.ok and isinstance(answer, dict) and answer.get("id"):
        return answer
    if response.ok:
        raise OutcomeUnknown(f"Discord ({host_of(hook.url)}) answered without the message it posted, so it may or "
                             "may not have been posted. Check the channel before publishing again.")
    _fail(api, response, answer, idempotent=False, name=name)
    raise AssertionError("not reached")


def _fail(api: Api, response: requests.Response, body: Any, *, idempotent: bool, name: str) -> None:
    """Discord's errors ({"message", "code", "errors"}) as typed errors; the URL never appears."""
    status = response.status_code
    from_api = isinstance(body, dict) and "message" in body
    said = str(body.get("message") or "").strip() if from_api else ""
    if from_api and status in (401, 404):
        raise AuthExpired(_GONE.format(name=name))
    if from_api and status == 403:
        raise AuthExpired(_FORBIDDEN.format(name=name, said=f" ({said})" if said else ""))
    if status == 413:
        raise Rejected("Discord refused the upload: the file is larger than the channel allows (10 MB unless the "
                       "server is boosted). Make the video or image smaller.", ("Request entity too large",))
    if status == 429:
        wait = body.get("retry_after") if isinstance(body, dict) else None
        wait = float(wait) if isinstance(wait, int | float) and not isinstance(wait, bool) else retry_after(response)
        when = f" Try again in {seconds(wait)}." if wait is not None else " Try again later."
        raise RateLimited(f"Discord is limiting how fast this webhook may post.{when}", wait)
    if from_api and status == 400:
        problems = tuple(_problems(body.get("errors")))
        detail = f" ({'; '.join(problems)})" if problems else ""
        raise Rejected(f"Discord refused the message: {said or 'Bad Request'}{detail}.", problems or (said,))
    api.raise_common(response, idempotent=idempotent, body=body, message=said)


def _problems(errors: Any, path: str = "") -> list[str]:
    """Flatten 50035's nested errors: {"content": {"_errors": [{"message": ...}]}} -> ["content: ..."]."""
    if not isinstance(errors, dict):
        return []
    out: list[str] = []
    for key, value in errors.items():
        if key == "_errors" and isinstance(value, list):
            out += [f"{path}: {e.get('message', '')}".strip(": ") for e in value if isinstance(e, dict)]
        else:
            out += _problems(value, f"{path}.{key}" if path else str(key))
    return out


# --- helpers -----------------------------------------------------------------------------------------------------

def _step(content: str, files: list[int], media: tuple[OutMedia, ...], flags: int, part: int) -> dict[str, Any]:
    payload: dict[str, Any] = {"content": content}
    if files:
        payload["attachments"] = [{"id": n, "filename": _filename(media[i], i),
                                   **({"description": media[i].alt[:DESCRIPTION_LIMIT]} if media[i].alt else {})}
                                  for n, i in enumerate(files)]
    if flags:
        payload["flags"] = flags
    return {"payload": payload, "files": files, "part": part}


def _stored_hook(conn: Connection) -> Webhook:
    url = str(conn.secret.get("webhook_url") or "")
    try:
        return parse_webhook_url(url)
    except NotConnectable:
        raise AuthExpired(f"No usable webhook URL is stored for {conn.account.handle}. Connect the channel "
                          "again.") from None


def _name_of(hook: Webhook) -> str:
    return f"webhook {hook.id}"


def _filename(media: OutMedia, index: int) -> str:
    """A file name with the right extension: Discord decides from it whether to show an image or a video."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", media.filename or "").strip("-.") or "media"
    ext = _EXTENSIONS.get(media.mime, "")
    name = name if not ext or name.lower().endswith(ext) else f"{name}{ext}"
    return f"{index + 1}-{name}"


def _receipt(prepared: Prepared, account: Account) -> Receipt:
    sent = [s for s in prepared.steps if s.get("sent")]
    ids = [i for s in sent for i in s["sent"]]
    url = ""
    if ids:
        channel = sent[0].get("channel_id") or account.info.get("channel_id", "")
        url = f"https://discord.com/channels/{account.info.get('guild_id') or '@me'}/{channel}/{ids[0]}"
    return Receipt(url=url, ids=ids, details={"channel_id": account.info.get("channel_id", ""),
                                              "messages": len(ids)})
