"""A press package's folder as the web page meets it, until the real package (web.package)
writes it: fake full-size stills under stills/, fake PDFs, credits.csv and stills.zip, then
``write_web_kit`` with a Downloads that points at them. (A module, not a conftest: the
package's own tests in this folder may have theirs.)"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from presskit import model
from presskit.store import KitFile
from presskit.web.page import Downloads, write_web_kit
from tests.render import corpus
from tests.render.photos import give_each_still_its_own_photographer

FAKE_FILES = {
    "press-kit.pdf": b"%PDF-1.7 screen" + b"x" * 2400,
    "press-kit-print.pdf": b"%PDF-1.7 print" + b"x" * 5200,
    "credits.csv": b"file,film,caption,photographer,copyright\n",
    "stills.zip": b"PK\x05\x06" + b"\0" * 18,
}


@dataclass
class WebKit:
    folder: Path
    kit: model.PressKit
    html: str
    downloads: Downloads

    @property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.html, "html.parser")


def still_file(n: int) -> str:
    """A name like the package's: spaces and a dash, so the page must encode its links."""
    return f"stills/Still {n:02d} – Photo #{n}.jpg"


def write_package(
    folder: Path,
    kit: model.PressKit,
    source: KitFile,
    *,
    theme: str | None = None,
    films: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> WebKit:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "stills").mkdir(exist_ok=True)
    stills = {}
    for n, still in enumerate(model.shown_stills(kit, films), 1):
        stills[still.id] = still_file(n)
        (folder / still_file(n)).write_bytes(source.asset_bytes(still.asset))
    for name, data in FAKE_FILES.items():
        (folder / name).write_bytes(data)
    downloads = Downloads(stills)
    write_web_kit(
        kit,
        source,
        folder,
        theme=theme,
        films=films,
        downloads=downloads,
        progress=progress,
        cancelled=cancelled,
    )
    return WebKit(folder, kit, (folder / "index.html").read_text(encoding="utf-8"), downloads)


def rich_kit(folder: Path) -> tuple[Path, model.PressKit]:
    """The corpus's rich kit (three films, festivals, awards, credits, quotes), each still
    credited to its own photographer, one with a copyright line."""
    path = corpus.rich(folder)
    with KitFile.open(path) as kit_file:
        kit = kit_file.load()
        give_each_still_its_own_photographer(kit)
        kit.stills[3].copyright = "© 2026 Lantern Films"
        kit_file.save(kit)
    return path, kit
