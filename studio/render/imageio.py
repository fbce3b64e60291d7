"""Decode images the way creators hand them to us: any common format, rotated, in sRGB, safely.

Plain Pillow, no Qt. `decode` returns a fully loaded 8-bit RGBA image in sRGB with EXIF orientation
applied; `probe` reads only the header. Every failure is an `ImageError` whose `.message` tells a creator
what happened and what to do. Decompression bombs are refused from the header, before pixels are decoded.
"""

from __future__ import annotations

import functools
import io
import os
import re
import warnings
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageEnhance, ImageFilter, UnidentifiedImageError

MAX_PIXELS = 100_000_000
MAX_SIDE = 30_000

READABLE = "JPEG, PNG, WebP, GIF, BMP, TIFF, HEIC"
# Pillow format names we agree to open; MPO is how Pillow names many phone JPEGs.
_PIL_FORMATS = ("JPEG", "MPO", "PNG", "WEBP", "GIF", "BMP", "TIFF", "HEIF")
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1"}
# Same mapping as PIL.ImageOps.exif_transpose.
_ORIENTATION = {
    2: (Image.Transpose.FLIP_LEFT_RIGHT,),
    3: (Image.Transpose.ROTATE_180,),
    4: (Image.Transpose.FLIP_TOP_BOTTOM,),
    5: (Image.Transpose.TRANSPOSE,),
    6: (Image.Transpose.ROTATE_270,),
    7: (Image.Transpose.TRANSVERSE,),
    8: (Image.Transpose.ROTATE_90,),
}
_ALPHA_MODES = {"RGBA", "LA", "PA", "RGBa", "La"}
_CMS_SPACE = {"RGB": "RGB", "RGBA": "RGB", "L": "GRAY", "LA": "GRAY", "CMYK": "CMYK"}


class ImageError(Exception):
    """An image could not be read or written. `.message` is a sentence for the creator; `.kind` is for code:
    "empty", "damaged", "unsupported", "too_large", "missing_codec", "encode"."""

    def __init__(self, message: str, kind: str = "damaged") -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind


@dataclass(frozen=True)
class ImageInfo:
    width: int  # after EXIF orientation
    height: int
    format: str  # Pillow's name: "JPEG", "PNG", "WEBP", "GIF", "BMP", "TIFF", "HEIF"
    mode: str  # Pillow mode as stored in the file
    has_alpha: bool
    frames: int


# ----------------------------------------------------------------------------------------------- opening


def _subject(name: str) -> str:
    base = os.path.basename(name) if name else ""
    return f"“{base}”" if base else "This file"


def _sniff(data: bytes) -> str | None:
    """Name a known container from its first bytes (used only to word error messages)."""
    head = data[:16]
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if head.startswith(b"BM"):
        return "BMP"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "TIFF"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "HEIF"
    if head.startswith(b"%PDF"):
        return "PDF"
    return None


_HEIF_STATE: dict[str, bool] = {}


def _register_heif() -> bool:
    """Register pillow-heif's opener once; False when pillow-heif is not installed or broken."""
    if "ok" not in _HEIF_STATE:
        try:
            import pillow_heif

            pillow_heif.register_heif_opener()
            _HEIF_STATE["ok"] = True
        except Exception:  # an ImportError or a broken native library: both mean "no HEIC"
            _HEIF_STATE["ok"] = False
    return _HEIF_STATE["ok"]


def _too_large(name: str, width: int, height: int) -> ImageError:
    what = _subject(name)
    if max(width, height) > MAX_SIDE:
        msg = (
            f"{what} is {width:,} × {height:,} pixels; Content Studio opens images up to {MAX_SIDE:,} pixels "
            "on a side. Scale it down in an image editor and try again."
        )
    else:
        msg = (
            f"{what} is {width:,} × {height:,} pixels ({width * height / 1e6:.1f} million), more than the "
            f"{MAX_PIXELS // 1_000_000} million pixels Content Studio can open. "
            "Scale it down in an image editor and try again."
        )
    return ImageError(msg, "too_large")


