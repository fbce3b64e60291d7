"""Decoding: every format, orientation, colour profiles, odd modes, damaged files and decompression bombs.

Every fixture is made here with Pillow or by writing the file format's bytes directly.
"""

from __future__ import annotations

import io
import random
import resource
import struct
import warnings
import zlib
from collections.abc import Iterable

import pytest
from PIL import Image, ImageCms, ImageOps

from studio.render import imageio
from studio.render.imageio import ImageError, adjust, decode, downscaled, probe

RED = (255, 0, 0)


def save(img: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def close(a: Iterable[int], b: Iterable[int], tol: int = 8) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


def noise(size: tuple[int, int], seed: int = 1) -> Image.Image:
    return Image.frombytes("RGB", size, random.Random(seed).randbytes(size[0] * size[1] * 3))


def quadrant_image(size: tuple[int, int] = (40, 20)) -> Image.Image:
    """White, with the top-left quadrant red: shows where the stored top-left corner ends up."""
    img = Image.new("RGB", size, (255, 255, 255))
    img.paste(RED, (0, 0, size[0] // 2, size[1] // 2))
    return img


def png_bytes(width: int, height: int, depth: int, color_type: int, raw: Iterable[bytes]) -> bytes:
    """A PNG written by hand from already-filtered scanline data (streamed, so huge images stay small)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    comp = zlib.compressobj(9)
    idat = b"".join(comp.compress(part) for part in raw) + comp.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, depth, color_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def blank_1bit_png(width: int, height: int) -> bytes:
    row = b"\x00" * (1 + (width + 7) // 8)
    rows_per_part = max(1, 2_000_000 // len(row))
    parts = (row * min(rows_per_part, height - y) for y in range(0, height, rows_per_part))
    return png_bytes(width, height, 1, 0, parts)


def icc_profile(
    red: tuple[float, float, float], green: tuple[float, float, float], blue: tuple[float, float, float]
) -> bytes:
    """A minimal ICC v2 RGB matrix/TRC display profile (gamma 2.2) with the given D50 primaries."""

    def s15(v: float) -> bytes:
        return struct.pack(">i", round(v * 65536))

    def xyz(v: tuple[float, float, float]) -> bytes:
        return b"XYZ \0\0\0\0" + b"".join(s15(c) for c in v)

    desc_text = b"Test swapped primaries\0"
    desc = b"desc\0\0\0\0" + struct.pack(">I", len(desc_text)) + desc_text + b"\0" * (4 + 4 + 2 + 1 + 67)
    curv = b"curv\0\0\0\0" + struct.pack(">IH", 1, round(2.2 * 256)) + b"\0\0"
    d50 = (0.9642, 1.0, 0.8249)
    tags = [
        (b"desc", desc),
        (b"cprt", b"text\0\0\0\0none\0"),
        (b"wtpt", xyz(d50)),
        (b"rXYZ", xyz(red)),
        (b"gXYZ", xyz(green)),
        (b"bXYZ", xyz(blue)),
        (b"rTRC", curv),
        (b"gTRC", curv),
        (b"bTRC", curv),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, body = b"", b""
    for sig, data in tags:
        data += b"\0" * (-len(data) % 4)
        table += sig + struct.pack(">II", offset + len(body), len(data))
        body += data
    size = offset + len(body)
    header = (
        struct.pack(">I4sI4s4s4s", size, b"lcms", 0x02100000, b"mntr", b"RGB ", b"XYZ ")
        + b"\0" * 12
        + b"acsp"
        + b"\0" * 24
        + struct.pack(">I", 0)
        + b"".join(s15(c) for c in d50)
        + b"\0" * 48
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + body


# sRGB primaries adapted to D50, as in every sRGB matrix profile
SRGB_R, SRGB_G, SRGB_B = (0.4361, 0.2225, 0.0139), (0.3851, 0.7169, 0.0971), (0.1431, 0.0606, 0.7141)


# ------------------------------------------------------------------------------------------- formats


@pytest.mark.parametrize(
    "fmt, kw",
    [("JPEG", {"quality": 95}), ("PNG", {}), ("WEBP", {"quality": 95}), ("GIF", {}), ("BMP", {}), ("TIFF", {})],
)
def test_each_format_decodes_to_rgba(fmt: str, kw: dict[str, object]) -> None:
    data = save(Image.new("RGB", (37, 23), RED), fmt, **kw)
    img = decode(data, f"x.{fmt.lower()}")
    assert img.mode == "RGBA" and img.size == (37, 23)
    assert close(img.getpixel((18, 11)), (*RED, 255))
    info = probe(data)
    assert (info.width, info.height, info.format, info.frames) == (37, 23, fmt, 1)


def test_heic_decodes() -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    try:
        data = save(Image.new("RGB", (64, 48), RED), "HEIF", quality=95)
    except Exception as exc:  # any failure means this build has no usable HEIC encoder
        pytest.skip(f"this pillow-heif build cannot encode HEIC: {exc}")
    img = decode(data, "photo.heic")
    assert img.mode == "RGBA" and img.size == (64, 48)
    assert close(img.getpixel((32, 24)), (*RED, 255), tol=24)
    assert probe(data).format == "HEIF"
    exif = Image.Exif()
    exif[0x0112] = 6
    rotated = save(quadrant_image((40, 20)), "HEIF", quality=95, exif=exif.tobytes())
    img = decode(rotated)  # pillow-heif rotates and resets the tag: rotated once, not twice
    assert img.size == (20, 40)
    assert close(img.getpixel((15, 5)), (*RED, 255), tol=30)


def test_heic_without_pillow_heif_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(imageio, "_register_heif", lambda: False)
    fake_heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"\0" * 64
    with pytest.raises(ImageError, match="pillow-heif") as err:
        decode(fake_heic, "IMG_0001.HEIC")
    assert err.value.kind == "missing_codec" and "IMG_0001.HEIC" in err.value.message


def test_content_not_extension_decides() -> None:
    img = decode(save(Image.new("RGB", (10, 10), RED), "PNG"), "holiday.jpg")
    assert img.getpixel((5, 5)) == (*RED, 255)


def test_gif_first_frame_and_frame_count() -> None:
    frames = [Image.new("RGB", (16, 16), c) for c in (RED, (0, 0, 255))]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:], duration=100)
    assert decode(buf.getvalue()).getpixel((8, 8)) == (*RED, 255)
    assert probe(buf.getvalue()).frames == 2


# --------------------------------------------------------------------------------------- orientation


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_matches_pillow(orientation: int) -> None:
    exif = Image.Exif()
    exif[0x0112] = orientation
    data = save(quadrant_image(), "PNG", exif=exif)
    expected = ImageOps.exif_transpose(Image.open(io.BytesIO(data))).convert("RGBA")
    img = decode(data)
    assert img.size == expected.size and img.tobytes() == expected.tobytes()
    assert (probe(data).width, probe(data).height) == img.size


def test_exif_orientation_6_rotates_clockwise_in_jpeg() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6
    img = decode(save(quadrant_image((40, 20)), "JPEG", quality=95, exif=exif), "phone.jpg")
    assert img.size == (20, 40)  # width and height swapped
    assert close(img.getpixel((15, 5)), (*RED, 255), tol=30)  # stored top-left is now top-right
    assert close(img.getpixel((4, 5)), (255, 255, 255, 255), tol=30)
    assert close(img.getpixel((15, 35)), (255, 255, 255, 255), tol=30)
    info = probe(save(quadrant_image((40, 20)), "JPEG", exif=exif))
    assert (info.width, info.height) == (20, 40)


@pytest.mark.filterwarnings("error")  # Pillow warns "Corrupt EXIF data"; even as an error it must not fail
@pytest.mark.parametrize("garbage", [b"II*\x00\x08\x00\x00\x00" + b"\xff" * 40, random.Random(3).randbytes(60), b""])
def test_broken_exif_block_still_decodes(garbage: bytes) -> None:
    jpeg = save(Image.new("RGB", (30, 20), RED), "JPEG")
    payload = b"Exif\x00\x00" + garbage
    app1 = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    data = jpeg[:2] + app1 + jpeg[2:]  # right after SOI
    img = decode(data, "broken-exif.jpg")
    assert img.size == (30, 20) and close(img.getpixel((15, 10)), (*RED, 255))
    assert (probe(data).width, probe(data).height) == (30, 20)


# ------------------------------------------------------------------------------------ colour and modes


def test_cmyk_jpeg_with_adobe_marker_becomes_rgb() -> None:
    data = save(Image.new("CMYK", (16, 16), (0, 255, 255, 0)), "JPEG", quality=95)
    assert Image.open(io.BytesIO(data)).info.get("adobe") is not None  # libjpeg writes the (inverted) Adobe form
    img = decode(data)
    assert img.mode == "RGBA" and close(img.getpixel((8, 8)), (255, 0, 0, 255), tol=12)
    cyan = decode(save(Image.new("CMYK", (16, 16), (255, 0, 0, 0)), "JPEG", quality=95))
    assert close(cyan.getpixel((8, 8)), (0, 255, 255, 255), tol=12)


def test_cmyk_tiff_becomes_rgb() -> None:
    img = decode(save(Image.new("CMYK", (8, 8), (0, 0, 255, 128)), "TIFF"))
    assert close(img.getpixel((4, 4)), (127, 127, 0, 255), tol=3)


def test_16bit_grey_png_keeps_brightness() -> None:
    data = save(Image.new("I;16", (8, 8), 32768), "PNG")
    assert Image.open(io.BytesIO(data)).mode.startswith("I")
    assert close(decode(data).getpixel((3, 3)), (128, 128, 128, 255), tol=1)
    assert decode(save(Image.new("I;16", (8, 8), 65535), "PNG")).getpixel((0, 0)) == (255, 255, 255, 255)


@pytest.mark.parametrize(
    "color_type, sample, expected",
    [
        (2, (65535, 32896, 0), (255, 128, 0, 255)),
        (6, (0, 65535, 65535, 32896), (0, 255, 255, 128)),
        (4, (16448, 65535), (64, 64, 64, 255)),
    ],
)
def test_16bit_colour_png_keeps_values(color_type: int, sample: tuple[int, ...], expected: tuple[int, ...]) -> None:
    row = b"\x00" + struct.pack(f">{len(sample)}H", *sample) * 4
    img = decode(png_bytes(4, 3, 16, color_type, [row * 3]))
    assert img.size == (4, 3) and close(img.getpixel((2, 1)), expected, tol=1)


@pytest.mark.parametrize("mode, value, expected", [("I;16", 51400, 200), ("I", 40000, 156), ("F", 0.5, 128)])
def test_deep_tiff_modes(mode: str, value: float, expected: int) -> None:
    img = decode(save(Image.new(mode, (6, 6), value), "TIFF"))
    assert close(img.getpixel((1, 1)), (expected, expected, expected, 255), tol=1)


def test_palette_with_transparency() -> None:
    pal = Image.new("P", (10, 10), 1)
    pal.putpalette([0, 0, 0, 255, 0, 0, 0, 0, 255] + [0] * 759)
    pal.paste(2, (0, 0, 5, 10))
    for fmt in ("PNG", "GIF"):
        img = decode(save(pal, fmt, transparency=2))
        assert img.getpixel((2, 2))[3] == 0
        assert img.getpixel((7, 7)) == (255, 0, 0, 255)
        assert probe(save(pal, fmt, transparency=2)).has_alpha


@pytest.mark.parametrize(
    "img, pixel",
    [
        (Image.new("LA", (4, 4), (100, 50)), (100, 100, 100, 50)),
        (Image.new("L", (4, 4), 77), (77, 77, 77, 255)),
        (Image.new("1", (4, 4), 1), (255, 255, 255, 255)),
        (Image.new("RGBA", (4, 4), (1, 2, 3, 4)), (1, 2, 3, 4)),
    ],
)
def test_grey_alpha_and_1bit(img: Image.Image, pixel: tuple[int, ...]) -> None:
    out = decode(save(img, "PNG"))
    assert out.mode == "RGBA" and out.getpixel((1, 1)) == pixel


def test_srgb_profile_decodes_unchanged() -> None:
    src = Image.new("RGB", (8, 8), (200, 100, 50))
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    for fmt in ("PNG", "JPEG"):
        assert close(decode(save(src, fmt, icc_profile=srgb, quality=95)).getpixel((4, 4)), (200, 100, 50, 255), 3)


def test_non_srgb_profile_is_converted_to_srgb() -> None:
    swapped = icc_profile(SRGB_G, SRGB_R, SRGB_B)  # the file's "red" channel holds green
    for fmt in ("PNG", "JPEG"):
        img = decode(save(Image.new("RGB", (8, 8), RED), fmt, icc_profile=swapped, quality=95))
        assert close(img.getpixel((4, 4)), (0, 255, 0, 255), tol=10), fmt
    alpha = decode(save(Image.new("RGBA", (8, 8), (255, 0, 0, 90)), "PNG", icc_profile=swapped))
    assert close(alpha.getpixel((4, 4)), (0, 255, 0, 90), tol=10)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_garbage_icc_profile_is_ignored(fmt: str) -> None:
    img = decode(save(Image.new("RGB", (8, 8), RED), fmt, icc_profile=b"not a profile" * 20, quality=95))
    assert close(img.getpixel((4, 4)), (*RED, 255))


# -------------------------------------------------------------------------------------------- errors


def test_empty_file() -> None:
    with pytest.raises(ImageError, match="empty") as err:
        decode(b"", "IMG_2024.jpg")
    assert err.value.kind == "empty" and "IMG_2024.jpg" in err.value.message
    with pytest.raises(ImageError):
        probe(b"")


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_truncated_file(fmt: str) -> None:
    data = save(noise((200, 200)), fmt)
    for cut in (len(data) // 2, 40):
        with pytest.raises(ImageError, match="damaged or incomplete") as err:
            decode(data[:cut], "half.img")
        assert err.value.kind == "damaged" and "half.img" in err.value.message


@pytest.mark.parametrize(
    "data, name",
    [
        (random.Random(0).randbytes(5000), "random.bin"),
        (b"Dear diary,\nToday I posted.\n", "notes.jpg"),
        (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n", "flyer.pdf"),
    ],
)
def test_not_an_image(data: bytes, name: str) -> None:
    with pytest.raises(ImageError) as err:
        decode(data, name)
    assert err.value.kind == "unsupported" and name in err.value.message
    assert "isn't an image Content Studio can read (JPEG, PNG, WebP, GIF, BMP, TIFF, HEIC)" in err.value.message
    assert str(err.value) == err.value.message


def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("size", [(20000, 20000), (12000, 12000), (40000, 10)])
def test_decompression_bomb_refused_from_header(size: tuple[int, int]) -> None:
    data = blank_1bit_png(*size)
    assert len(data) < 1_000_000  # small file, enormous image
    before = _max_rss_mb()
    for func in (decode, probe):
        with pytest.raises(ImageError) as err:
            func(data, "bomb.png")  # type: ignore[operator]
        assert err.value.kind == "too_large"
        assert "100 million pixels" in err.value.message or "30,000 pixels on a side" in err.value.message
    assert _max_rss_mb() - before < 100  # nothing close to the full image was allocated
    if size == (20000, 20000):
        assert "400.0 million" in err.value.message


def test_image_between_pillow_and_our_limit_opens_even_if_warnings_are_errors() -> None:
    data = blank_1bit_png(10000, 9500)  # 95 M pixels: over Pillow's 89.5 M warning, under our 100 M
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        info = probe(data)
    assert (info.width, info.height) == (10000, 9500)


# ------------------------------------------------------------------------------------ resize, adjust


def test_downscaled() -> None:
    big = Image.new("RGBA", (4000, 3000), (10, 200, 30, 255))
    small = downscaled(big, 1000)
    assert small.size == (1000, 750) and small.getpixel((500, 300)) == (10, 200, 30, 255)
    same = downscaled(small, 2000)
    assert same.size == (1000, 750) and same is not small
    assert downscaled(Image.new("RGBA", (5000, 7)), 100).size == (100, 1)


def test_adjust_neutral_and_extremes() -> None:
    img = Image.new("RGBA", (8, 8), (200, 100, 50, 180))
    assert adjust(img, 0, 0, 0, 0).tobytes() == img.tobytes()
    assert adjust(img, brightness=-1).getpixel((1, 1)) == (0, 0, 0, 180)
    r, g, b, a = adjust(img, saturation=-1).getpixel((1, 1))
    assert r == g == b and a == 180
    brighter = adjust(img, brightness=0.5).getpixel((1, 1))
    assert brighter[1] > 100 and brighter[3] == 180
    assert adjust(img, brightness=-5).getpixel((1, 1)) == (0, 0, 0, 180)  # clamped, not an error
    assert img.getpixel((1, 1)) == (200, 100, 50, 180)  # input untouched


def test_adjust_blur_keeps_alpha_and_edge_colour() -> None:
    img = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    img.paste((255, 0, 0, 255), (10, 10, 30, 30))
    img.paste((0, 0, 255, 255), (20, 10, 30, 30))
    out = adjust(img, blur=3)
    assert out.getchannel("A").tobytes() == img.getchannel("A").tobytes()
    assert close(out.getpixel((10, 15)), (255, 0, 0, 255), tol=2)  # no dark fringe from transparent black
    mixed = out.getpixel((20, 15))
    assert 60 < mixed[0] < 200 and 60 < mixed[2] < 200  # red and blue blended at their border
