"""Which image files presskit takes in, the limits that keep a bad file from hurting, and
names for the files it refuses, so a refusal can say what the file actually is."""

from __future__ import annotations

import importlib.util
import logging
import threading

from PIL import Image

from presskit.model import limits

# Pillow format name -> MIME type. Only these Pillow parsers ever read a file; the others
# only see its first 16 bytes, to name it: each is one more parser an untrusted file could reach.
_MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "TIFF": "image/tiff", "WEBP": "image/webp"}
# pillow_heif is optional (the "heic" extra). Looking for it is cheap; importing it is not,
# so its opener is registered on the first image, not when presskit starts.
HEIF_AVAILABLE = importlib.util.find_spec("pillow_heif") is not None
if HEIF_AVAILABLE:
    _MIME["HEIF"] = "image/heic"

ALLOWED_FORMATS: frozenset[str] = frozenset(_MIME)
# The one place these are chosen is model.limits; an image taken in and one read back from
# a kit file are held to the same.
MAX_PIXELS = limits.ASSET_PIXELS
MAX_FILE_BYTES = limits.ASSET_BYTES

# Names people know formats by, where Pillow's differ.
_DISPLAY = {
    "WEBP": "WebP",
    "HEIF": "HEIC",
    "DIB": "BMP",
    "JPEG2000": "JPEG 2000",
    "PSD": "Photoshop (PSD)",
    "MPEG": "MPEG video",
}
# Formats whose spoken name starts with a vowel sound: "an EPS image", "an AVIF image".
_AN = {"AVIF", "EPS", "ICO", "ICNS", "IM", "IMT", "IPTC", "MPEG", "MSP", "SGI", "XBM", "XPM"}
_AN |= {"FLI", "FTEX", "HDF5", "HEIF"}
# How an SVG drawing (which people mistake for a picture file) may begin.
_XML_STARTS = (b"<?xml", b"<!DOCTYPE svg", b"<!--")
# Camera raw formats Pillow would not recognise: Olympus ORF, Panasonic RW2, Fujifilm RAF.
_RAW_SIGNATURES = (b"IIRO", b"IIRS", b"MMOR", b"IIU\x00", b"FUJIFILMCCD-RAW")
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1")

_setup_lock = threading.Lock()
_set_up = False


def mime_for(format_name: str) -> str:
    return _MIME[format_name]


def allowed_list() -> str:
    """The allowed formats as a person would list them: "JPEG, PNG, TIFF and WebP"."""
    names = ["JPEG", "PNG", "TIFF", "WebP"] + (["HEIC"] if HEIF_AVAILABLE else [])
    return ", ".join(names[:-1]) + " and " + names[-1]


def set_up_plugins() -> None:
    """Registers the allowed openers once: Pillow's own, and pillow_heif's when installed.

    Lazy so that importing presskit (the CLI, a spawned render worker) stays fast.
    """
    global _set_up
    if _set_up:
        return
    with _setup_lock:
        if _set_up:
            return
        from PIL import (  # noqa: F401  (importing a plugin registers it)
            JpegImagePlugin,
            PngImagePlugin,
            TiffImagePlugin,
            WebPImagePlugin,
        )

        # Pillow logs some refusals (a TIFF's absurd sample count) at error level; with no
        # handler configured, Python would print them on stderr beside our own sentence.
        logging.getLogger("PIL").addHandler(logging.NullHandler())
        if HEIF_AVAILABLE:
            try:
                import pillow_heif

                pillow_heif.register_heif_opener()
            except Exception:  # a broken optional install: HEIC files are then refused
                pass
        _set_up = True


def openers() -> list[tuple[str, object, object]]:
    """(format, factory, accept) for each allowed format Pillow can open here."""
    set_up_plugins()
    return [(name, *Image.OPEN[name]) for name in sorted(ALLOWED_FORMATS) if name in Image.OPEN]


def is_camera_raw(prefix: bytes) -> bool:
    """A camera's raw file, by its first bytes: ORF, RW2, RAF, CR3, and Canon's CR2 (a TIFF
    marked "CR"). Raw files on plain TIFF (DNG, NEF, ARW) are told by their tags instead."""
    return (
        prefix.startswith(_RAW_SIGNATURES)
        or prefix[4:12] == b"ftypcrx "
        or (prefix[:4] == b"II*\x00" and prefix[8:10] == b"CR")
    )


def describe_other(prefix: bytes) -> str | None:
    """What a file we do not take is, from its first bytes only ("a BMP image"), or None.

    Only the plugins' signature checks run here, never their parsers.
    """
    head = prefix.lstrip()
    if head.startswith(b"%PDF-"):
        return "a PDF document"
    if head.startswith(b"<svg") or (head.startswith(_XML_STARTS) and b"<svg" in head):
        return "an SVG drawing"
    if prefix[4:8] == b"ftyp":
        brand = prefix[8:12]
        if brand in _HEIF_BRANDS:
            return "a HEIC image"
        if brand in (b"avif", b"avis"):
            return "an AVIF image"
    Image.init()
    for name in Image.ID:
        if name in ALLOWED_FORMATS:
            continue
        _factory, accept = Image.OPEN[name]
        if accept is None:  # no signature: it would claim anything
            continue
        try:
            result = accept(prefix[:16])
        except Exception:
            continue
        if result and not isinstance(result, str):
            return f"{'an' if name in _AN else 'a'} {_DISPLAY.get(name, name)} image"
    return None
