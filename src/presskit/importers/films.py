"""What an article says about films: the film line, header fields, loglines, awards, festivals.

Festival blogs print a film as a line ("Paper Moons, 22min., USA", "Germany | 2023 | 9 min")
or as labelled fields ("RUNTIME: 16 minutes"), then "Directed by NAME", a one-sentence logline,
and sentences such as "TITLE was the winner of BEST SOUND at the May 2024 Festival of X".
Magazines name films in quotes or italics beside words that make them the person's own
("her debut feature", "my short", "in post-production").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from presskit.importers.names import ROLES, is_capitals
from presskit.model import Award, Festival

COUNTRIES = {
    c.casefold()
    for c in [
        "USA",
        "US",
        "U.S.",
        "U.S.A.",
        "UK",
        "U.K.",
        "UAE",
        "Canada",
        "France",
        "Germany",
        "Italy",
        "Spain",
        "Portugal",
        "Ireland",
        "Japan",
        "Korea",
        "China",
        "Taiwan",
        "India",
        "Iran",
        "Iraq",
        "Israel",
        "Turkey",
        "Türkiye",
        "Greece",
        "Bulgaria",
        "Poland",
        "Czechia",
        "Slovakia",
        "Hungary",
        "Romania",
        "Serbia",
        "Croatia",
        "Slovenia",
        "Austria",
        "Switzerland",
        "Belgium",
        "Netherlands",
        "Luxembourg",
        "Denmark",
        "Norway",
        "Sweden",
        "Finland",
        "Iceland",
        "Estonia",
        "Latvia",
        "Lithuania",
        "Ukraine",
        "Russia",
        "Georgia",
        "Armenia",
        "Azerbaijan",
        "Lebanon",
        "Jordan",
        "Syria",
        "Egypt",
        "Morocco",
        "Tunisia",
        "Algeria",
        "Nigeria",
        "Ghana",
        "Kenya",
        "Senegal",
        "Ethiopia",
        "Uganda",
        "Rwanda",
        "Cameroon",
        "Brazil",
        "Argentina",
        "Chile",
        "Colombia",
        "Mexico",
        "Peru",
        "Cuba",
        "Venezuela",
        "Uruguay",
        "Bolivia",
        "Ecuador",
        "Australia",
        "Philippines",
        "Vietnam",
        "Thailand",
        "Indonesia",
        "Malaysia",
        "Singapore",
        "Pakistan",
        "Bangladesh",
        "Nepal",
        "Palestine",
        "Qatar",
        "Scotland",
        "Wales",
        "England",
        "Jamaica",
        "Kazakhstan",
        "Mongolia",
        "Cambodia",
        "Myanmar",
        "Albania",
        "Kosovo",
        "Macedonia",
        "Montenegro",
        "Belarus",
        "Moldova",
        "Cyprus",
        "Malta",
        "Tanzania",
        "Zimbabwe",
        "Sudan",
    ]
} | {
    c.casefold()
    for c in (
        "United States",
        "United Kingdom",
        "South Korea",
        "North Macedonia",
        "New Zealand",
        "South Africa",
        "Hong Kong",
        "Sri Lanka",
        "Saudi Arabia",
        "Czech Republic",
        "Northern Ireland",
        "Puerto Rico",
        "Dominican Republic",
        "Costa Rica",
        "Bosnia and Herzegovina",
        "Trinidad and Tobago",
        "Ivory Coast",
        "United States of America",
    )
}
STATUS_WORDS = {
    "post-production": "post-production",
    "post production": "post-production",
    "postproduction": "post-production",
    "pre-production": "pre-production",
    "pre production": "pre-production",
    "preproduction": "pre-production",
    "in production": "production",
    "filming": "production",
    "shooting": "production",
    "in development": "development",
    "completed": "completed",
    "released": "released",
}
_RUNTIME = re.compile(r"^(\d{1,3})\s*(?:minutes?|mins?|min|m|’|')\.?$", re.IGNORECASE)
_RUNTIME_IN = re.compile(r"\b(\d{1,3})\s*(?:minutes?|mins?)\b", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
# A first segment with a date or one of these words is about a page or an episode.
_NOT_A_TITLE = re.compile(
    r"\b(?:19|20)\d{2}\b|^(released|posted|published|recorded|aired|updated|listen|episode|ep\.?)\b",
    re.IGNORECASE,
)
_FILM_HINT = re.compile(r"\d\s*(?:min|m\b|’|')|\b(?:19|20)\d{2}\b", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*[|·•]\s*|,\s+|\s+[–—]\s+")
FIELD = re.compile(
    r"^(film|title|runtime|running time|length|duration|country|countries|year|logline|"
    r"synopsis|director|directed by|filmmaker|written by|writer|producer|starring|genre)\s*:\s*(.+)$",
    re.IGNORECASE,
)
CREDIT_LINE = re.compile(
    r"^((?:written|directed|produced|edited|shot|animated)"
    r"(?:(?:,\s*|\s+and\s+|\s*&\s*)(?:written|directed|produced|edited|shot|animated))*)\s+by\s+(.+)$",
    re.IGNORECASE,
)
_CREDIT_ROLE = {
    "written": "writer",
    "directed": "director",
    "produced": "producer",
    "edited": "editor",
    "shot": "cinematographer",
    "animated": "animator",
}
_AWARD = re.compile(
    r"\b(?:won|wins|was the winner of|winner of|received|receives|was awarded|took home|picked up|"
    r"awards?,? including)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?P<award>[A-Z][^.;]{1,90}?)(?:\s+(?:at|from)\s+(?:the\s+)?"
    r"(?P<event>[^.;]{3,100}?))?(?=\s+and\s|\s*[.;,]|\s*$)"
)
_SELECTION = re.compile(
    r"\b(?P<note>(?i:(?:an?\s+)?official selection)|selected|screened|screens(?: in competition)?|premiered|premieres|"
    r"a finalist|nominated|opens)\s+(?:of|at|for|in|by)?\s*(?:the\s+)?"
    r"(?P<event>(?:\d{4}\s+)?[A-Z][^.;,]{2,90}?(?:Festival|Fest|Festivals|Berlinale|Biennale|Week|Shortsfest|Days|IDFA|Sundance|Tropfest|Film Fleadh|DocFest))\b"
)
_OWN = re.compile(
    r"\b(my|our|his|her|their|latest|new|upcoming|debut|first|second|third|next|directed|"
    r"shot|edited|produced|wrote|written|work|works|including|cut|scored|designed|composed|"
    r"animated|lensed|photographed)\b",
    re.IGNORECASE,
)
_KIND = re.compile(
    r"\b(film|films|short|shorts|feature|documentary|movie|project|animation|script|play|drama|"
    r"comedy|thriller|horror|western)\b",
    re.IGNORECASE,
)
# "whose work includes", "her credits include": a list of the person's own films.
_CREDITS = re.compile(r"\b(work|credits|filmography) (includes?|including)\b", re.IGNORECASE)
# "The Galway animator's short", "the director's new film": the person's, by their trade.
_THEIRS = re.compile(
    r"\b(?:" + "|".join(re.escape(role) for role in ROLES) + r")['’]s\b", re.IGNORECASE
)
_BARE_TITLE = re.compile(
    r"\b(?:short|feature|film|documentary|animation)(?: film| documentary)?,?\s+"
    r"((?:[A-Z][\w'’-]*)(?:\s+(?:(?:of|the|a|an|and|in|on|to|for|at)\s+)*[A-Z][\w'’-]*){0,5})"
)
_SMALL_WORDS = {"a", "an", "and", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to"}


@dataclass
class FilmLine:
    """What a film line or a block of header fields says."""

    title: str = ""
    year: int | None = None
    runtime_min: int | None = None
    country: str = ""
    source: str = ""


def film_line(text: str) -> FilmLine | None:
    """ "Paper Moons, 22min., USA" / "Jordan, 2024, 52 min" as its parts; None for prose."""
    if len(text) > 160 or not _FILM_HINT.search(text):
        return None  # every film line has a runtime or a year
    if text.count(".") > 4 and not _RUNTIME_IN.search(text):
        return None
    bracketed = re.fullmatch(r"(.{1,80}?)\s*\(([^()]{3,80})\)", text.strip())
    if bracketed:  # "Market Day (Ghana, 2024, 21 minutes)"
        inner = film_line(bracketed.group(2))
        if inner and not inner.title and looks_like_title(bracketed.group(1)):
            # Equivalent mutant (make mutants): strip(None); every title goes through the
            # importer's add(), which strips these characters again, and spaces either way.
            inner.title, inner.source = bracketed.group(1).strip(' “”"*'), text
            return inner
    found = FilmLine(source=text)
    unknown: list[str] = []
    for written in _SEPARATORS.split(text.strip()):
        # "U.S.A." is a country with its last full stop; any other segment is read without.
        written = written.strip()
        segment = written.strip(" .")
        if not segment:
            continue  # "Night Ferry, 14 min, , Denmark": a field the page's template left empty
        runtime = _RUNTIME.match(segment)
        if runtime and found.runtime_min is None:
            found.runtime_min = int(runtime.group(1))
        elif _YEAR.match(segment) and found.year is None:
            found.year = int(segment)
        elif is_country(written) and not found.country:
            found.country = written
        elif is_country(segment) and not found.country:
            found.country = segment
        else:
            unknown.append(segment)
    if found.runtime_min is None and not (found.country and found.year):
        return None
    # Equivalent mutant (make mutants): "> 1"; a block's text comes stripped, so its first
    # segment starts at 0 unless the line opens with a lone full stop, which none does.
    if len(unknown) > 1 or (unknown and text.find(unknown[0]) > 0):
        return None  # a sentence with a number in it, not a film line
    if unknown:
        dated = re.fullmatch(r"(.+?)\s*\(((?:19|20)\d{2})\)", unknown[0])
        if dated and found.year is None:  # "Tea for the Ferryman (2024)"
            unknown[0], found.year = dated.group(1), int(dated.group(2))
        if _NOT_A_TITLE.search(unknown[0]):
            return None  # "Released 18 March 2025 · 52 minutes": an episode, not a film
        found.title = strip_translation(unknown[0])
    return found


def is_country(text: str) -> bool:
    parts = re.split(r"\s*(?:/|&|\band\b)\s*", text.strip())
    return all(part.casefold() in COUNTRIES for part in parts if part) and bool(text.strip())


def strip_translation(title: str) -> str:
    """ "Les Hirondelles (The Swallows)" -> "Les Hirondelles"."""
    # Equivalent mutant (make mutants): strip(None); every title it gives goes through the
    # importer's add(), which strips these characters again.
    return re.sub(r"\s*\([^)]*\)$", "", title).strip(' “”"*')


def unbulleted(text: str) -> str:
    """ "- Runtime: 12 min" -> "Runtime: 12 min": a list item of a film's details."""
    return re.sub(r"^[-*•·]\s+", "", text)


