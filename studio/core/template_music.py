"""Gallery templates for music and events: album release, tour dates, event. See studio.core.templates.

Every build lays out from the canvas size (studio.core.template_parts.frame): tall and square canvases
stack their content, wide ones (link card, landscape) put it side by side.
"""

from __future__ import annotations

from studio.core.brand import BrandKit
from studio.core.design import Design
from studio.core.template_parts import (
    alpha,
    frame,
    ink,
    logo_asset,
    logo_layer,
    mix,
    photo_layer,
    pick,
    pill,
    rect,
    rgb,
    soft_shadow,
    text,
)

DARK_PHOTO = "#1a1a1a"  # what text on a darkened photo sits on, for choosing readable colours


def stack(heights: list[float], gap: float, top: float, bottom: float, valign: str = "middle") -> list[float]:
    """The top of each of a column of boxes placed one under the other with `gap` between them."""
    total = sum(heights) + gap * (len(heights) - 1)
    y = top if valign == "top" else bottom - total if valign == "bottom" else top + (bottom - top - total) / 2
    out = []
    for h in heights:
        out.append(y)
        y += h + gap
    return out


def album_release(kit: BrandKit, width: int, height: int, photo: str | None, logo: str | None,
                  title: str | None = None) -> Design:
    """The cover art large on a blurred, darkened copy of itself, the album title and an OUT NOW label."""
    w, h = width, height
    f = frame(w, h)
    s = f.s
    d = Design(width=w, height=h, background=rgb(kit.secondary))
    on = DARK_PHOTO if photo else rgb(kit.secondary)
    if photo:
        d.layers.append(photo_layer(photo, 0, 0, w, h, name="Photo backdrop", blur=0.05 * s, brightness=-0.35,
                              saturation=0.1))
    fg = ink(on, kit)
    logo_key = logo_asset(kit, logo)
    heading = title or "AFTERGLOW"
    artist_h, title_h, pill_h, line_h = 0.05 * s, 0.13 * s, 0.075 * s, 0.038 * s
    gap = 0.035 * s
    wide = f.aspect > 1.25
    off = 0.028 * s  # the offset block behind the cover
    if wide:
        c = f.inner_h - off
        cx, cy = f.left, f.top
        col_x = f.left + c + 1.2 * f.m
        col_w = f.right - col_x
        ys = stack([artist_h, title_h * 1.6, pill_h, line_h], gap, f.top, f.bottom)
        align, anchor_x, anchor = "left", col_x, "left"
    else:
        bottom_h = title_h + pill_h + line_h + 2 * gap * 0.7
        c = min(f.inner_w * 0.8, f.inner_h - artist_h - bottom_h - 2 * gap - off)
        title_h = min(0.2 * s, f.inner_h - artist_h - c - off - 2 * gap - (pill_h + line_h + 2 * gap * 0.7))
        bottom_h = title_h + pill_h + line_h + 2 * gap * 0.7
        y0 = stack([artist_h, c + off, bottom_h], gap, f.top, f.bottom)
        cx, cy = f.cx - c / 2, y0[1]
        col_x, col_w = f.left, f.inner_w
        ys = [y0[0], *stack([title_h, pill_h, line_h], gap * 0.7, y0[2], y0[2] + bottom_h, "top")]
        align, anchor_x, anchor = "center", f.cx, "center"
    block = rgb(kit.primary) if photo else rgb(kit.accent)
    d.layers.append(rect("Cover shadow", cx + off, cy + off, c, c, block))
    if photo:
        d.layers.append(photo_layer(photo, cx, cy, c, c, name="Cover art"))
    else:
        d.layers.append(rect("Cover art", cx, cy, c, c, rgb(kit.primary)))
        d.layers.append(rect("Cover sun", cx + c * 0.2, cy + c * 0.2, c * 0.6, c * 0.6, rgb(kit.accent),
                             shape="ellipse"))
        d.layers.append(rect("Cover horizon", cx, cy + c * 0.62, c, c * 0.38, mix(kit.primary, kit.dark, 0.5)))
    logo_s = 0.1 * s
    label_w = col_w
    if logo_key and not wide:
        label_w = col_w - 2 * (logo_s + gap)
        d.layers.append(logo_layer(logo_key, f.right - logo_s, ys[0] + artist_h / 2 - logo_s / 2, logo_s))
    elif logo_key:
        d.layers.append(logo_layer(logo_key, f.right - logo_s, f.top, logo_s))
        label_w = col_w - logo_s - gap
    artist_x = col_x if wide else f.cx - label_w / 2
    d.layers += [
        text("Artist", "NOVA HARBOR · THE NEW ALBUM", artist_x, ys[0], label_w, artist_h, family=kit.body_font,
             size=artist_h * 0.62, color=fg, weight=700, align=align, valign="middle", letter_spacing=0.01 * s,
             unbroken="lines"),
        text("Headline", heading, col_x, ys[1], col_w, title_h * (1.6 if wide else 1.0), family=kit.heading_font,
             size=title_h * (1.5 if wide else 0.95), color=fg, weight=700, align=align, valign="middle",
             line_height=0.95, shadow=soft_shadow(s)),
        pill("Out now", "OUT NOW", anchor_x, ys[2], pill_h, family=kit.body_font, color=ink(rgb(kit.primary), kit),
             fill=rgb(kit.primary), anchor=anchor),
        text("Stream line", "Stream it everywhere · link in bio", col_x, ys[3], col_w, line_h,
             family=kit.body_font, size=line_h * 0.8, color=alpha(fg, 0.85), align=align, valign="middle",
             unbroken="lines"),
    ]
    return d


