"""Encoding: round trips, flattening, metadata, and the quality search that fits a size limit."""

from __future__ import annotations

import io
import random
from collections.abc import Callable

import pytest
from PIL import Image, ImageCms, JpegImagePlugin

from studio.render import encode as enc
from studio.render.encode import FORMATS, EncodeResult, encode, encode_under, format_for_path
from studio.render.imageio import ImageError, decode

SIZE = (1080, 1350)


def gradient(size: tuple[int, int] = (64, 48), alpha: int | None = None) -> Image.Image:
    w, h = size
    img = Image.new("RGB", size)
    img.putdata([(x * 255 // w, y * 255 // h, 128) for y in range(h) for x in range(w)])
    if alpha is not None:
        img.putalpha(alpha)
    return img


def noisy(size: tuple[int, int] = SIZE, seed: int = 7) -> Image.Image:
    """Random pixels: the worst case for any encoder."""
    return Image.frombytes("RGB", size, random.Random(seed).randbytes(size[0] * size[1] * 3))


def mean_diff(a: Image.Image, b: Image.Image) -> float:
    ab, bb = a.convert("RGBA").tobytes(), b.convert("RGBA").tobytes()
    return sum(abs(x - y) for x, y in zip(ab, bb, strict=True)) / len(ab)


@pytest.fixture
def encode_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[tuple[int, int], int]]:
    calls: list[tuple[tuple[int, int], int]] = []
    real: Callable[..., bytes] = enc._save

    def counting(img: Image.Image, fmt: str, quality: int, optimize: bool = False) -> bytes:
        calls.append((img.size, quality))
        return real(img, fmt, quality, optimize)

    monkeypatch.setattr(enc, "_save", counting)
    return calls


# ------------------------------------------------------------------------------------------- encode


@pytest.mark.parametrize("fmt, tolerance", [("jpeg", 3.0), ("png", 0.0), ("webp", 3.0)])
def test_round_trip(fmt: str, tolerance: float) -> None:
    src = gradient()
    data = encode(src, fmt, quality=92)
    assert Image.open(io.BytesIO(data)).format == FORMATS[fmt].pil
    out = decode(data)
    assert out.size == src.size
    assert mean_diff(out, src) <= tolerance


def test_png_and_webp_keep_alpha() -> None:
    src = gradient(alpha=100)
    assert decode(encode(src, "png")).getpixel((5, 5)) == src.convert("RGBA").getpixel((5, 5))
    assert abs(decode(encode(src, "webp", quality=95)).getpixel((5, 5))[3] - 100) <= 2
    opaque = Image.open(io.BytesIO(encode(gradient(alpha=255), "png")))
    assert opaque.mode == "RGB"  # a fully opaque alpha channel is dropped


def test_jpeg_flattens_alpha_onto_background() -> None:
    src = Image.new("RGBA", (32, 32), (255, 0, 0, 0))
    src.paste((255, 0, 0, 128), (16, 0, 32, 32))
    out = decode(encode(src, "jpeg", quality=95, background="#00ff00"))
    r, g, b, _ = out.getpixel((6, 16))
    assert g > 240 and r < 15 and b < 15  # fully transparent: the background
    r, g, b, _ = out.getpixel((26, 16))
    assert abs(r - 128) < 10 and abs(g - 127) < 10 and b < 15  # half transparent: blended
    white = decode(encode(Image.new("RGBA", (8, 8), (0, 0, 0, 0)), "jpeg"))
    assert min(white.getpixel((4, 4))[:3]) > 245  # default background is white


def test_jpeg_metadata_and_options() -> None:
    src = gradient()
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "SecretCam"
    src.info["exif"] = exif.tobytes()
    src.info["icc_profile"] = b"stale"
    for quality, sampling in ((95, 0), (90, 0), (89, 2), (70, 2)):  # 0 = 4:4:4, 2 = 4:2:0
        im = Image.open(io.BytesIO(encode(src, "jpeg", quality=quality)))
        assert "exif" not in im.info and not im.getexif()
        assert im.info.get("progressive")
        assert JpegImagePlugin.get_sampling(im) == sampling
        profile = ImageCms.ImageCmsProfile(io.BytesIO(im.info["icc_profile"]))
        assert "sRGB" in ImageCms.getProfileDescription(profile)
    assert src.info["icc_profile"] == b"stale"  # the caller's image is untouched


def test_webp_and_png_metadata() -> None:
    src = gradient()
    src.info["exif"] = b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x00"
    webp = Image.open(io.BytesIO(encode(src, "webp")))
    assert "exif" not in webp.info and webp.info.get("icc_profile")
    png = Image.open(io.BytesIO(encode(src, "png")))
    assert "exif" not in png.info and "icc_profile" not in png.info


def test_unknown_format_and_bad_background() -> None:
    with pytest.raises(ValueError, match="unknown image format"):
        encode(gradient(), "gif")
    with pytest.raises(ValueError, match="not a colour"):
        encode(gradient(alpha=10), "jpeg", background="transparent-ish")
    assert Image.open(io.BytesIO(encode(gradient(), "JPG"))).format == "JPEG"


def test_formats_and_paths() -> None:
    assert set(FORMATS) == {"jpeg", "png", "webp"}
    assert format_for_path("a/b/post.JPG") == "jpeg"
    assert format_for_path("post.jpeg") == "jpeg"
    assert format_for_path("post.png") == "png"
    assert format_for_path("post.webp") == "webp"
    with pytest.raises(ValueError, match=r"“post.gif” has the extension \.gif; Content Studio can save JPEG"):
        format_for_path("post.gif")
    with pytest.raises(ValueError, match="no extension"):
        format_for_path("post")


# ------------------------------------------------------------------------------------- encode_under


@pytest.fixture(scope="module")
def big_noise() -> Image.Image:
    return noisy()


def _assert_highest(result: EncodeResult, img: Image.Image, fmt: str, max_bytes: int, top: int = 90) -> None:
    assert len(result.data) <= max_bytes
    if result.scaled == 1.0 and result.quality < top:
        assert len(encode(img, fmt, result.quality + 1)) > max_bytes  # one step better no longer fits
        assert encode(img, fmt, result.quality) == result.data


@pytest.mark.parametrize("fmt", ["jpeg", "webp"])
@pytest.mark.parametrize("max_bytes", [1_000_000, 300_000])
def test_encode_under_fits_with_highest_quality(
    fmt: str, max_bytes: int, big_noise: Image.Image, encode_calls: list[tuple[tuple[int, int], int]]
) -> None:
    result = encode_under(big_noise, fmt, max_bytes)
    assert len(result.data) <= max_bytes
    assert len(encode_calls) <= 12
    out = decode(result.data)
    assert out.size == (round(SIZE[0] * result.scaled), round(SIZE[1] * result.scaled))
    if result.scaled < 1.0:
        assert result.quality == 40  # shrinking only happens once min_quality is too big
        assert len(encode(big_noise, fmt, 40)) > max_bytes
    else:
        assert 40 <= result.quality <= 90
        encode_calls.clear()
        _assert_highest(result, big_noise, fmt, max_bytes)


def test_encode_under_1mb_keeps_full_size_for_jpeg(big_noise: Image.Image) -> None:
    result = encode_under(big_noise, "jpeg", 1_000_000)
    assert result.scaled == 1.0 and 40 < result.quality < 90
    small = encode_under(big_noise, "jpeg", 300_000)
    assert small.scaled < 1.0


def test_encode_under_keeps_max_quality_when_it_fits(encode_calls: list[tuple[tuple[int, int], int]]) -> None:
    result = encode_under(gradient(), "jpeg", 1_000_000, quality=87)
    assert (result.quality, result.scaled) == (87, 1.0)
    assert len(encode_calls) == 1


def test_encode_under_png_optimizes_then_shrinks(encode_calls: list[tuple[tuple[int, int], int]]) -> None:
    img = noisy((300, 300), seed=3)
    full = len(encode(img, "png"))
    result = encode_under(img, "png", full // 3)
    assert len(result.data) <= full // 3 and result.scaled < 1.0 and result.quality == 100
    assert decode(result.data).size == (round(300 * result.scaled), round(300 * result.scaled))
    assert len(encode_calls) <= 12
    assert encode_under(img, "png", full + 10).scaled == 1.0


def test_encode_under_flattens_with_background() -> None:
    src = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    result = encode_under(src, "jpeg", 100_000, background="#0000ff")
    assert decode(result.data).getpixel((30, 30))[2] > 240


@pytest.mark.parametrize("fmt", ["jpeg", "png", "webp"])
def test_encode_under_impossible(fmt: str, big_noise: Image.Image) -> None:
    with pytest.raises(ImageError, match="500 bytes") as err:
        encode_under(big_noise, fmt, 500)
    assert err.value.kind == "encode"
    if fmt != "png":  # a 16 x 16 PNG of noise is under 1000 bytes; lossy files carry headers and a profile
        with pytest.raises(ImageError, match="can't be made to fit"):
            encode_under(noisy((64, 64)), fmt, 1000, min_quality=100, quality=100)
