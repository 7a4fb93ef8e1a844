"""Links, photo credits and bylines in an article.

A link's label is the platform when it is a known one (Instagram, Vimeo...), else what the
article calls it ("DP Reel", "Website"). Links before the headline (the site's menu), after a
"Read next" heading, or for the publication ("Listen on...", "Support the show") are the
publication's, not the person's. "Photo by NAME", "Photography: NAME", "Lead image: NAME"
credit a photographer; "Words by", "Interview by", "By" name the interviewer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from presskit.importers.blocks import Block
from presskit.importers.names import ANY_NAME, clean_name

PLATFORMS = {
    "instagram.com": "Instagram",
    "vimeo.com": "Vimeo",
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "twitter.com": "Twitter",
    "x.com": "X",
    "facebook.com": "Facebook",
    "tiktok.com": "TikTok",
    "linkedin.com": "LinkedIn",
    "imdb.com": "IMDb",
    "letterboxd.com": "Letterboxd",
    "behance.net": "Behance",
    "soundcloud.com": "SoundCloud",
    "threads.net": "Threads",
    "bsky.app": "Bluesky",
}
_URL = re.compile(r"https?://[^\s<>\"”’)\]]+")
_BARE = re.compile(
    r"(?<![\w./@])((?:www\.)?(?:"
    + "|".join(re.escape(d) for d in PLATFORMS)
    + r")/[^\s<>\"”’)|,]+)"
)
_PUBLICATION = re.compile(
    r"\b(listen|subscribe|support the|patreon|tickets?|newsletter|donate|home|read more|"
    r"share|apple podcasts|spotify|this episode|the show|posted in|filed under|categor\w*|tags?)\b",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^(read next|related|recent posts|more interviews|you may also like|more from)\b", re.I
)
PHOTO_CUE = re.compile(
    r"(?:^|(?<=[.|·—–-]\s)|(?<=\s[|·—–]\s))(?:lead image|main image|header image|cover image|"
    r"photo credit|photos? by|photographs? by|photography by|photography|images? by|"
    r"(?:interview|words|text) and photos? by|"
    r"portrait by|photos?)\s*(?::|by)?\s*",
    re.IGNORECASE,
)
WRITER_CUE = re.compile(
    r"(?:^|(?<=[.|·—–]\s)|(?<=\s[|·—–]\s))(?:words by|text by|interview by|interview|"
    r"interviewed by|by)\s*:?\s+",
    re.IGNORECASE,
)


@dataclass
class LinkFound:
    label: str
    url: str


@dataclass
class CreditFound:
    name: str
    films: list[str] = field(default_factory=list)


def named_after(cue: re.Pattern[str], text: str) -> list[str]:
    """The names right after a cue ("Photo by Ian Chen", "Words by Niamh Keane")."""
    found = []
    # Equivalent mutant (make mutants): another edge; its callers pass lines of at most 300.
    for match in cue.finditer(text[:2000]):
        name = re.match(ANY_NAME, text[match.end() :])
        if name:
            cleaned = clean_name(_cut(name.group(0)))
            if cleaned and cleaned not in found:
                found.append(cleaned)
    return found


def _cut(name: str) -> str:
    """A name run stops at a word that cannot be part of it: "Ian Chen Photography"."""
    words = name.split()
    for i, word in enumerate(words[1:], 1):
        # Equivalent mutants (make mutants): any word here but "photography" changed;
        # clean_name(), which every cut name goes through, stops at each of them too.
        if word.lower() in {"and", "the", "for", "on", "at", "in", "of", "with", "photography"}:
            return " ".join(words[:i])
    return name


def bylines(blocks: list[Block]) -> list[str]:
    """The interviewer and writer, from short byline lines."""
    names: list[str] = []
    for block in blocks:
        if len(block.text) <= 160:
            names += [n for n in named_after(WRITER_CUE, block.text) if n not in names]
    return names


def photo_credits(blocks: list[Block]) -> list[tuple[CreditFound, str]]:
    """Photographers credited in bylines, captions and closing lines, and the "Image Credits"
    block of festival blogs ("Ian Chen, “Dragonfly”, “Soundtrack of My Life”"), each with
    the line that credits them."""
    credits: list[tuple[CreditFound, str]] = []
    by_name: dict[str, CreditFound] = {}
    # Equivalent mutants (make mutants): any start value; each block sets it before add().
    line = ""

    def add(name: str, films: list[str]) -> None:
        if name in by_name:
            by_name[name].films += [f for f in films if f not in by_name[name].films]
        else:
            by_name[name] = CreditFound(name, films)
            credits.append((by_name[name], line))

    # Equivalent mutants (make mutants): None for False here and below; only truth is read.
    in_block = False
    for block in blocks:
        text = line = block.text
        # Equivalent mutant (make mutants): the pattern in capitals; matched in any case.
        heading = re.match(r"^(image|photo)s? credits?\s*:?\s*$", text, re.IGNORECASE)
        if heading:
            in_block = True
            continue
        if in_block and len(text) < 200:
            # Equivalent mutants (make mutants): any maxsplit; only the first piece is read.
            name = re.split(r"[,(;–—]|\s-\s", text, maxsplit=1)[0].strip(" :")
            cue = PHOTO_CUE.match(name)  # "Photo: Lee Park" under the heading; not "Photon"
            if cue and cue.group(0)[-1:] in (" ", ":"):
                name = name[cue.end() :]
            if clean_name(name):
                add(clean_name(name), re.findall(r"[“\"]([^”\"]{1,120}?)[,.]?[”\"]", text))
                continue
        in_block = False
        if len(text) <= 300:
            for name in named_after(PHOTO_CUE, text):
                add(name, [])
    return credits


def find_links(blocks: list[Block], start: int, person: str) -> list[tuple[LinkFound, str]]:
    """The person's links from the headline on, labelled, each URL once, with its line."""
    found: list[tuple[LinkFound, str]] = []
    seen: set[str] = set()
    first_names = {w.casefold() for w in person.split()}
    for block in blocks[start:]:
        if _RELATED.match(block.text):
            break
        anchors = dict((url, text) for text, url in block.links)
        text = block.text
        spans = [(m.start(), m.end(), m.group(0)) for m in _URL.finditer(text)]
        spans += [(m.start(), m.end(), "https://" + m.group(1)) for m in _BARE.finditer(text)]
        # Equivalent mutant (make mutants): None; text[None:n] is text[0:n].
        previous_end = 0
        for begin, end, url in sorted(spans):
            url = url.rstrip(".,;:")
            before = text[previous_end:begin]
            previous_end = end
            anchor = anchors.get(url, "")
            # Only the anchor's own text is taken off: a line that prints an address, then
            # links it under its bare host, keeps its label (test_links). Equivalent: "- 2" (the
            # character before the anchor cut too): it is a space, "(" or ":", each of which
            # _someone_else and the label take as optional.
            if anchor and before.endswith(anchor + " "):
                before = before[: -len(anchor) - 1]
            context = f"{before} {anchor}"
            if _PUBLICATION.search(context) or _someone_else(before, first_names):
                continue
            if url.rstrip("/") not in seen:
                seen.add(url.rstrip("/"))
                found.append((LinkFound(label_for(url, anchor, before), url), text))
    return found