TOUR_DATES = ("12.03   BERLIN · Columbiahalle\n14.03   HAMBURG · Große Freiheit 36\n17.03   AMSTERDAM · Paradiso\n"
              "19.03   PARIS · La Cigale\n22.03   LONDON · Roundhouse\n24.03   DUBLIN · Vicar Street")


def tour_dates(kit: BrandKit, width: int, height: int, photo: str | None, logo: str | None,
               title: str | None = None) -> Design:
    """The band name over a concert photo, the tour's dates on a dark panel, a ticket call to action."""
    w, h = width, height
    f = frame(w, h)
    s = f.s
    d = Design(width=w, height=h, background=rgb(kit.dark))
    if photo:
        d.layers.append(photo_layer(photo, 0, 0, w, h, brightness=-0.15, focus_y=0.45))
    on = DARK_PHOTO if photo else rgb(kit.dark)
    fg = ink(on, kit)
    logo_key = logo_asset(kit, logo)
    gap = 0.035 * s
    tour_h, cta_h = 0.048 * s, 0.11 * s
    wide = f.aspect > 1.25
    if wide:
        col_w = f.inner_w * 0.44
        x, head_w = f.left, col_w
        head_h = f.inner_h - tour_h - cta_h - 2 * gap
        ys = stack([head_h, tour_h], gap, f.top, f.bottom - cta_h - gap, "top")
        panel = (f.left + col_w + 1.2 * f.m, f.top, f.right - f.left - col_w - 1.2 * f.m, f.inner_h)
        cta = (f.left, f.bottom - cta_h, col_w)
    else:
        x, head_w = f.left, f.inner_w
        head_h = 0.2 * f.inner_h
        ys = stack([head_h, tour_h], gap * 0.5, f.top, f.bottom, "top")
        py = ys[1] + tour_h + gap
        panel = (f.left, py, f.inner_w, f.bottom - cta_h - gap - py)
        cta = (f.left, f.bottom - cta_h, f.inner_w)
    px, py, pw, ph = panel
    pad = 0.05 * s
    panel_bg = rgb(kit.dark) if photo else rgb(kit.secondary)
    d.layers += [
        text("Headline", title or "THE MIDNIGHT ECHO", x, ys[0], head_w, head_h, family=kit.heading_font,
             size=0.2 * s, color=fg, weight=700, valign="bottom", line_height=0.92, shadow=soft_shadow(s, 0.7)),
        text("Tour line", "EUROPEAN TOUR 2025", x, ys[1], head_w, tour_h, family=kit.body_font, size=tour_h * 0.7,
             color=pick([kit.accent, kit.light], on, 4.5), weight=700, valign="middle", letter_spacing=0.012 * s,
             shadow=soft_shadow(s, 0.6), unbroken="lines"),
        rect("Dates panel", px, py, pw, ph, alpha(panel_bg, 0.72 if photo else 1.0), radius=0.025 * s),
        rect("Panel accent", px, py + pad, 0.012 * s, ph - 2 * pad, rgb(kit.primary)),
        text("Dates", TOUR_DATES, px + pad, py + pad, pw - 2 * pad, ph - 2 * pad, family=kit.body_font,
             size=0.048 * s, color=ink(panel_bg, kit), weight=600, valign="middle", line_height=1.55, unbroken="lines"),
    ]
    cx, cy, cw = cta
    pill_h = 0.075 * s
    d.layers.append(pill("Tickets", "TICKETS ON SALE NOW", cx, cy + (cta_h - pill_h) / 2, pill_h,
                         family=kit.body_font, color=ink(rgb(kit.primary), kit), fill=rgb(kit.primary),
                         max_w=cw - (cta_h + gap if logo_key else 0)))
    if logo_key:
        d.layers.append(logo_layer(logo_key, cx + cw - cta_h, cy, cta_h))
    return d


