"""Helpers for the command-line tests: run `studio` in-process or as a real process, and sample files."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
RED = (220, 30, 30)
BLUE = (30, 40, 220)


@dataclass
class Result:
    code: int
    out: str
    err: str


def run(capsys, *argv: object) -> Result:
    """`studio ARGV` in this process (studio.cli.main), with its exit code and captured output."""
    from studio.cli import main

    capsys.readouterr()  # drop anything printed before
    try:
        code = main([str(a) for a in argv])
    except SystemExit as e:  # argparse: --version, usage errors
        code = e.code if isinstance(e.code, int) else 1
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)


def run_process(home: Path, *argv: object, offscreen: bool = True, timeout: float = 120) -> Result:
    """`python -m studio ARGV` as a child process in the repository, with no display at all.

    offscreen=False leaves QT_QPA_PLATFORM unset, so the renderer has to pick a headless platform itself.
    """
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["CONTENT_STUDIO_HOME"] = str(home)
    env["PYTHONIOENCODING"] = "utf-8"
    if offscreen:
        env["QT_QPA_PLATFORM"] = "offscreen"
    proc = subprocess.run([sys.executable, "-m", "studio", *map(str, argv)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout, check=False)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def assert_error(result: Result, *fragments: str) -> str:
    """Exit status 1, nothing on stdout, exactly one line "error: …" on stderr (no traceback). Returns the line."""
    assert result.code == 1, (result.code, result.out, result.err)
    assert result.out == ""
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("error: "), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


def make_jpeg(path: Path, orientation: int = 6) -> bytes:
    """An 800x400 JPEG, left half red, right half blue, tagged with an EXIF orientation.

    With orientation 6 (rotate 90° clockwise to show) it displays as 400x800: red on top, blue below.
    """
    im = Image.new("RGB", (800, 400), BLUE)
    im.paste(RED, (0, 0, 400, 400))
    exif = im.getexif()
    exif[0x0112] = orientation
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=95, exif=exif)
    path.write_bytes(buf.getvalue())
    return buf.getvalue()


def open_image(path: Path) -> Image.Image:
    im = Image.open(path)
    im.load()
    return im


def near(pixel: tuple[int, ...], color: tuple[int, int, int], tolerance: int = 24) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], color, strict=True))