def _someone_else(before: str, person_words: set[str]) -> bool:
    """ "Ben on Twitter:" or "Follow Leo:" in the notes of an episode about Aisha: Ben's and
    Leo's links, not hers; "Follow Ben ([Instagram](…))" too."""
    match = re.search(
        r"(?:^|[-•*]\s*)(?:(?i:follow|connect with|find)\s+)?([A-Z][\w'’-]+)(?: on \w+)?\s*[:(]?\s*$",
        before.strip(),
    )
    if match and not re.search(r"(?i)\b(follow|connect|find)\b| on \w+", before):
        return False  # "Website:" names a kind of link, not a person
    return bool(match) and match.group(1).casefold() not in person_words


def label_for(url: str, anchor: str, before: str) -> str:
    # Equivalent mutant (make mutants): another replacement; the host is read by its end.
    host = re.sub(r"^https?://(www\.)?", "", url).split("/")[0].lower()
    # Equivalent mutant (make mutants): None for ""; a platform is only tested for truth.
    platform = next((name for domain, name in PLATFORMS.items() if host.endswith(domain)), "")
    for text in (anchor, _label_before(before)):
        text = text.strip(" :–—-|·")
        if not text or text.startswith(("http", "@")) or ("." in text and " " not in text):
            continue
        if platform and (
            platform.lower() in text.lower() or re.match(r"(?i)(follow|connect|find)\b", text)
        ):
            return platform
        words = text.split()
        if 1 <= len(words) <= 4:
            # Equivalent mutant (make mutants): the pattern in capitals; matched in any case.
            text = re.sub(
                r"^(?:watch|see|visit|view|follow|check out)\s+(?:the|my|our)?\s*",
                "",
                text,
                flags=re.I,
            )
            return text[:1].upper() + text[1:] if text else platform or "Website"
    return platform or "Website"


def _label_before(before: str) -> str:
    """What precedes a URL on its line, as a label: "- Other: DP Reel" -> "DP Reel"."""
    before = re.sub(r"^[-*•]\s*", "", before.strip())
    before = before.split("|")[-1].strip()
    before = re.sub(r"^[A-Z][\w ]{0,20}:\s*(?=\S)", "", before)
    # Equivalent mutants (make mutants): strip(None), lstrip; label_for() strips these
    # characters from both ends of a label anyway.
    return before.rstrip(":–-— ").strip()