def _damaged(name: str) -> ImageError:
    return ImageError(
        f"{_subject(name)} is damaged or incomplete, so it can't be opened. It may not have finished downloading "
        "or copying: get the file again, or export it again from the app it came from.",
        "damaged",
    )


def _check_size(name: str, width: int, height: int) -> None:
    if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
        raise _too_large(name, width, height)


_PLUGINS_LOADED: list[bool] = []


def _load_plugins() -> None:
    """Register just the formats we open (importing a plugin registers it). Image.init() would import all
    ~40 of Pillow's plugins, which costs a tenth of the studio's start-up."""
    if not _PLUGINS_LOADED:
        from PIL import (  # noqa: F401
            BmpImagePlugin,
            GifImagePlugin,
            JpegImagePlugin,
            MpoImagePlugin,
            PngImagePlugin,
            TiffImagePlugin,
            WebPImagePlugin,
        )

        _PLUGINS_LOADED.append(True)


def _open(data: bytes, name: str) -> Image.Image:
    """Open lazily (header only), enforcing the format list and the size limits. Raises ImageError."""
    what = _subject(name)
    if not data:
        raise ImageError(
            f"{what} is empty (0 bytes). Pick the original file again, or export it again from the app it came from.",
            "empty",
        )
    kind = _sniff(data)
    if kind == "HEIF" and not _register_heif():
        raise ImageError(
            f"{what} is a HEIC photo, and HEIC needs pillow-heif, which isn't installed. Install it "
            "(pip install pillow-heif) or export the photo as JPEG and try again.",
            "missing_codec",
        )
    if kind != "HEIF":
        _register_heif()  # harmless when missing; lets content sniffing find HEIC with unusual brands
    _load_plugins()
    formats = [f for f in _PIL_FORMATS if f in Image.OPEN]
    try:
        im = _pil_open(data, formats)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        # Pillow's own limit tripped (180 M pixels; or over 100 M under -W error): reword with our limit.
        raise ImageError(
            f"{what} is {_bomb_pixels(exc) / 1e6:.1f} million pixels, more than the {MAX_PIXELS // 1_000_000} "
            "million pixels Content Studio can open. Scale it down in an image editor and try again.",
            "too_large",
        ) from exc
    except UnidentifiedImageError as exc:
        if kind in _PIL_FORMATS:
            raise _damaged(name) from exc
        hint = " It looks like a PDF document." if kind == "PDF" else ""
        raise ImageError(
            f"{what} isn't an image Content Studio can read ({READABLE}).{hint} "
            "Export it as JPEG or PNG and try again.",
            "unsupported",
        ) from exc
    except MemoryError as exc:
        raise ImageError(f"{what} is too large to open with the memory available.", "too_large") from exc
    except Exception as exc:  # OSError, SyntaxError, struct.error...: the header is broken
        raise _damaged(name) from exc
    _check_size(name, *im.size)
    return im


def _bomb_pixels(exc: Exception) -> int:
    m = re.search(r"\((\d+) pixels\)", str(exc))
    return int(m.group(1)) if m else MAX_PIXELS + 1


def _pil_open(data: bytes, formats: list[str]) -> Image.Image:
    try:
        return Image.open(io.BytesIO(data), formats=formats)
    except Image.DecompressionBombError:
        raise
    except Warning as warning:
        if isinstance(warning, Image.DecompressionBombWarning) and _bomb_pixels(warning) > MAX_PIXELS:
            raise
        # Warnings raised as errors (python -W error, pytest filterwarnings): Pillow only meant to warn, e.g.
        # "Corrupt EXIF data" or a size between its 89 M warning threshold and our limit. Open again quietly.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return Image.open(io.BytesIO(data), formats=formats)


