"""Headless operations shared by the command line and the studio window (the one core, two faces).

No Qt widgets here: the CLI calls these directly, the UI runs the slow ones on its task pool.
"""

from __future__ import annotations

from pathlib import Path

from studio.core.brand import BrandKit
from studio.core.design import Design, ImageLayer, TextLayer, parse_size
from studio.core.document import Document
from studio.core.post import Media, Post
from studio.core.templates import TEMPLATES, make_post, sample_logo_path, template_photo_path
from studio.render.imageio import ImageError, probe, video_format

MAX_MEDIA_FILE = 2 * 1024 ** 3  # a file attached to a post is kept in memory and in the .studio file


class StudioError(Exception):
    """A failure to report to the user as it is (no traceback)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def read_image_file(path: Path) -> bytes:
    """Read an image the user chose, checking it is one we can use (clear message if not)."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise StudioError(f"Could not read {path}: {e.strerror or e}.") from None
    try:
        probe(data, Path(path).name)
    except ImageError as e:
        raise StudioError(e.message) from None
    return data


def read_media_file(path: Path) -> bytes:
    """Read a photo or video to attach to a post as it is (MP4, MOV, WebM, or any image we can open)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_MEDIA_FILE:
            raise StudioError(f"{path.name} is {size / 1024 ** 3:.1f} GB; Content Studio attaches files up to "
                              f"{MAX_MEDIA_FILE // 1024 ** 3} GB.")
        with path.open("rb") as f:
            head = f.read(16)
    except OSError as e:
        raise StudioError(f"Could not read {path}: {e.strerror or e}.") from None
    if video_format(head):
        try:
            return path.read_bytes()
        except (OSError, MemoryError) as e:
            reason = getattr(e, "strerror", None) or "not enough memory"
            raise StudioError(f"Could not read {path}: {reason}.") from None
    return read_image_file(path)


def attach_files(doc: Document, paths: list[Path], alts: list[str] | None = None) -> list[Media]:
    """Media items for files (not yet in the post; the caller adds them, undoably in the editor)."""
    items = []
    for i, path in enumerate(paths):
        key = doc.add_asset(read_media_file(path))
        items.append(Media(kind="file", asset=key, alt=(alts or [])[i] if i < len(alts or []) else ""))
    return items


def new_document(template: str | None = None, size: str | None = None, title: str | None = None,
                 text: str | None = None, image: Path | None = None, kit: BrandKit | None = None) -> Document:
    """A new post: from a template (default sizes per template) or blank; with the user's photo and title."""
    kit = kit or BrandKit()
    doc = Document()
    image_key = doc.add_asset(read_image_file(image)) if image else None
    if template:
        if template not in TEMPLATES:
            raise StudioError(f"There is no template {template!r}. Templates: {', '.join(sorted(TEMPLATES))}.")
        tpl = TEMPLATES[template]
        width, height = parse_size(size or tpl.format)
        photo_key = image_key
        photo_path = template_photo_path(tpl)
        if photo_key is None and photo_path is not None:
            photo_key = doc.add_asset(photo_path.read_bytes())
        logo_key = doc.add_asset(kit.logo) if kit.logo else doc.add_asset(sample_logo_path().read_bytes())
        doc.post = make_post(template, kit, width, height, photo_key, logo_key, title, text)
    else:
        width, height = parse_size(size or "portrait")
        design = Design(width=width, height=height, background=kit.light)
        if image_key:
            design.layers.append(ImageLayer(name="Photo", asset=image_key, x=0, y=0, w=width, h=height))
        if title:
            m = min(width, height) * 0.06
            design.layers.append(TextLayer(name="Headline", text=title, font_family=kit.heading_font,
                                           font_size=min(width, height) * 0.12, color=kit.dark if not image_key
                                           else "#ffffff", x=m, y=height * 0.62, w=width - 2 * m,
                                           h=height * 0.3, auto_fit=True, align="center", valign="middle"))
        doc.post = Post(title=title or "", text=text or "", media=[Media(kind="design", design=design)])
    doc.prune_assets()
    return doc


def template_choices() -> list[tuple[str, str]]:
    return [(key, t.name) for key, t in TEMPLATES.items()]
