"""The sentences a person reads when an image is refused: one each, naming their file.

Kept in one place so every refusal reads the same way, and tests can check each exactly.
"""

from __future__ import annotations

from presskit.errors import ImageImportError
from presskit.imaging.formats import MAX_FILE_BYTES, MAX_PIXELS, allowed_list

_MB = 1024 * 1024


def named(name: str) -> str:
    return f"“{name}”"


def empty(name: str) -> ImageImportError:
    return ImageImportError(f"{named(name)} is empty (0 bytes).")


def not_an_image(name: str, looks_like_text: bool) -> ImageImportError:
    kind = " (it looks like text)" if looks_like_text else ""
    return ImageImportError(f"{named(name)} is not an image{kind}.")


def wrong_format(name: str, what: str) -> ImageImportError:
    """``what`` says what the file is: "a BMP image", "a PDF document"."""
    return ImageImportError(f"{named(name)} is {what}; presskit takes {allowed_list()}.")


def too_many_pixels(name: str, width: int, height: int) -> ImageImportError:
    megapixels = round(width * height / 1_000_000)
    return ImageImportError(
        f"{named(name)} is {width} × {height} pixels ({megapixels} megapixels); "
        f"the limit is {MAX_PIXELS // 1_000_000} megapixels."
    )


def damaged(name: str) -> ImageImportError:
    return ImageImportError(f"{named(name)} is damaged or incomplete and cannot be read.")


def out_of_memory(name: str) -> ImageImportError:
    return ImageImportError(f"{named(name)} needs more memory to open than this computer has free.")


def unusual_colours(name: str) -> ImageImportError:
    return ImageImportError(
        f"{named(name)} stores its colours in a way presskit cannot read; "
        "saving it as an 8-bit RGB JPEG or PNG will work."
    )


def missing(name: str) -> ImageImportError:
    return ImageImportError(f"{named(name)} does not exist.")


def a_folder(name: str) -> ImageImportError:
    return ImageImportError(f"{named(name)} is a folder, not an image.")


def not_a_file(name: str) -> ImageImportError:
    return ImageImportError(f"{named(name)} is not a regular file, so it cannot be an image.")


def no_permission(name: str) -> ImageImportError:
    return ImageImportError(f"{named(name)} cannot be read (permission denied).")


def unreadable(name: str, reason: str) -> ImageImportError:
    return ImageImportError(f"{named(name)} cannot be read ({reason.rstrip('.')}).")


def file_too_big(name: str, size: int) -> ImageImportError:
    return ImageImportError(
        f"{named(name)} is {-(-size // _MB)} MB; "  # rounded up: never "300 MB, over 300 MB"
        f"the limit for one image is {MAX_FILE_BYTES // _MB} MB."
    )
