"""From an open post to what each account receives: the headless step shared by "Publish now" and
`studio publish` (and later the queue, which freezes the same `Outgoing`).

For each target "ACCOUNT[:PLACEMENT]" it checks the post with the one validator (with the account's own server
limits), renders each design with the one renderer, fits every image under the network's upload limit
(re-encoding, never sending a file the network would refuse for its size), fetches a link card where the
network needs the client to build one, and returns an `Outgoing` with a fresh job key.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from studio.checking import media_facts
from studio.core.account import Account
from studio.core.document import Document
from studio.core.post import Media
from studio.core.problem import Problem
from studio.networks.linkcard import LinkCardError, fetch_card, first_link
from studio.networks.publishing import OutCard, Outgoing, OutMedia
from studio.networks.registry import resolve
from studio.networks.validate import effective_text, validate, variant_for
from studio.publish.accounts import AccountError, Accounts
from studio.publish.now import Job, Result
from studio.render.encode import encode_under
from studio.render.export import export_design
from studio.render.imageio import ImageError, decode, probe, video_format

_VIDEO_MIME = {"mp4": "video/mp4", "mov": "video/quicktime", "webm": "video/webm"}
_IMAGE_MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
CARD_THUMB_BYTES = 1_000_000


@dataclass
class Target:
    account: Account
    target_id: str  # the placement: "bluesky", "instagram:feed"

    @property
    def label(self) -> str:
        return f"{self.account.id}:{self.target_id.partition(':')[2]}" if ":" in self.target_id else self.account.id


def parse_targets(refs: list[str], accounts: Accounts) -> list[Target]:
    """"ACCOUNT" or "ACCOUNT:PLACEMENT" → account and target id. Raises AccountError with the reason."""
    out: list[Target] = []
    for ref in refs:
        name, _, placement = ref.partition(":")
        account = accounts.find(name)
        target_id = f"{account.network}:{placement}" if placement else account.network
        try:
            resolve(target_id)
        except (KeyError, ValueError):
            raise AccountError(f"{account.network} has no placement “{placement}”.") from None
        out.append(Target(account, target_id))
    return out


def problems_for(doc: Document, target: Target) -> list[Problem]:
    return validate(doc.post, target.target_id, media_info=media_facts(doc), limits=target.account.limits)


def build_jobs(doc: Document, targets: list[Target], accounts: Accounts, *, fetch_cards: bool = True
               ) -> tuple[list[Job], list[Result]]:
    """Jobs for the targets whose check has no error; the others come back as failed results with the
    validator's messages (nothing is sent to them)."""
    jobs: list[Job] = []
    blocked: list[Result] = []
    for target in targets:
        errors = [p for p in problems_for(doc, target) if p.is_error]
        client = accounts.client(target.account)
        if errors:
            job = Job(target.account, Outgoing(target.target_id, "", key=""))
            blocked.append(Result(job, "failed", message=" ".join(p.message for p in errors)))
            continue
        out = outgoing(doc, target, client.max_image_bytes, fetch_cards=fetch_cards)
        jobs.append(Job(target.account, out))
    return jobs, blocked


def outgoing(doc: Document, target: Target, client_image_limit: int | None, *, fetch_cards: bool = True
             ) -> Outgoing:
    network, caps = resolve(target.target_id)
    post = doc.post
    variant = variant_for(post, target.target_id)
    text = effective_text(post, target.target_id)
    limits = [n for n in (client_image_limit, caps.media.max_image_bytes) if n]
    max_bytes = min(limits) if limits else None
    media = tuple(render_media(doc, m, max_bytes) for m in post.posted_media())
    card = None
    if fetch_cards and caps.link_card and not media and network.id == "bluesky":
        card = link_card(first_link(text, post.link))
    thread = tuple(t for t in (variant.thread if variant and caps.threads else []) if t.strip())
    options = {k: v for k, v in (variant.options if variant else {}).items() if k in caps.options}
    return Outgoing(target.target_id, text, key=secrets.token_hex(8), thread=thread, media=media, link=post.link,
                    title=post.title, card=card, options=options)


def render_media(doc: Document, media: Media, max_bytes: int | None) -> OutMedia:
    """A design rendered at 100 % (JPEG, the best quality under the limit), or the file as it is when the
    network takes it, re-encoded when it is too large."""
    if media.kind == "design" and media.design is not None:
        exported = export_design(media.design, doc.assets, "jpeg", 92, max_bytes=max_bytes)
        return OutMedia(exported.data, "image/jpeg", exported.width, exported.height, media.alt,
                        filename=f"{media.id}.jpg")
    data = doc.assets.get(media.asset, b"")
    video = video_format(data)
    if video:
        return OutMedia(data, _VIDEO_MIME[video], alt=media.alt, filename=f"{media.id}.{video}")
    info = probe(data)
    mime = _IMAGE_MIME.get(info.format)
    # Mastodon's focal point: x from -1 (left) to 1 (right), y from -1 (bottom) to 1 (top)
    focus = (media.focus_x * 2 - 1, 1 - media.focus_y * 2) if media.has_focus else None
    if mime is not None and (max_bytes is None or len(data) <= max_bytes):
        return OutMedia(data, mime, info.width, info.height, media.alt, focus,
                        filename=f"{media.id}.{mime.split('/')[1].replace('jpeg', 'jpg')}")
    image = decode(data)
    fmt = "png" if info.has_alpha else "jpeg"
    result = encode_under(image, fmt, max_bytes or 50_000_000, quality=92)
    w, h = round(image.width * result.scaled), round(image.height * result.scaled)
    return OutMedia(result.data, f"image/{fmt}", w, h, media.alt, focus,
                    filename=f"{media.id}.{fmt.replace('jpeg', 'jpg')}")


def link_card(url: str | None) -> OutCard | None:
    """The link's Open Graph card with a thumbnail under Bluesky's limit; None when the page cannot be read
    (the post still goes out, with the link in its text)."""
    if not url:
        return None
    try:
        card = fetch_card(url)
    except LinkCardError:
        return None
    thumb = None
    if card.image:
        try:
            image = decode(card.image)
            result = encode_under(image.convert("RGB"), "jpeg", CARD_THUMB_BYTES, quality=85)
            thumb = OutMedia(result.data, "image/jpeg", round(image.width * result.scaled),
                             round(image.height * result.scaled), filename="card.jpg")
        except ImageError:
            thumb = None
    return OutCard(card.final_url or card.url, card.title, card.description, thumb)
