"""Telegram: posting to a channel (or group) as a bot through the Bot API (https://core.telegram.org/bots/api).

The account is a bot token (secret: it is part of every API URL, so URLs never appear in messages) and a chat.
The bot must be an administrator of the channel with the right "Post messages".

`Prepared.steps`, one dict per API call, in order (JSON-serialisable; tests assert on it):

    {"method": "sendMessage" | "sendPhoto" | "sendVideo" | "sendMediaGroup",
     "params": {...},          # exactly the parameters sent, chat_id included (InputMedia objects of an album
                               # refer to their files as "attach://file<i>")
     "files": {"photo": 0},    # multipart field -> index into Prepared.media ("file<i>" for an album)
     "reply_to": 2 | None,     # index of an earlier step: this one replies to its first message (thread parts);
                               # reply_parameters is added when sending, once that message's id is known
     "part": 0}                # 0: the post itself, k: thread part k

What is sent: a text alone as sendMessage, split into several messages above 4096 UTF-16 units; one photo or
video with the text as caption when it fits 1024 units, otherwise without a caption and followed by the text as
message(s); 2-10 media as one album (sendMediaGroup) with the caption on the first item; thread parts as further
messages, each replying to the previous part.

Resuming: the Bot API has no idempotency key, so a send is never repeated blindly (a timeout after sending is
OutcomeUnknown). `publish` records each finished step in the step itself, `step["sent"] = [message ids]`, and skips
steps that carry it. A publish that fails halfway (rate limit, a server error) therefore resumes where it stopped
when it is called again with the same Prepared, or with its steps as saved after the failure.
"""

from __future__ import annotations

import dataclasses
import json
import re
import time
from typing import Any

import requests

from studio.core.account import Account, account_id
from studio.core.progress import Progress
from studio.networks.clients.split import split_text
from studio.networks.http import Api, host_of, json_body, multipart
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
from studio.networks.telegram import POST
from studio.networks.text.common import sanitize, utf16_length

API = "https://api.telegram.org"
SERVICE = "Telegram"
TEXT_LIMIT = POST.text_limit or 4096
CAPTION_LIMIT = POST.caption_limit or 1024
ALBUM_MAX = 10
_TOKEN = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{20,}$")
_CHANNEL_LINK = re.compile(r"^(?:https?://)?(?:t\.me|telegram\.me)/(?:s/)?([A-Za-z][A-Za-z0-9_]{3,})/?$", re.I)
_USERNAME = re.compile(r"^@?([A-Za-z][A-Za-z0-9_]{3,})$")
_NO_RIGHTS = re.compile(r"need administrator rights|not enough rights|have no rights|bot was kicked|"
                        r"bot is not a member|CHAT_ADMIN_REQUIRED|CHAT_WRITE_FORBIDDEN", re.I)
_EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp",
               "video/mp4": ".mp4", "video/quicktime": ".mov", "video/webm": ".webm"}

_CONNECT = {
    "token": "Telegram says the bot token is not valid. Copy it again from @BotFather (it looks like "
             "123456789:AA…).",
    "chat": "Telegram cannot find the channel {chat}. Check the name; for a private channel, add the bot as an "
            "administrator first and enter the channel's numeric id (it starts with -100).",
    "rights": "The bot is not allowed to post in {chat}. Add it to the channel as an administrator with the right "
              "“Post messages”, then connect again.",
}
_CHECK = {
    "token": "Telegram no longer accepts the bot token for {chat}: it was revoked or replaced. Connect the channel "
             "again with the current token from @BotFather.",
    "chat": "Telegram cannot find the channel {chat} any more, or the bot was removed from it. Add the bot again "
            "as an administrator, then connect the channel again.",
    "rights": "The bot lost its rights in {chat}: it is no longer an administrator allowed to “Post messages”. "
              "Add those rights again in the channel's settings.",
}


