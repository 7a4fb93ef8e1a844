"""Where the editor's renders get their images: the kit file, plus photographs added a moment
ago that autosave has not written to it yet."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from presskit.errors import MissingImageError
from presskit.store import AssetInfo, KitFile, NewAsset


class KitWithPending:
    """An ``AssetSource`` over an open kit file (or none, for untitled work) and the images
    the session holds in memory. Renditions are cached in the file for the images it holds;
    those of the others are made again until autosave has written them."""

    def __init__(self, kit_file: KitFile | None, pending: Mapping[str, NewAsset]):
        self.kit_file = kit_file
        held = {info.sha256 for info in kit_file.assets()} if kit_file else set()
        self.pending = {sha: asset for sha, asset in pending.items() if sha not in held}
        # Rendition workers read originals straight from the file, unless some are not in it.
        self.path = kit_file.path if kit_file and not self.pending else None

    def asset_bytes(self, sha256: str) -> bytes:
        if sha256 in self.pending:
            return self.pending[sha256].data
        return self._file().asset_bytes(sha256)

    def asset_info(self, sha256: str) -> AssetInfo:
        asset = self.pending.get(sha256)
        if asset is None:
            return self._file().asset_info(sha256)
        return AssetInfo(sha256, asset.name, asset.mime, asset.width, asset.height, len(asset.data))

    def get_rendition(self, sha256: str, spec: str) -> bytes | None:
        if sha256 in self.pending or self.kit_file is None:
            return None
        return self.kit_file.get_rendition(sha256, spec)

    def put_renditions(self, renditions: Sequence[tuple[str, str, bytes, int, int, str]]) -> None:
        held = [r for r in renditions if r[0] not in self.pending]
        if self.kit_file is not None and held:
            self.kit_file.put_renditions(held)

    def put_rendition(
        self, sha256: str, spec: str, data: bytes, *, width: int, height: int, mime: str
    ) -> None:
        self.put_renditions([(sha256, spec, data, width, height, mime)])

    def _file(self) -> KitFile:
        if self.kit_file is None:
            raise MissingImageError("This kit has no file to read its images from yet.")
        return self.kit_file
