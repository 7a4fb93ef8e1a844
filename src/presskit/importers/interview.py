"""A published interview -> a proposal: name, Q&A, bio, films, links and photo credits.

It never invents text: every value it proposes is a span of the article, trimmed of labels
and numbering. Articles come in many shapes, so each paragraph is judged on its own signs
(a question mark, a "Q:" or an interviewer's name, a numbered lead-in, a request such as
"tell us...") and the answer is everything up to the next question or closing block.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from presskit.importers.documents import paragraphs

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
    "development": "development",
    "completed": "completed",
    "released": "released",
}
# Mutation testing (make mutants) leaves these on purpose, as equivalent: "rstrip" read as
# "lstrip" in _is_question (paragraphs() has already trimmed every paragraph); parse's
# "asked" starting true (an answer before the first question has no question to join, and
# pairs_from_roles drops it either way).
_NAME = r"([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,3})"
_NAME_CUES = [
    rf"(?i:introduc\w* (?:you )?to) {_NAME}",
    rf"(?i:interview|conversation|chat|talk\w*|sitting down|sat down|speaking|spoke|spoken) (?i:with) {_NAME}",
    rf"(?:^|\. )(?i:meet) {_NAME}",
    rf"^{_NAME}, (?i:looking forward|thank|welcome|thanks)",
]
_QUOTED = re.compile(r"[“\"]([^”\"]{1,120}?)[,.]?[”\"]")
_URL = re.compile(r"https?://[^\s<>\"”’)]+")
_QUESTION_LABEL = re.compile(
    r"^(?:Q(?:uestion)?\s*\d*\s*[:.)–-]|\d{1,2}\s*[.)]|Q\d+\s)\s*", re.IGNORECASE
)
_ANSWER_LABEL = re.compile(r"^(?:A(?:nswer)?\s*\d*\s*[:.)–-])\s*", re.IGNORECASE)
_REQUEST = re.compile(
    r"\b(can|could|would|will) you\b|\b(tell|walk|give|share with|talk) us\b|\bplease (tell|share|describe|introduce)\b"
    r"|\bintroduce yourself\b|\bdescribe\b|\bwhat\b|\bhow\b|\bwhy\b",
    re.IGNORECASE,
)
_ENDINGS = re.compile(
    r"^(contact( info(rmation)?)?|image credits?|photo credits?|photos? by|credits|links|socials?|follow|"
    r"website|instagram|related|share this|about the author)\b\s*:?",
    re.IGNORECASE,
)
_BIO_QUESTION = re.compile(
    r"introduce yourself|tell us (a bit |a little )?about yourself|who (are you|is)", re.IGNORECASE
)
_HEADER_FIELD = re.compile(
    r"^(directed by|director|runtime|running time|country|year|starring)\b\s*:?\s*(.+)$",
    re.IGNORECASE,
)


@dataclass
class Pair:
    question: str
    answer: str


@dataclass
class FilmMention:
    title: str
    status: str = ""


@dataclass
class LinkFound:
    label: str
    url: str


@dataclass
class CreditFound:
    name: str
    films: list[str] = field(default_factory=list)


@dataclass
class Proposal:
    name: str = ""
    bio: str = ""
    interview: list[Pair] = field(default_factory=list)
    films: list[FilmMention] = field(default_factory=list)
    links: list[LinkFound] = field(default_factory=list)
    credits: list[CreditFound] = field(default_factory=list)
    # What the review view shows and lets a person change: the article's paragraphs, and for
    # each "question", "answer" or "ignored"; the speaker labels to trim from them.
    paragraphs: list[str] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)
    labels: set[str] = field(default_factory=set)

    def remark(self, index: int, role: str) -> None:
        """A person's correction: this paragraph is a question, an answer, or to be ignored."""
        self.roles[index] = role
        self.interview = pairs_from_roles(self.paragraphs, self.roles, self.labels)

    def to_json(self) -> dict:
        return {
            "person": {"name": self.name, "bio": self.bio},
            "interview": [asdict(p) for p in self.interview],
            "films": [asdict(f) for f in self.films],
            "links": [asdict(link) for link in self.links],
            "credits": [asdict(c) for c in self.credits],
        }