class _Unusable(Exception):
    """The account cannot post; `reason` picks the message: "token", "chat" or "rights"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class _Refused(Rejected):
    """Telegram itself refused a request (a 400 with its description), as opposed to a page from something else."""


class _Bot:
    """Calls Bot API methods with one token and turns Telegram's answers into results or typed errors."""

    def __init__(self, base_url: str, token: str, api: Api, chat: str):
        self.base, self.token, self.api, self.chat = base_url, token, api, chat

    def call(self, method: str, params: dict[str, Any], *, idempotent: bool,
             files: list[tuple[str, tuple[str, bytes, str]]] | None = None,
             span: tuple[float, float] | None = None, text: str = "") -> Any:
        url = f"{self.base}/bot{self.token}/{method}"
        if files:
            fields: list[tuple[str, Any]] = [(k, _form_value(v)) for k, v in params.items()]
            body, content_type = multipart(fields + list(files))
            response = self.api.send("POST", url, idempotent=idempotent, data=body, content_type=content_type,
                                     upload_span=span, upload_text=text)
        else:
            response = self.api.send("POST", url, idempotent=idempotent, json_data=params)
        answer = json_body(response)
        if response.ok and isinstance(answer, dict) and answer.get("ok") is True:
            return answer.get("result")
        self._fail(response, answer, idempotent)

    def _fail(self, response: requests.Response, answer: Any, idempotent: bool) -> None:
        status, host = response.status_code, host_of(response.url or self.base)
        from_api = isinstance(answer, dict) and answer.get("ok") is False
        description = str(answer.get("description") or "").strip() if from_api else ""
        if 200 <= status < 300:
            if idempotent:
                raise Transient(f"{SERVICE} ({host}) answered with something that is not the Bot API's answer. "
                                "Content Studio will try again later.")
            raise OutcomeUnknown(f"{SERVICE} ({host}) answered with something that is not the Bot API's answer "
                                 "after the message was sent, so it may or may not have been posted. Check the "
                                 "channel before publishing again.")
        if from_api and status in (401, 404):
            raise AuthExpired(_CHECK["token"].format(chat=self.chat))
        if from_api and (status == 403 or _NO_RIGHTS.search(description)):
            raise AuthExpired(_CHECK["rights"].format(chat=self.chat))
        if from_api and "chat not found" in description.lower():
            raise AuthExpired(_CHECK["chat"].format(chat=self.chat))
        if from_api and status == 400:
            said = description.removeprefix("Bad Request: ")
            raise _Refused(f"{SERVICE} refused the message: {_sentence(said)}", (description,))
        self.api.raise_common(response, idempotent=idempotent, body=answer, message=description)


