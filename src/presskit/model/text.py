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

_LINE_ENDS = re.compile(r"\r\n?")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str) -> str:
    text = _LINE_ENDS.sub("\n", text)
    text = _CONTROLS.sub("", text)
    return _SURROGATES.sub("\ufffd", text)
