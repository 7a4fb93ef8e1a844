"""The floor's worker: the least work a rendition needs (decode at reduced scale, resize,
encode), importable by spawned processes."""

from __future__ import annotations

import io

from PIL import Image


def rendition(job: tuple[str, tuple[int, int]]) -> int:
    path, size = job
    image = Image.open(path)
    image.draft("RGB", size)
    image = image.convert("RGB").resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return len(out.getvalue())
