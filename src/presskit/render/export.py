"""Writing the PDF: atomically, so a failed or cancelled export leaves any old file as it was."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from presskit import model
from presskit.errors import ExportError
from presskit.render.document import (
    DEFAULT_OPTIONS,
    Options,
    RenderResult,
    nothing_to_show,
    render_pdf,
)
from presskit.render.images import AssetSource, Cancelled, Progress


def write_atomically(path: Path, data: bytes) -> None:
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(temp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, path)
    except OSError as err:
        raise ExportError(
            f"Could not write “{path.name}”: {(err.strerror or str(err)).lower()}."
        ) from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def export_pdf(
    kit: model.PressKit,
    source: AssetSource,
    out: str | os.PathLike[str],
    options: Options = DEFAULT_OPTIONS,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> RenderResult:
    out = Path(out)
    if out.is_dir():
        raise ExportError(f"“{out}” is a folder; give the PDF a file name.")
    if not out.parent.is_dir():
        raise ExportError(f"The folder “{out.parent}” does not exist.")
    empty = nothing_to_show(kit, source, options)
    if empty:  # a blank page, or a PDF without pages (which most readers refuse to open)
        raise ExportError(empty)
    result = render_pdf(kit, source, options, progress, cancelled)
    write_atomically(out, result.pdf)
    return result
