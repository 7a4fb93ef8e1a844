"""Which image files presskit takes in, and the limits that keep a bad file from hurting."""

from __future__ import annotations

import importlib.util

# Pillow format name -> MIME type. Only these are ever decoded: every other Pillow plugin
# is one more parser an untrusted file could reach.
_MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "TIFF": "image/tiff", "WEBP": "image/webp"}
HEIF_AVAILABLE = importlib.util.find_spec("pillow_heif") is not None
if HEIF_AVAILABLE:
    _MIME["HEIF"] = "image/heic"

ALLOWED_FORMATS: frozenset[str] = frozenset(_MIME)
MAX_PIXELS = 160_000_000  # above the largest medium-format sensors, far below what hurts
MAX_FILE_BYTES = 300 * 1024 * 1024


def mime_for(format_name: str) -> str:
    return _MIME[format_name]


def allowed_list() -> str:
    names = ["JPEG", "PNG", "TIFF", "WebP"] + (["HEIC"] if HEIF_AVAILABLE else [])
    return ", ".join(names[:-1]) + " and " + names[-1]


def register_optional_openers() -> None:
    if HEIF_AVAILABLE:
        import pillow_heif

        pillow_heif.register_heif_opener()
