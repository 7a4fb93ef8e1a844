"""The .presskit file: document, images by SHA-256, rendition cache, revisions."""

from presskit.store.kitfile import (
    KEEP_REVISIONS,
    AssetInfo,
    CleanCopy,
    KitFile,
    NewAsset,
    RevisionInfo,
    read_asset_bytes,
)
from presskit.store.schema import APPLICATION_ID, FORMAT_VERSION

__all__ = [
    "APPLICATION_ID",
    "FORMAT_VERSION",
    "KEEP_REVISIONS",
    "AssetInfo",
    "CleanCopy",
    "KitFile",
    "NewAsset",
    "RevisionInfo",
    "read_asset_bytes",
]
