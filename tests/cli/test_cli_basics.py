"""`studio --version`, `studio templates`, and the parsing of command-line values (in-process)."""

from __future__ import annotations

import argparse

import pytest
from cli_helpers import run

import studio
from studio.cli import build_parser, parse_bytes
from studio.core.templates import TEMPLATES


def test_version_prints_the_package_version_and_exits_0(capsys):
    result = run(capsys, "--version")
    assert result.code == 0
    assert result.out == f"Content Studio {studio.__version__}\n"
    assert result.err == ""


def test_templates_lists_every_template_key_in_order(capsys):
    result = run(capsys, "templates")
    assert result.code == 0
    assert result.err == ""
    lines = result.out.splitlines()
    assert [line.split()[0] for line in lines] == list(TEMPLATES)
    for line, template in zip(lines, TEMPLATES.values(), strict=True):
        assert template.name in line
        assert f"({template.format})" in line


@pytest.mark.parametrize(("text", "expected"), [
    ("300KB", 300_000),
    ("300kb", 300_000),
    ("300 KB", 300_000),
    ("900k", 900_000),
    ("1MB", 1_000_000),
    ("1.5MB", 1_500_000),
    ("2m", 2_000_000),
    ("512B", 512),
    ("123456", 123_456),
])
def test_parse_bytes(text, expected):
    assert parse_bytes(text) == expected


@pytest.mark.parametrize("text", ["lots", "KB", "1,5MB", "12GB", ""])
def test_parse_bytes_refuses_what_is_not_a_size(text):
    with pytest.raises(argparse.ArgumentTypeError, match="is not a size"):
        parse_bytes(text)


def test_max_size_that_is_not_a_size_is_a_usage_error(capsys, tmp_path):
    result = run(capsys, "render", tmp_path / "x.studio", "-o", tmp_path / "x.jpg", "--max-size", "lots")
    assert result.code == 2
    assert "--max-size" in result.err
    assert "'lots' is not a size" in result.err
    assert "Traceback" not in result.err
    assert not (tmp_path / "x.jpg").exists()


def test_new_needs_an_output(capsys):
    result = run(capsys, "new", "--template", "event")
    assert result.code == 2
    assert "-o/--output" in result.err


def test_render_defaults():
    args = build_parser().parse_args(["render", "post.studio", "-o", "out.jpg"])
    assert (args.quality, args.max_size, args.media) == (90, None, 1)
