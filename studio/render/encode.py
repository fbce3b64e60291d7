"""Encode finished images as JPEG, PNG or WebP, and search the quality that fits a network's size limit.

Plain Pillow, no Qt. Output is always sRGB with no EXIF (so no location or camera data leaks and no
orientation tag can rotate the export twice); JPEG and WebP carry an sRGB ICC profile.
"""

from __future__ import annotations

import functools
import io
import math
import os
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageColor

from studio.render.imageio import ImageError

MIN_BYTES = 1000  # below this no useful image fits
MIN_SIDE = 16  # encode_under never shrinks an image below this many pixels on its shorter side
FULL_CHROMA_QUALITY = 90  # JPEG at this quality and above keeps full colour resolution (4:4:4), below 4:2:0
_SHRINK_STEP = 0.9


@dataclass(frozen=True)
class FormatInfo:
    name: str  # for people: "JPEG"
    pil: str  # Pillow's format name
    extensions: tuple[str, ...]  # first one is the default
    mime: str
    alpha: bool  # keeps transparency


FORMATS: dict[str, FormatInfo] = {
    "jpeg": FormatInfo("JPEG", "JPEG", (".jpg", ".jpeg"), "image/jpeg", False),
    "png": FormatInfo("PNG", "PNG", (".png",), "image/png", True),
    "webp": FormatInfo("WebP", "WEBP", (".webp",), "image/webp", True),
}
EXTENSIONS: dict[str, str] = {ext: fmt for fmt, info in FORMATS.items() for ext in info.extensions}
_ALIASES = {"jpg": "jpeg"}


@dataclass(frozen=True)
class EncodeResult:
    data: bytes
    quality: int  # the quality used (100 for PNG, which is lossless)
    scaled: float  # 1.0, or the factor the image was shrunk by to fit


def format_for_path(path: str | os.PathLike[str]) -> str:
    """Return "jpeg", "png" or "webp" from a file name's extension (case-insensitive). ValueError otherwise."""
    ext = os.path.splitext(os.fspath(path))[1].lower()
    try:
        return EXTENSIONS[ext]
    except KeyError:
        known = ", ".join(f"{info.name} ({', '.join(info.extensions)})" for info in FORMATS.values())
        what = f"the extension {ext}" if ext else "no extension"
        raise ValueError(
            f"“{os.path.basename(os.fspath(path))}” has {what}; Content Studio can save {known}."
        ) from None


