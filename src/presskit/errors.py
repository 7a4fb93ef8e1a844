"""Errors a person can cause. Each carries one clear sentence meant for them.

Anything else escaping presskit is a bug in presskit, not in the person's data.
"""

from __future__ import annotations


class PresskitError(Exception):
    """Base of the errors a person can cause; ``str(error)`` is one sentence for them."""


class KitFileError(PresskitError):
    """A .presskit file cannot be opened, read or written."""


class MissingImageError(KitFileError):
    """A kit refers to an image its file does not hold (as opposed to a file that cannot be
    read): the renderer leaves such a still out, where a read error must stop the export."""


class DamagedImageError(MissingImageError):
    """A kit holds an image whose bytes no longer match their SHA-256 (changed or damaged
    outside presskit): as good as missing, and named as damaged."""


class InterchangeError(PresskitError):
    """Interchange JSON that presskit cannot read."""


class ImageImportError(PresskitError):
    """An image that presskit cannot take in as a still."""


class ExportError(PresskitError):
    """A PDF export that could not be completed."""


class ArticleError(PresskitError):
    """An article (interview) file presskit cannot read."""
