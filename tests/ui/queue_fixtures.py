"""Queue items for the queue window's tests, the screenshots and the benchmark, written straight to the store (no
rendering): accounts, a small JPEG as each item's frozen media, targets in every state."""

from __future__ import annotations

import io
import time
from pathlib import Path

from PIL import Image

from studio.core.account import Account
from studio.publish.queue import Queue
from studio.store.queue_store import Event, NewItem, NewTarget

BAND = "bluesky-band.test"
ALICE = "mastodon-alice@example.social"


def jpeg(color: tuple[int, int, int], size: tuple[int, int] = (160, 200)) -> bytes:
    image = Image.new("RGB", size, color)
    for y in range(size[1] // 2, size[1]):  # a darker lower half, so a thumbnail is recognisable
        for x in range(0, size[0], 4):
            image.putpixel((x, y), tuple(c // 2 for c in color))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def add_accounts(queue: Queue) -> None:
    lib = queue.library
    lib.save_account(Account(id=BAND, network="bluesky", handle="band.test", checked_at=time.time()))
    lib.save_account(Account(id=ALICE, network="mastodon", handle="@alice@example.social",
                             server="https://example.social", checked_at=time.time()))
    queue.accounts.credentials.set(BAND, {"password": "pw"})
    queue.accounts.credentials.set(ALICE, {"access_token": "t"})


def target(account: str, at: float, sha: str | None = None, text: str = "Hello") -> NewTarget:
    network = account.split("-")[0]
    media = [{"sha256": sha, "size": 1, "mime": "image/jpeg", "width": 160, "height": 200, "alt": "", "focus": None,
              "filename": "a.jpg"}] if sha else []
    out = {"target": network, "text": text, "key": f"k{at}", "thread": [], "media": media, "link": "", "title": "",
           "card": None, "options": {}}
    prepared = {"network": network, "key": f"k{at}", "steps": [{"text": text}], "media": media, "card": None}
    return NewTarget(account, network, network, at, out, prepared)


def insert(queue: Queue, count: int, *, start: float, step: float = 3600.0, accounts=(BAND,), source: str = "",
           sha: str | None = None, zone: str = "Europe/Berlin", title: str = "Post") -> list[int]:
    items = [NewItem(f"{title} {n}", f"{title} {n}: tour dates are out", source or "/posts/week.studio", "0" * 64,
                     zone, [target(a, start + n * step, sha, f"{title} {n}") for a in accounts])
             for n in range(count)]
    ids: list[int] = []
    for first in range(0, len(items), 1000):
        ids += queue.store.insert_items(items[first:first + 1000], now=start)
    return ids


def set_state(queue: Queue, item_id: int, account: str, state: str, **fields) -> None:
    t = next(t for t in queue.item(item_id).targets if t.account_id == account)
    assert queue.store.update(t.id, state=state, event=Event(state), **fields)


def fill_demo(queue: Queue, folder: Path) -> None:
    """A week of varied posts around now, for screenshots."""
    add_accounts(queue)
    colors = [(214, 69, 69), (47, 128, 237), (46, 157, 87), (217, 130, 43), (123, 79, 208), (15, 127, 134)]
    shas = [queue.media.put(jpeg(c)) for c in colors]
    now = time.time()
    day = 86400.0
    base = now - now % 3600
    titles = ["Tour dates are out", "New single: Night Drive", "Behind the scenes", "Ticket giveaway",
              "Album release party", "Studio diary #4", "Thank you, Berlin!", "Merch drop", "Q&A on Friday",
              "Live stream tonight"]
    ids = []
    for n, title in enumerate(titles):
        at = base + (n - 4) * day * 0.7 + (n % 3) * 3 * 3600
        accounts = (BAND, ALICE) if n % 2 == 0 else (BAND,)
        zone = "America/New_York" if n == 6 else "Europe/Berlin"
        ids += insert(queue, 1, start=at, accounts=accounts, sha=shas[n % len(shas)], title=title, zone=zone,
                      source=str(folder / "posts" / f"{n}.studio"))
    from studio.logic import new_document
    from studio.publish.queue import design_hash
    from studio.store.project_file import load, save

    post = folder / "posts" / "tour.studio"
    post.parent.mkdir(parents=True, exist_ok=True)
    save(new_document("quote"), post)
    current = design_hash(load(post))
    for n, (item_id, title) in enumerate(zip(ids, titles, strict=True)):
        source, hashed = (str(folder / "posts" / "gone.studio"), "0" * 64) if n == 5 else (str(post), current)
        queue.store._conn.execute("UPDATE queue_items SET title = ?, summary = ?, source_path = ?, design_hash = ? "
                                  "WHERE id = ?", (title, f"{title}. See you there! https://example.com #music",
                                                   source, "1" * 64 if n == 1 else hashed, item_id))
    from studio.publish.schedule import parse_slots

    queue.set_slots(BAND, parse_slots("mon-fri 09:00,17:30", "Europe/Berlin"))
    set_state(queue, ids[0], BAND, "posted", url="https://bsky.app/profile/band.test/post/3kabc")
    set_state(queue, ids[0], ALICE, "failed", message="Validation failed: Text character limit of 500 exceeded")
    set_state(queue, ids[1], BAND, "posted", url="https://bsky.app/profile/band.test/post/3kabd")
    set_state(queue, ids[2], BAND, "needs_reauth", message="The session expired. Connect the account again.")
    set_state(queue, ids[2], ALICE, "posted", url="https://example.social/@alice/1101")
    set_state(queue, ids[3], BAND, "outcome_unknown", message="No answer from bsky.social within 30 s.")
    set_state(queue, ids[4], BAND, "held", message="It was due more than 2 hours ago while nothing was publishing.")
    set_state(queue, ids[4], ALICE, "sending")
    set_state(queue, ids[7], BAND, "cancelled")
