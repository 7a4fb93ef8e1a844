"""How large each part of a kit may be: the one place these numbers live.

Kits come from elsewhere (an agency, a backup, another program), so every size that costs
work is bounded. Each limit is chosen from real kits with a wide margin: the sample kit's
document is 13 KB, a long bio is about 10,000 characters, a festival veteran's filmography
about 60 films. Above a ``warn`` length a field is worth a look (preflight warns); above
its ``hard`` one the kit is refused for export until it is shortened (preflight errs), so
no export, preview or check runs away on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The document JSON as stored; larger is refused when the kit is opened.
DOCUMENT_CHARS = 8_000_000

# One image as stored (a 150-megapixel TIFF fits) and its pixels.
ASSET_BYTES = 300 * 1024 * 1024
ASSET_PIXELS = 160_000_000  # above the largest medium-format sensors, far below what hurts


@dataclass(frozen=True)
class Limit:
    warn: int
    hard: int
    name: str = ""  # how a sentence names the field or list ("The name")


# Lists, by their place with indices left out ("films[].credits").
LISTS: dict[str, Limit] = {
    "films": Limit(200, 1_000, "The list of films"),
    "stills": Limit(500, 2_000, "The list of stills"),
    "interview.items": Limit(200, 1_000, "The interview"),
    "links": Limit(100, 500, "The list of links"),
    "person.roles": Limit(20, 200, "The list of roles"),
    "films[].roles": Limit(20, 200, "A film's roles"),
    "films[].themes": Limit(50, 200, "A film's themes"),
    "films[].festivals": Limit(300, 1_000, "A film's festivals"),
    "films[].awards": Limit(300, 1_000, "A film's awards"),
    "films[].press_quotes": Limit(100, 500, "A film's press quotes"),
    "films[].links": Limit(100, 500, "A film's links"),
    "films[].credits": Limit(500, 3_000, "A film's credits"),
}
LIST_DEFAULT = Limit(200, 1_000)

# Fields printed on one line, each with the length past which it no longer reads as one
# (issue 11: a 500-character name ran the cover over three pages).
ONE_LINE: dict[str, Limit] = {
    "person.name": Limit(80, 2_000, "The name"),
    "person.name_original": Limit(80, 2_000, "The name in its original script"),
    "person.pronouns": Limit(40, 2_000, "The pronouns"),
    "person.roles[]": Limit(60, 2_000, "A role"),
    "person.location": Limit(100, 2_000, "“Based in”"),
    "person.headline": Limit(200, 2_000, "The headline"),
    "films[].title": Limit(120, 2_000, "A film title"),
    "films[].original_title": Limit(120, 2_000, "A film's original title"),
    "films[].roles[]": Limit(60, 2_000, "A role on a film"),
    "films[].credits[].role": Limit(80, 2_000, "A credit's role"),
    "films[].credits[].name": Limit(120, 2_000, "A credit's name"),
    "stills[].caption": Limit(300, 2_000, "A still's caption"),
    "stills[].credit": Limit(120, 2_000, "A still's photographer"),
    "links[].label": Limit(120, 2_000, "A link's label"),
}
# Everything else is prose (a bio, an answer, a synopsis): a long essay fits under ``warn``;
# ``hard`` keeps a single field's layout within seconds, even as one unbroken word (its
# paragraphs are set in pieces: render.markup.pieces).
PROSE = Limit(30_000, 1_000_000)

_INDEX = re.compile(r"\[\d+\]")


def general(where: str) -> str:
    """A field's place with its indices left out: ``films[2].title`` -> ``films[].title``."""
    return _INDEX.sub("[]", where)


def text_limit(where: str) -> Limit:
    return ONE_LINE.get(general(where), PROSE)


def list_limit(where: str) -> Limit:
    return LISTS.get(general(where), LIST_DEFAULT)


@dataclass(frozen=True)
class Excess:
    """A field or list longer than it should be: ``hard`` when it is past its hard limit."""

    where: str
    hard: bool
    message: str


def _field_name(where: str, limit: Limit) -> str:
    return f"{limit.name} ({where})" if limit.name else f"The field {where}"


def _excess(where: str, what: str, size: int, limit: Limit, unit: str) -> Excess:
    if size > limit.hard:
        return Excess(
            where,
            True,
            f"{_field_name(where, limit)} {what}; shorten it to {limit.hard:,} {unit} to export the kit.",
        )
    kind = "a one-line field" if general(where) in ONE_LINE else "a press kit"
    return Excess(
        where, False, f"{_field_name(where, limit)} {what}; {kind} reads best under {limit.warn:,}."
    )


def excesses(node: object, where: str = "") -> list[Excess]:
    """Every text and list in ``node`` (a kit, or any part of one) past its limit."""
    found: list[Excess] = []
    if isinstance(node, str):
        limit = text_limit(where)
        if len(node) > limit.warn:
            found.append(
                _excess(where, f"is {len(node):,} characters long", len(node), limit, "characters")
            )
        return found
    if isinstance(node, list):
        limit = list_limit(where)
        if len(node) > limit.warn:
            found.append(
                _excess(where, f"holds {len(node):,} entries", len(node), limit, "entries")
            )
        for i, item in enumerate(node[: limit.hard + 1]):  # past the limit, one is enough
            found += excesses(item, f"{where}[{i}]")
        return found
    for name in getattr(node, "__dataclass_fields__", ()):
        found += excesses(getattr(node, name), f"{where}.{name}".lstrip("."))
    return found


def first_refusal(node: object) -> str | None:
    """The first hard limit ``node`` passes, as a sentence; None when it passes none."""
    return next((e.message for e in excesses(node) if e.hard), None)
