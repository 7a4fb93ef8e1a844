"""People's names in articles: what is a name, what is a job title, and how to case it.

A name is two to five capitalised words (particles such as "van", "de", "da" allowed inside),
or a run of words in a script without capitals (Hangul, Cyrillic capitals aside, Arabic...),
kept exactly as written. A job title ("Actor", "Filmmaker", "Writer-Director") is never a name.
Names printed in capitals get their case from the article when it also prints them in mixed
case, else from the rules for McX, O'X and particles.
"""

from __future__ import annotations

import re

ROLES = {
    "actor": "actor",
    "actress": "actor",
    "animator": "animator",
    "cinematographer": "cinematographer",
    "composer": "composer",
    "creator": "creator",
    "director": "director",
    "documentarian": "director",
    "dp": "cinematographer",
    "editor": "editor",
    "filmmaker": "filmmaker",
    "film-maker": "filmmaker",
    "foley": "foley artist",
    "photographer": "photographer",
    "producer": "producer",
    "screenwriter": "screenwriter",
    "showrunner": "showrunner",
    "writer": "writer",
    "production designer": "production designer",
    "sound designer": "sound designer",
    "foley artist": "foley artist",
    "documentary maker": "director",
    "documentary filmmaker": "filmmaker",
    "documentary director": "director",
    "documentary producer": "producer",
    "stop-motion animator": "animator",
}
_ROLE_WORD = (
    r"(?:[Ss]ound [Dd]esigner|[Pp]roduction [Dd]esigner|[Ff]oley [Aa]rtist|[Dd]ocumentary [Mm]aker|"
    + "|".join(sorted((re.escape(w) for w in ROLES if " " not in w), key=len, reverse=True))
    + ")"
)
# "Director", "Actor/Writer/Producer", "writer-director", "DIRECTOR": a run of job titles.
ROLE_RUN = re.compile(rf"(?i:(?:{_ROLE_WORD})(?:\s*(?:/|-|,|&|and)\s*(?:{_ROLE_WORD}))*)(?![\w'’])")
PARTICLES = {
    "van",
    "von",
    "der",
    "den",
    "de",
    "del",
    "della",
    "la",
    "le",
    "da",
    "das",
    "do",
    "dos",
    "du",
    "di",
    "ten",
    "ter",
    "bin",
    "al",
    "el",
}
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_WORD = rf"[{_UPPER}][\w'’-]*\w|[{_UPPER}]\.?"
_LINK = r"(?:van|von|der|den|de|del|della|la|le|da|das|do|dos|du|di|ten|ter|bin|al|el|DE|DA|VAN|DER|DI|DU|LA)"
_NON_LATIN = r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0e00-\u0e7f\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
# Two to five capitalised words, particles allowed between them.
NAME = rf"(?:(?:{_WORD})(?:\s+(?:{_LINK}\s+){{0,2}}(?:{_WORD})){{1,4}})"
NON_LATIN_NAME = rf"(?:{_NON_LATIN}+(?:\s{_NON_LATIN}+){{0,3}})"
ANY_NAME = rf"(?:{NAME}|{NON_LATIN_NAME})"
# Words that start a capitalised run but are not names.
_NOT_NAMES = {
    "hi",
    "hello",
    "hey",
    "dear",
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "with",
    "interview",
    "conversation",
    "meet",
    "q&a",
    "episode",
    "ep",
    "this",
    "our",
    "my",
    "festival",
    "film",
    "short",
    "official",
    "best",
    "photo",
    "words",
    "posted",
    "published",
    "recorded",
    "follow",
    "instagram",
    "website",
}


# A capitalised run with one of these words is a publication or an event, not a person.
_INSTITUTIONS = {
    "magazine",
    "journal",
    "review",
    "blog",
    "podcast",
    "festival",
    "quarterly",
    "weekly",
    "news",
    "film",
    "films",
    "cinema",
    "studio",
    "studios",
    "press",
    "show",
    "hour",
    "series",
    "awards",
    "school",
    "university",
    "academy",
    "society",
    "spotlight",
    "craft",
    "dispatch",
    "diary",
    "notes",
    "episode",
    "shorts",
    "week",
    "days",
    "profiles",
    "features",
}


# Words before a name in a headline: "Meet Director Jane Doe", "With Jane Doe". ("The", "A"
# are not among them: "The Orchard Keeper" is a title, never a name.)
_LEAD_INS = {
    "meet",
    "with",
    "interview",
    "conversation",
    "in",
    "on",
    "at",
    "q&a",
    "episode",
    "hi",
    "hello",
    "hey",
    "dear",
}
_STOP_WORDS = {"and", "the", "on", "of", "in", "with", "at", "for", "to", "from", "about", "is"}


def is_role(text: str) -> bool:
    """ "Actor", "Writer/Director", "Filmmaker": a job title and nothing else."""
    # Equivalent mutants (make mutants): "X" added to the characters stripped (no word of a
    # name is a job title with capital X's at its ends); strip(None): clean_name, the one
    # caller, cuts a name at its comma and strips its ends, so a ":" or "," would be left
    # only inside a run of words ("Jane Director: Doe") that no article writes.
    return bool(ROLE_RUN.fullmatch(text.strip(" :,")))


