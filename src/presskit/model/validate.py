"""Problems in a kit's data, each as one sentence a person can act on.

These are facts about the data (a link that is not a web address, a still pointing at a
film that is gone). Taste and print quality, such as a missing credit, belong to preflight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from presskit.model.kit import STATUSES, Link, PressKit
from presskit.model.registry import PAGE_SIZES, SECTIONS

_ACCENT = re.compile(r"#[0-9a-fA-F]{6}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
LINK_SCHEMES = ("http", "https", "mailto")


@dataclass(frozen=True)
class Problem:
    where: str  # a path such as "films[1].status"
    message: str


def film_label(index: int, title: str) -> str:
    return f"Film {index + 1} (“{title}”)" if title else f"Film {index + 1}"


def still_label(index: int, caption: str) -> str:
    return f"Still {index + 1} (“{caption}”)" if caption else f"Still {index + 1}"


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be a link in a press kit, or None when it can."""
    if not url.strip():
        return "has no address"
    parts = urlsplit(url.strip())
    if not parts.scheme:
        return f"“{url}” has no scheme; write it as https://{url.strip()}"
    if parts.scheme.lower() not in LINK_SCHEMES:
        return f"“{url}” uses {parts.scheme}:, but only https, http and mailto links are allowed"
    if parts.scheme.lower() != "mailto" and not parts.netloc:
        return f"“{url}” has no site name"
    return None


def validate(kit: PressKit) -> list[Problem]:
    problems: list[Problem] = []

    def check_links(links: list[Link], where: str, owner: str) -> None:
        for i, link in enumerate(links):
            reason = url_problem(link.url)
            if reason:
                name = f"“{link.label}”" if link.label else str(i + 1)
                problems.append(Problem(f"{where}[{i}].url", f"{owner} link {name} {reason}."))

    if not kit.person.name.strip():
        problems.append(Problem("person.name", "The kit has no name for the person it presents."))
    if kit.person.portrait and not kit.still(kit.person.portrait):
        problems.append(
            Problem("person.portrait", "The portrait points to a still that is not in the kit.")
        )

    film_ids: set[str] = set()
    for i, film in enumerate(kit.films):
        label = film_label(i, film.title)
        if not film.id:
            problems.append(Problem(f"films[{i}].id", f"{label} has no id."))
        elif film.id in film_ids:
            problems.append(
                Problem(f"films[{i}].id", f"{label} has the same id as another film ({film.id}).")
            )
        film_ids.add(film.id)
        if not film.title.strip():
            problems.append(Problem(f"films[{i}].title", f"{label} has no title."))
        if film.status not in STATUSES:
            problems.append(
                Problem(
                    f"films[{i}].status",
                    f"{label} has the status “{film.status}”, which is not one of {', '.join(STATUSES)}.",
                )
            )
        if film.year is not None and not 1870 <= film.year <= 2200:
            problems.append(
                Problem(
                    f"films[{i}].year", f"{label} has the year {film.year}, which cannot be right."
                )
            )
        if film.runtime_min is not None and not 0 < film.runtime_min < 10_000:
            problems.append(
                Problem(
                    f"films[{i}].runtime_min",
                    f"{label} has a runtime of {film.runtime_min} minutes.",
                )
            )
        if film.key_still and not kit.still(film.key_still):
            problems.append(
                Problem(f"films[{i}].key_still", f"{label}'s key still is not in the kit.")
            )
        check_links(film.links, f"films[{i}].links", f"{label}:")

    still_ids: set[str] = set()
    for i, still in enumerate(kit.stills):
        label = still_label(i, still.caption)
        if not still.id or still.id in still_ids:
            problems.append(Problem(f"stills[{i}].id", f"{label} has a missing or repeated id."))
        still_ids.add(still.id)
        if not still.asset:
            problems.append(Problem(f"stills[{i}].asset", f"{label} has no image."))
        if still.film and still.film not in film_ids:
            problems.append(
                Problem(f"stills[{i}].film", f"{label} points to a film that is not in the kit.")
            )

    check_links(kit.links, "links", "The")
    if kit.contact.email and not _EMAIL.fullmatch(kit.contact.email.strip()):
        problems.append(
            Problem(
                "contact.email", f"The contact email “{kit.contact.email}” is not an email address."
            )
        )
    if kit.contact.website and (reason := url_problem(kit.contact.website)):
        problems.append(Problem("contact.website", f"The website {reason}."))

    design = kit.design
    if design.page_size not in PAGE_SIZES:
        problems.append(
            Problem("design.page_size", f"The page size “{design.page_size}” is not A4 or Letter.")
        )
    if design.accent and not _ACCENT.fullmatch(design.accent):
        problems.append(
            Problem(
                "design.accent",
                f"The accent colour “{design.accent}” is not a colour like #B33A3A.",
            )
        )
    if design.cover_still and not kit.still(design.cover_still):
        problems.append(Problem("design.cover_still", "The cover still is not in the kit."))
    names = [s.name for s in design.sections]
    for i, name in enumerate(names):
        if name not in SECTIONS:
            problems.append(
                Problem(f"design.sections[{i}]", f"The section “{name}” is not one presskit knows.")
            )
        elif names.index(name) != i:
            problems.append(
                Problem(f"design.sections[{i}]", f"The section “{name}” is listed twice.")
            )
    return problems