def event(kit: BrandKit, width: int, height: int, photo: str | None, logo: str | None,
          title: str | None = None) -> Design:
    """A night-out poster: a big two-line title over a city photo, the date on a coloured label, the venue."""
    w, h = width, height
    f = frame(w, h)
    s = f.s
    d = Design(width=w, height=h, background=rgb(kit.secondary))
    if photo:
        d.layers.append(photo_layer(photo, 0, 0, w, h, brightness=-0.12, saturation=0.1))
        d.layers.append(rect("Tint", 0, 0, w, h, alpha(kit.secondary, 0.35)))
    on = DARK_PHOTO if photo else rgb(kit.secondary)
    fg = ink(on, kit)
    logo_key = logo_asset(kit, logo)
    gap = 0.04 * s
    label_h, date_h, venue_h, logo_s = 0.065 * s, 0.078 * s, 0.05 * s, 0.13 * s
    wide = f.aspect > 1.25
    heading = title or "ROOFTOP\nSESSIONS"
    if wide:
        col_w = f.inner_w * 0.62
        head_h = f.inner_h - label_h - date_h - venue_h - 3 * gap
        ys = stack([label_h, head_h, date_h, venue_h], gap, f.top, f.bottom)
        x, align, anchor, ax = f.left, "left", "left", f.left
        if logo_key:
            d.layers.append(logo_layer(logo_key, f.right - logo_s, f.top, logo_s))
    else:
        col_w = f.inner_w
        bottom_h = (logo_s + gap) if logo_key else 0
        fixed = label_h + date_h + venue_h + 3 * gap + bottom_h
        head_h = min(0.5 * f.inner_h, 0.62 * f.inner_w, f.inner_h - fixed - gap)
        ys = stack([label_h, head_h, date_h, venue_h], gap, f.top, f.bottom - bottom_h, "middle")
        x, align, anchor, ax = f.left, "center", "center", f.cx
        if logo_key:
            d.layers.append(logo_layer(logo_key, f.cx - logo_s / 2, f.bottom - logo_s, logo_s))
    d.layers += [
        pill("Label", "LIVE MUSIC · FREE ENTRY", ax, ys[0], label_h, family=kit.body_font,
             color=ink(rgb(kit.accent), kit), fill=rgb(kit.accent), anchor=anchor, max_w=col_w),
        text("Headline", heading, x, ys[1], col_w, head_h, family=kit.heading_font, size=0.3 * s, color=fg,
             weight=700, align=align, valign="middle", line_height=0.9, shadow=soft_shadow(s, 0.7)),
        pill("Date line", "SAT 21 JUNE · 19:00", ax, ys[2], date_h, family=kit.body_font,
             color=ink(rgb(kit.primary), kit), fill=rgb(kit.primary), anchor=anchor, max_w=col_w),
        text("Venue", "Skybar Kreuzberg · Berlin", x, ys[3], col_w, venue_h, family=kit.body_font,
             size=venue_h * 0.8, color=fg, weight=600, align=align, valign="middle", shadow=soft_shadow(s, 0.6),
             unbroken="lines"),
    ]
    return d
