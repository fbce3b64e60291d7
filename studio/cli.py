"""The command line: the studio window by default, and the headless commands (DESIGN.md §10)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from studio import __version__, cli_import, cli_publish, cli_queue

PREVIEW_MEDIA_SIDE = 2000  # media are drawn at most this large for a preview (the widest preview is 2000 px)
SIZE_UNITS = {"b": 1, "kb": 1000, "k": 1000, "mb": 1000_000, "m": 1000_000}


def parse_bytes(text: str) -> int:
    t = text.strip().lower().replace(" ", "")
    for unit in sorted(SIZE_UNITS, key=len, reverse=True):
        if t.endswith(unit):
            number = t[: -len(unit)]
            try:
                return int(float(number) * SIZE_UNITS[unit])
            except ValueError:
                break
    try:
        return int(t)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 900KB or 1MB") from None


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="studio", description="Content Studio: design, preview and publish posts.")
    p.add_argument("--version", action="version", version=f"Content Studio {__version__}")
    sub = p.add_subparsers(dest="command")

    o = sub.add_parser("open", help="open a .studio file in the studio window")
    o.add_argument("file", type=Path)

    n = sub.add_parser("new", help="make a post from the command line")
    n.add_argument("--template", help="template key (see 'studio templates')")
    n.add_argument("--format", dest="size", help="WIDTHxHEIGHT or a preset: square, portrait, story, link, landscape")
    n.add_argument("--text", help="the post's text (caption)")
    n.add_argument("--title", help="the design's headline")
    n.add_argument("--image", type=Path, help="a photo for the design")
    n.add_argument("--attach", type=Path, action="append", default=[], metavar="FILE",
                   help="a photo or video to post after the design (repeatable: a carousel, an album)")
    n.add_argument("--alt", action="append", default=[], metavar="TEXT",
                   help="alt text, repeatable: the first for the design, then one per --attach file")
    n.add_argument("--target", action="append", default=[], metavar="ID",
                   help="a network the post goes to, e.g. bluesky or instagram:feed (repeatable)")
    n.add_argument("-o", "--output", type=Path, required=True, help="the .studio file to write")

    r = sub.add_parser("render", help="export a post's design as an image, without a display")
    r.add_argument("file", type=Path)
    r.add_argument("-o", "--output", type=Path, required=True, help="OUT.jpg, OUT.png or OUT.webp")
    r.add_argument("--quality", type=int, default=90, help="JPEG/WebP quality 1-100 (default 90)")
    r.add_argument("--max-size", type=parse_bytes, help="fit the file under this size, e.g. 1MB")
    r.add_argument("--media", type=int, default=1, help="which design of the post (1 = first)")

    sub.add_parser("templates", help="list the templates")

    c = sub.add_parser("check", help="the problems of a post on each target; exit 1 if any is an error")
    c.add_argument("file", type=Path)
    c.add_argument("--target", action="append", metavar="ID",
                   help="a target id such as x, bluesky or instagram:story (repeatable; default: the post's "
                        "targets, or all)")
    c.add_argument("--json", action="store_true", help="print the result as JSON")

    v = sub.add_parser("preview", help="draw a post the way one network shows it, as a PNG")
    v.add_argument("file", type=Path)
    v.add_argument("--target", required=True, metavar="ID", help="a target id such as x, bluesky or instagram:story")
    v.add_argument("-o", "--output", type=Path, required=True, help="OUT.png")
    v.add_argument("--theme", choices=("light", "dark"), default="light")
    v.add_argument("--expanded", action="store_true", help="show the text past the network's '…more' fold")
    v.add_argument("--width", type=int, default=420, help="the preview's width in pixels (200-2000, default 420)")

    cli_publish.add_parsers(sub)
    cli_queue.add_parsers(sub)
    cli_import.add_parsers(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in (None, "open"):
        from studio.app import run_gui

        return run_gui(getattr(args, "file", None))
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def cmd_templates(args: argparse.Namespace) -> int:
    from studio.core.templates import TEMPLATES

    for key, t in TEMPLATES.items():
        print(f"{key:16} {t.name} ({t.format}): {t.description}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from studio.checking import require_targets
    from studio.logic import StudioError, attach_files, new_document
    from studio.store.project_file import ProjectError, save

    if len(args.alt) > 1 + len(args.attach):
        return _fail(f"{len(args.alt)} --alt texts for {1 + len(args.attach)} images (the design and each --attach)")
    try:
        require_targets(args.target)
        doc = new_document(args.template, args.size, args.title, args.text, args.image)
        if args.alt:
            doc.post.media[0].alt = args.alt[0]
        doc.post.media += attach_files(doc, args.attach, args.alt[1:])
        doc.post.targets = list(dict.fromkeys(args.target))
    except (StudioError, ValueError) as e:
        return _fail(getattr(e, "message", str(e)))
    try:
        save(doc, args.output)
    except ProjectError as e:
        return _fail(e.message)
    print(args.output)
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from studio.render.compose import Renderer
    from studio.render.encode import format_for_path
    from studio.render.export import export_design
    from studio.render.imageio import ImageError
    from studio.store.project_file import ProjectError, load

    try:
        fmt = format_for_path(args.output)
    except ValueError as e:
        return _fail(str(e))
    if not 1 <= args.quality <= 100:
        return _fail("--quality must be between 1 and 100")
    try:
        doc = load(args.file)
    except ProjectError as e:
        return _fail(e.message)
    designs = doc.post.designs()
    if not designs:
        return _fail(f"{args.file} has no design to render")
    if not 1 <= args.media <= len(designs):
        return _fail(f"--media must be between 1 and {len(designs)}")
    renderer = Renderer()
    try:
        out = export_design(designs[args.media - 1], doc.assets, fmt, args.quality, args.max_size, renderer)
    except ImageError as e:
        return _fail(e.message)
    try:
        tmp = args.output.with_name(args.output.name + ".part")
        tmp.write_bytes(out.data)
        tmp.replace(args.output)
    except OSError as e:
        return _fail(f"could not write {args.output}: {e.strerror or e}")
    for message in renderer.errors.values():  # the editor shows these in its inspector; here nothing else would
        print(f"warning: an image was drawn as a placeholder: {message}", file=sys.stderr)
    print(f"{args.output}: {out.width}x{out.height} {fmt} quality {out.quality}, {len(out.data)} bytes")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from studio.checking import check_document, format_reports, require_targets
    from studio.store.project_file import ProjectError, load

    try:
        require_targets(args.target or [])
    except ValueError as e:  # the message lists the valid target ids
        return _fail(str(e))
    try:
        doc = load(args.file)
    except ProjectError as e:
        return _fail(e.message)
    reports = check_document(doc, args.target)
    print(format_reports(reports, args.json))
    return 1 if any(r.has_error for r in reports) else 0


def cmd_preview(args: argparse.Namespace) -> int:
    from studio.networks.registry import resolve
    from studio.networks.validate import effective_text, text_limit, variant_for
    from studio.preview import LinkCard, PreviewInput, render_preview
    from studio.render.compose import Renderer
    from studio.render.thumbs import media_image
    from studio.store.project_file import ProjectError, load

    if not 200 <= args.width <= 2000:
        return _fail("--width must be between 200 and 2000")
    try:
        network, caps = resolve(args.target)
    except ValueError as e:  # the message lists the valid targets
        return _fail(str(e))
    try:
        doc = load(args.file)
    except ProjectError as e:
        return _fail(e.message)
    post = doc.post
    renderer = Renderer()
    media = [media_image(m, doc.assets, renderer, PREVIEW_MEDIA_SIDE) for m in post.posted_media()]
    text = effective_text(post, caps.short_id)
    variant = variant_for(post, caps.short_id)
    inp = PreviewInput(
        target=caps.short_id, text=text, media=media, thread=list(variant.thread) if variant else [],
        link_card=LinkCard(url=post.link, state="offline") if post.link else None,  # the CLI never fetches
        theme=args.theme, expanded=args.expanded, title=post.title,
        focus=[(m.focus_x, m.focus_y) for m in post.posted_media()],
        count=network.count(text, caps.placement) if caps.text_limit is not None else None,
        limit=text_limit(caps, post))
    image = render_preview(inp, args.width)
    tmp = args.output.with_name(args.output.name + ".part")
    if not image.save(str(tmp), "PNG"):
        tmp.unlink(missing_ok=True)
        return _fail(f"could not write {args.output}")
    try:
        tmp.replace(args.output)
    except OSError as e:
        return _fail(f"could not write {args.output}: {e.strerror or e}")
    for message in renderer.errors.values():
        print(f"warning: an image was drawn as a placeholder: {message}", file=sys.stderr)
    print(f"{args.output}: {caps.name} preview, {image.width()}x{image.height()} {args.theme}")
    return 0


COMMANDS = {"new": cmd_new, "render": cmd_render, "templates": cmd_templates, "check": cmd_check,
            "preview": cmd_preview, "accounts": cli_publish.cmd_accounts, "publish": cli_publish.cmd_publish,
            "queue": cli_queue.cmd_queue, "import": cli_import.cmd_import}
