"""A local fake of Discord's webhook API (https://discord.com/developers/docs/resources/webhook).

Serves, also under a versioned prefix (/api/v10/...):
    GET  /api/webhooks/{id}/{token}                           Get Webhook with Token
    POST /api/webhooks/{id}/{token}[?wait=true&thread_id=N]   Execute Webhook: JSON, or multipart with
                                                              payload_json + files[n]
    GET  /api/webhooks/{id}/{token}/messages/{message_id}     Get Webhook Message
Errors have Discord's shape {"message", "code"} (50035 also "errors"); 429 has {"message", "retry_after",
"global"} with Retry-After and X-RateLimit-* headers.

    with FakeDiscord() as dc:
        url = dc.webhook_url()              # the default webhook of #announcements
        dc.reset()                          # back to the start (a module may share one server)
        dc.rate_limit_after = 1             # every execute after the first gets 429
        ... dc.messages -> [Message(...)]
"""

from __future__ import annotations

import itertools
import json
import math
import re
import time
from dataclasses import dataclass, field
from typing import Any

from fake_http import FakeServer, Reply, Request

WEBHOOK_ID = "1180000000000000001"
WEBHOOK_TOKEN = "wHk-SeCrEt_tokenAbCdEf0123456789"
CHANNEL_ID = "1170000000000000002"
GUILD_ID = "1160000000000000003"
CONTENT_LIMIT, DESCRIPTION_LIMIT, MAX_FILES = 2000, 1024, 10
MiB = 1 << 20
_PATH = re.compile(r"^/api(?:/v\d+)?/webhooks/(\d+)/([^/]+)(?:/messages/(\d+))?/?$")


@dataclass
class Webhook:
    id: str
    token: str
    name: str
    channel_id: str
    guild_id: str
    type: int = 1


@dataclass
class Attachment:
    id: str
    filename: str
    data: bytes = field(repr=False)
    content_type: str
    description: str = ""


@dataclass
class Message:
    id: str
    webhook_id: str
    channel_id: str
    content: str
    attachments: list[Attachment] = field(default_factory=list)
    flags: int = 0
    thread_id: str | None = None


class DiscordError(Exception):
    def __init__(self, status: int, body: dict, headers: dict[str, str] | None = None):
        super().__init__(body.get("message", ""))
        self.status, self.body, self.headers = status, body, headers or {}


