"""The Windows and macOS icons the bundle spec makes from presskit's PNGs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PIL import Image

SPEC_HELPER = Path(__file__).resolve().parents[2] / "packaging" / "platform_icons.py"


def load_helper():
    spec = importlib.util.spec_from_file_location("platform_icons", SPEC_HELPER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ico_and_icns_hold_presskits_icon_at_the_sizes_each_system_asks_for(tmp_path):
    helper = load_helper()
    ico, icns = helper.make_icons(tmp_path)
    with Image.open(ico) as image:
        assert image.format == "ICO"
        assert {(n, n) for n in helper.ICO_SIZES} <= image.info["sizes"]
        image.size = (256, 256)
        # the dark square of presskit's icon, at the left edge's middle
        assert image.convert("RGB").getpixel((12, 128)) == (0x1F, 0x2A, 0x44)
    with Image.open(icns) as image:
        assert image.format == "ICNS"
        assert (512, 512) in {size[:2] for size in image.info["sizes"]}
        width, height = image.size  # the largest it holds
        assert image.convert("RGB").getpixel((width * 40 // 512, height // 2)) == (0x1F, 0x2A, 0x44)
