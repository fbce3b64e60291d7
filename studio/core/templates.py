"""The template gallery: ready-made designs that take the brand kit's colours, fonts and logo.

A template is plain data plus a `build` function that lays its layers out for any canvas size (every
preset in studio.core.design.FORMATS, and custom sizes): margins are ~6 % of the shorter side, stories
keep text out of their safe zones, and wide canvases put photo and text side by side.

`build(kit, width, height, photo, logo, title)` takes asset keys (content hashes) that the caller has
already added to the document; photo None gives a plain-colour design, logo None falls back to the kit's
logo (whose bytes the caller adds with Document.add_asset(kit.logo)) or no logo at all. `title` replaces
the headline's sample text. Sample photos and logo live in resources/templates/ (see its README); this
module only names their paths, reading them is up to the caller.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from studio.core.brand import BrandKit
from studio.core.design import FORMATS, Design, TextLayer
from studio.core.post import Media, Post
from studio.core.template_brand import link_card, product_launch, quote, sale, statement
from studio.core.template_music import album_release, event, tour_dates

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "templates"

BuildFn = Callable[[BrandKit, int, int, "str | None", "str | None", "str | None"], Design]


@dataclass(frozen=True)
class Template:
    key: str
    name: str
    description: str
    format: str  # key of a studio.core.design.FORMATS preset
    photo: str | None  # file name in resources/templates/photos, or None: a plain-colour design
    build: BuildFn
    caption: str = ""  # sample post text

    @property
    def size(self) -> tuple[int, int]:
        f = next(f for f in FORMATS if f.key == self.format)
        return f.width, f.height


TEMPLATES: dict[str, Template] = {
    t.key: t
    for t in (
        Template(
            "album-release", "Album release", "Cover art on a blurred backdrop, the album title and OUT NOW.",
            "square", "abstract.jpg", album_release,
            "🎧 AFTERGLOW is out now! Eleven songs we wrote between two winters. Stream it everywhere, "
            "link in bio. #NewMusic #OutNow #Afterglow",
        ),
        Template(
            "tour-dates", "Tour dates", "Band name over a concert photo and the tour's dates on a panel.",
            "portrait", "concert.jpg", tour_dates,
            "🎸 We're going on tour! Six nights across Europe this March, tickets on sale now via the link in "
            "bio. Which city are you coming to? #Tour2025 #LiveMusic #TheMidnightEcho",
        ),
        Template(
            "event", "Event", "A big two-line event title over a city photo, the date and the venue.",
            "story", "city-night.jpg", event,
            "🌇 Rooftop Sessions are back: live music above the city, Saturday 21 June from 7 pm at Skybar "
            "Kreuzberg. Free entry, RSVP via the link in bio. #Berlin #LiveMusic #RooftopSessions",
        ),
        Template(
            "quote", "Quote", "A quote and its author on a light card over a photo.",
            "portrait", "sunset.jpg", quote,
            "✨ A little Monday motivation: start where you are. What's one small thing you'll do today? "
            "#MondayMotivation #Quote #Inspiration",
        ),
        Template(
            "product-launch", "Product launch", "Product photo beside its name, pitch, price and launch date.",
            "square", "product.jpg", product_launch,
            "🌿 Meet LUMEN, our new botanical face oil: cold-pressed, fragrance-free, made for a natural glow. "
            "Available from 1 March at lumen.shop. #Skincare #NewLaunch #Lumen",
        ),
        Template(
            "sale", "Sale", "A huge discount in a ring on the brand colour, the offer and a SHOP NOW button.",
            "portrait", None, sale,
            "🔥 Weekend sale! 30 % off everything, Friday to Sunday, online and in store. Use code WEEKEND30 at "
            "checkout. #Sale #WeekendSale #ShopSmall",
        ),
        Template(
            "statement", "Statement", "A campaign statement set big beside an accent bar, with its hashtag.",
            "square", None, statement,
            "💨 Clean air is not a privilege. It is a right. Join us and sign the petition, link in bio. "
            "#CleanAirNow #ClimateAction",
        ),
        Template(
            "link-card", "Link card", "A blog post's photo, title and domain, sized for link previews.",
            "link", "desk.jpg", link_card,
            "💻 One year fully remote: ten things we learned about focus, meetings and staying a team. "
            "Read it on the blog 👉 blog.yourbrand.com #RemoteWork #Teamwork #Blog",
        ),
    )
}


def template_photo_path(template: Template) -> Path | None:
    """The sample photo's file, or None when the template has none."""
    return RESOURCES / "photos" / template.photo if template.photo else None


def sample_logo_path() -> Path:
    return RESOURCES / "logo.png"


def alt_text(design: Design) -> str:
    """What the design says, headline first, for its media's alt text."""
    texts = [lay for lay in design.layers if isinstance(lay, TextLayer) and lay.text.strip() and lay.visible]
    texts.sort(key=lambda t: t.name != "Headline")
    return ". ".join(" ".join(t.text.split()).rstrip(".") for t in texts if t.text.strip() not in ("“", "”"))


def make_post(template_key: str, kit: BrandKit, width: int, height: int, photo: str | None, logo: str | None,
              title: str | None = None, text: str | None = None) -> Post:
    """A new post with one design built from the template and the caption `text` (or the sample caption)."""
    template = TEMPLATES[template_key]
    design = template.build(kit, width, height, photo, logo, title)
    alt = alt_text(design) or template.name
    return Post(title=title or template.name, text=template.caption if text is None else text,
                media=[Media(kind="design", design=design, alt=alt)])