def roles_in(text: str) -> list[str]:
    """The job titles in a run such as "Actor/Writer/Producer" or "writer-director", in order."""
    lowered = text.lower()
    found: list[tuple[int, str]] = []
    # Equivalent mutants (make mutants): any order of the phrases, and another filler for a
    # match: a shorter phrase inside a longer one ("foley" in "foley artist", "filmmaker" in
    # "documentary filmmaker") means the same role, and positions only order the roles.
    for phrase in sorted(ROLES, key=len, reverse=True):  # "sound designer" before "designer"
        for match in re.finditer(rf"(?<![\w]){re.escape(phrase)}(?![\w])", lowered):
            found.append((match.start(), ROLES[phrase]))
            lowered = lowered[: match.start()] + " " * len(phrase) + lowered[match.end() :]
    roles: list[str] = []
    for _, role in sorted(found):
        if role not in roles:
            roles.append(role)
    return roles


def strip_roles(text: str) -> tuple[str, list[str]]:
    """("Jamal Whitaker", ["actor", "writer", "producer"]) from "Actor/Writer/Producer Jamal
    Whitaker", "Director, Kim Ji-eun" or "Director: Kim Ji-eun": the job titles in front of a
    name, taken off it."""
    # Equivalent mutant (make mutants): strip(None); every caller passes text that starts
    # with a letter, and the name after the titles is stripped again by clean_name (or
    # matched as a name in a headline).
    text = text.strip(" ,:;")
    roles: list[str] = []
    while True:
        match = ROLE_RUN.match(text)
        if not match or not re.match(r"[,:]?\s+\S", text[match.end() :]):
            return text, roles
        roles += [r for r in roles_in(match.group(0)) if r not in roles]
        # Equivalent mutant (make mutants): "X" stripped too; a space follows the comma.
        text = text[match.end() :].lstrip(",:").strip()


def clean_name(candidate: str) -> str:
    """A candidate run of capitalised words as a name, or "" when it is not one."""
    words = candidate.split()
    # Equivalent mutant (make mutants): ">=" for ">"; every lead-in is also in _NOT_NAMES, so
    # "With Doe" is no name either way.
    while len(words) > 2 and words[0].lower() in _LEAD_INS:
        words = words[1:]  # "Meet Director Jane Doe", "With Jane Doe"
    name, _ = strip_roles(" ".join(words))
    name = name.split(",")[0]  # "Kim Ji-eun, Director": a name holds no comma
    name = name.strip(" .,:;“”\"'’")
    words = name.split()
    # "JOÃO DA SILVA SANTOS AND THE ART OF WAITING": a headline in capitals runs on.
    # Equivalent mutant (make mutants): None for len(words); words[:None] is all of them.
    stop = next((i for i, w in enumerate(words) if i and w.lower() in _STOP_WORDS), len(words))
    words = words[:stop]
    name = " ".join(words)
    if not words or is_role(name):
        return ""
    if re.fullmatch(NON_LATIN_NAME, name):
        return name
    if len(words) < 2 or len(words) > 5:
        return ""
    # An initial is a name's first letter: "A. J. Lund" is a person, "A Mia Lund" is not.
    # Equivalent mutant (make mutants): "X" stripped from the lower-cased first word (it has
    # no capital X).
    if words[0].lower() in _NOT_NAMES or words[-1].lower() in PARTICLES:
        return ""
    if words[0] in PARTICLES:  # "da Silva Santos" is the end of a name, not a name
        return ""
    if any(is_role(word) or word.casefold() in _INSTITUTIONS for word in words):
        return ""
    return name


def is_capitals(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    # Equivalent mutant (make mutants): ">= 1"; one capital letter cased by rule or by the
    # article is the same letter ("M"), and no paragraph that asks is one letter long.
    return len(letters) > 1 and all(c.isupper() for c in letters)


# Equivalent mutant (make mutants): another default article; the one caller passes one.
def proper_case(name: str, article: str = "") -> str:
    """A name printed in capitals, in the case the article prints it elsewhere, else by rule:
    "SEAN MCALLISTER" -> "Sean McAllister", "AOIFE O'BRIEN" -> "Aoife O'Brien",
    "LUCAS VAN DER BERG" -> "Lucas van der Berg". Mixed-case names are returned as written."""
    if not is_capitals(name):
        return name
    if article:
        pattern = r"\s+".join(re.escape(word) for word in name.split())
        for match in re.finditer(rf"(?<!\w){pattern}(?!\w)", article, re.IGNORECASE):
            if not is_capitals(match.group(0)):
                return " ".join(match.group(0).split())
    words = name.split()
    return " ".join(_case_word(word, i == 0) for i, word in enumerate(words))


def _case_word(word: str, first: bool) -> str:
    lowered = word.lower()
    if not first and lowered in PARTICLES:
        return lowered
    parts = re.split(r"([-'’])", lowered)
    cased = []
    for part in parts:
        # "McQ" as well as "McQueen" (test_names). Equivalent mutant (make mutants): ">=" for
        # ">" ("mc" alone is "Mc" either way).
        if part.startswith("mc") and len(part) > 2:
            cased.append("Mc" + part[2:].capitalize())
        else:
            cased.append(part.capitalize())
    return "".join(cased)


def initials(name: str) -> str:
    """ "Oluwaseun Adebayo-Hart" -> "OAH"; particles count ("Paolo Di Stefano" -> "PDS")."""
    # Equivalent mutant (make mutants): lower(); the one caller (speakers) casefolds it.
    return "".join(part[0] for part in re.split(r"[\s-]+", name) if part).upper()