class FakeDiscord(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self.reset()

    def reset(self) -> None:
        """Back to the start: one webhook, no messages, requests or faults. Lets a test module share one server
        (starting and stopping one costs half a second)."""
        with self._lock:
            self.requests.clear()
            self.clear_faults()
            self.webhooks: dict[str, Webhook] = {}
            self.messages: list[Message] = []
            self.max_file_bytes = 10 * MiB
            self.rate_limit_after: int | None = None  # executes allowed before every further one gets 429
            self.retry_after = 0.5
            self.executes = 0
            self._ids = itertools.count(1190000000000000001)
            self.add_webhook(WEBHOOK_ID, WEBHOOK_TOKEN, "Studio Announcements")

    def add_webhook(self, webhook_id: str, token: str, name: str, channel_id: str = CHANNEL_ID,
                    guild_id: str = GUILD_ID) -> Webhook:
        hook = Webhook(webhook_id, token, name, channel_id, guild_id)
        self.webhooks[webhook_id] = hook
        return hook

    def webhook_url(self, webhook_id: str = WEBHOOK_ID, token: str | None = None) -> str:
        hook = self.webhooks.get(webhook_id)
        return f"{self.url}/api/webhooks/{webhook_id}/{token or (hook.token if hook else WEBHOOK_TOKEN)}"

    def delete_webhook(self, webhook_id: str = WEBHOOK_ID) -> None:
        self.webhooks.pop(webhook_id, None)

    # --- routing ---
    def route(self, request: Request) -> Reply:
        match = _PATH.match(request.path)
        if not match:
            return Reply(404, {"message": "404: Not Found", "code": 0})
        hook_id, token, message_id = match.groups()
        try:
            with self._lock:
                hook = self._webhook(hook_id, token)
                if request.method == "GET":
                    return Reply(200, self._get(hook, message_id))
                if request.method == "POST" and message_id is None:
                    return self._execute(hook, request)
                return Reply(405, {"message": "405: Method Not Allowed", "code": 0})
        except DiscordError as e:
            return Reply(e.status, e.body, e.headers)

    def _webhook(self, hook_id: str, token: str) -> Webhook:
        hook = self.webhooks.get(hook_id)
        if hook is None:
            raise DiscordError(404, {"message": "Unknown Webhook", "code": 10015})
        if token != hook.token:
            raise DiscordError(401, {"message": "Invalid Webhook Token", "code": 50027})
        return hook

    def _get(self, hook: Webhook, message_id: str | None) -> dict:
        if message_id is None:
            return {"application_id": None, "avatar": None, "channel_id": hook.channel_id, "guild_id": hook.guild_id,
                    "id": hook.id, "name": hook.name, "type": hook.type, "token": hook.token}
        for message in self.messages:
            if message.id == message_id and message.webhook_id == hook.id:
                return self._message_json(hook, message)
        raise DiscordError(404, {"message": "Unknown Message", "code": 10008})

    def _execute(self, hook: Webhook, request: Request) -> Reply:
        if len(request.body) < int(request.headers.get("content-length") or 0):
            raise DiscordError(400, {"message": "The request body was cut off", "code": 0})  # a cancelled upload
        self._check_rate_limit()
        payload, files = _payload(request)
        for data in files.values():
            if len(data[1]) > self.max_file_bytes:
                raise DiscordError(413, {"message": "Request entity too large", "code": 40005})
        content = payload.get("content") or ""
        if not isinstance(content, str):
            _invalid("content", "BASE_TYPE_STRING", "Must be a string.")
        if len(content) > CONTENT_LIMIT:
            _invalid("content", "BASE_TYPE_MAX_LENGTH", f"Must be {CONTENT_LIMIT} or fewer in length.")
        if len(files) > MAX_FILES:
            _invalid("files", "BASE_TYPE_MAX_LENGTH", f"Must be {MAX_FILES} or fewer in length.")
        attachments = self._attachments(payload, files)
        if not content.strip() and not attachments and not payload.get("embeds"):
            raise DiscordError(400, {"message": "Cannot send an empty message", "code": 50006})
        thread_id = (request.query.get("thread_id") or [None])[-1]
        message = Message(str(next(self._ids)), hook.id, thread_id or hook.channel_id, content, attachments,
                          int(payload.get("flags") or 0), thread_id)
        self.messages.append(message)
        self.executes += 1
        wait = (request.query.get("wait") or ["false"])[-1].lower() in ("true", "1")
        headers = _bucket_headers(remaining=1)
        return Reply(200, self._message_json(hook, message), headers) if wait else Reply(204, None, headers)

    def _check_rate_limit(self) -> None:
        if self.rate_limit_after is not None and self.executes >= self.rate_limit_after:
            headers = {"Retry-After": str(math.ceil(self.retry_after)), "X-RateLimit-Scope": "user",
                       **_bucket_headers(remaining=0, reset_after=self.retry_after)}
            raise DiscordError(429, {"message": "You are being rate limited.", "retry_after": self.retry_after,
                                     "global": False}, headers)

    def _attachments(self, payload: dict, files: dict[str, tuple[str, bytes, str]]) -> list[Attachment]:
        described = {str(a.get("id")): a for a in payload.get("attachments") or [] if isinstance(a, dict)}
        out = []
        for i, (n, (filename, data, ctype)) in enumerate(sorted(files.items(), key=lambda kv: int(kv[0]))):
            meta = described.get(n, {})
            description = meta.get("description") or ""
            if len(description) > DESCRIPTION_LIMIT:
                _invalid(f"attachments.{i}.description", "BASE_TYPE_MAX_LENGTH",
                         f"Must be {DESCRIPTION_LIMIT} or fewer in length.")
            out.append(Attachment(str(next(self._ids)), meta.get("filename") or filename, data, ctype, description))
        return out

    def _message_json(self, hook: Webhook, m: Message) -> dict:
        return {
            "id": m.id, "type": 0, "content": m.content, "channel_id": m.channel_id, "webhook_id": hook.id,
            "author": {"bot": True, "id": hook.id, "username": hook.name, "avatar": None, "discriminator": "0000"},
            "attachments": [{"id": a.id, "filename": a.filename, "size": len(a.data), "content_type": a.content_type,
                             "url": f"{self.url}/attachments/{m.channel_id}/{a.id}/{a.filename}",
                             **({"description": a.description} if a.description else {})}
                            for a in m.attachments],
            "embeds": [], "mentions": [], "mention_roles": [], "pinned": False, "mention_everyone": False,
            "tts": False, "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime()),
            "edited_timestamp": None, "flags": m.flags, "components": [],
        }


def _invalid(path: str, code: str, message: str) -> None:
    """Raise 50035 Invalid Form Body with Discord's nested `errors` object for the field at `path`."""
    errors: dict[str, Any] = {"_errors": [{"code": code, "message": message}]}
    for key in reversed(path.split(".")):
        errors = {key: errors}
    raise DiscordError(400, {"message": "Invalid Form Body", "code": 50035, "errors": errors})


def _payload(request: Request) -> tuple[dict, dict[str, tuple[str, bytes, str]]]:
    """The JSON payload and the files (n -> (filename, bytes, content type)) of an execute request."""
    ctype = request.headers.get("content-type", "")
    try:
        if ctype.startswith("application/json"):
            data = request.json()
            return (data if isinstance(data, dict) else {}), {}
        if ctype.startswith("multipart/form-data"):
            parts = request.multipart()
            payload: dict = {}
            if "payload_json" in parts:
                payload = json.loads(parts["payload_json"][0][1].decode())
            else:
                payload = {k: v[0][1].decode() for k, v in parts.items() if v and v[0][0] is None}
            files = {}
            for name, items in parts.items():
                found = re.fullmatch(r"files\[(\d+)\]|file(\d*)", name)
                if found and items and items[0][0] is not None:
                    files[found.group(1) or found.group(2) or "0"] = items[0]
            return payload, files
    except (ValueError, UnicodeDecodeError):
        raise DiscordError(400, {"message": "The request body contains invalid JSON.", "code": 50109}) from None
    raise DiscordError(400, {"message": "Cannot send an empty message", "code": 50006})


def _bucket_headers(remaining: int, reset_after: float = 1.0) -> dict[str, str]:
    return {"X-RateLimit-Limit": "5", "X-RateLimit-Remaining": str(remaining),
            "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}", "X-RateLimit-Reset-After": f"{reset_after:.3f}",
            "X-RateLimit-Bucket": "fake-webhook-bucket"}