def _orientation(im: Image.Image) -> int:
    """The EXIF orientation (1..8), or 1 when absent or unreadable."""
    try:
        value = int(im.getexif().get(0x0112, 1))
    except Exception:  # a broken EXIF block (or its warning as an error) must never fail the decode
        return 1
    return value if 1 <= value <= 8 else 1


def _has_alpha(im: Image.Image) -> bool:
    return im.mode in _ALPHA_MODES or "transparency" in im.info or (im.mode == "P" and im.palette.mode == "RGBA")


# ------------------------------------------------------------------------------------------ public API


def probe(data: bytes, name: str = "") -> ImageInfo:
    """Read only the header: size (after EXIF orientation), format, mode, alpha, frame count."""
    im = _open(data, name)
    try:
        width, height = im.size
        if _orientation(im) in (5, 6, 7, 8):
            width, height = height, width
        try:
            frames = int(getattr(im, "n_frames", 1))
        except Exception:  # a broken later frame does not make the header unreadable
            frames = 1
        fmt = "JPEG" if im.format == "MPO" else str(im.format)
        return ImageInfo(width, height, fmt, im.mode, _has_alpha(im), frames)
    finally:
        im.close()


def decode(data: bytes, name: str = "") -> Image.Image:
    """Decode bytes into a fully loaded 8-bit RGBA image in sRGB with EXIF orientation applied.

    The format is found from the content; `name` is only used in error messages. Raises ImageError.
    """
    im = _open(data, name)
    try:
        im.load()  # first frame for GIF/WebP/TIFF; raises on truncated data unless LOAD_TRUNCATED_IMAGES
    except MemoryError as exc:
        raise ImageError(f"{_subject(name)} is too large to open with the memory available.", "too_large") from exc
    except Exception as exc:  # OSError "image file is truncated", SyntaxError, zlib errors...
        raise _damaged(name) from exc
    orientation = _orientation(im)
    icc = im.info.get("icc_profile") or b""
    try:
        out = _to_srgb_rgba(im, icc)
    except ImageError:
        raise
    except Exception as exc:  # a mode Pillow can't convert (LAB, HSV...)
        raise ImageError(
            f"{_subject(name)} uses a colour format (mode {im.mode}) Content Studio can't convert. "
            "Export it as an ordinary RGB JPEG or PNG and try again.",
            "unsupported",
        ) from exc
    finally:
        im.close()
    for method in _ORIENTATION.get(orientation, ()):
        out = out.transpose(method)
    out.info = {}
    return out


def downscaled(img: Image.Image, max_side: int) -> Image.Image:
    """A copy whose longer side is at most `max_side`, resampled with LANCZOS (reduce() first for big factors)."""
    if max_side < 1:
        raise ValueError(f"max_side must be at least 1, not {max_side}")
    w, h = img.size
    if max(w, h) <= max_side:
        return img.copy()
    scale = max_side / max(w, h)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return img.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def adjust(
    img: Image.Image, brightness: float = 0.0, contrast: float = 0.0, saturation: float = 0.0, blur: float = 0.0
) -> Image.Image:
    """A new RGBA image with the adjustments applied; the input is untouched and alpha is preserved.

    brightness, contrast, saturation: -1..1, 0 = unchanged (ImageEnhance factor 1 + v).
    blur: Gaussian radius in pixels (0 = none); colours are weighted by alpha so edges don't darken.
    """
    src = img if img.mode == "RGBA" else img.convert("RGBA")
    alpha = src.getchannel("A")
    rgb = src.convert("RGB")
    for enhancer, value in (
        (ImageEnhance.Brightness, brightness),
        (ImageEnhance.Contrast, contrast),
        (ImageEnhance.Color, saturation),
    ):
        v = min(1.0, max(-1.0, float(value)))
        if v:
            rgb = enhancer(rgb).enhance(max(0.0, 1.0 + v))
    radius = max(0.0, float(blur))
    if radius > 0:
        if alpha.getextrema() == (255, 255):
            rgb = rgb.filter(ImageFilter.GaussianBlur(radius))
        else:
            rgba = rgb.copy()
            rgba.putalpha(alpha)
            # Blur premultiplied colour, then un-premultiply by the blurred alpha: an alpha-weighted blur.
            rgb = rgba.convert("RGBa").filter(ImageFilter.GaussianBlur(radius)).convert("RGBA").convert("RGB")
    rgb.putalpha(alpha)
    return rgb


