"""presskit's icon in the formats Windows (.ico) and macOS (.icns) bundles want, made from
the committed PNGs (resources/icons/app, themselves drawn from the SVG) when the bundle is
built. The spec imports this; so does tests/bundle/test_platform_icons.py."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

APP_ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons" / "app"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def make_icons(folder: Path) -> tuple[Path, Path]:
    """Writes presskit.ico and presskit.icns into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    ico, icns = folder / "presskit.ico", folder / "presskit.icns"
    with Image.open(APP_ICONS / "presskit-256.png") as largest:
        largest.save(ico, sizes=[(n, n) for n in ICO_SIZES])
    with Image.open(APP_ICONS / "presskit-512.png") as biggest:
        smaller = [Image.open(APP_ICONS / f"presskit-{n}.png") for n in (16, 32, 64, 128, 256)]
        biggest.save(icns, append_images=smaller)
        for image in smaller:
            image.close()
    return ico, icns