def credit_roles(text: str) -> tuple[list[str], str] | None:
    """ "Written and directed by Keiko Nakamura" -> (["writer", "director"], "Keiko Nakamura");
    "Director: Jane Doe" -> (["director"], "Jane Doe")."""
    text = unbulleted(text.strip())
    field = FIELD.match(text)
    if field and field.group(1).lower() in ("director", "directed by", "filmmaker"):
        role = "filmmaker" if field.group(1).lower() == "filmmaker" else "director"
        # Equivalent mutants (make mutants): strip(None) here and below; the name goes through
        # clean_name, which strips full stops, or is compared by containment.
        return [role], field.group(2).strip(" .")
    match = CREDIT_LINE.match(text)
    if not match:
        return None
    # Equivalent mutant (make mutants): the verbs in capitals; matched in any case.
    verbs = re.findall(r"written|directed|produced|edited|shot|animated", match.group(1), re.I)
    return [_CREDIT_ROLE[v.lower()] for v in verbs], match.group(2).strip(" .")


def status_in(sentence: str) -> str:
    lowered = sentence.lower()
    # Equivalent mutant (make mutants): None for ""; a status is only tested for truth.
    return next((value for words, value in STATUS_WORDS.items() if words in lowered), "")


def owned_titles(sentence: str, spans: list[str]) -> list[str]:
    """The film titles a sentence names as the person's own, in order of appearance."""
    # A sentence over 2,000 characters is a pasted page, not one about their work; awards_in
    # and festivals_in read only its first 2,000 (test_limits).
    if len(sentence) > 2000:
        return []
    quoted = "“" in sentence or '"' in sentence
    named = [span for span in spans if span in sentence]
    # A bare title is read where nothing is set apart, or beside a quote that names no title
    # (a quote over 120 characters): "My short film Night Ferry begins “the sea takes…”".
    # Equivalent mutant (make mutants): bare searched beside named spans too; each named span
    # is found, so a bare title is never read there.
    bare = None if named else _BARE_TITLE.search(sentence)
    if not (quoted or named or bare):
        return []  # no title in it at all: the common case, so it is decided first
    status = status_in(sentence)
    owned = (
        status
        or _CREDITS.search(sentence)
        or ((_OWN.search(sentence) or _THEIRS.search(sentence)) and _KIND.search(sentence))
    )
    if not owned:
        return []  # a film mentioned, not one of theirs: "Satine from “Moulin Rouge”"
    found: list[tuple[int, str]] = []
    if quoted:
        for match in re.finditer(r"[“\"]([^”\"]{1,120}?)[,.]?[”\"]", sentence):
            found.append((match.start(), match.group(1)))
    for span in named:
        found.append((sentence.find(span), span))
    if not found and bare:
        found.append((bare.start(1), bare.group(1)))
    titles = []
    for at, title in sorted(found):
        title = title.strip(" ,.")
        # "series, " is 8 characters: a title that close is the series' name (test_limits).
        before = sentence[max(0, at - 8) : at].lower()
        if "series" in before or not looks_like_title(title):
            continue
        titles.append(strip_translation(title))
    return titles


