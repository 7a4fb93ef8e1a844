"""Keeping Pillow's warnings (corrupt EXIF, decompression bombs, odd palettes) away from people.

Every such case is either handled or turned into an ImageImportError, so the warning adds
nothing. ``warnings.catch_warnings`` is not thread-safe on Python 3.11 (thumbnails are made
on several threads at once): two overlapping uses can restore each other's filters and leave
warnings silenced for good. So all imaging calls share one suppression, counted, and the
filters are put back only when the last of them ends.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_saved: warnings.catch_warnings | None = None


@contextmanager
def quiet() -> Iterator[None]:
    """Warnings are ignored inside (on every thread, while any imaging call runs)."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            _saved = warnings.catch_warnings()
            _saved.__enter__()
            warnings.simplefilter("ignore")
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _saved is not None:
                _saved.__exit__(None, None, None)
                _saved = None
