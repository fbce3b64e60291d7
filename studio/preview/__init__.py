"""Network previews: a post drawn the way each network draws it (headless, QtGui only).

`render_preview(PreviewInput(target, text, media, ...), width) -> QImage`; the pure parts are `fold`,
`entities` and `media_crop`. One module per layout family: feed (X, Mastodon, Bluesky, Threads, Facebook,
LinkedIn), instagram (feed post), fullscreen (story, reel, TikTok, YouTube Short), pin (Pinterest) and chat
(Telegram, Discord); per-network colours and rules are data in `style`.
"""

from studio.preview.media import media_crop
from studio.preview.model import Account, LinkCard, PreviewInput
from studio.preview.preview import damage, render_preview
from studio.preview.richtext import entities, fold

__all__ = ["Account", "LinkCard", "PreviewInput", "damage", "entities", "fold", "media_crop", "render_preview"]
