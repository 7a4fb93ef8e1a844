"""The stills as the page shows them: JPEG renditions about 800 and 1600 pixels wide, never
wider than the original, for ``<img srcset>``. They are made the way the PDF's are
(``render.images.prepare``: decoded at reduced scale, in worker processes, cached in the kit
file), so a second export of an unchanged kit decodes nothing."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from presskit import model
from presskit.errors import MissingImageError
from presskit.render.images import (
    AssetSource,
    Cancelled,
    ExportCancelled,
    Profile,
    Progress,
    prepare,
)
from presskit.web.view import Picture

WIDTHS = (800, 1600)  # a phone or a column; a wide or high-density screen
# At 72 dpi a box in points is a box in pixels: a box (800, 0) is "800 pixels wide".
WEB = Profile("web", 72, 82)
FOLDER = "assets/images"


def held_assets(stills: Sequence[model.Still], source: AssetSource) -> list[str]:
    """The stills' pictures the kit holds, each once, in the page's order."""
    found: list[str] = []
    for still in stills:
        if not still.asset or still.asset in found:
            continue
        try:
            source.asset_info(still.asset)
        except MissingImageError:
            continue  # the page says the picture is missing, as the PDF marks its place
        found.append(still.asset)
    return found


def make_pictures(
    stills: Sequence[model.Still],
    source: AssetSource,
    folder: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> dict[str, Picture]:
    """Asset -> its renditions, written under ``folder``/assets/images."""
    assets = held_assets(stills, source)
    (folder / FOLDER).mkdir(parents=True, exist_ok=True)
    sources: dict[str, list[tuple[str, int, int]]] = {sha: [] for sha in assets}
    for n, width in enumerate(WIDTHS):

        def step(done: int, _total: int, n: int = n) -> None:
            if progress:
                progress(n * len(assets) + done, len(WIDTHS) * len(assets))

        made = prepare({sha: (width, 0) for sha in assets}, source, WEB, step, cancelled)
        for sha in assets:
            if cancelled and cancelled():
                raise ExportCancelled
            rendition = made.get(sha)
            if rendition is None or any(w == rendition.width for _p, w, _h in sources[sha]):
                continue  # damaged, or no wider than the original: the narrower one serves
            path = f"{FOLDER}/{sha[:20]}-{rendition.width}.jpg"
            (folder / path).write_bytes(rendition.data)
            sources[sha].append((path, rendition.width, rendition.height))
    return {sha: Picture(tuple(found)) for sha, found in sources.items() if found}