def looks_like_title(title: str) -> bool:
    words = title.split()
    return (
        1 <= len(words) <= 8
        and title[:1].isupper()
        and not title.endswith((":", "?", "!"))
        and "festival" not in title.lower()
        and not re.search(r"\b(I|I'm|we|you)\b", title)
    )


def display_case(title: str, article: str) -> str:
    """A title printed in capitals as the article prints it elsewhere, else in title case."""
    if not is_capitals(title):
        return title
    pattern = r"\s+".join(re.escape(word) for word in title.split())
    for match in re.finditer(rf"(?<!\w){pattern}(?!\w)", article, re.IGNORECASE):
        if not is_capitals(match.group(0)):
            return " ".join(match.group(0).split())
    words = title.lower().split()
    return " ".join(
        w if 0 < i < len(words) - 1 and w in _SMALL_WORDS else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )


def awards_in(sentence: str) -> list[Award]:
    """ "won BEST SOUND at the May 2024 Festival of X" -> Award("Best Sound", 2024, "...")."""
    prizes = []
    # The first 2,000 characters: a pasted-page guard, as in owned_titles (test_limits).
    for match in _AWARD.finditer(sentence[:2000]):
        name = match.group("award").strip()
        # Equivalent mutant (make mutants): the pattern in capitals; matched in any case.
        if re.search(r"\bnominat|\bshortlist|\bgrant\b|\bfunding\b", name, re.IGNORECASE):
            continue
        name = re.sub(r"\s+(award|prize)$", "", name)
        if is_capitals(name):
            # Equivalent mutant (make mutants): "XXXX" for ""; a prize in capitals found in
            # it would be in capitals there too, so it is title-cased either way.
            name = display_case(name, "")
        event = (match.group("event") or "").strip()
        prizes.append(Award(name[:1].upper() + name[1:], _year(event), event))
    return prizes


