"""What text presskit stores.

Policy: every string is kept exactly as typed (any script, emoji, right-to-left text,
combining marks; no Unicode normalisation), except what cannot be shown or stored:
- NUL and the other control characters (C0 and C1) are removed, but tab and newline stay;
- Windows and old Mac line ends (CR LF, CR) become newline;
- lone surrogates, which are not characters and cannot be written as UTF-8, become U+FFFD.
Cleaning is idempotent, so a kit read back from its own dump is unchanged.
"""

from __future__ import annotations

import re
import unicodedata

_LINE_ENDS = re.compile(r"\r\n?")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str) -> str:
    text = _LINE_ENDS.sub("\n", text)
    text = _CONTROLS.sub("", text)
    return _SURROGATES.sub("\ufffd", text)


# Characters no file system or file manager takes happily in a name.
_UNSAFE_IN_NAMES = re.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|\ud800-\udfff]+')
# Names Windows keeps for devices, whatever the extension ("NUL.jpg" is the device too).
_DEVICE_NAMES = {"CON", "PRN", "AUX", "NUL"} | {
    f"{p}{n}" for p in ("COM", "LPT") for n in range(10)
}
FILE_NAME_CHARS = 80  # long names are cut, far below any file system's limit
_FILE_NAME_BYTES = 200  # UTF-8: room under the usual 255-byte limit for an extension and "-2"


def file_name(text: str, fallback: str = "Untitled", max_chars: int = FILE_NAME_CHARS) -> str:
    """A file name (without extension) that says what ``text`` says, safe on Windows, macOS
    and Linux: no separators or reserved characters, no leading or trailing dots or spaces,
    not a device name, at most ``max_chars`` characters and 200 bytes of UTF-8."""
    name = " ".join(_UNSAFE_IN_NAMES.sub(" ", text).split()).strip(" .")
    name = name[:max_chars]
    while len(name.encode("utf-8")) > _FILE_NAME_BYTES:
        name = name[:-1]
    name = name.strip(" .")
    if name.split(".")[0].upper() in _DEVICE_NAMES:
        name = f"{name} file"
    return name or fallback


def unique_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name`` with "-2", "-3"... before its extension, whichever is not in
    ``taken`` as a file system that ignores case and Unicode normalisation would compare
    (``name_key``): the names stay distinct on Windows, macOS and Linux alike."""
    stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
    candidate, n = name, 2
    while name_key(candidate) in taken:
        candidate, n = f"{stem}-{n}{dot}{suffix}", n + 1
    return candidate


def name_key(name: str) -> str:
    """What makes two file names the same file on a case-insensitive, normalising system."""
    return unicodedata.normalize("NFC", name).casefold()
