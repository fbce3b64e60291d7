"""A local fake of the Telegram Bot API (https://core.telegram.org/bots/api), enough for posting to channels.

Serves `/bot<token>/<method>` by GET or POST with parameters in the query, a form, JSON or multipart/form-data
(objects such as `reply_parameters` or `media` as JSON strings in forms, as Telegram accepts them):
getMe, getChat, getChatMember, sendMessage, sendPhoto, sendVideo, sendMediaGroup. Answers and errors have
Telegram's shape: {"ok": true, "result": ...} or {"ok": false, "error_code": N, "description": "...",
"parameters": {"retry_after": N}}.

    with FakeTelegram() as tg:                       # one bot (TOKEN) admin of @studio_news (CHANNEL_ID)
        tg.reset()                                   # back to that state (a module may share one server)
        tg.add_channel("private", title="Secret", username=None, rights="member")
        tg.flood_after = 2                           # the third send gets 429 with retry_after=tg.flood_wait
        ... tg.messages[CHANNEL_ID] -> [Message(...)]
"""

from __future__ import annotations

import html
import itertools
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

from fake_http import FakeServer, Reply, Request

TOKEN = "123456789:AAE-test_token_for-studio-bot"
BOT_ID = 123456789
CHANNEL = "studio_news"
CHANNEL_ID = -1001234567890
TEXT_LIMIT, CAPTION_LIMIT = 4096, 1024
_PATH = re.compile(r"^/bot([^/]+)/([A-Za-z]+)$")
_SENDS = {"sendmessage", "sendphoto", "sendvideo", "sendmediagroup"}


@dataclass
class Bot:
    token: str
    id: int
    username: str
    first_name: str = "Studio Bot"


@dataclass
class Channel:
    id: int
    title: str
    username: str | None  # None: a private channel
    # the bot's standing: "administrator" (rights below), "creator", "member" or "left"
    rights: str = "administrator"
    can_post_messages: bool = True
    type: str = "channel"


@dataclass
class Message:
    message_id: int
    chat_id: int
    method: str
    text: str = ""
    caption: str = ""
    media: list[tuple[str, bytes, str]] = field(default_factory=list)  # (kind, bytes or b"", filename or ref)
    reply_to: int | None = None
    media_group_id: str | None = None
    options: dict = field(default_factory=dict)  # disable_notification, link_preview_options, ...


class TelegramError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None):
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after