# ------------------------------------------------------------------------------------- colour handling


@functools.cache
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


@functools.lru_cache(maxsize=16)
def _transform(icc: bytes, in_mode: str, out_mode: str) -> ImageCms.ImageCmsTransform | None:
    """A cached transform from the embedded profile to sRGB, or None if the profile is unusable or sRGB."""
    try:
        src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if src.profile.xcolor_space.strip() != _CMS_SPACE[in_mode]:
            return None
        if in_mode in ("RGB", "RGBA") and "srgb" in (src.profile.profile_description or "").lower():
            return None  # already sRGB: skip the (near-identity) transform
        return ImageCms.buildTransform(src, _srgb(), in_mode, out_mode)
    except Exception:  # a broken profile: fall back to treating the pixels as sRGB
        return None


def _apply_profile(im: Image.Image, icc: bytes) -> Image.Image:
    """Convert RGB/RGBA/L/LA/CMYK pixels from the embedded profile to sRGB (RGB/RGBA); unchanged on failure."""
    if not icc or im.mode not in _CMS_SPACE:
        return im
    alpha = im.getchannel("A") if im.mode in ("RGBA", "LA") else None
    base = {"RGBA": "RGB", "LA": "L"}.get(im.mode, im.mode)
    transform = _transform(bytes(icc), base, "RGB")
    if transform is None:
        return im
    try:
        out = transform.apply(im if alpha is None else im.convert(base))
    except Exception:
        return im
    if alpha is not None:
        out.putalpha(alpha)
    return out


def _deep_to_l(im: Image.Image) -> Image.Image:
    """16-bit and 32-bit integer or float grey to 8-bit L with the brightness kept."""
    if im.mode.startswith("I;16"):
        return im.convert("I").point(lambda v: v * (1 / 257) + 0.5).convert("L")
    if im.mode in ("F", "I"):
        lo, hi = im.getextrema()
        if im.mode == "F" and lo >= 0 and hi <= 1:
            scale, offset = 255.0, 0.5
        elif lo >= 0 and hi <= (65535 if im.mode == "I" else 255):
            scale, offset = (1 / 257 if im.mode == "I" else 1.0), 0.5
        else:  # out of any usual range: stretch what is there
            scale = 255.0 / (hi - lo) if hi > lo else 0.0
            offset = 0.5 - lo * scale
        return im.point(lambda v: v * scale + offset).convert("L")
    return im


def _to_srgb_rgba(im: Image.Image, icc: bytes) -> Image.Image:
    mode = im.mode
    if mode.startswith("I") or mode == "F":
        work = _deep_to_l(im)
    elif mode in ("P", "PA", "RGBa", "RGBX") or (mode in ("RGB", "L") and "transparency" in im.info):
        work = im.convert("RGBA")
    elif mode == "La":
        work = im.convert("LA")
    elif mode == "1":
        work = im.convert("L")
    elif mode in _CMS_SPACE:
        work = im
    else:  # YCbCr, LAB, HSV...
        work = im.convert("RGB")
    work = _apply_profile(work, icc)
    if work is not im and work.mode == "RGBA":
        return work  # already a fresh copy: don't copy again
    return work.convert("RGBA")


def video_format(data: bytes) -> str | None:
    """MP4/MOV/WebM from the first bytes (durations need a video prober: not known yet)."""
    head = data[:12]
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "webm"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1",
                     b"avif", b"avis"):
            return None  # HEIF/AVIF images share the container
        return "mov" if brand == b"qt  " else "mp4"
    return None
