"""What a kit shows for a choice of films: the same films and stills in the PDF, the web
press kit and the stills package."""

from __future__ import annotations

from collections.abc import Collection

from presskit.model.kit import Film, PressKit, Still


def shown_films(kit: PressKit, films: Collection[str] | None = None) -> list[Film]:
    """The kit's films in its order; only the ids in ``films`` when given."""
    return [f for f in kit.films if films is None or f.id in films]


def shown_stills(kit: PressKit, films: Collection[str] | None = None) -> list[Still]:
    """The included stills with a picture, but those of a film that is not shown."""
    shown = {f.id for f in shown_films(kit, films)}
    return [s for s in kit.stills if s.included and s.asset and (not s.film or s.film in shown)]