class TelegramClient(Client):
    network = "telegram"
    fields = (
        Field("bot_token", "Bot token", secret=True,
              help="From @BotFather (/newbot or /token). It looks like 123456789:AA…"),
        Field("channel", "Channel",
              help="@name or t.me/name of a public channel, or the numeric id (-100…) of a private one. "
                   "The bot must be an administrator with the right “Post messages”."),
    )
    max_image_bytes = POST.media.max_image_bytes

    def __init__(self, base_url: str = API):
        self.base_url = base_url.rstrip("/")

    # --- accounts ---
    def connect(self, values: dict[str, str], http: requests.Session, *, progress: Progress | None = None,
                open_browser: Any = None) -> Connected:
        token = _token(values.get("bot_token", ""))
        chat = _chat_ref(values.get("channel", ""))
        bot = _Bot(self.base_url, token, Api(SERVICE, http, progress=progress), str(chat))
        try:
            account = self._inspect(bot, chat, progress)
        except _Unusable as e:
            raise NotConnectable(_CONNECT[e.reason].format(chat=chat)) from None
        return Connected(account, {"bot_token": token})

    def check(self, conn: Connection) -> Account:
        bot = self._bot(conn)
        chat = conn.account.info.get("chat_id") or conn.account.handle
        try:
            fresh = self._inspect(bot, chat, conn.progress)
        except _Unusable as e:
            raise AuthExpired(_CHECK[e.reason].format(chat=conn.account.handle)) from None
        return dataclasses.replace(conn.account, handle=fresh.handle, name=fresh.name,
                                   info={**conn.account.info, **fresh.info}, state="connected", state_message="",
                                   checked_at=fresh.checked_at)

    def _inspect(self, bot: _Bot, chat: str | int, progress: Progress | None) -> Account:
        """getMe, getChat, getChatMember: the bot works, the chat exists and the bot may post in it."""
        me = _ask(bot, "getMe", {}, "token")
        _report(progress, 0.3, "Checking the channel")
        info = _ask(bot, "getChat", {"chat_id": chat}, "chat")
        _report(progress, 0.6, "Checking the bot's rights")
        member = _ask(bot, "getChatMember", {"chat_id": info["id"], "user_id": me["id"]}, "rights")
        if not _may_post(info.get("type", "channel"), member if isinstance(member, dict) else {}):
            raise _Unusable("rights")
        username = info.get("username") or ""
        return Account(
            id=account_id("telegram", username or str(info["id"])), network="telegram",
            server="" if self.base_url == API else self.base_url,
            handle=f"@{username}" if username else (info.get("title") or str(info["id"])),
            name=info.get("title") or "", checked_at=time.time(),
            info={"chat_id": info["id"], "username": username, "chat_type": info.get("type", ""),
                  "bot_username": me.get("username") or "", "bot_id": me["id"]},
        )

    # --- publishing ---
    def prepare(self, out: Outgoing, account: Account) -> Prepared:
        chat_id = account.info.get("chat_id")
        if chat_id in (None, ""):
            raise Rejected("This Telegram account has no channel id. Connect the channel again.")
        base: dict[str, Any] = {"chat_id": chat_id}
        if out.options.get("silent"):
            base["disable_notification"] = True
        no_preview = out.options.get("link_preview") is False
        steps: list[dict[str, Any]] = []
        _post_steps(steps, sanitize(out.text).strip(), out.media, base, 0,
                    {"is_disabled": True} if no_preview else ({"url": out.link} if out.link else None))
        for k, text in enumerate(out.thread, 1):
            previous, first = len(steps) - 1, len(steps)
            _text_steps(steps, sanitize(text).strip(), base, k, {"is_disabled": True} if no_preview else None)
            if len(steps) > first and previous >= 0:
                steps[first]["reply_to"] = previous
        if not steps:
            raise Rejected("There is nothing to send to Telegram: the post has no text and no media.")
        return Prepared("telegram", out.key, steps, media=out.media)

    def publish(self, prepared: Prepared, conn: Connection) -> Receipt:
        bot = self._bot(conn)
        steps, total = prepared.steps, len(prepared.steps)
        for i, step in enumerate(steps):
            if step.get("sent"):
                continue  # posted by an earlier attempt of this job
            conn.check()
            span = (i / total, (i + 1) / total)
            what = f"Sending message {i + 1} of {total}" if total > 1 else "Sending the message"
            conn.report(span[0], what)
            params = dict(step["params"])
            target = steps[step["reply_to"]].get("sent") if step.get("reply_to") is not None else None
            if target:
                params["reply_parameters"] = {"message_id": int(target[0]), "allow_sending_without_reply": True}
            files = [(name, (_filename(prepared.media[index], index), prepared.media[index].data,
                             prepared.media[index].mime)) for name, index in step.get("files", {}).items()]
            result = bot.call(step["method"], params, idempotent=False, files=files, span=span,
                              text=f"Uploading media ({i + 1} of {total})" if total > 1 else "Uploading media")
            step["sent"] = _message_ids(result)
        conn.report(1.0, "Published")
        return _receipt(prepared, conn.account)

    def _bot(self, conn: Connection) -> _Bot:
        token = str(conn.secret.get("bot_token") or "")
        if not token:
            raise AuthExpired(f"No bot token is stored for {conn.account.handle}. Connect the channel again.")
        return _Bot(self.base_url, token, Api(SERVICE, conn.http, progress=conn.progress, timeout=conn.timeout),
                    conn.account.handle)

    can_find_published = False  # the Bot API cannot read a channel's history


# --- preparing ---------------------------------------------------------------------------------------------------

def _post_steps(steps: list[dict], text: str, media: tuple[OutMedia, ...], base: dict, part: int,
                preview: dict | None) -> None:
    """The post itself: media (caption when it fits) and text."""
    if not media:
        _text_steps(steps, text, base, part, preview)
        return
    caption = text if utf16_length(text) <= CAPTION_LIMIT else ""
    indexes = list(range(len(media)))
    for g, start in enumerate(range(0, len(indexes), ALBUM_MAX)):
        group = indexes[start:start + ALBUM_MAX]
        cap = caption if g == 0 else ""
        if len(group) == 1:
            kind = "video" if media[group[0]].is_video else "photo"
            params = {**base, **({"caption": cap} if cap else {})}
            steps.append(_step("sendVideo" if kind == "video" else "sendPhoto", params, {kind: group[0]}, part))
        else:
            items = [{"type": "video" if media[i].is_video else "photo", "media": f"attach://file{i}",
                      **({"caption": cap} if cap and n == 0 else {})} for n, i in enumerate(group)]
            steps.append(_step("sendMediaGroup", {**base, "media": items}, {f"file{i}": i for i in group}, part))
    if text and not caption:
        _text_steps(steps, text, base, part, None)


