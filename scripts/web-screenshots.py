"""Pictures of the web press kit made from the bundled sample kit, full page, at a phone's
width (375) and a desktop's (1440): docs/images/web-375.png and web-1440.png.

python scripts/web-screenshots.py [OUTDIR] [--theme NAME] [--kit FILE.presskit]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.web.browser: the browser the tests use

from PIL import Image  # noqa: E402
from tests.web.browser import chromium, full_page_png, load_every_image, missing, viewport  # noqa: E402

from presskit import kitio  # noqa: E402
from presskit.store import KitFile  # noqa: E402
from presskit.web.page import Downloads, write_web_kit  # noqa: E402

WIDTHS = ((375, 800), (1440, 900))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", nargs="?", default=str(ROOT / "docs" / "images"))
    parser.add_argument("--theme", default=None)
    parser.add_argument("--kit", default=None, help="another kit than the sample")
    args = parser.parse_args()
    if reason := missing():
        raise SystemExit(f"web-screenshots: {reason}")
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "package"
        folder.mkdir()
        kit_path = Path(args.kit) if args.kit else Path(tmp) / "sample.presskit"
        if not args.kit:
            kitio.create_kit(kit_path, kitio.sample_json()).close()
        with KitFile.open(kit_path) as kit_file:
            kit = kit_file.load()
            stills = {s.id: f"stills/{s.id}.jpg" for s in kit.stills}
            write_web_kit(kit, kit_file, folder, theme=args.theme, downloads=Downloads(stills))
        suffix = f"-{args.theme}" if args.theme else ""
        with chromium(Path(tmp) / "profile") as driver:
            for width, height in WIDTHS:
                viewport(driver, width, height)
                driver.get((folder / "index.html").as_uri())
                load_every_image(driver)
                path = out / f"web-{width}{suffix}.png"
                full_page_png(driver, path)
                small(path)
                print(path)


def small(path: Path) -> None:
    """256 colours, dithered: a third of the size, and the page still reads as it is."""
    with Image.open(path) as shot:
        colours = shot.convert("RGB").quantize(256, Image.Quantize.MEDIANCUT)
    colours.save(path, optimize=True)


if __name__ == "__main__":
    main()