class FakeTelegram(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self.reset()

    def reset(self) -> None:
        """Back to the start: one bot (TOKEN), admin of @studio_news; no messages, requests or faults. Lets a
        test module share one server (starting and stopping one costs half a second)."""
        with self._lock:
            self.requests.clear()
            self.clear_faults()
            self.bots: dict[str, Bot] = {}
            self.channels: dict[int, Channel] = {}
            self.messages: dict[int, list[Message]] = {}
            self.flood_after: int | None = None  # sends allowed before every further send gets 429
            self.flood_wait = 7
            self.sends = 0
            self._ids = itertools.count(101)
            self._groups = itertools.count(9000)
            self.add_bot(TOKEN, BOT_ID, "studio_bot")
            self.add_channel(CHANNEL, title="Studio News", chat_id=CHANNEL_ID)

    # --- set-up ---
    def add_bot(self, token: str, bot_id: int, username: str) -> Bot:
        bot = Bot(token, bot_id, username)
        self.bots[token] = bot
        return bot

    def add_channel(self, username: str | None, *, title: str, chat_id: int | None = None,
                    rights: str = "administrator", can_post_messages: bool = True) -> Channel:
        chat_id = chat_id if chat_id is not None else -1000000000000 - len(self.channels) - 1
        channel = Channel(chat_id, title, username, rights, can_post_messages)
        self.channels[chat_id] = channel
        self.messages.setdefault(chat_id, [])
        return channel

    def all_messages(self) -> list[Message]:
        return [m for chat in self.messages.values() for m in chat]

    # --- routing ---
    def route(self, request: Request) -> Reply:
        match = _PATH.match(request.path)
        if not match:
            return _error(404, "Not Found")
        token, method = match.group(1), match.group(2).lower()
        bot = self.bots.get(token)
        if bot is None:
            return _error(401, "Unauthorized")
        if len(request.body) < int(request.headers.get("content-length") or 0):
            return _error(400, "Bad Request: the request body was cut off")  # a cancelled upload
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return _error(404, "Not Found")
        try:
            with self._lock:
                if method in _SENDS:
                    self._check_flood()
                result = handler(bot, request, _params(request))
                if method in _SENDS:
                    self.sends += 1
        except TelegramError as e:
            return _error(e.code, e.description, e.retry_after)
        return Reply(200, {"ok": True, "result": result})

    def _check_flood(self) -> None:
        if self.flood_after is not None and self.sends >= self.flood_after:
            raise TelegramError(429, f"Too Many Requests: retry after {self.flood_wait}", self.flood_wait)

    def _chat(self, bot: Bot, chat_ref: Any) -> Channel:
        ref = str(chat_ref if chat_ref is not None else "").strip()
        if not ref:
            raise TelegramError(400, "Bad Request: chat_id is empty")
        for channel in self.channels.values():
            if ref.startswith("@") and channel.username and channel.username.lower() == ref[1:].lower():
                return channel
            if ref.lstrip("-").isdigit() and int(ref) == channel.id:
                if channel.username is None and channel.rights == "left":
                    break  # a private channel the bot is not in: Telegram does not know it for the bot
                return channel
        raise TelegramError(400, "Bad Request: chat not found")

    def _can_post(self, channel: Channel) -> None:
        if channel.rights == "left":
            raise TelegramError(403, "Forbidden: bot is not a member of the channel chat")
        if channel.rights == "member" or (channel.rights == "administrator" and not channel.can_post_messages):
            raise TelegramError(400, "Bad Request: need administrator rights in the channel chat")

    # --- methods ---
    def _m_getme(self, bot: Bot, request: Request, p: dict) -> dict:
        return {"id": bot.id, "is_bot": True, "first_name": bot.first_name, "username": bot.username,
                "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}

    def _m_getchat(self, bot: Bot, request: Request, p: dict) -> dict:
        channel = self._chat(bot, p.get("chat_id"))
        out: dict[str, Any] = {"id": channel.id, "type": channel.type, "title": channel.title,
                               "accent_color_id": 0, "max_reaction_count": 11}
        if channel.username:
            out["username"] = channel.username
        return out

    def _m_getchatmember(self, bot: Bot, request: Request, p: dict) -> dict:
        channel = self._chat(bot, p.get("chat_id"))
        if str(p.get("user_id")) != str(bot.id):
            raise TelegramError(400, "Bad Request: member list is inaccessible")
        user = {"id": bot.id, "is_bot": True, "first_name": bot.first_name, "username": bot.username}
        if channel.rights == "administrator":
            return {"status": "administrator", "user": user, "can_be_edited": False, "is_anonymous": False,
                    "can_manage_chat": True, "can_post_messages": channel.can_post_messages,
                    "can_edit_messages": channel.can_post_messages, "can_delete_messages": False}
        return {"status": channel.rights, "user": user}

    def _m_sendmessage(self, bot: Bot, request: Request, p: dict) -> dict:
        channel, reply_to = self._prepare_send(bot, p)
        text = _visible(str(p.get("text") or ""), p.get("parse_mode"))
        if not text.strip():
            raise TelegramError(400, "Bad Request: message text is empty")
        if _utf16(text) > TEXT_LIMIT:
            raise TelegramError(400, "Bad Request: message is too long")
        message = self._store(channel, "sendMessage", p, text=text, reply_to=reply_to)
        return self._message_json(channel, message)

    def _m_sendphoto(self, bot: Bot, request: Request, p: dict) -> dict:
        return self._send_one(bot, request, p, "photo")

    def _m_sendvideo(self, bot: Bot, request: Request, p: dict) -> dict:
        return self._send_one(bot, request, p, "video")

    def _send_one(self, bot: Bot, request: Request, p: dict, kind: str) -> dict:
        channel, reply_to = self._prepare_send(bot, p)
        caption = self._caption(p.get("caption"), p.get("parse_mode"))
        media = _file(request, kind, p.get(kind))
        message = self._store(channel, "send" + kind.capitalize(), p, caption=caption, media=[(kind, *media)],
                              reply_to=reply_to)
        return self._message_json(channel, message)

    def _m_sendmediagroup(self, bot: Bot, request: Request, p: dict) -> list[dict]:
        channel, reply_to = self._prepare_send(bot, p)
        items = _json_value(p.get("media"))
        if not isinstance(items, list) or not 2 <= len(items) <= 10:
            raise TelegramError(400, "Bad Request: wrong number of media in the group: must be from 2 to 10")
        parsed = []
        for item in items:
            if not isinstance(item, dict) or item.get("type") not in ("photo", "video"):
                raise TelegramError(400, "Bad Request: can't parse InputMedia: media type is not supported")
            caption = self._caption(item.get("caption"), item.get("parse_mode"))
            parsed.append((item["type"], caption, _file(request, item["type"], item.get("media"))))
        group = str(next(self._groups))
        out = []
        for i, (kind, caption, media) in enumerate(parsed):
            message = self._store(channel, "sendMediaGroup", p, caption=caption, media=[(kind, *media)],
                                  reply_to=reply_to if i == 0 else None, group=group)
            out.append(self._message_json(channel, message))
        return out

    # --- helpers ---
    def _prepare_send(self, bot: Bot, p: dict) -> tuple[Channel, int | None]:
        channel = self._chat(bot, p.get("chat_id"))
        self._can_post(channel)
        reply = _json_value(p.get("reply_parameters"))
        reply_id = reply.get("message_id") if isinstance(reply, dict) else p.get("reply_to_message_id")
        if reply_id is None:
            return channel, None
        reply_id = int(reply_id)
        known = any(m.message_id == reply_id for m in self.messages[channel.id])
        allow = _json_value(reply.get("allow_sending_without_reply") if isinstance(reply, dict)
                            else p.get("allow_sending_without_reply")) is True
        if not known and not allow:
            raise TelegramError(400, "Bad Request: message to be replied not found")
        return channel, reply_id if known else None

    def _caption(self, caption: Any, parse_mode: Any) -> str:
        text = _visible(str(caption or ""), parse_mode)
        if _utf16(text) > CAPTION_LIMIT:
            raise TelegramError(400, "Bad Request: message caption is too long")
        return text

    def _store(self, channel: Channel, method: str, p: dict, *, text: str = "", caption: str = "",
               media: list | None = None, reply_to: int | None = None, group: str | None = None) -> Message:
        options = {k: _json_value(v) for k, v in p.items()
                   if k in ("disable_notification", "link_preview_options", "protect_content")}
        message = Message(next(self._ids), channel.id, method, text, caption, media or [], reply_to, group, options)
        self.messages[channel.id].append(message)
        return message

    def _message_json(self, channel: Channel, m: Message) -> dict:
        chat: dict[str, Any] = {"id": channel.id, "title": channel.title, "type": channel.type}
        if channel.username:
            chat["username"] = channel.username
        out: dict[str, Any] = {"message_id": m.message_id, "sender_chat": chat, "chat": chat, "date": int(time.time())}
        if m.text:
            out["text"] = m.text
        if m.caption:
            out["caption"] = m.caption
        for kind, data, _ in m.media:
            file_id = f"{kind}-{m.message_id}"
            if kind == "photo":
                out["photo"] = [{"file_id": file_id, "file_unique_id": file_id, "width": 90, "height": 90,
                                 "file_size": len(data)}]
            else:
                out["video"] = {"file_id": file_id, "file_unique_id": file_id, "width": 90, "height": 90,
                                "duration": 1, "file_size": len(data)}
        if m.media_group_id:
            out["media_group_id"] = m.media_group_id
        if m.reply_to is not None:
            out["reply_to_message"] = {"message_id": m.reply_to, "chat": chat, "date": int(time.time())}
        return out


def _error(code: int, description: str, retry_after: int | None = None) -> Reply:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return Reply(code, body)


def _params(request: Request) -> dict:
    try:
        return request.params()
    except ValueError:
        raise TelegramError(400, "Bad Request: can't parse request JSON object") from None


def _json_value(value: Any) -> Any:
    """Objects come as JSON text in a query, a form or a multipart body, and as objects in a JSON body."""
    if value in ("true", "false"):  # a Boolean in a form
        return value == "true"
    if isinstance(value, str) and value[:1] in "{[":
        try:
            return json.loads(value)
        except ValueError:
            raise TelegramError(400, "Bad Request: can't parse JSON object") from None
    return value


def _file(request: Request, kind: str, ref: Any) -> tuple[bytes, str]:
    """The uploaded bytes for a photo/video parameter: a multipart file of that name, "attach://<name>", or a
    file_id/URL string (no bytes)."""
    files = request.multipart() if request.headers.get("content-type", "").startswith("multipart/") else {}
    name = kind if ref is None else (ref[len("attach://"):] if str(ref).startswith("attach://") else None)
    if name is not None:
        uploaded = [(f, d) for f, d, _ in files.get(name, []) if f is not None]
        if not uploaded:
            what = "there is no photo in the request" if kind == "photo" else "there is no video in the request"
            raise TelegramError(400, f"Bad Request: {what}")
        filename, data = uploaded[0]
        if not data:
            raise TelegramError(400, "Bad Request: file must be non-empty")
        return data, filename or ""
    if not str(ref).strip():
        raise TelegramError(400, f"Bad Request: there is no {kind} in the request")
    return b"", str(ref)


def _visible(text: str, parse_mode: Any) -> str:
    """The text a reader sees: Telegram trims it and counts it after parsing the markup."""
    if str(parse_mode or "").upper() == "HTML":
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return text.strip()


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2
