"""Reading an image file from disk, with a clear sentence for every way that can fail."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from presskit.errors import ImageImportError
from presskit.imaging import refusals
from presskit.imaging.formats import MAX_FILE_BYTES


def read_image_file(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes, refusing folders, devices and pipes (which could block or never end)
    and anything over MAX_FILE_BYTES, read with a cap in case it grows meanwhile."""
    path = Path(path)
    name = path.name or str(path)
    try:
        info = path.stat()  # before opening: opening a named pipe would wait for a writer
        if stat.S_ISDIR(info.st_mode):
            raise refusals.a_folder(name)
        if not stat.S_ISREG(info.st_mode):
            raise refusals.not_a_file(name)
        if info.st_size > MAX_FILE_BYTES:
            raise refusals.file_too_big(name, info.st_size)
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except ImageImportError:
        raise
    except FileNotFoundError:
        raise refusals.missing(name) from None
    except IsADirectoryError:
        raise refusals.a_folder(name) from None
    except PermissionError:
        if path.is_dir():  # Windows refuses to open a folder with "permission denied"
            raise refusals.a_folder(name) from None
        raise refusals.no_permission(name) from None
    except OSError as err:
        raise refusals.unreadable(name, err.strerror or str(err)) from None
    if len(data) > MAX_FILE_BYTES:
        raise refusals.file_too_big(name, len(data))
    return data
