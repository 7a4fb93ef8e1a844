"""Where files go by default: folders that exist, and file names made from the kit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def existing_documents_folder() -> Path:
    """The person's Documents folder when there is one (a fresh machine may have none),
    else their home folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()
