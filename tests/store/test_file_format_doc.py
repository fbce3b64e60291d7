"""docs/file-format.md stays true: its example script writes a file the app opens, and its tables list
every field of the model with its default."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from pathlib import Path

from store_helpers import ROOT

from studio.core.design import Box, Design, ImageLayer, Layer, Shadow, ShapeLayer, Stroke, TextLayer
from studio.core.post import Media, Post, Variant
from studio.store.project_file import SCHEMA, load

DOC = ROOT / "docs" / "file-format.md"


def example_code() -> str:
    text = DOC.read_text("utf-8")
    section = text[text.index("## Example: writing a post from a script"):]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]


def test_example_writes_a_file_the_app_opens(tmp_path: Path) -> None:
    script = tmp_path / "make_post.py"
    script.write_text(example_code(), "utf-8")
    out = tmp_path / "out.studio"
    subprocess.run([sys.executable, "-I", str(script), str(out)], check=True, cwd=tmp_path, capture_output=True)
    doc = load(out)
    design = doc.design()
    assert doc.post.title == "Summer sale" and doc.post.targets == ["instagram:post", "mastodon:post"]
    assert doc.post.variants["mastodon:post"].hashtags == "#sale #summer"
    assert [lay.TYPE for lay in design.layers] == ["image", "shape", "text"]
    assert isinstance(design.layers[2], TextLayer) and design.layers[2].text.startswith("Summer sale ☀️")
    assert isinstance(design.layers[2], TextLayer) and design.layers[2].shadow.dy == 6.0
    assert len(doc.assets) == 1 and next(iter(doc.assets.values())).startswith(b"\x89PNG")


def test_every_field_is_documented() -> None:
    text = DOC.read_text("utf-8")
    for cls in (Post, Variant, Media, Design, Layer, TextLayer, ImageLayer, ShapeLayer):
        for f in dataclasses.fields(cls):
            assert f"`{f.name}`" in text, f"{cls.__name__}.{f.name} is not in docs/file-format.md"
    for cls in (Stroke, Shadow, Box):
        shown = re.search(rf"{cls.__name__}: `(\{{.*?\}})`", text, re.S)
        assert shown is not None and json.loads(shown.group(1)) == dataclasses.asdict(cls()), cls.__name__
    assert f'"schema": {SCHEMA}' in text


def test_documented_defaults_match_the_model() -> None:
    rows = re.findall(r"^\| `(\w+)` \| [^|]+ \| `([^`]*)` \|", DOC.read_text("utf-8"), re.M)
    defaults: dict[str, list[object]] = {}
    for cls in (Post, Variant, Media, Design, Layer, TextLayer, ImageLayer, ShapeLayer):
        for f in dataclasses.fields(cls):
            value = getattr(cls(), f.name)
            plain = dataclasses.asdict(value) if dataclasses.is_dataclass(value) else value
            defaults.setdefault(f.name, []).append(plain)
    checked = 0
    for name, shown in rows:
        if name in defaults and name != "id":
            assert json.loads(shown) in defaults[name], f"{name}: the doc says {shown}, the model {defaults[name]}"
            checked += 1
    assert checked > 30
