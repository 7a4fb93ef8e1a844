"""Where files go by default: folders that exist, and file names made from the kit."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths

# Characters no file system or file manager takes happily in a name.
_UNSAFE = re.compile(r'[\x00-\x1f/\\:*?"<>|]+')
MAX_NAME = 80  # characters: long names are cut, far below any file system's limit


def file_name(text: str, fallback: str = "Untitled") -> str:
    """A file name (without extension) that says what ``text`` says, safe on every system."""
    name = _UNSAFE.sub(" ", text)
    name = " ".join(name.split()).strip(" .")[:MAX_NAME].strip(" .")
    return name or fallback


def existing_documents_folder() -> Path:
    """The person's Documents folder when there is one (a fresh machine may have none),
    else their home folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()