def _format(fmt: str) -> str:
    key = _ALIASES.get(fmt.lower().lstrip("."), fmt.lower().lstrip("."))
    if key not in FORMATS:
        raise ValueError(f"unknown image format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return key


@functools.cache
@functools.cache
def _srgb_icc() -> bytes:
    """An sRGB profile with a fixed creation date (header bytes 24..35), so exports are byte-identical
    from run to run."""
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[24:36] = bytes([0x07, 0xE6, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0])  # 2022-01-01 00:00:00
    return bytes(data)


def _has_alpha(img: Image.Image) -> bool:
    return img.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in img.info


def _prepare(img: Image.Image, fmt: str, background: str = "#ffffff") -> Image.Image:
    """A new RGB or RGBA image ready to save: JPEG flattened onto `background`, opaque alpha dropped, no metadata."""
    if _has_alpha(img):
        rgba = img.convert("RGBA")
        if rgba.getchannel("A").getextrema() == (255, 255):
            out = rgba.convert("RGB")
        elif FORMATS[fmt].alpha:
            out = rgba
        else:
            try:
                bg = ImageColor.getrgb(background)[:3]
            except ValueError:
                raise ValueError(f"not a colour: {background!r} (expected e.g. #ffffff)") from None
            out = Image.alpha_composite(Image.new("RGBA", rgba.size, (*bg, 255)), rgba).convert("RGB")
    else:
        out = img.convert("RGB")  # always a new image, so clearing info below never touches the caller's
    out.info = {}
    return out


def _save(img: Image.Image, fmt: str, quality: int, optimize: bool = False) -> bytes:
    """Encode a prepared image. The single place where bytes are produced (tests count calls here)."""
    buf = io.BytesIO()
    try:
        if fmt == "jpeg":
            subsampling = "4:2:0" if quality < FULL_CHROMA_QUALITY else "4:4:4"
            options = {"quality": quality, "subsampling": subsampling, "icc_profile": _srgb_icc()}
            try:
                img.save(buf, "JPEG", optimize=True, progressive=True, **options)
            except OSError:
                # Pillow sizes the whole-file buffer that optimize/progressive need at width*height bytes; extreme
                # detail (noise) at high quality overflows it ("Suspension not allowed here"). Baseline streams.
                buf = io.BytesIO()
                img.save(buf, "JPEG", **options)
        elif fmt == "webp":
            img.save(buf, "WEBP", quality=quality, method=4, icc_profile=_srgb_icc())
        else:
            img.save(buf, "PNG", optimize=optimize, compress_level=9 if optimize else 6)
    except (OSError, ValueError) as exc:
        raise ImageError(
            f"The image ({img.width:,} × {img.height:,} pixels) couldn't be saved as {FORMATS[fmt].name}: {exc}. "
            "Try a smaller size or another format.",
            "encode",
        ) from exc
    return buf.getvalue()


def _clamp_quality(q: int) -> int:
    return max(1, min(100, int(q)))


def encode(img: Image.Image, fmt: str, quality: int = 90, background: str = "#ffffff") -> bytes:
    """Encode as "jpeg", "png" or "webp". JPEG flattens transparency onto `background`. Raises ImageError."""
    key = _format(fmt)
    return _save(_prepare(img, key, background), key, _clamp_quality(quality))


def encode_under(
    img: Image.Image,
    fmt: str,
    max_bytes: int,
    quality: int = 90,
    min_quality: int = 40,
    background: str = "#ffffff",
) -> EncodeResult:
    """Encode at the highest quality in [min_quality, quality] whose file is at most `max_bytes`.

    JPEG/WebP: try `quality`, then `min_quality`, then a binary search between them. If even min_quality is
    too big, shrink the image (estimated from the size, at least 10 % a step) at min_quality. PNG: normal,
    then optimized, then shrink. About 8 encodes at most for a 1080x1350 image. Raises ImageError if the
    limit can't be met.
    """
    key = _format(fmt)
    name = FORMATS[key].name
    if max_bytes < MIN_BYTES:
        raise ImageError(
            f"A file limit of {max_bytes:,} bytes is too small for any {name} image; it must be at least "
            f"{MIN_BYTES:,} bytes.",
            "encode",
        )
    base = _prepare(img, key, background)
    if key == "png":
        data = _save(base, key, 100)
        if len(data) <= max_bytes:
            return EncodeResult(data, 100, 1.0)
        data = _save(base, key, 100, optimize=True)
        if len(data) <= max_bytes:
            return EncodeResult(data, 100, 1.0)
        return _shrink(base, key, 100, max_bytes, len(data), optimize=True)

    high = _clamp_quality(quality)
    low = min(_clamp_quality(min_quality), high)
    data = _save(base, key, high)
    if len(data) <= max_bytes:
        return EncodeResult(data, high, 1.0)
    if low == high:
        return _shrink(base, key, low, max_bytes, len(data))
    best = _save(base, key, low)
    if len(best) > max_bytes:
        return _shrink(base, key, low, max_bytes, len(best))
    best_q, lo, hi = low, low + 1, high - 1
    while lo <= hi:  # invariant: best_q fits, everything above hi doesn't
        mid = (lo + hi) // 2
        data = _save(base, key, mid)
        if len(data) <= max_bytes:
            best, best_q, lo = data, mid, mid + 1
        else:
            hi = mid - 1
    return EncodeResult(best, best_q, 1.0)


def _shrink(
    base: Image.Image, fmt: str, quality: int, max_bytes: int, last_size: int, optimize: bool = False
) -> EncodeResult:
    """Downscale until the encoded file fits; the file size is roughly proportional to the pixel count."""
    w, h = base.size
    scale = 1.0
    while True:
        estimate = math.sqrt(max_bytes / last_size) * 0.97
        scale *= min(_SHRINK_STEP, estimate)
        size = (round(w * scale), round(h * scale))
        if min(size) < MIN_SIDE:
            break
        small = base.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
        data = _save(small, fmt, quality, optimize)
        if len(data) <= max_bytes:
            return EncodeResult(data, quality, scale)
        last_size = len(data)
    raise ImageError(
        f"This image can't be made to fit in {max_bytes:,} bytes as {FORMATS[fmt].name}, even shrunk to "
        f"{MIN_SIDE} pixels. Use a larger limit or another format.",
        "encode",
    )
