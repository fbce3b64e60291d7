"""Gallery templates for brands and campaigns: quote, product launch, sale, statement, link card.
See studio.core.templates; layout helpers are in studio.core.template_parts."""

from __future__ import annotations

from studio.core.brand import BrandKit
from studio.core.design import Design, Stroke
from studio.core.template_music import stack
from studio.core.template_parts import (
    alpha,
    frame,
    hard_shadow,
    ink,
    logo_asset,
    logo_layer,
    photo_layer,
    pick,
    pill,
    rect,
    rgb,
    text,
)


def quote(kit: BrandKit, width: int, height: int, photo: str | None, logo: str | None,
          title: str | None = None) -> Design:
    """A quote on a light card over a photo: a big quotation mark, the quote, a rule and its author."""
    w, h = width, height
    f = frame(w, h)
    s = f.s
    d = Design(width=w, height=h, background=rgb(kit.primary))
    if photo:
        d.layers.append(photo_layer(photo, 0, 0, w, h, focus_y=0.55))
    inset = 0.03 * s
    card_w = f.inner_w - 2 * inset
    card_h = min(f.inner_h, card_w * 1.05)
    card_w = min(card_w, card_h * 1.5)  # wide canvases: a centred card with the photo on both sides
    cx, cy = f.cx - card_w / 2, f.top + (f.inner_h - card_h) / 2
    card = rgb(kit.light)
    fg = ink(card, kit)
    d.layers.append(rect("Card", cx, cy, card_w, card_h, alpha(card, 0.94), radius=0.03 * s))
    logo_key = logo_asset(kit, logo)
    pad = 0.07 * s
    mark_h, rule_h, author_h, logo_s = 0.11 * s, 0.008 * s, 0.042 * s, 0.09 * s
    gap = 0.035 * s
    fixed = mark_h + rule_h + author_h + (logo_s + gap if logo_key else 0) + 4 * gap
    quote_h = card_h - 2 * pad - fixed
    heights = [mark_h, quote_h, rule_h, author_h] + ([logo_s] if logo_key else [])
    ys = stack(heights, gap, cy + pad, cy + card_h - pad)
    inner_x, inner_w = cx + pad, card_w - 2 * pad
    accent = pick([kit.primary, kit.secondary, kit.dark], card)
    d.layers += [
        # the glyph sits in the top half of its line: the stack reserves that half, the box reaches below
        text("Quote mark", "“", inner_x, ys[0], inner_w, mark_h * 2.0 * 1.45, family=kit.heading_font,
             size=mark_h * 2.0, color=accent, weight=700, align="center", valign="top", line_height=1.0),
        text("Headline", title or "START WHERE YOU ARE.\nUSE WHAT YOU HAVE.\nDO WHAT YOU CAN.", inner_x, ys[1],
             inner_w, quote_h, family=kit.heading_font, size=0.12 * s, color=fg, weight=700, align="center",
             valign="middle", line_height=1.0),
        rect("Rule", cx + card_w / 2 - 0.06 * s, ys[2], 0.12 * s, rule_h, accent, radius=rule_h / 2),
        text("Author", "ARTHUR ASHE", inner_x, ys[3], inner_w, author_h, family=kit.body_font,
             size=author_h * 0.75, color=accent, weight=700, align="center", valign="middle",
             letter_spacing=0.008 * s, unbroken="lines"),
    ]
    if logo_key:
        d.layers.append(logo_layer(logo_key, cx + card_w / 2 - logo_s / 2, ys[4], logo_s))
    return d


