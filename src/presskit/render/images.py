"""Renditions: each still decoded once at reduced scale, sized for where it is placed.

print = 300 dpi at the placed size, screen = 150 dpi; never larger than the original. They
are made in parallel processes (decoding is CPU-bound and Pillow holds the GIL for it) and
cached in the kit file, so the next export of an unchanged kit decodes nothing.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from io import BytesIO
from typing import Protocol

from PIL import Image

from presskit.errors import ExportError, ImageImportError
from presskit.imaging import open_normalised
from presskit.store import AssetInfo

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ExportCancelled(Exception):
    """The person cancelled; not an error, and nothing was written."""


@dataclass(frozen=True)
class Profile:
    name: str
    dpi: int
    quality: int


PROFILES = {
    "print": Profile("print", 300, 90),
    "screen": Profile("screen", 150, 78),
}


class AssetSource(Protocol):
    """Where the renderer gets images: a KitFile, or anything that answers the same."""

    def asset_bytes(self, sha256: str) -> bytes: ...
    def asset_info(self, sha256: str) -> AssetInfo: ...
    def get_rendition(self, sha256: str, spec: str) -> bytes | None: ...
    def put_rendition(
        self, sha256: str, spec: str, data: bytes, *, width: int, height: int, mime: str
    ) -> None: ...


@dataclass(frozen=True)
class Rendition:
    data: bytes
    width: int
    height: int


def pixels_for(original: tuple[int, int], box_pt: tuple[float, float], dpi: int) -> tuple[int, int]:
    """The pixel size that gives ``dpi`` across the placed box, never more than the original."""
    scale = min(1.0, max(box_pt[0] / 72 * dpi / original[0], box_pt[1] / 72 * dpi / original[1]))
    return min(original[0], math.ceil(original[0] * scale)), min(
        original[1], math.ceil(original[1] * scale)
    )


def spec_for(profile: Profile, size: tuple[int, int]) -> str:
    return f"{profile.name}:{size[0]}x{size[1]}:q{profile.quality}"


def make_rendition(data: bytes, name: str, size: tuple[int, int], quality: int) -> Rendition:
    """Runs in a worker process: decode (at reduced scale), resize, encode a clean JPEG.

    The JPEG carries no EXIF, GPS or other metadata; transparency is flattened on white,
    since a press kit's pages are paper.
    """
    image = open_normalised(data, name, max_size=size)
    if image.mode == "RGBA":
        paper = Image.new("RGB", image.size, (255, 255, 255))
        paper.paste(image, mask=image.getchannel("A"))
        image = paper
    out = BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=False, progressive=False)
    return Rendition(out.getvalue(), image.width, image.height)


def _workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def prepare(
    wanted: dict[str, tuple[float, float]],
    source: AssetSource,
    profile: Profile,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> dict[str, Rendition]:
    """A rendition for every asset in ``wanted`` (its largest placed box, in points)."""
    jobs: dict[str, tuple[str, tuple[int, int]]] = {}
    ready: dict[str, Rendition] = {}
    for sha, box in wanted.items():
        info = source.asset_info(sha)
        size = pixels_for((info.width, info.height), box, profile.dpi)
        spec = spec_for(profile, size)
        cached = source.get_rendition(sha, spec)
        if cached is not None:
            ready[sha] = Rendition(cached, *size)
        else:
            jobs[sha] = (spec, size)
    total = len(wanted)
    if progress:
        progress(len(ready), total)
    for sha, rendition in _run(jobs, source, profile, cancelled):
        source.put_rendition(
            sha,
            jobs[sha][0],
            rendition.data,
            width=rendition.width,
            height=rendition.height,
            mime="image/jpeg",
        )
        ready[sha] = rendition
        if progress:
            progress(len(ready), total)
    return ready


def _run(
    jobs: dict[str, tuple[str, tuple[int, int]]],
    source: AssetSource,
    profile: Profile,
    cancelled: Cancelled | None,
) -> Iterator[tuple[str, Rendition]]:
    if not jobs:
        return
    # spawn, not fork: the editor has Qt threads running, and a forked Qt is undefined.
    context = multiprocessing.get_context("spawn")
    pending = list(jobs.items())
    window = 2 * _workers()  # originals in flight at once: memory stays flat in the count
    running: dict[Future[Rendition], str] = {}
    with ProcessPoolExecutor(_workers(), mp_context=context) as pool:
        try:
            while pending or running:
                if cancelled and cancelled():
                    raise ExportCancelled
                while pending and len(running) < window:
                    sha, (_spec, size) = pending.pop(0)
                    name = source.asset_info(sha).name
                    running[
                        pool.submit(
                            make_rendition, source.asset_bytes(sha), name, size, profile.quality
                        )
                    ] = sha
                done, _ = wait(running, timeout=0.1, return_when=FIRST_COMPLETED)
                for future in done:
                    sha = running.pop(future)
                    try:
                        yield sha, future.result()
                    except ImageImportError as err:
                        raise ExportError(f"A still cannot be placed: {err}") from None
        finally:
            for future in running:
                future.cancel()
