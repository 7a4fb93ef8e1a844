"""Renders the rich corpus kit's cover and first film page (tests/render/corpus.py: every
field filled, festivals, awards, credits, quotes) in every theme into docs/images/.

    python scripts/doc_images.py [--size a4|letter]

Pages are rasterised with QtPdf (already a presskit dependency), so no poppler is needed.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from pathlib import Path

import pypdf

from presskit import render
from presskit.store import KitFile

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.render.corpus import rich  # noqa: E402  (the layout corpus's rich film kit)

OUT = ROOT / "docs" / "images"
WIDTH_PX = 420


def rasterise(pdf: bytes, pages: dict[str, int], prefix: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    _app = QGuiApplication.instance() or QGuiApplication([])
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        document = QPdfDocument()
        document.load(f.name)
        for label, index in pages.items():
            size = document.pagePointSize(index)
            height = round(WIDTH_PX * size.height() / size.width())
            page = document.render(index, QSize(WIDTH_PX, height))
            paper = QImage(page.size(), QImage.Format.Format_RGB32)  # pages are drawn on white
            paper.fill(Qt.GlobalColor.white)
            painter = QPainter(paper)
            painter.drawImage(0, 0, page)
            painter.end()
            paper.save(str(OUT / f"{prefix}-{label}.png"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="a4", choices=sorted(render.PAGE_SIZES))
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        kit_path = rich(Path(folder))
        with KitFile.open(kit_path) as kit_file:
            kit = kit_file.load()
            for theme in render.theme_names():
                options = render.Options(theme=theme, page_size=args.size, invariant=True)
                pdf = render.render_pdf(kit, kit_file, options).pdf
                reader = pypdf.PdfReader(io.BytesIO(pdf))
                films = next(
                    item for item in reader.outline if getattr(item, "title", "") == "Films"
                )
                pages = {"cover": 0, "inner": reader.get_destination_page_number(films)}
                rasterise(pdf, pages, theme)
                print(theme, pages)


if __name__ == "__main__":
    main()