def product_launch(kit: BrandKit, width: int, height: int, photo: str | None, logo: str | None,
                   title: str | None = None) -> Design:
    """The product photo on one side (or on top), name, pitch, price and launch date on a light panel."""
    w, h = width, height
    f = frame(w, h)
    s = f.s
    panel = rgb(kit.light)
    d = Design(width=w, height=h, background=panel)
    fg = ink(panel, kit)
    logo_key = logo_asset(kit, logo)
    side = f.aspect >= 0.95
    if side:
        split = round(w * (0.44 if f.aspect < 1.4 else 0.4))
        area = (split, 0, w - split, h)
        col = (f.left, f.top, split - f.left - 0.8 * f.m, f.inner_h)
    else:
        split = round(h * (0.46 if f.aspect < 0.7 else 0.5))
        area = (0, 0, w, split)
        col = (f.left, split + 0.8 * f.m, f.inner_w, f.bottom - split - 0.8 * f.m)
    ax, ay, aw, ah = area
    if photo:
        d.layers.append(photo_layer(photo, ax, ay, aw, ah, focus_y=0.55))
    else:
        d.layers.append(rect("Colour block", ax, ay, aw, ah, rgb(kit.secondary)))
        r = 0.36 * min(aw, ah)
        d.layers.append(rect("Spotlight", ax + aw / 2 - r, ay + ah / 2 - r, 2 * r, 2 * r, alpha(kit.light, 0.08),
                             shape="ellipse"))
    # a round price sticker in the photo's top right corner
    badge = 0.19 * s
    bx = ax + aw - f.m - badge
    by = max(ay + f.m, f.top)
    d.layers.append(rect("Price badge", bx, by, badge, badge, rgb(kit.accent), shape="ellipse", rotation=-10))
    price = text("Price", "€34", bx + badge * 0.12, by + badge * 0.2, badge * 0.76, badge * 0.6,
                 family=kit.heading_font, size=badge * 0.42, color=ink(rgb(kit.accent), kit), weight=700,
                 align="center", valign="middle", line_height=1.0)
    price.rotation = -10
    d.layers.append(price)
    x, y, cw, chh = col
    gap = 0.03 * s
    label_h, sub_h, cta_h = 0.045 * s, 0.1 * s, 0.04 * s
    logo_s = 0.09 * s
    foot = logo_s + gap if logo_key and side else 0
    fixed = label_h + sub_h + cta_h + 3 * gap + foot
    head_h = min(chh - fixed, 0.4 * s)
    ys = stack([label_h, head_h, sub_h, cta_h], gap, y, y + chh - foot, "middle")
    accent = pick([kit.primary, kit.secondary, kit.dark], panel)
    d.layers += [
        text("Label", "JUST LAUNCHED", x, ys[0], cw, label_h, family=kit.body_font, size=label_h * 0.7,
             color=accent, weight=700, valign="middle", letter_spacing=0.01 * s, unbroken="lines"),
        text("Headline", title or "LUMEN\nFACE OIL", x, ys[1], cw, head_h, family=kit.heading_font, size=0.17 * s,
             color=fg, weight=700, valign="middle", line_height=0.92),
        text("Pitch", "Cold-pressed botanicals for a natural, all-day glow.", x, ys[2], cw, sub_h,
             family=kit.body_font, size=0.04 * s, color=alpha(fg, 0.8), valign="middle", line_height=1.3),
        text("Launch date", "Available 1 March · lumen.shop", x, ys[3], cw, cta_h, family=kit.body_font,
             size=cta_h * 0.78, color=accent, weight=700, valign="middle", unbroken="lines"),
    ]
    if logo_key:
        if side:
            d.layers.append(logo_layer(logo_key, x, f.bottom - logo_s, logo_s))
        else:
            d.layers.append(logo_layer(logo_key, f.left, max(f.top, f.m), logo_s))
    return d


