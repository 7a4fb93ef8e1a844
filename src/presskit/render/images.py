"""Renditions: each still decoded once at reduced scale, sized for where it is placed.

print = 300 dpi at the placed size, screen = 150 dpi; never larger than the original. They
are made in parallel processes (decoding is CPU-bound and Pillow holds the GIL for it) and
cached in the kit file, so the next export of an unchanged kit decodes nothing.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import Protocol

from presskit.errors import ExportError, ImageImportError, KitFileError, MissingImageError
from presskit.imaging.renditions import (
    Rendition,
    looks_like_jpeg,
    make_rendition,
    rendition_from_kit,
)
from presskit.store import AssetInfo

Progress = Callable[[int, int], None]
CACHE_BATCH = 8  # renditions written to the kit per transaction
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


def pixels_for(original: tuple[int, int], box_pt: tuple[float, float], dpi: int) -> tuple[int, int]:
    """The pixel size that gives ``dpi`` across the placed box, never more than the original."""
    scale = min(1.0, max(box_pt[0] / 72 * dpi / original[0], box_pt[1] / 72 * dpi / original[1]))
    return min(original[0], math.ceil(original[0] * scale)), min(
        original[1], math.ceil(original[1] * scale)
    )


def spec_for(profile: Profile, size: tuple[int, int]) -> str:
    return f"{profile.name}:{size[0]}x{size[1]}:q{profile.quality}"


def _workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def _new_pool() -> ProcessPoolExecutor:
    # spawn, not fork: the editor has Qt threads running, and a forked Qt is undefined.
    return ProcessPoolExecutor(
        _workers(), mp_context=multiprocessing.get_context("spawn"), initializer=_yield_cpu
    )


def _yield_cpu() -> None:
    """Decoding stills is batch work: on a busy machine the window (whose live preview may
    have asked for them) and the person's other programs go first. Idle, it costs nothing."""
    with contextlib.suppress(OSError, AttributeError):  # AttributeError: no nice on Windows
        os.nice(10)


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
        if cached is not None and looks_like_jpeg(cached):  # else damaged: made again
            ready[sha] = Rendition(cached, *size)
        else:
            jobs[sha] = (spec, size)
    total = len(wanted)
    if progress:
        progress(len(ready), total)
    batch: list[tuple[str, str, bytes, int, int, str]] = []
    for sha, made in _run(jobs, source, profile, cancelled):
        ready[sha] = made
        batch.append((sha, jobs[sha][0], made.data, made.width, made.height, "image/jpeg"))
        if len(batch) >= CACHE_BATCH:
            source.put_renditions(batch)
            batch = []
        if progress:
            progress(len(ready), total)
    source.put_renditions(batch)
    return ready


def _run(
    jobs: dict[str, tuple[str, tuple[int, int]]],
    source: AssetSource,
    profile: Profile,
    cancelled: Cancelled | None,
) -> Iterator[tuple[str, Rendition]]:
    if not jobs:
        return
    pending = list(jobs.items())
    window = 2 * _workers()  # originals in flight at once: memory stays flat in the count
    running: dict[Future[Rendition], str] = {}
    kit_path = getattr(source, "path", None)  # a kit file: workers read the originals themselves
    with _new_pool() as pool:
        try:
            while pending or running:
                if cancelled and cancelled():
                    raise ExportCancelled
                while pending and len(running) < window:
                    sha, (_spec, size) = pending.pop(0)
                    name = source.asset_info(sha).name
                    if kit_path is not None:
                        future = pool.submit(
                            rendition_from_kit, str(kit_path), sha, name, size, profile.quality
                        )
                    else:
                        try:
                            data = source.asset_bytes(sha)
                        except MissingImageError:
                            continue  # damaged: the layout marks its place (MissingPicture)
                        future = pool.submit(make_rendition, data, name, size, profile.quality)
                    running[future] = sha
                done, _ = wait(running, timeout=0.1, return_when=FIRST_COMPLETED)
                for future in done:
                    sha = running.pop(future)
                    try:
                        yield sha, future.result()
                    except MissingImageError:
                        continue  # damaged: the layout marks its place (MissingPicture)
                    except (ImageImportError, KitFileError) as err:
                        raise ExportError(f"A still cannot be placed: {err}") from None
        finally:
            for future in running:
                future.cancel()
