"""Readable, stable ids for films and stills ("dragonfly", "still-3"), so dumps diff well."""

from __future__ import annotations

import re
import unicodedata

from presskit.model.kit import PressKit


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].rstrip("-")


def new_film_id(kit: PressKit, title: str) -> str:
    base = slug(title) or "film"
    taken = {f.id for f in kit.films}
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def new_still_id(kit: PressKit) -> str:
    """One past the highest number in use, so a deleted still's id never comes back to
    mean another picture (a cover or key still pointing at it would silently change)."""
    numbers = [int(m.group(1)) for s in kit.stills if (m := re.fullmatch(r"still-(\d{1,9})", s.id))]
    return f"still-{max(numbers, default=0) + 1}"


def assign_missing_ids(kit: PressKit) -> None:
    """Gives films and stills written by hand without an id a readable one."""
    for film in kit.films:
        if not film.id:
            film.id = new_film_id(kit, film.title)
    for still in kit.stills:
        if not still.id:
            still.id = new_still_id(kit)