def festivals_in(sentence: str) -> list[Festival]:
    found = []
    # The first 2,000 characters: a pasted-page guard, as in owned_titles (test_limits).
    for match in _SELECTION.finditer(sentence[:2000]):
        note = re.sub(r"^an?\s+", "", match.group("note")).strip()
        event = re.sub(r"^\d{4}\s+", "", match.group("event")).strip()
        found.append(Festival(event, _year(match.group("event")), note[:1].upper() + note[1:]))
    return found


def _year(text: str) -> int | None:
    match = re.search(r"\b((?:19|20)\d{2})\b", text)
    return int(match.group(1)) if match else None


def runtime_in(text: str) -> int | None:
    match = _RUNTIME_IN.search(text)
    return int(match.group(1)) if match else None


@dataclass
class FilmFacts:
    """A film as the proposal carries it, with where each field came from."""

    title: str
    year: int | None = None
    runtime_min: int | None = None
    country: str = ""
    status: str = ""
    logline: str = ""
    roles: list[str] = field(default_factory=list)
    festivals: list[Festival] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    sources: dict[str, tuple[str, str]] = field(default_factory=dict)  # field -> (level, line)

    def note(self, key: str, level: str, line: str) -> None:
        if key not in self.sources or (self.sources[key][0] == "low" and level == "high"):
            self.sources[key] = (level, line)
