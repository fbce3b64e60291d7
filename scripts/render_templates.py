"""Render every gallery template to PNG files, to look at them.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python scripts/render_templates.py [--all] [--plain] [--out DIR]

By default each template is rendered in its own format and one other (a tall one for wide templates, a
story or square for the others), with its sample photo and the sample logo. --all renders every format;
--plain also renders each without photo and logo (the plain-colour fallback). Files go to /tmp/templates.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from studio.core.brand import BrandKit
from studio.core.design import FORMATS, TextLayer
from studio.core.document import asset_key
from studio.core.templates import TEMPLATES, sample_logo_path, template_photo_path
from studio.render.compose import Renderer
from studio.render.text import layout, missing_glyphs

KITS = {
    "default": BrandKit(),
    # a second kit to check that templates hold up with other colours and a wide heading font
    "teal": BrandKit(name="Teal", colors=["#2a9d8f", "#264653", "#e9c46a", "#1b1b1b", "#f4f1de"],
                     heading_font="League Spartan", body_font="Noto Sans"),
    # a light primary colour: text on it must turn dark
    "pastel": BrandKit(name="Pastel", colors=["#ffd6e0", "#5e548e", "#9fd8cb", "#231942", "#fffcf2"],
                       heading_font="Inter", body_font="Inter"),
}


def other_format(default: str) -> str:
    return {"square": "story", "portrait": "square", "story": "square", "link": "portrait",
            "landscape": "story"}[default]


def check(design, where: str) -> int:
    """Report text that does not fit its box (even after auto-fit) or has glyphs no font can draw."""
    problems = 0
    for layer in design.layers:
        if not isinstance(layer, TextLayer):
            continue
        if layout(layer).overflow:
            print(f"{where}: text of {layer.name!r} overflows its box", file=sys.stderr)
            problems += 1
        if missing_glyphs(layer):
            print(f"{where}: {layer.name!r} has characters no font can draw", file=sys.stderr)
            problems += 1
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="render every format")
    parser.add_argument("--plain", action="store_true", help="also render without photo and logo")
    parser.add_argument("--kit", choices=sorted(KITS), default="default", help="brand kit to render with")
    parser.add_argument("--out", type=Path, default=Path("/tmp/templates"))
    parser.add_argument("keys", nargs="*", help="only these templates")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    renderer = Renderer()
    problems = 0
    kit = KITS[args.kit]
    logo_bytes = sample_logo_path().read_bytes()
    logo = asset_key(logo_bytes)
    for key, template in TEMPLATES.items():
        if args.keys and key not in args.keys:
            continue
        assets = {logo: logo_bytes}
        photo = None
        path = template_photo_path(template)
        if path is not None:
            data = path.read_bytes()
            photo = asset_key(data)
            assets[photo] = data
        formats = [f.key for f in FORMATS] if args.all else [template.format, other_format(template.format)]
        variants = [("", photo, logo)] + ([("-plain", None, None)] if args.plain else [])
        for fmt_key in formats:
            fmt = next(f for f in FORMATS if f.key == fmt_key)
            for suffix, p, lg in variants:
                design = template.build(kit, fmt.width, fmt.height, p, lg, None)
                problems += check(design, f"{key} {fmt_key}{suffix}")
                image = renderer.render_design(design, assets)
                kit_suffix = "" if args.kit == "default" else f"-{args.kit}"
                out = args.out / f"{key}-{fmt_key}{suffix}{kit_suffix}.png"
                if not image.save(str(out)):
                    print(f"could not write {out}", file=sys.stderr)
                    return 1
                print(out)
    if renderer.errors:
        print(f"image errors: {renderer.errors}", file=sys.stderr)
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
