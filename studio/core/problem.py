"""A problem the validator found with a post for one target: an error blocks queueing, a warning does not."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    severity: str  # "error" | "warning"
    code: str  # stable id for tests and the JSON output, e.g. "text.too_long", "media.aspect"
    message: str  # a sentence a creator understands, naming the network and what to do
    target: str = ""  # target id, e.g. "instagram:feed"
    media_index: int | None = None  # which media item, when the problem is about one

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def to_json(self) -> dict:
        return {"severity": self.severity, "code": self.code, "message": self.message, "target": self.target,
                "media_index": self.media_index}
