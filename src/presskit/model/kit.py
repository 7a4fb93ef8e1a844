"""The press kit as plain dataclasses.

Field order here is the key order of the interchange JSON, so a dump reads like a press
kit: who, what they said, what they made, what it looks like. Strings default to "" rather
than None so editors and the renderer never have to ask "is it there?" twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from presskit.model.registry import DEFAULT_THEME, SECTIONS

STATUSES: tuple[str, ...] = (
    "development",
    "pre-production",
    "production",
    "post-production",
    "completed",
    "released",
)


@dataclass
class Link:
    label: str = ""
    url: str = ""


@dataclass
class QA:
    question: str = ""
    answer: str = ""


@dataclass
class Person:
    name: str = ""
    name_original: str = ""  # the name in its original script, e.g. 송임선
    pronouns: str = ""
    roles: list[str] = field(default_factory=list)
    location: str = ""
    headline: str = ""
    bio_short: str = ""
    bio_long: str = ""
    portrait: str = ""  # id of a still, so the portrait keeps its photographer's credit


@dataclass
class Interview:
    title: str = ""
    publication: str = ""
    date: str = ""
    pull_quote: str = ""  # for the cover; "" lets the renderer choose a sentence
    items: list[QA] = field(default_factory=list)


@dataclass
class Festival:
    """A festival, market or screening: "Busan International Film Festival", 2025, "World premiere"."""

    name: str = ""
    year: int | None = None
    note: str = ""


@dataclass
class Award:
    name: str = ""
    year: int | None = None
    note: str = ""


@dataclass
class PressQuote:
    quote: str = ""
    source: str = ""


@dataclass
class Credit:
    role: str = ""
    name: str = ""


@dataclass
class Film:
    id: str = ""
    title: str = ""
    original_title: str = ""
    year: int | None = None
    status: str = "development"
    roles: list[str] = field(default_factory=list)  # the person's roles on this film
    runtime_min: int | None = None
    genre: str = ""
    language: str = ""
    country: str = ""
    format: str = ""
    aspect_ratio: str = ""
    sound: str = ""
    colour: str = ""
    logline: str = ""
    synopsis: str = ""
    synopsis_long: str = ""
    directors_statement: str = ""
    themes: list[str] = field(default_factory=list)
    festivals: list[Festival] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    press_quotes: list[PressQuote] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    key_still: str = ""  # id of a still


@dataclass
class Still:
    id: str = ""
    asset: str = ""  # SHA-256 of the original image in the kit file
    caption: str = ""
    credit: str = ""  # the photographer, printed as "Photo: NAME"
    copyright: str = ""
    film: str = ""  # id of a film, or "" for a still of the person's work in general
    alt: str = ""
    included: bool = True


@dataclass
class Contact:
    email: str = ""
    phone: str = ""
    website: str = ""
    representation: str = ""


@dataclass
class SectionSetting:
    name: str = ""
    visible: bool = True


def default_sections() -> list[SectionSetting]:
    return [SectionSetting(name) for name in SECTIONS]


@dataclass
class Design:
    theme: str = DEFAULT_THEME
    page_size: str = "a4"
    accent: str = ""  # "#RRGGBB"; "" takes the theme's own accent
    cover_still: str = ""  # id of a still; "" lets the renderer pick the first included still
    sections: list[SectionSetting] = field(default_factory=default_sections)


@dataclass
class PressKit:
    person: Person = field(default_factory=Person)
    interview: Interview = field(default_factory=Interview)
    films: list[Film] = field(default_factory=list)
    stills: list[Still] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    contact: Contact = field(default_factory=Contact)
    design: Design = field(default_factory=Design)

    def film(self, film_id: str) -> Film | None:
        return next((f for f in self.films if f.id == film_id), None)

    def still(self, still_id: str) -> Still | None:
        return next((s for s in self.stills if s.id == still_id), None)

    def is_blank(self) -> bool:
        """Nothing typed or added yet (the design aside): a brand-new kit."""
        return self.person == Person() and self == PressKit(design=self.design)

    def asset_ids(self) -> set[str]:
        """Every image the kit refers to; the file keeps these and may drop the rest."""
        return {s.asset for s in self.stills if s.asset}