def find_name(paras: list[str]) -> str:
    """The person the article presents, from its opening: a full name beats a first name."""
    found = [m.group(1) for para in paras[:6] for cue in _NAME_CUES for m in re.finditer(cue, para)]
    return max(found, key=lambda name: len(name.split()), default="")


def _initials(label: str) -> str:
    return "".join(word[0] for word in label.split()).upper()


def _speakers(paras: list[str]) -> tuple[set[str], set[str]]:
    """Labels like "JANE DOE:" or "JD:" starting paragraphs: (interviewer's, subject's).

    Initials count as the name they abbreviate; a label used once ("Runtime:", a headline)
    is not a speaker. The interviewer is the one who speaks first."""
    order: list[str] = []
    counts: dict[str, int] = {}
    aliases: dict[str, str] = {}
    for para in paras:
        match = re.match(r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s+\S", para)
        if (
            not match
            or _ENDINGS.match(para)
            or _QUESTION_LABEL.match(para)
            or _ANSWER_LABEL.match(para)
        ):
            continue
        label = match.group(1)
        speaker = next((name for name in order if _initials(name) == label and " " in name), label)
        aliases[label] = speaker
        if speaker not in counts:
            order.append(speaker)
        counts[speaker] = counts.get(speaker, 0) + 1
    speakers = [name for name in order if counts[name] >= 2]
    if len(speakers) < 2:
        return set(), set()
    labels_of = {name: {label for label, s in aliases.items() if s == name} for name in speakers}
    interviewer = labels_of[speakers[0]]
    return interviewer, set().union(*(labels_of[name] for name in speakers[1:]))


def _is_question(para: str, interviewer: set[str]) -> bool:
    if not re.search(r"[^\W\d_]", para):  # "???" asks nothing: a question has words
        return False
    label = re.match(r"^([^:]{1,40}):\s", para)
    if label and label.group(1) in interviewer:
        return True
    if _QUESTION_LABEL.match(para) and not re.match(r"^\d{1,2}[.)]\s*\d", para):
        return para.rstrip().endswith(("?", ".", ":")) or len(para) < 300
    if len(para) > 400:
        return False
    if para.rstrip().endswith("?"):
        return True
    # A lead-in ending in "." that asks: "Can you briefly introduce yourself to our readers."
    return (
        para.rstrip().endswith(".")
        and len(para) < 250
        and bool(_REQUEST.search(para))
        and bool(re.search(r"\byou(r|rself)?\b", para, re.IGNORECASE))
    )


def _strip_label(para: str, labels: set[str]) -> str:
    for pattern in (_QUESTION_LABEL, _ANSWER_LABEL):
        para = pattern.sub("", para, count=1)
    match = re.match(r"^([^:]{1,40}):\s+", para)
    if match and match.group(1) in labels:
        para = para[match.end() :]
    return para.strip()


def _ending(para: str) -> bool:
    return bool(_ENDINGS.match(para)) and len(para) < 80


def parse(text: str) -> Proposal:
    """The proposal for an article's text."""
    paras = paragraphs(text)
    interviewer, subject = _speakers(paras)
    proposal = Proposal(name=find_name(paras), paragraphs=paras, labels=interviewer | subject)
    end = next((i for i, p in enumerate(paras) if _ending(p)), len(paras))
    asked = False
    for index, para in enumerate(paras):
        if index >= end:
            role = "ignored"  # contact lists and credits are proposals of their own
        elif _is_question(para, interviewer):
            role, asked = "question", True
        else:
            role = "answer" if asked else "ignored"  # the introduction before the first question
        proposal.roles[index] = role
    proposal.interview = pairs_from_roles(paras, proposal.roles, proposal.labels)
    proposal.bio = next(
        (p.answer for p in proposal.interview if _BIO_QUESTION.search(p.question)), ""
    )
    proposal.links = find_links(paras)
    proposal.credits = find_credits(paras[end:])
    proposal.films = find_films(paras, proposal.credits)
    return proposal


def pairs_from_roles(paras: list[str], roles: dict[int, str], labels: set[str]) -> list[Pair]:
    """Each question with the answer paragraphs after it; a question with no answer is dropped."""
    pairs: list[Pair] = []
    question: str | None = None
    answer: list[str] = []
    for index, para in enumerate(paras):
        role = roles.get(index, "ignored")
        if role == "question":
            if question is not None and answer:
                pairs.append(Pair(question, "\n\n".join(answer)))
            question, answer = _strip_label(para, labels), []
        elif role == "answer" and question is not None:
            answer.append(_strip_label(para, labels))
    if question is not None and answer:
        pairs.append(Pair(question, "\n\n".join(answer)))
    return pairs


def find_links(paras: list[str]) -> list[LinkFound]:
    found: list[LinkFound] = []
    for para in paras:
        for match in _URL.finditer(para):
            url = match.group(0).rstrip(".,;:")
            before = para[: match.start()].strip()
            before = re.sub(r"^[-*•]\s*", "", before)
            before = re.sub(
                r"^[A-Z][\w ]{0,20}:\s*(?=\S)", "", before
            )  # "Other: DP Reel" -> "DP Reel"
            label = before.rstrip(":–-— ").strip()
            if len(label) > 40 or not label:
                label = re.sub(r"^https?://(www\.)?", "", url).split("/")[0]
            if all(link.url != url for link in found):
                found.append(LinkFound(label, url))
    return found


def find_credits(tail: list[str]) -> list[CreditFound]:
    """From a closing "Image Credits" block: "Ian Chen, “Dragonfly”, “Soundtrack of My Life”"."""
    credits: list[CreditFound] = []
    in_block = False
    for para in tail:
        heading = re.match(r"^(image|photo)s? credits?\b\s*:?\s*(.*)$", para, re.IGNORECASE)
        by = re.match(r"^photos? by\s*:?\s*(.+)$", para, re.IGNORECASE)
        if heading:
            in_block = True
            para = heading.group(2)
            if not para:
                continue
        elif by:
            para = by.group(1)
        elif not in_block or _ending(para):
            in_block = False
            continue
        name = re.split(r"[,(;–—]|\s-\s", para, maxsplit=1)[0].strip(" :")
        films = [title.strip() for title in _QUOTED.findall(para)]
        if name and not _QUOTED.match(name) and len(name) <= 60:
            credits.append(CreditFound(name, films))
    return credits


def find_films(paras: list[str], credits: list[CreditFound]) -> list[FilmMention]:
    films: list[FilmMention] = []

    def add(title: str, status: str) -> None:
        for film in films:
            if film.title.casefold() == title.casefold():
                film.status = film.status or status
                return
        films.append(FilmMention(title, status))

    for para in paras:
        for sentence in re.split(r"(?<=[.!?])\s+", para):
            lowered = sentence.lower()
            status = next((value for words, value in STATUS_WORDS.items() if words in lowered), "")
            if not status and not re.search(
                r"\b(film|films|short|shorts|feature|documentary|movie|project|projects)\b", lowered
            ):
                continue
            own = re.search(
                r"\b(my|our|latest|new|upcoming|debut|directed|shot|produced)\b", lowered
            )
            if not (status or own):
                continue  # a film mentioned, not one of theirs: "I thought Satine from “Moulin Rouge”..."
            for title in _QUOTED.findall(sentence):
                title = title.strip()
                if 1 <= len(title.split()) <= 8 and title[:1].isupper():
                    add(title, status)
    for credit in credits:
        for title in credit.films:
            add(title, "")
    header = [m for m in (_HEADER_FIELD.match(p) for p in paras[:8]) if m]
    if header and paras and not films:
        add(paras[0].strip('“”"'), "")
    return films
