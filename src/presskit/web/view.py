"""What the web press kit says: the same sections, films, stills and wording as the PDF, as
plain values for the page's template, and the template environment that prints them.

The wording comes from the PDF's own helpers (``render.sections``), so the page and the PDF
never disagree about a credit line, a laurel or a film's meta line. Every string a person
typed reaches the HTML through Jinja's autoescaping, and a link only when it is a web or
mail address (``model.url_problem``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from presskit import model
from presskit.render import sections as wording
from presskit.render.document import section_order
from presskit.render.markup import paragraphs, typographic
from presskit.render.rows import justified_rows
from presskit.render.themes import Theme

TEMPLATES = Path(__file__).resolve().parent / "templates"
LANGUAGE = "en"  # a kit has no language of its own yet: the labels presskit prints are English
DESCRIPTION_CHARS = 200  # a search result's or a link preview's description, about two lines


@dataclass(frozen=True)
class Picture:
    """A still's renditions on the page: (path, width, height), narrowest first."""

    sources: tuple[tuple[str, int, int], ...]

    @property
    def src(self) -> str:
        return self.sources[0][0]

    @property
    def largest(self) -> str:
        return self.sources[-1][0]

    @property
    def width(self) -> int:
        return self.sources[0][1]

    @property
    def height(self) -> int:
        return self.sources[0][2]

    @property
    def srcset(self) -> str:
        return ", ".join(f"{path} {width}w" for path, width, _height in self.sources)


@dataclass(frozen=True)
class Download:
    label: str
    href: str  # relative to the page, percent-encoded
    size: str  # "1.4 MB", or "" when the file is not there to measure


def local_href(path: str) -> str:
    """A path inside the package as a relative URL (spaces and the rest percent-encoded).
    Anything that could point outside the folder is a bug in the caller, not in the kit."""
    parts = Path(path).parts
    if not path or Path(path).is_absolute() or ".." in parts or ":" in parts[0]:
        raise ValueError(f"{path!r} is not a path inside the package")
    return quote(Path(path).as_posix(), safe="/")


def web_link(url: str) -> str | None:
    """The address to link to, or None where it is not a web or mail address (a
    ``javascript:`` or ``file:`` link prints as text and never becomes a link)."""
    return url.strip() if model.url_problem(url) is None else None


def prose(text: str) -> list[Markup]:
    """A person's text as HTML paragraphs: blank lines part them, a line break stays one,
    quotes and dashes set as the PDF sets them, every character escaped."""
    return [lines(p) for p in paragraphs(text)]


def lines(text: str) -> Markup:
    return Markup("<br>\n").join(escape(typographic(line)) for line in text.split("\n"))


def shown_sections(kit: model.PressKit, films: list[model.Film]) -> list[str]:
    """The kit's visible sections in its order, those with something to show, as the PDF
    prints them (each condition is the PDF builder's own: ``render.sections``)."""
    stills = model.shown_stills(kit, [f.id for f in films])
    person, contact = kit.person, kit.contact
    has = {
        "cover": True,
        "bio": bool(person.bio_short.strip() or person.bio_long.strip()),
        "interview": any(qa.question.strip() or qa.answer.strip() for qa in kit.interview.items),
        "films": bool(films),
        "stills": bool(stills),
        "contact": bool(
            contact.email.strip()
            or contact.phone.strip()
            or contact.website.strip()
            or contact.representation.strip()
            or any(link.url.strip() or link.label.strip() for link in kit.links)
        ),
    }
    return [name for name in section_order(kit, None) if has[name]]


def still_groups(
    kit: model.PressKit, films: list[model.Film], stills: list[model.Still]
) -> list[tuple[str, list[model.Still]]]:
    """(film title or "", its stills): each film's stills in the kit's film order, then the
    stills of no film, as the PDF's stills section groups them."""
    groups = [(f.title, [s for s in stills if s.film == f.id]) for f in films]
    general = [s for s in stills if not s.film]
    return [g for g in groups if g[1]] + ([("", general)] if general else [])


def ratio(still: model.Still, pictures: Mapping[str, Picture]) -> float:
    """Width over height; a still whose picture is missing keeps a 3:2 place, as in the PDF."""
    found = pictures.get(still.asset)
    return found.width / found.height if found else 1.5


def still_rows(
    kit: model.PressKit, theme: Theme, group: list[model.Still], pictures: Mapping[str, Picture]
) -> list[tuple[float, list[model.Still]]]:
    """The group in the PDF's own justified rows (``render.rows``, on the PDF's page), each
    as (the share of the width it fills, its stills): the page shows the rows the PDF
    prints, at any width."""
    size = model.PAGE_SIZES.get(kit.design.page_size) or model.PAGE_SIZES["a4"]
    spacing = theme.spacing
    width = size.points[0] / 72 * 25.4 - 2 * spacing.margin  # mm, as the theme's spacing
    ratios = [ratio(s, pictures) for s in group]
    rows = justified_rows(
        ratios, width, spacing.gutter, spacing.still_row_min, spacing.still_row_max
    )
    found = []
    for row in rows:
        filled = sum(ratios[row.start : row.end]) * row.height
        filled += spacing.gutter * (row.end - row.start - 1)
        found.append((min(1.0, filled / width), group[row.start : row.end]))
    return found


def alt_text(kit: model.PressKit, still: model.Still) -> str:
    """The still's own alt text, else what it shows as far as the kit says."""
    if still.alt.strip():
        return still.alt.strip()
    if still.id and still.id == kit.person.portrait and kit.person.name.strip():
        return f"Portrait of {kit.person.name.strip()}"
    film = kit.film(still.film) if still.film else None
    title = film.title.strip() if film else ""
    if still.caption.strip():
        return f"{title}: {still.caption.strip()}" if title else still.caption.strip()
    if title:
        return f"A still from {title}"
    return f"A photograph by {still.credit.strip()}" if still.credit.strip() else "A still"


