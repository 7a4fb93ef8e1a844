"""EXIF orientation: how a camera says "this picture is stored sideways".

Applied with our own table rather than ``ImageOps.exif_transpose``, so a JPEG can be
drafted at a reduced scale first and a malformed tag can never become an error. Some
Pillow loaders turn the pixels upright themselves (TIFF does, and drops the tag), so what
is still to be done is always read again after decoding, never assumed.
"""

from __future__ import annotations

from PIL import Image

from presskit.imaging.opening import DECODE_ERRORS

EXIF_ORIENTATION = 0x0112

# Orientation -> the transpose that brings the stored pixels upright.
UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def orientation(image: Image.Image) -> int:
    """The EXIF orientation (or the XMP one Pillow folds in), 1 when missing or nonsense:
    a value outside 1..8 or of the wrong type is a broken tag, and a broken tag means
    "show it as stored"."""
    try:
        value = image.getexif().get(EXIF_ORIENTATION, 1)
    except (MemoryError, *DECODE_ERRORS):
        return 1
    return value if type(value) is int and 1 <= value <= 8 else 1


def orientation_before_load(image: Image.Image, format_name: str) -> int | None:
    """The tag as the file states it, read without decoding, or None where that is not
    possible (a PNG whose EXIF may come after the pixels: reading it would decode them)."""
    if format_name == "PNG" and "exif" not in image.info:
        return None
    return orientation(image)


def upright_size(size: tuple[int, int], orient: int) -> tuple[int, int]:
    """The size as displayed: orientations 5 to 8 turn the picture a quarter."""
    width, height = size
    return (height, width) if orient >= 5 else (width, height)


def make_upright(image: Image.Image, orient: int) -> Image.Image:
    return image.transpose(UPRIGHT[orient]) if orient in UPRIGHT else image
