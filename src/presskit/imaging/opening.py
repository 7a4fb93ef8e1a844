"""Opening untrusted image bytes: allow-listed formats, pixel limits, one clear sentence.

A photograph comes from anywhere (a phone, a scanner, a mail attachment renamed .jpg), so
every failure a file can cause becomes an ImageImportError naming that file, and nothing is
decoded before its pixel count is known to be sane.
"""

from __future__ import annotations

import io
import os
import struct
import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from presskit.errors import ImageImportError
from presskit.imaging.formats import (
    ALLOWED_FORMATS,
    MAX_FILE_BYTES,
    MAX_PIXELS,
    allowed_list,
    register_optional_openers,
)

register_optional_openers()

# What Pillow's decoders raise on damaged data. Anything here means "cannot be read".
DECODE_ERRORS = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    IndexError,
    KeyError,
    TypeError,
    ZeroDivisionError,
    struct.error,
    Image.DecompressionBombError,
)

EXIF_ORIENTATION = 0x0112


def _named(name: str) -> str:
    return f"“{name}”"


def read_image_file(path: str | os.PathLike[str]) -> bytes:
    path = Path(path)
    try:
        if path.is_dir():
            raise ImageImportError(f"{_named(path.name)} is a folder, not an image.")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImageImportError(
                f"{_named(path.name)} is {size // (1024 * 1024)} MB; the limit for one image is "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB."
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise ImageImportError(f"{_named(path.name)} does not exist.") from None
    except PermissionError:
        raise ImageImportError(f"{_named(path.name)} cannot be read (permission denied).") from None
    except OSError as err:
        raise ImageImportError(
            f"{_named(path.name)} cannot be read: {err.strerror or err}."
        ) from None


def _looks_like_text(data: bytes) -> bool:
    sample = data[:512]
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(b >= 0x20 or b in b"\t\r\n\f" for b in sample)


def open_checked(data: bytes, name: str) -> Image.Image:
    """The image, opened lazily (nothing decoded yet), once it is known to be one we take."""
    if not data:
        raise ImageImportError(f"{_named(name)} is empty (0 bytes).")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # bomb and corrupt-EXIF warnings: handled below
            image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        raise _too_large(name, None) from None
    except UnidentifiedImageError:
        kind = " (it looks like text)" if _looks_like_text(data) else ""
        raise ImageImportError(f"{_named(name)} is not an image{kind}.") from None
    except DECODE_ERRORS:
        raise ImageImportError(
            f"{_named(name)} is damaged or incomplete and cannot be read."
        ) from None
    if image.format not in ALLOWED_FORMATS:
        kind = image.format or "unknown"
        raise ImageImportError(
            f"{_named(name)} is a {kind} image; presskit takes {allowed_list()}."
        )
    width, height = image.size
    if width <= 0 or height <= 0:
        raise ImageImportError(f"{_named(name)} has no pixels.")
    if width * height > MAX_PIXELS:
        raise _too_large(name, (width, height))
    return image


def _too_large(name: str, size: tuple[int, int] | None) -> ImageImportError:
    limit = f"the limit is {MAX_PIXELS // 1_000_000} megapixels"
    if size is None:
        return ImageImportError(f"{_named(name)} has far too many pixels to be a still; {limit}.")
    width, height = size
    megapixels = round(width * height / 1_000_000)
    return ImageImportError(
        f"{_named(name)} is {width} × {height} pixels ({megapixels} megapixels); {limit}."
    )


def orientation(image: Image.Image) -> int:
    """The EXIF orientation, 1 when it is missing or makes no sense."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow warns on corrupt EXIF; we just ignore it
            value = image.getexif().get(EXIF_ORIENTATION, 1)
    except DECODE_ERRORS:
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def decode(image: Image.Image, name: str, draft_size: tuple[int, int] | None = None) -> Image.Image:
    """Decodes the pixels, JPEGs at the smallest scale that still covers ``draft_size``."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if draft_size and image.format == "JPEG":
                image.draft(image.mode if image.mode == "CMYK" else "RGB", draft_size)
            image.load()
    except DECODE_ERRORS:
        raise ImageImportError(
            f"{_named(name)} is damaged or incomplete and cannot be read."
        ) from None
    except MemoryError:
        raise ImageImportError(
            f"{_named(name)} needs more memory to open than this computer has free."
        ) from None
    return image