def sale(kit: BrandKit, width: int, height: int, photo: str | None, logo: str | None,
         title: str | None = None) -> Design:
    """A loud discount: '-30%' huge inside a ring on the brand colour, the offer, a SHOP NOW button."""
    w, h = width, height
    f = frame(w, h)
    s = f.s
    base = rgb(kit.primary)
    d = Design(width=w, height=h, background=base)
    if photo:
        d.layers.append(photo_layer(photo, 0, 0, w, h, saturation=-0.3))
        d.layers.append(rect("Tint", 0, 0, w, h, alpha(base, 0.84)))
    fg = ink(base, kit)
    logo_key = logo_asset(kit, logo)
    gap = 0.035 * s
    label_h, sub_h, btn_h, code_h, logo_s = 0.07 * s, 0.075 * s, 0.095 * s, 0.036 * s, 0.11 * s
    wide = f.aspect > 1.25
    ring_color = pick([kit.accent, kit.light, kit.dark], base, 1.8)
    if wide:
        ring = f.inner_h
        rx, ry = f.left, f.top
        col_x = f.left + ring + 1.2 * f.m
        col_w = f.right - col_x
        ys = stack([label_h, sub_h * 1.6, btn_h, code_h], gap, f.top, f.bottom)
        align, anchor, ax = "left", "left", col_x
        if logo_key:
            d.layers.append(logo_layer(logo_key, f.right - logo_s, f.bottom - logo_s, logo_s))
    else:
        col_x, col_w = f.left, f.inner_w
        head = max(label_h, logo_s if logo_key else 0)
        foot = sub_h + btn_h + code_h + 2 * gap
        ring = min(f.inner_w * 0.86, f.inner_h - head - foot - 2 * gap)
        y0 = stack([head, ring, foot], gap, f.top, f.bottom)
        rx, ry = f.cx - ring / 2, y0[1]
        ys = [f.top + (head - label_h) / 2, *stack([sub_h, btn_h, code_h], gap, y0[2], y0[2] + foot, "top")]
        align, anchor, ax = "center", "center", f.cx
        if logo_key:
            d.layers.append(logo_layer(logo_key, f.right - logo_s, f.top, logo_s))
            ys[0] = f.top + (logo_s - label_h) / 2
            anchor, ax = "left", f.left
    sw = 0.02 * s
    d.layers.append(rect("Ring", rx + sw, ry + sw, ring - 2 * sw, ring - 2 * sw, alpha(base, 0.0), shape="ellipse",
                         stroke=Stroke(width=sw, color=ring_color)))
    disc = rgb(kit.secondary)
    d.layers.append(rect("Disc", rx + ring * 0.09, ry + ring * 0.09, ring * 0.82, ring * 0.82, disc,
                         shape="ellipse"))
    d.layers += [
        pill("Label", "WEEKEND SALE", ax, ys[0], label_h, family=kit.body_font, color=ink(rgb(kit.dark), kit),
             fill=rgb(kit.dark), anchor=anchor),
        text("Headline", title or "-30%", rx + ring * 0.2, ry + ring * 0.22, ring * 0.6, ring * 0.56,
             family=kit.heading_font, size=ring * 0.42, color=ink(disc, kit, large=True), weight=700,
             align="center", valign="middle", line_height=0.9, shadow=hard_shadow(s, base)),
        text("Offer", "THIS WEEKEND · ON EVERYTHING" if not wide else "THIS WEEKEND\nON EVERYTHING", col_x, ys[1],
             col_w, sub_h * (1.6 if wide else 1.0), family=kit.heading_font, size=sub_h * 0.9,
             color=ink(base, kit, large=True),
             weight=700, align=align, valign="middle", line_height=0.95, unbroken="lines"),
        pill("Shop now", "SHOP NOW", ax if not (logo_key and not wide) else f.cx, ys[2], btn_h,
             family=kit.body_font, color=rgb(kit.dark) if ink(rgb(kit.light), kit) != rgb(kit.light) else base,
             fill=rgb(kit.light), anchor=anchor if not (logo_key and not wide) else "center"),
        text("Code", "Code WEEKEND30 · online & in store", col_x, ys[3], col_w, code_h, family=kit.body_font,
             size=code_h * 0.8, color=fg, weight=600, align=align, valign="middle", unbroken="lines"),
    ]
    return d


