"""Copy and paste of layers: a self-contained JSON text (layers plus the images they use), so layers can
be pasted into another post, or another running studio."""

from __future__ import annotations

import base64
import copy
import json

from studio.core.design import ImageLayer, Layer, layer_from_data, new_id, to_data
from studio.core.document import asset_key

MIME = "application/x-content-studio-layers"


def copy_layers(layers: list[Layer], assets: dict[str, bytes]) -> str:
    used = {lay.asset for lay in layers if isinstance(lay, ImageLayer) and lay.asset in assets}
    return json.dumps({
        "content-studio-layers": 1,
        "layers": [to_data(lay) for lay in layers],
        "assets": {k: base64.b64encode(assets[k]).decode("ascii") for k in sorted(used)},
    })


def paste_layers(text: str, offset: float = 20.0) -> tuple[list[Layer], dict[str, bytes]]:
    """Layers (with fresh ids, moved by `offset`) and the images they need. ValueError if `text` is not
    something `copy_layers` made."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("content-studio-layers") != 1:
        raise ValueError("the clipboard holds no Content Studio layers")
    assets: dict[str, bytes] = {}
    for key, b64 in data.get("assets", {}).items():
        blob = base64.b64decode(b64)
        if asset_key(blob) != key:
            raise ValueError("an image on the clipboard is damaged")
        assets[key] = blob
    layers = []
    for item in data.get("layers", []):
        lay = layer_from_data(item)
        lay.id = new_id()
        lay.x += offset
        lay.y += offset
        layers.append(lay)
    return layers, assets


def duplicate(layers: list[Layer], offset: float = 20.0) -> list[Layer]:
    out = []
    for lay in layers:
        dup = copy.deepcopy(lay)
        dup.id = new_id()
        dup.x += offset
        dup.y += offset
        out.append(dup)
    return out
