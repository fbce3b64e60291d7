"""A queued target as JSON: the final Outgoing and its Prepared requests, with media bytes replaced by the SHA-256
of a file in the queue's media folder (store/media_files.py). Thawing reads the files back and checks them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from studio.networks.publishing import OutCard, Outgoing, OutMedia, Prepared

Put = Callable[[bytes], str]
Get = Callable[[str], bytes]


def media_to_data(m: OutMedia, put: Put) -> dict[str, Any]:
    return {"sha256": put(m.data), "size": len(m.data), "mime": m.mime, "width": m.width, "height": m.height,
            "alt": m.alt, "focus": list(m.focus) if m.focus is not None else None, "filename": m.filename}


def media_from_data(d: dict[str, Any], get: Get) -> OutMedia:
    focus = tuple(d["focus"]) if d.get("focus") is not None else None
    return OutMedia(get(d["sha256"]), d["mime"], int(d.get("width") or 0), int(d.get("height") or 0),
                    str(d.get("alt") or ""), focus, str(d.get("filename") or "media"))


def card_to_data(card: OutCard | None, put: Put) -> dict[str, Any] | None:
    if card is None:
        return None
    return {"url": card.url, "title": card.title, "description": card.description,
            "thumb": media_to_data(card.thumb, put) if card.thumb is not None else None}


def card_from_data(d: dict[str, Any] | None, get: Get) -> OutCard | None:
    if d is None:
        return None
    thumb = media_from_data(d["thumb"], get) if d.get("thumb") else None
    return OutCard(d["url"], d["title"], d["description"], thumb)


def outgoing_to_data(out: Outgoing, put: Put) -> dict[str, Any]:
    return {"target": out.target, "text": out.text, "key": out.key, "thread": list(out.thread),
            "media": [media_to_data(m, put) for m in out.media], "link": out.link, "title": out.title,
            "card": card_to_data(out.card, put), "options": dict(out.options)}


def outgoing_from_data(d: dict[str, Any], get: Get) -> Outgoing:
    return Outgoing(d["target"], d["text"], d["key"], tuple(d.get("thread") or ()),
                    tuple(media_from_data(m, get) for m in d.get("media") or ()), d.get("link") or "",
                    d.get("title") or "", card_from_data(d.get("card"), get), dict(d.get("options") or {}))


def prepared_to_data(p: Prepared, put: Put) -> dict[str, Any]:
    return {"network": p.network, "key": p.key, "steps": p.steps, "media": [media_to_data(m, put) for m in p.media],
            "card": card_to_data(p.card, put)}


def prepared_from_data(d: dict[str, Any], get: Get) -> Prepared:
    return Prepared(d["network"], d["key"], list(d["steps"]), tuple(media_from_data(m, get) for m in d["media"]),
                    card_from_data(d.get("card"), get))


def steps_only(p: Prepared, frozen: dict[str, Any]) -> dict[str, Any]:
    """The frozen Prepared with the steps as they are now (resume markers, createdAt): media stay as frozen."""
    return {**frozen, "steps": p.steps}