def statement(kit: BrandKit, width: int, height: int, photo: str | None, logo: str | None,
              title: str | None = None) -> Design:
    """A campaign statement set big and left-aligned beside an accent bar, with the campaign's hashtag."""
    w, h = width, height
    f = frame(w, h)
    s = f.s
    base = rgb(kit.secondary)
    d = Design(width=w, height=h, background=base)
    if photo:
        d.layers.append(photo_layer(photo, 0, 0, w, h, brightness=-0.3, saturation=-0.5))
        d.layers.append(rect("Tint", 0, 0, w, h, alpha(base, 0.78)))
    fg = ink(base, kit)
    logo_key = logo_asset(kit, logo)
    gap = 0.05 * s
    tag_h, foot_h, bar_w = 0.05 * s, 0.1 * s, 0.018 * s
    head_h = f.inner_h - tag_h - foot_h - 2 * gap
    ys = stack([tag_h, head_h, foot_h], gap, f.top, f.bottom)
    hx = f.left + bar_w + 0.045 * s
    accent = pick([kit.accent, kit.primary, kit.light], base)
    d.layers += [
        text("Hashtag", "#CLEANAIRNOW", f.left, ys[0], f.inner_w, tag_h, family=kit.body_font, size=tag_h * 0.72,
             color=accent, weight=800, valign="middle", letter_spacing=0.01 * s, unbroken="lines"),
        rect("Accent bar", f.left, ys[1], bar_w, head_h, accent, radius=bar_w / 2),
        text("Headline", title or "CLEAN AIR IS NOT A PRIVILEGE.\nIT IS A RIGHT.", hx, ys[1], f.right - hx, head_h,
             family=kit.heading_font, size=0.2 * s, color=fg, weight=700, valign="middle", line_height=0.95,
             unbroken="words"),
        rect("Rule", f.left, ys[2], 0.1 * s, 0.008 * s, rgb(kit.primary), radius=0.004 * s),
        text("Campaign", "Clean Air Berlin · Campaign 2025\nSign the petition: link in bio", f.left,
             ys[2] + 0.02 * s, f.inner_w - (foot_h + gap if logo_key else 0), foot_h - 0.02 * s,
             family=kit.body_font, size=0.034 * s, color=fg, weight=500, valign="middle", line_height=1.3,
             unbroken="lines"),
    ]
    if logo_key:
        d.layers.append(logo_layer(logo_key, f.right - foot_h, ys[2], foot_h))
    return d


def link_card(kit: BrandKit, width: int, height: int, photo: str | None, logo: str | None,
              title: str | None = None) -> Design:
    """A blog post card: the article photo on one side, category, title and the site's domain on the other."""
    w, h = width, height
    f = frame(w, h)
    s = f.s
    panel = rgb(kit.light)
    d = Design(width=w, height=h, background=panel)
    fg = ink(panel, kit)
    logo_key = logo_asset(kit, logo)
    side = f.aspect >= 1.2
    if side:
        split = round(w * 0.5)
        area = (split, 0, w - split, h)
        col = (f.left + 0.02 * s, f.top, split - f.left - 0.02 * s - f.m, f.inner_h)
    else:
        split = round(h * (0.4 if f.aspect < 0.7 else 0.46))
        area = (0, 0, w, split)
        col = (f.left, split + f.m, f.inner_w, f.bottom - split - f.m)
    ax, ay, aw, ah = area
    if photo:
        d.layers.append(photo_layer(photo, ax, ay, aw, ah, focus_x=0.55))
    else:
        d.layers.append(rect("Colour block", ax, ay, aw, ah, rgb(kit.primary)))
    accent = pick([kit.primary, kit.secondary, kit.dark], panel, 4.0)
    d.layers.append(rect("Accent strip", 0, 0, 0.02 * s, h, rgb(kit.primary)) if side else
                    rect("Accent strip", 0, split, w, 0.02 * s, rgb(kit.primary)))
    x, y, cw, chh = col
    gap = 0.045 * s
    cat_h, dom_h = 0.05 * s, 0.05 * s
    logo_s = 0.11 * s if logo_key else 0.0
    head_h = chh - cat_h - max(dom_h, logo_s) - 2 * gap
    ys = stack([cat_h, head_h, max(dom_h, logo_s)], gap, y, y + chh)
    if logo_key:
        d.layers.append(logo_layer(logo_key, x + cw - logo_s, ys[2], logo_s))
        ys[2] += (logo_s - dom_h) / 2
    dot = 0.022 * s
    d.layers += [
        text("Category", "BLOG · 6 MIN READ", x, ys[0], cw, cat_h, family=kit.body_font, size=cat_h * 0.66,
             color=accent, weight=700, valign="middle", letter_spacing=0.008 * s, unbroken="lines"),
        text("Headline", title or "10 lessons from our first year of remote work", x, ys[1], cw, head_h,
             family=kit.heading_font, size=0.16 * s, color=fg, weight=700, valign="middle", line_height=0.95),
        rect("Domain dot", x, ys[2] + (dom_h - dot) / 2, dot, dot, accent, shape="ellipse"),
        text("Domain", "blog.yourbrand.com", x + dot * 1.8, ys[2], cw - dot * 1.8 - logo_s, dom_h, family=kit.body_font,
             size=dom_h * 0.68, color=alpha(fg, 0.8), weight=600, valign="middle", unbroken="lines"),
    ]
    return d
