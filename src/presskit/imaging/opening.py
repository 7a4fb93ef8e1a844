"""Opening untrusted image bytes: allow-listed formats, pixel limits, one clear sentence.

A photograph comes from anywhere (a phone, a scanner, a mail attachment renamed .jpg), so
every failure a file can cause becomes an ImageImportError naming that file, and nothing is
decoded before its pixel count is known to be sane. Callers hold ``quiet()`` around these.
"""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image, ImageFile

from presskit.imaging import refusals
from presskit.imaging.formats import MAX_PIXELS, describe_other, is_camera_raw, openers

# What Pillow's parsers and decoders raise on damaged data (the plugins have asserts, index
# and key lookups on file contents, zlib and struct calls). Anything here means "cannot be
# read"; MemoryError is handled on its own, since it says something else.
DECODE_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    LookupError,
    TypeError,
    ArithmeticError,
    AttributeError,
    AssertionError,
    RuntimeError,
    struct.error,
    zlib.error,
    Image.DecompressionBombError,
)


def open_checked(data: bytes, name: str) -> tuple[ImageFile.ImageFile, str]:
    """The image, opened lazily (nothing decoded yet) by the one allowed parser whose
    signature its bytes carry, and its format name ("JPEG" also for a camera's MPO).

    Pillow's ``Image.open`` is not used: it would try every plugin it has, and its own
    decompression-bomb check would refuse or warn before ours could name the pixel size.
    """
    if not data:
        raise refusals.empty(name)
    if is_camera_raw(data[:16]):
        raise refusals.wrong_format(name, "a camera raw file")
    opened = _open_allowed(data, name)
    if opened is None:
        what = describe_other(data[:1024])
        if what:
            raise refusals.wrong_format(name, what)
        raise refusals.not_an_image(name, looks_like_text(data))
    image, format_name = opened
    if format_name == "TIFF" and _is_camera_raw(image):
        image.close()
        raise refusals.wrong_format(name, "a camera raw file")
    width, height = image.size
    if width * height > MAX_PIXELS:
        image.close()
        raise refusals.too_many_pixels(name, width, height)
    return image, format_name


def _open_allowed(data: bytes, name: str) -> tuple[ImageFile.ImageFile, str] | None:
    prefix = data[:16]
    for format_name, factory, accept in openers():
        try:
            if accept is not None and not accept(prefix):  # type: ignore[operator]
                continue
            return factory(io.BytesIO(data), ""), format_name  # type: ignore[operator]
        except MemoryError:
            raise refusals.out_of_memory(name) from None
        except DECODE_ERRORS:
            raise refusals.damaged(name) from None
    return None


def _is_camera_raw(image: ImageFile.ImageFile) -> bool:
    """Raw files built on TIFF (DNG, NEF, ARW…) open as a TIFF of their small preview:
    taking that as the still would put a thumbnail in a press kit, so they are refused."""
    try:
        tags = image.tag_v2  # type: ignore[attr-defined]
        reduced = int(tags.get(254, 0) or 0) & 1  # NewSubfileType: "a reduced-resolution copy"
        return bool(reduced) or 50706 in tags  # DNGVersion
    except (MemoryError, *DECODE_ERRORS):
        return False


def looks_like_text(data: bytes) -> bool:
    """UTF-8 (or ASCII) with no control characters but line breaks and tabs."""
    sample = data[:512]
    for cut in range(4):  # the sample may end inside a multi-byte character
        try:
            text = sample[: len(sample) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
        return all(ch >= " " or ch in "\t\r\n\f" for ch in text.removeprefix("\ufeff"))
    return False


def decode(
    image: ImageFile.ImageFile,
    name: str,
    format_name: str,
    draft_size: tuple[int, int] | None = None,
) -> None:
    """Decodes the pixels once, JPEGs at the smallest scale that still covers ``draft_size``.

    Once only: after a failed load Pillow keeps the half-decoded pixels and a second load
    would succeed, so every failure here is final.
    """
    try:
        if draft_size and format_name == "JPEG":
            image.draft("RGB", draft_size)
        image.load()
    except MemoryError:
        raise refusals.out_of_memory(name) from None
    except DECODE_ERRORS:
        raise refusals.damaged(name) from None


def frame_count(image: ImageFile.ImageFile) -> int:
    """Frames of an animation (or pages of a TIFF); 1 for a camera's MPO, whose second
    image is a preview or a depth map, not a frame."""
    if image.format == "MPO":
        return 1
    try:
        return max(1, int(getattr(image, "n_frames", 1)))
    except (MemoryError, *DECODE_ERRORS):
        return 1
