"""Publish now for many queue items at once: `Queue.publish_now` makes their waiting targets due, the runner sends
them one after another, and the queue window shows one overall progress bar from the targets' states.

Stopping the batch sends nothing more of it: the targets not yet picked up go back to when they were scheduled
(held ones wait for confirmation again); the one being sent finishes, and what was posted stays posted
(`Queue.undo_publish_now`: only a target still waiting is changed, with a history row).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from studio.publish.queue import Queue
from studio.store.queue_store import ItemRow

WAITING = ("scheduled", "held")


@dataclass
class Batch:
    item_ids: list[int]
    before: dict[int, str] = field(default_factory=dict)  # target id -> its state when the batch started
    done: int = 0
    total: int = 0
    stopping: bool = False

    @classmethod
    def of(cls, items: list[ItemRow]) -> Batch:
        before = {t.id: t.state for i in items for t in i.targets if t.state in WAITING}
        return cls([i.id for i in items if any(t.id in before for t in i.targets)], before, 0, len(before))

    def update(self, items: list[ItemRow]) -> bool:
        """Count the targets the runner is done with (posted, failed, waiting to retry later, ...); True when all
        are."""
        done = 0
        for item in items:
            for t in item.targets:
                if t.id not in self.before:
                    continue
                if t.state not in ("scheduled", "sending") or (t.state == "scheduled" and t.attempts > 0
                                                               and bool(t.message)):
                    done += 1
        self.done = done
        return done >= self.total

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0


def start(queue: Queue, batch: Batch) -> int:
    return queue.publish_now(batch.item_ids)


def stop(queue: Queue, batch: Batch) -> int:
    """Put back what the runner has not picked up yet; returns how many targets."""
    return queue.undo_publish_now(batch.before)


def items_of(queue: Queue, batch: Batch) -> list[ItemRow]:
    out = []
    for item_id in batch.item_ids:
        found = queue.store.item(item_id)
        if found is not None:
            out.append(found)
    return out
