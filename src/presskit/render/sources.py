"""Where a render on a worker thread finds the kit's images: the kit file, plus photographs
added a moment ago that autosave has not written to it yet."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator

from presskit.errors import KitFileError, MissingImageError
from presskit.store import AssetInfo, KitFile, NewAsset


class KitImages:
    """Where a render on a worker thread finds the kit's images: the ones added since the
    file was last written from memory, the rest through the worker's own read-only
    connection to the kit (or recovery) file. Renditions it makes are cached through a
    second, writable connection when there is one, so the next export decodes nothing."""

    def __init__(
        self, pending: dict[str, NewAsset], file: KitFile | None, cache: KitFile | None = None
    ):
        self.pending, self.file, self.cache = pending, file, cache
        # Worker processes read originals straight from the file only when it holds them all.
        self.path = file.path if file is not None and not pending else None

    def _file(self, sha256: str) -> KitFile:
        if self.file is None:
            raise MissingImageError(f"The image {sha256[:12]} is missing from this kit.")
        return self.file

    def asset_bytes(self, sha256: str) -> bytes:
        if sha256 in self.pending:
            return self.pending[sha256].data
        return self._file(sha256).asset_bytes(sha256)

    def asset_head(self, sha256: str, length: int) -> bytes:
        if sha256 in self.pending:
            return self.pending[sha256].data[:length]
        return self._file(sha256).asset_head(sha256, length)

    def asset_info(self, sha256: str) -> AssetInfo:
        asset = self.pending.get(sha256)
        if asset is not None:
            return AssetInfo(
                sha256, asset.name, asset.mime, asset.width, asset.height, len(asset.data)
            )
        return self._file(sha256).asset_info(sha256)

    def picture_problems(self, sha256s: Iterable[str], *, deep: bool = False) -> dict[str, str]:
        """As ``KitFile.picture_problems``; a picture added a moment ago is whole."""
        stored = [sha for sha in sha256s if sha not in self.pending]
        if self.file is None:
            return dict.fromkeys(stored, "missing")
        return self.file.picture_problems(stored, deep=deep)

    def get_rendition(self, sha256: str, spec: str) -> bytes | None:
        if sha256 in self.pending or self.file is None:
            return None
        return self.file.get_rendition(sha256, spec)

    def rendition_size(self, sha256: str, spec: str) -> int | None:
        if sha256 in self.pending or self.file is None:
            return None
        return self.file.rendition_size(sha256, spec)

    def put_rendition(
        self, sha256: str, spec: str, data: bytes, *, width: int, height: int, mime: str
    ) -> None:
        self.put_renditions([(sha256, spec, data, width, height, mime)])

    def put_renditions(self, renditions: list[tuple[str, str, bytes, int, int, str]]) -> None:
        kept = [r for r in renditions if r[0] not in self.pending]
        if self.cache is not None and kept:
            with contextlib.suppress(KitFileError):  # a cache: an export never fails for it
                self.cache.put_renditions(kept)


@contextlib.contextmanager
def kit_images(
    pending: dict[str, NewAsset], source: KitFile | None, *, cache: bool
) -> Iterator[KitImages]:
    """Opens the connections a worker reads (and, with ``cache``, caches renditions) through,
    on the worker's own thread, and closes them after. ``source`` is the open kit file, or
    the recovery file of untitled work; images it does not hold yet come from ``pending``."""
    with contextlib.ExitStack() as stack:
        file = None
        if source is not None:
            file = stack.enter_context(source.another_connection(read_only=True))
            held = file.asset_ids()  # what the file holds already is read (and cached) there
            pending = {sha: asset for sha, asset in pending.items() if sha not in held}
        writer = None
        if cache and source is not None:
            with contextlib.suppress(KitFileError):  # a cache: nothing fails for want of it
                writer = stack.enter_context(source.another_connection())
        yield KitImages(pending, file, writer)