def _text_steps(steps: list[dict], text: str, base: dict, part: int, preview: dict | None) -> None:
    for n, chunk in enumerate(split_text(text, TEXT_LIMIT, utf16_length)):
        params = {**base, "text": chunk}
        if preview is not None and (n == 0 or preview.get("is_disabled")):
            params["link_preview_options"] = preview
        steps.append(_step("sendMessage", params, {}, part))


def _step(method: str, params: dict, files: dict[str, int], part: int) -> dict[str, Any]:
    return {"method": method, "params": params, "files": files, "reply_to": None, "part": part}


# --- helpers -----------------------------------------------------------------------------------------------------

def _ask(bot: _Bot, method: str, params: dict, reason: str) -> Any:
    """A read during connect/check; a refusal means the account is unusable for `reason`."""
    try:
        result = bot.call(method, params, idempotent=True)
    except (AuthExpired, _Refused):
        raise _Unusable("token" if method == "getMe" else reason) from None
    if not isinstance(result, dict) or (method != "getChatMember" and "id" not in result):
        raise Transient(f"{SERVICE} answered {method} with something unexpected. Try again later.")
    return result


def _may_post(chat_type: str, member: dict) -> bool:
    status = member.get("status")
    if chat_type == "channel":
        return status == "creator" or (status == "administrator" and member.get("can_post_messages") is True)
    if status == "restricted":
        return member.get("can_send_messages") is True
    return status in ("creator", "administrator", "member")


def _token(value: str) -> str:
    token = (value or "").strip()
    if not _TOKEN.match(token):
        raise NotConnectable(_CONNECT["token"])
    return token


def _chat_ref(value: str) -> str | int:
    """A chat as the Bot API takes it: "@name" for a public channel, or the numeric id."""
    text = (value or "").strip()
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    link = _CHANNEL_LINK.match(text)
    name = link.group(1) if link else (m.group(1) if (m := _USERNAME.match(text)) else None)
    if name is None:
        raise NotConnectable("Enter the channel as @name (or its t.me link) for a public channel, or as the "
                             "numeric id (-100…) for a private one. Invite links cannot be used.")
    return f"@{name}"


def _form_value(value: Any) -> str:
    """A parameter in a multipart form: objects as JSON text, as the Bot API expects."""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _filename(media: OutMedia, index: int) -> str:
    """A file name with the right extension (Telegram and its apps look at it)."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", media.filename or "").strip("-.") or f"media-{index + 1}"
    ext = _EXTENSIONS.get(media.mime, "")
    return name if not ext or name.lower().endswith(ext) else f"{name}{ext}"


def _message_ids(result: Any) -> list[str]:
    messages = result if isinstance(result, list) else [result]
    return [str(m["message_id"]) for m in messages if isinstance(m, dict) and "message_id" in m]


def _receipt(prepared: Prepared, account: Account) -> Receipt:
    ids = [i for step in prepared.steps for i in step.get("sent") or []]
    return Receipt(url=message_url(account, ids[0]) if ids else "", ids=ids,
                   details={"chat_id": account.info.get("chat_id"), "messages": len(ids)})


def message_url(account: Account, message_id: str) -> str:
    """t.me/<name>/<id> for a public channel, t.me/c/<id without -100>/<id> for a private one."""
    username = account.info.get("username")
    if username:
        return f"https://t.me/{username}/{message_id}"
    chat = str(account.info.get("chat_id", ""))
    return f"https://t.me/c/{chat.removeprefix('-100').lstrip('-')}/{message_id}"


def _report(progress: Progress | None, fraction: float, text: str) -> None:
    if progress is not None:
        progress.report(fraction, text)


def _sentence(text: str) -> str:
    text = text.strip() or "no reason given"
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else f"{text}."