def description(kit: model.PressKit) -> str:
    """One or two sentences about the person, for link previews and search results."""
    person = kit.person
    text = " ".join((person.headline or person.bio_short or person.bio_long).split())
    if len(text) <= DESCRIPTION_CHARS:
        return text
    return text[: DESCRIPTION_CHARS - 1].rsplit(" ", 1)[0] + "…"


def linked_data(
    kit: model.PressKit, films: list[model.Film], pictures: Mapping[str, Picture]
) -> dict[str, object]:
    """schema.org data about the person and each shown film (Person, Movie), for search
    engines and link previews; empty fields are left out."""
    person, contact = kit.person, kit.contact

    def picture(still_id: str) -> str | None:
        still = kit.still(still_id) if still_id else None
        found = pictures.get(still.asset) if still else None
        return found.largest if found else None

    def clean(node: dict[str, object]) -> dict[str, object]:
        return {k: v for k, v in node.items() if v not in ("", None, [], {})}

    people = clean(
        {
            "@type": "Person",
            "name": person.name.strip(),
            "alternateName": person.name_original.strip(),
            "jobTitle": ", ".join(r.strip() for r in person.roles if r.strip()),
            "description": person.bio_short.strip(),
            "email": contact.email.strip() and f"mailto:{contact.email.strip()}",
            "telephone": contact.phone.strip(),
            "url": web_link(contact.website) if contact.website.strip() else None,
            "sameAs": [u for link in kit.links if (u := web_link(link.url))],
            "image": picture(person.portrait),
        }
    )
    movies = [
        clean(
            {
                "@type": "Movie",
                "name": film.title.strip(),
                "alternateName": film.original_title.strip(),
                "dateCreated": str(film.year) if film.year else "",
                "duration": f"PT{film.runtime_min}M" if film.runtime_min else "",
                "genre": film.genre.strip(),
                "inLanguage": film.language.strip(),
                "countryOfOrigin": film.country.strip(),
                "description": film.logline.strip(),
                "image": picture(film.key_still),
                "director": [
                    {"@type": "Person", "name": c.name.strip()}
                    for c in film.credits
                    if c.role.strip().lower() == "director" and c.name.strip()
                ],
                "award": [wording.dated(a.name, a.year, a.note) for a in film.awards if a.name],
                "sameAs": [u for link in film.links if (u := web_link(link.url))],
            }
        )
        for film in films
    ]
    return {"@context": "https://schema.org", "@graph": [people, *movies]}


def json_for_script(data: object) -> Markup:
    """JSON safe inside a <script> element: "<", ">" and "&" as \\u escapes, so no value can
    close the element ("</script>") or open a comment."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return Markup(text)


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(prose=prose, lines=lines, web_link=web_link, typo=typographic)
    env.globals.update(
        credit_line=wording.credit_line,
        display_url=wording.display_url,
        link_text=wording.link_text,
        film_meta=wording.film_meta,
        film_laurels=wording.film_laurels,
        film_specs=wording.film_specs,
        quoted=wording.quoted,
        press_quotes=lambda film: [q for q in film.press_quotes if q.quote.strip()],
        named_credits=lambda film: [c for c in film.credits if c.name.strip()],
        listed_links=lambda links: [i for i in links if i.url.strip() or i.label.strip()],
        status_label=lambda status: wording.STATUS_LABELS.get(status, status),
        title_of=lambda key: wording.SECTION_TITLES[key],
        PULL_QUOTES=wording.PULL_QUOTES,
    )
    return env


def page_values(
    kit: model.PressKit,
    theme: Theme,
    films: list[model.Film],
    pictures: Mapping[str, Picture],
    full_size: Mapping[str, str],
    downloads: list[Download],
) -> dict[str, object]:
    """Everything the template needs, worked out here so the template only lays it out."""
    stills = model.shown_stills(kit, [f.id for f in films])
    names = shown_sections(kit, films)
    cover = wording.chosen_cover_still(kit, stills)
    portrait = kit.still(kit.person.portrait) if kit.person.portrait else None
    key_stills = {f.id: kit.still(f.key_still) for f in films if f.key_still}
    contact = wording.key_contact(kit)
    title = f"{kit.person.name.strip()} — press kit" if kit.person.name.strip() else "Press kit"
    return {
        "lang": LANGUAGE,
        "kit": kit,
        "theme": theme,
        "title": title,
        "description": description(kit),
        "sections": names,
        "films": films,
        "still_groups": [
            (title, still_rows(kit, theme, group, pictures))
            for title, group in still_groups(kit, films, stills)
        ],
        "cover_still": cover if cover and cover.asset else None,
        "portrait": portrait if portrait and portrait.asset else None,
        "key_stills": {k: s for k, s in key_stills.items() if s and s.asset},
        "pictures": pictures,
        "full_size": full_size,
        "alt": lambda still: alt_text(kit, still),
        "byline": wording.byline(kit.person),
        "pull_quote": wording.pull_quote(kit),
        "interview_source": wording.interview_source(kit.interview),
        "cover_laurels": wording.notable_laurels(films) if theme.style.cover_laurels else [],
        "key_contact": contact,
        "og_image": _og_image(cover, pictures),
        "linked_data": json_for_script(linked_data(kit, films, pictures)),
        "downloads": downloads,
        "full_bleed": theme.style.cover == "full-bleed",
    }


def _og_image(cover: model.Still | None, pictures: Mapping[str, Picture]) -> str:
    found = pictures.get(cover.asset) if cover else None
    return found.largest if found else next((p.largest for p in pictures.values()), "")
