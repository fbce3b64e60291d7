"""`studio check`: every target's counter and problems for a post, without a window.

The checks are the networks' one validator (studio.networks.validate); this module only supplies the media
facts it needs (image headers probed from the post's embedded files, designs' own sizes) and the output.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from studio.core.document import Document
from studio.core.post import Media
from studio.core.problem import ERROR, Problem
from studio.networks.registry import ALL_TARGETS, resolve
from studio.networks.validate import MediaFacts, measure
from studio.render.imageio import ImageError, probe, video_format

PILLOW_FORMATS = {"JPEG": "jpeg", "MPO": "jpeg", "PNG": "png", "WEBP": "webp", "GIF": "gif", "HEIF": "heif",
                  "BMP": "bmp", "TIFF": "tiff"}


@dataclass(frozen=True)
class TargetReport:
    target: str
    count: int | None
    limit: int | None
    problems: list[Problem] = field(default_factory=list)
    bytes: int | None = None
    bytes_limit: int | None = None

    @property
    def has_error(self) -> bool:
        return any(p.is_error for p in self.problems)

    def to_json(self) -> dict:
        return {"target": self.target, "count": self.count, "limit": self.limit,
                "problems": [p.to_json() for p in self.problems]}

    def counter(self) -> str:
        """"x: 212/280"; Bluesky adds its bytes; a placement without text says so."""
        if self.count is None:
            return f"{self.target}: unknown target"
        if self.limit is None:
            return f"{self.target}: no text shown"
        extra = f" ({self.bytes}/{self.bytes_limit} bytes)" if self.bytes_limit is not None else ""
        return f"{self.target}: {self.count}/{self.limit}{extra}"


def media_facts(doc: Document) -> Callable[[Media], MediaFacts | None]:
    """media_info for the validator: designs give their size (export bytes unknown), files are probed."""

    def info(media: Media) -> MediaFacts | None:
        if media.kind == "design":
            return MediaFacts(media.design.width, media.design.height) if media.design is not None else None
        data = doc.assets.get(media.asset)
        if data is None:
            return MediaFacts(problem="its file is missing from the post. Add the file again.")
        video = video_format(data)
        if video:
            return MediaFacts(bytes=len(data), kind="video", format=video)
        try:
            im = probe(data)
        except ImageError as e:
            return MediaFacts(bytes=len(data), problem=e.message)
        return MediaFacts(im.width, im.height, len(data), "image", format=PILLOW_FORMATS.get(im.format,
                          im.format.lower()), animated=im.format == "GIF" and im.frames > 1)

    return info


def require_targets(targets: list[str]) -> None:
    """ValueError naming the valid ids if any of `targets` (given by the user) is unknown."""
    for t in targets:
        resolve(t)


def targets_to_check(doc: Document, targets: list[str] | None) -> list[str]:
    """The given targets, else the post's own, else all; in that order, each once, in their documented form.
    Unknown ones stay as they are (check_document reports them)."""
    chosen = targets or doc.post.targets or ALL_TARGETS
    seen: dict[str, None] = {}
    for t in chosen:
        try:
            seen.setdefault(resolve(t)[1].short_id)
        except ValueError:
            seen.setdefault(t)
    return list(seen)


def check_document(doc: Document, targets: list[str] | None = None) -> list[TargetReport]:
    info = media_facts(doc)
    reports = []
    for target in targets_to_check(doc, targets):
        try:
            network, caps = resolve(target)
        except ValueError as e:
            reports.append(TargetReport(target, None, None, [Problem(ERROR, "target.unknown", str(e), target)]))
            continue
        m = measure(network, caps, doc.post)
        problems = network.validate(doc.post, caps.placement, media_info=info)
        reports.append(TargetReport(target, m.count, m.limit, problems, m.bytes, m.bytes_limit))
    return reports


def format_reports(reports: list[TargetReport], as_json: bool = False) -> str:
    if as_json:
        return json.dumps([r.to_json() for r in reports], ensure_ascii=False, indent=2)
    lines = []
    for r in reports:
        lines.append(r.counter())
        lines += [f"  {p.severity}: {p.message}" for p in r.problems]
    return "\n".join(lines)
