"""A published interview -> a proposal: the person, their films, the Q&A, links and credits.

It never invents text: every value it proposes is a span of the article, trimmed of labels
and numbering (a name printed in capitals is re-cased, a title in capitals too). Articles
come in many shapes, so the importer first reads how this one marks its questions:
- speaker labels ("Helen Marsh:", later "HM:"): the interviewer's turns are the questions;
- "Q:" labels, bold or heading lines, lines in capitals: when an article marks its questions
  one way, only lines marked that way are questions (a "?" inside an answer is not one);
- otherwise each paragraph is judged on its own signs: a question mark, numbering, a request
  such as "tell us...".
Each proposed field carries a confidence, "high" or "low", and the line it came from, so a
person reviewing it sees where a doubtful value was found.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field

from presskit.importers import films as film_facts
from presskit.importers.blocks import Block, read_blocks
from presskit.importers.contacts import (
    PHOTO_CUE,
    WRITER_CUE,
    CreditFound,
    LinkFound,
    bylines,
    find_links,
    photo_credits,
)
from presskit.importers.films import FilmFacts
from presskit.importers.names import (
    ANY_NAME,
    NON_LATIN_NAME,
    PARTICLES,
    ROLE_RUN,
    clean_name,
    initials,
    is_capitals,
    proper_case,
    roles_in,
    strip_roles,
)

__all__ = ["CreditFound", "FilmMention", "LinkFound", "Pair", "Proposal", "parse"]

FilmMention = FilmFacts  # the name earlier callers used

# "1." or "2)" numbers a question; "4.5 million" starts an answer, and keeps its number.
_QUESTION_LABEL = re.compile(
    r"^(?:Q(?:uestion)?\s*\d*\s*[:.)–-]|\d{1,2}\s*[.)](?!\s*\d)|Q\d+\s)\s*", re.IGNORECASE
)
_ANSWER_LABEL = re.compile(r"^(?:A(?:nswer)?\s*\d*\s*[:.)–-])\s*", re.IGNORECASE)
_SPEAKER = re.compile(r"^([A-ZÀ-ÖØ-Þ][\w.'’-]*(?: [A-Za-zÀ-ÿ][\w.'’-]*){0,3}):\s+(?=\S)")
_NOT_SPEAKERS = re.compile(
    r"^(q|a|question|answer|runtime|running time|country|year|film|title|logline|synopsis|"
    r"director|directed by|website|instagram|vimeo|twitter|facebook|youtube|photo|photos|"
    r"photography|words|interview|note|update|contact|links|other|credits?|genre|starring|"
    r"writer|producer|length|duration|email|tickets)$",
    re.IGNORECASE,
)
_REQUEST = re.compile(
    r"\b(can|could|would|will) you\b|\b(tell|walk|give|share with|talk) us\b|\bplease (tell|share|describe|introduce)\b"
    r"|\bintroduce yourself\b|\bdescribe\b|\bwhat\b|\bhow\b|\bwhy\b",
    re.IGNORECASE,
)
_ENDINGS = re.compile(
    r"^(contact( info(rmation)?)?|image credits?|photo credits?|photos? by|photography|credits|"
    r"links|socials?|follow|connect with|find \w+ (on|at)|website|instagram|related|share this|"
    r"about the author|show notes|words by|text by|interview by|subscribe|listen (on|to)|read next|recent posts|this (transcript|interview|conversation) "
    r"(has been|was) (edited|condensed))\b\s*:?",
    re.IGNORECASE,
)
_BIO_QUESTION = re.compile(
    r"introduce yourself|about yourself|tell us (a bit |a little )?about you\b|who (are you|is)\b",
    re.IGNORECASE,
)
_HEADLINE_INTERVIEW = re.compile(
    r"^(?P<before>.*?)\b(?:an?\s+)?(?:interview|conversation|q\.? ?(?:&|and) ?a\.?|chat|talking|"
    r"in conversation|questions|meet the \w+|spotlight)(?!\w)\s*(?:with|for|to|:)?\s+(?P<who>.+)$",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[“\"]([^”\"]{1,120}?)[,.]?[”\"]")
_NAME_CUES = [
    # "introduce you to the always insightful Jane Doe": a few words may praise them first.
    rf"(?i:introduc\w* (?:you )?to) (?:the )?(?:[a-z][\w-]* ){{0,6}}(?P<n>{ANY_NAME})",
    # "Documentary filmmaker Jane Doe returns...": a job title before the name.
    rf"(?:^|\b)(?:{ROLE_RUN.pattern})\s+(?P<n>{ANY_NAME})",
    rf"(?i:interview|conversation|chat|talk\w*|sit(?:ting)? down|sat down|speaking|spoke|spoken)"
    rf" (?i:with|to) (?:(?i:the )?{ROLE_RUN.pattern}\s+)?(?P<n>{ANY_NAME})",
    rf"(?:^|\. )(?i:meet) (?P<n>{ANY_NAME})",
    rf"^(?P<n>{ANY_NAME}), (?i:looking forward|thank|welcome|thanks)",
]
_BIO_SENTENCE = re.compile(
    r"\b(?:is|was) (?:an?|the)\b|\bwas born\b|\bgrew up\b|\bhas (?:\w+ed|shot|made|written|spent)\b"
)
# A closing line about a film's release, in the third person: "TITLE opens in cinemas...".
_RELEASE_NOTE = re.compile(
    r"^[“\"]?(?!(?:It|This|That|We|I|They|He|She)\b)[A-Z][^.?!]{0,80}?[”\"]?\s+(?:is|are|will be)?\s*"
    r"(?:in cinemas|opens|screens|premieres|streaming|available|out now|released|on release)\b"
)
# "About the filmmaker": a closing paragraph that is the bio.
_ABOUT = re.compile(r"^about (the )?(filmmaker|director|artist|author|guest|interviewee)s?\b", re.I)
_LABEL = re.compile(r"^([^:]{1,40}):\s")
LEVELS = ("high", "low")


@dataclass
class Pair:
    question: str
    answer: str


@dataclass
class Confidence:
    level: str  # "high" or "low"
    line: str  # the article's line the value came from


@dataclass
class Proposal:
    name: str = ""
    bio: str = ""
    roles: list[str] = field(default_factory=list)
    name_original: str = ""  # the name in its own script, when the article gives both
    interview: list[Pair] = field(default_factory=list)
    films: list[FilmFacts] = field(default_factory=list)
    links: list[LinkFound] = field(default_factory=list)
    credits: list[CreditFound] = field(default_factory=list)
    # Per field ("name", "bio", "roles", "films[0].title", "links[1]"...): how sure, and where.
    confidence: dict[str, Confidence] = field(default_factory=dict)
    # What the review view shows and lets a person change: the article's paragraphs, and for
    # each "question", "answer" or "ignored"; the speaker labels to trim from them.
    paragraphs: list[str] = field(default_factory=list)
    roles_of: dict[int, str] = field(default_factory=dict)
    labels: set[str] = field(default_factory=set)

    def remark(self, index: int, role: str) -> None:
        """A person's correction: this paragraph is a question, an answer, or to be ignored."""
        self.roles_of[index] = role
        self.interview = pairs_from_roles(self.paragraphs, self.roles_of, self.labels)

    def level(self, key: str) -> str:
        return self.confidence[key].level if key in self.confidence else "high"

    def to_json(self) -> dict:
        person: dict = {"name": self.name, "roles": self.roles, "bio": self.bio}
        if self.name_original:
            person["name_original"] = self.name_original
        return {
            "person": person,
            "interview": [asdict(p) for p in self.interview],
            "films": [_film_json(f) for f in self.films],
            "links": [asdict(link) for link in self.links],
            "credits": [asdict(c) for c in self.credits],
            "confidence": {key: asdict(c) for key, c in self.confidence.items()},
        }


def _film_json(film: FilmFacts) -> dict:
    data = asdict(film)
    del data["sources"]
    return data


def parse(text: str) -> Proposal:
    """The proposal for an article's text (plain, or Markdown as `read_article` gives it)."""
    blocks = read_blocks(text)
    paras = [block.text for block in blocks]
    reading = _Reading(blocks)
    proposal = Proposal(paragraphs=paras, labels=reading.labels, roles_of=reading.roles)
    proposal.interview = pairs_from_roles(paras, reading.roles, reading.labels)
    _person(proposal, reading)
    proposal.bio, bio_level, bio_line = _bio(proposal, reading)
    if proposal.bio:
        proposal.confidence["bio"] = Confidence(bio_level, bio_line)
    credits = photo_credits(blocks)
    proposal.credits = [credit for credit, _ in credits]
    for i, (credit, line) in enumerate(credits):
        level = "high" if PHOTO_CUE.search(line) or credit.films else "low"
        proposal.confidence[f"credits[{i}]"] = Confidence(level, line)
    proposal.films = _films(proposal, reading)
    if not proposal.roles and proposal.films and "roles" in proposal.films[0].sources:
        level, line = proposal.films[0].sources["roles"]
        if level == "high":  # "Written and directed by NAME" says what they do
            proposal.roles = list(proposal.films[0].roles)
            proposal.confidence["roles"] = Confidence("high", line)
    links = find_links(blocks, reading.headline_index or 0, proposal.name)
    proposal.links = [link for link, _ in links]
    for i, (_, line) in enumerate(links):
        proposal.confidence[f"links[{i}]"] = Confidence("high", line)
    return proposal


class _Reading:
    """How the article is built: its headline, speakers, and each paragraph's role."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.texts = [b.text for b in blocks]
        self.article = "\n".join(self.texts)
        self.headline_index = _headline_index(blocks)
        # "Interview: NAME" under a headline is a byline; as the headline it names the guest.
        self.writers = bylines([b for i, b in enumerate(blocks[:12]) if i != self.headline_index])
        self.interviewer, self.subjects = self._speakers()
        self.labels = self.interviewer | self.subjects
        self.roles = self._roles()
        asked = [i for i, r in self.roles.items() if r == "question"]
        self.first_question = min(asked) if asked else len(blocks)

    def film_lines(self) -> list[film_facts.FilmLine]:
        # Equivalent mutants (make mutants): a name no attribute has; each call reads afresh.
        if not hasattr(self, "_film_lines"):
            self._film_lines = _film_lines(self)
        return self._film_lines

    # --- speakers -------------------------------------------------------------------------

    def _speakers(self) -> tuple[set[str], set[str]]:
        """Labels like "Helen Marsh:" or "HM:" starting paragraphs: (interviewer's, others').

        Initials and surnames count as the name they stand for; a label used once ("Runtime:",
        a headline) is not a speaker. The interviewer is the one named "Interviewer" or in the
        byline, else the one whose turns are mostly questions."""
        order: list[str] = []
        counts: dict[str, int] = {}
        asks: dict[str, int] = {}
        aliases: dict[str, str] = {}
        short: dict[str, str] = {}  # "HM" and "MARSH" -> "Helen Marsh", once she has spoken
        for text in self.texts:
            match = _SPEAKER.match(text)
            # Equivalent mutants (make mutants): ">=" or 20,001. A guard: a "turn" that long
            # is a pasted page, not a speaker's; one character either way at 20,000 changes
            # no reading (a label used once is a speaker anyway, see ``others`` below).
            if not match or _NOT_SPEAKERS.match(match.group(1)) or len(text) > 20_000:
                continue
            label = match.group(1)
            # Equivalent mutant (make mutants): "and"; a "Q1:" label counted as a speaker's
            # makes its lines the interviewer's turns, the questions "labels" finds as well.
            if _QUESTION_LABEL.match(text) or _ANSWER_LABEL.match(text):
                continue
            speaker = short.get(label.casefold(), label)
            aliases[label] = speaker
            if speaker not in counts:
                order.append(speaker)
                if " " in speaker:
                    short.setdefault(initials(speaker).casefold(), speaker)
                    short.setdefault(speaker.split()[-1].casefold(), speaker)
            counts[speaker] = counts.get(speaker, 0) + 1
            # Equivalent mutant (make mutants): "X" stripped too; no turn ends "?X".
            asks[speaker] = asks.get(speaker, 0) + text.rstrip(' ”"').endswith("?")
        speakers = [name for name in order if counts[name] >= 2]
        if not speakers:
            return set(), set()
        labels_of = {name: {lab for lab, s in aliases.items() if s == name} for name in speakers}
        writers = {w.casefold() for w in self.writers}
        named = [s for s in speakers if s.casefold() in writers or s.casefold() == "interviewer"]
        if named:
            interviewer = named[0]
        else:
            ratio = {s: asks[s] / counts[s] for s in speakers}
            interviewer = max(speakers, key=lambda s: ratio[s])
            if len(speakers) == 2 and not any(asks.values()):
                # No one asks with a question mark ("Tell me about your first camera."):
                # of two people taking turns, the one who opens is the one asking.
                interviewer = order[0] if order[0] in speakers else ""
            elif ratio[interviewer] < 0.5:
                # One labelled speaker who mostly asks is the interviewer: the answers are
                # the unlabelled paragraphs after each turn.
                interviewer = ""
        # Equivalent mutants (make mutants): "or True" above, or any name for "no interviewer"
        # ("XXXX", None): only a speaker's name has labels, so no turn is theirs.
        asking = labels_of.get(interviewer, set())
        others = set().union(*(labels_of[s] for s in speakers if s != interviewer))
        # In a transcript, a guest who speaks once ("Ben: It was a funny pitch.") is a
        # speaker too: their label is not part of what they said. Equivalent mutant (make
        # mutants): "or" for "and"; the interviewer's own labels are never the guest's name
        # (_person skips them) and are labels either way.
        others |= {lab for lab, s in aliases.items() if counts[s] == 1 and len(lab.split()) <= 3}
        return asking, others

    # --- roles ------------------------------------------------------------------------------

    def _roles(self) -> dict[int, str]:
        blocks = self.blocks
        # After the headline; a headline first in the article is index 0, which is no less one.
        start = 0 if self.headline_index is None else self.headline_index + 1
        pulled = _pull_quotes(blocks)
        self.asks = [_asks(block) for block in blocks]  # once per paragraph: used twice
        style = self._style(start, pulled)
        roles: dict[int, str] = {}
        # Equivalent mutants (make mutants): None for either False.
        asked = False
        ended = False
        for index, block in enumerate(blocks):
            text = block.text
            if index < start or ended or index in pulled:
                role = "ignored"
            elif asked and _ending(block, style):
                role, ended = "ignored", True
            elif self._is_question(index, style, asked):
                role, asked = "question", True
            elif asked and block.italic and not self._speaker(text):
                role = "ignored"  # an editor's note: "The film opens on Friday."
            else:
                role = "answer" if asked else "ignored"
            roles[index] = role
        # In a transcript an unlabelled paragraph continues the turn before it: only the
        # interviewer's label makes a question there (_is_question), so it is an answer.
        return roles

    def _speaker(self, text: str) -> str:
        if not self.labels:
            return ""
        match = _LABEL.match(text)
        return match.group(1) if match and match.group(1) in self.labels else ""

    def _style(self, start: int, pulled: set[int]) -> str:
        """How this article marks its questions: "speakers", "labels", "emphasis", "capitals",
        or "plain" when it does not mark them."""
        if self.interviewer:
            return "speakers"
        candidates = [
            b for i, b in enumerate(self.blocks) if i >= start and i not in pulled and self.asks[i]
        ]
        labelled = [b for b in candidates if _QUESTION_LABEL.match(b.text)]
        # Equivalent mutant (make mutants): "^q"; it is matched in any case.
        if sum(1 for b in labelled if re.match(r"^Q", b.text, re.I)) >= 2:
            return "labels"
        emphasised = [b for b in candidates if b.emphasised]
        if len(emphasised) >= 2 and len(emphasised) * 2 >= len(candidates):
            return "emphasis"
        capitals = [b for b in candidates if is_capitals(b.text)]
        if len(capitals) >= 2 and len(capitals) * 2 >= len(candidates):
            return "capitals"
        # Equivalent mutants (make mutants): any other word; no reader names "plain", every
        # style it does not name reads as plain.
        return "plain"

    def _is_question(self, index: int, style: str, asked: bool) -> bool:
        block = self.blocks[index]
        text = block.text
        if style == "speakers":
            label = self._speaker(text)
            return bool(label) and label in self.interviewer
        if style == "labels":
            # Equivalent mutants (make mutants): the pattern in other case; matched in any case.
            return bool(re.match(r"^Q(?:uestion)?\s*\d*\s*[:.)–-]|^Q\d+\s", text, re.I))
        if style == "emphasis":
            return block.emphasised and (self.asks[index] or (asked and _statement_question(text)))
        if style == "capitals":
            return is_capitals(text) and (self.asks[index] or (asked and _statement_question(text)))
        if self._speaker(text):
            return False  # an answer that starts with the speaker's name
        return self.asks[index]


def _asks(block: Block) -> bool:
    """Does this paragraph, on its own, read as a question?"""
    text = block.text
    if not re.search(r"[^\W\d_]", text):  # "???" asks nothing: a question has words
        return False
    if len(text) > 400 or block.quote:
        return False
    if _QUESTION_LABEL.match(text):
        # Equivalent mutant (make mutants): lstrip(); a block's text comes stripped (read_blocks).
        return text.rstrip().endswith(("?", ".", ":")) or len(text) < 300
    # Equivalent mutant (make mutants): "X" added to the characters stripped; no line ends "?X".
    if text.rstrip(' ”"').endswith("?"):
        return True
    # A lead-in ending in "." that asks: "Can you briefly introduce yourself to our readers."
    return (
        # Equivalent mutant (make mutants): lstrip(); a block's text comes stripped (read_blocks).
        text.rstrip().endswith(".")
        and len(text) < 250
        and bool(_REQUEST.search(text))
        # Equivalent mutant (make mutants): "YOU" in the pattern; it is matched in any case.
        and bool(re.search(r"\byou(r|rself)?\b", text, re.IGNORECASE))
    )


def _statement_question(text: str) -> bool:
    """A marked line that asks without a question mark: "You shot it yourself."."""
    # Equivalent mutant (make mutants): lstrip(); a block's text comes stripped (read_blocks).
    return len(text) < 250 and len(text.split()) >= 3 and text.rstrip().endswith((".", ":"))


def _ending(block: Block, style: str) -> bool:
    """A line after which nothing is interview: contact lists, credits, a film line."""
    text = block.text
    if len(text) > 300:
        return False
    if _ENDINGS.match(text) and len(text) < 200:
        return True
    # Equivalent mutant (make mutants): the pattern in capitals; it is matched in any case.
    if film_facts.film_line(text) or re.match(r"^(runtime|country)\s*:", text, re.I):
        return True
    if _RELEASE_NOTE.match(text):
        return True  # "The Quiet Harbour is in cinemas from 4 April.": the editor's, not theirs
    # Equivalent mutant (make mutants): "X" added to the characters stripped; no line ends "?X".
    if PHOTO_CUE.search(text) and not text.rstrip(' ”"').endswith("?"):
        return True  # "Ballast premieres at IDFA. Lead image: Joost Hendriks"
    # A heading among headed questions that asks nothing: "Links", "Show notes".
    return (
        style == "emphasis"
        and block.emphasised
        and len(text.split()) <= 4
        # Equivalent mutant (make mutants): lstrip(); a block's text comes stripped (read_blocks).
        and not text.rstrip().endswith(("?", ".", ":"))
    )


def _pull_quotes(blocks: list[Block]) -> set[int]:
    """Quotes set apart that repeat words printed elsewhere: pull quotes, never a Q or an A."""
    pulled: set[int] = set()
    # Equivalent mutant (make mutants): another separator; a quote is one paragraph's text,
    # counted where it is printed whole, never across two paragraphs.
    article = "\n".join(block.text for block in blocks)
    candidates = 0
    for index, block in enumerate(blocks):
        text = block.text.strip()
        quoted = re.fullmatch(r"[“\"‘](.{12,400}?)[.,]?[”\"’]\.?", text)
        if not (block.quote or quoted):
            continue
        # Equivalent mutant (make mutants): "X" stripped too; no quote here starts or ends in X.
        inner = (quoted.group(1) if quoted else text).strip('“”"‘’ .')
        if len(inner) < 12:
            continue
        candidates += 1
        if candidates > 50:
            break  # a feature has a few pull quotes; a page of quotes is not a feature
        if article.count(inner) >= 2:  # once as the quote itself, once in the body
            pulled.add(index)
    return pulled


def _headline_index(blocks: list[Block]) -> int | None:
    """The article's headline: the first heading, or the first line naming someone."""
    # A headline sits near the top, under a few lines of a site's navigation or news.
    for index, block in enumerate(blocks[:8]):
        if block.heading and len(block.text) < 200 and _headline_parts(block.text)[0]:
            return index
    lines = []
    # A label that starts several paragraphs is a speaker taking turns, not a headline.
    turns = Counter(m.group(1) for b in blocks if (m := _SPEAKER.match(b.text)))
    for index, block in enumerate(blocks[:6]):
        text = block.text
        if len(text) >= 160 or text.endswith(".") or "?" in text or WRITER_CUE.match(text):
            continue
        speaker = _SPEAKER.match(text)
        if speaker and (len(text) > 60 or turns[speaker.group(1)] > 1):
            continue  # a turn of a transcript
        if _headline_parts(text)[0]:
            lines.append(index)
    # A line that says whom it presents ("NAME: “quote”") beats a bare kicker ("FIRST FEATURES").
    cued = [i for i in lines if _cued(blocks[i].text)]
    if cued or lines:
        return (cued or lines)[0]
    return next((i for i, b in enumerate(blocks[:4]) if b.heading), None)


def _headline_parts(text: str) -> tuple[list[tuple[str, list[str]]], str, str]:
    """([(name, roles)...], title, how the title was given) from a headline such as
    "EP. 214: Director Aisha Karim & Writer Ben Okoro (The Last Ferry)"."""
    # Equivalent mutants (make mutants): the pattern in other case; it is matched in any case.
    text = re.sub(r"^(?:EP\.?|Episode|S\d+\s*E)\s*\d+\s*[:.–-]\s*", "", text.strip(), flags=re.I)
    # "Ife Adeyemi, Director of “The Weaver's Son”"
    of = re.match(
        rf"^(?P<who>{ANY_NAME}),\s+(?P<roles>{ROLE_RUN.pattern})\s+of\s+(?P<what>.+)$", text
    )
    if of and clean_name(of.group("who")):
        quoted = _QUOTED.fullmatch(of.group("what").strip())
        title = quoted.group(1) if quoted else ""
        who = [(clean_name(of.group("who")), roles_in(of.group("roles")))]
        # Equivalent mutants (make mutants): any "given" without a title; it is read with one only.
        return who, title, "quoted" if title else ""
    names: list[tuple[str, list[str]]] = []
    # Equivalent mutants (make mutants): any start values; "given" is read only with a title
    # and every branch that sets a title sets both.
    title, given = "", ""
    parens = re.search(r"\(([^)]{1,80})\)\s*$", text)
    interview = _HEADLINE_INTERVIEW.match(text)
    # Equivalent mutant (make mutants): None; both branches below set the pieces.
    pieces = [text]
    if interview:
        pieces = [interview.group("who")]
        before = interview.group("before").strip(" :–—-|")
        if before:
            title, given = before.strip('“”"*'), "before an interview"
    else:
        pieces = re.split(r"\s*[:|–—]\s+", text)
    for piece in pieces:
        piece = re.sub(r"\(([^)]{1,80})\)\s*$", "", piece).strip()
        # The last "on": "Jane Doe and Sam Lee on “Red Earth”" is about the film.
        on = re.match(r"^(?P<who>.+)\s+(?i:on|talks|discusses|and)\s+(?P<what>.+)$", piece)
        if on:
            what = on.group("what").strip()
            quoted = _QUOTED.fullmatch(what)
            if quoted:
                title, given = quoted.group(1), "quoted"
            piece = on.group("who")
        # The job titles first: "Writer & Director Jane Doe" is one person; then, of two
        # guests ("Director A & Writer B"), the first is the one presented.
        piece, roles = strip_roles(piece)
        # Equivalent mutants (make mutants): no split, or on "AND"; a name stops at "&" or "and".
        candidate = re.split(r"\s+(?:&|and)\s+", piece)[0]
        match = re.match(ANY_NAME, candidate)
        if match:
            name = clean_name(match.group(0))
            if name:
                names.append((name, roles))
    if parens:
        inside = parens.group(1).strip()
        # "Layla Haddad (ليلى حداد)", "김지은 (Kim Ji-eun)": the name in another script, not a title.
        # Equivalent mutant (make mutants): "!=" below; a "title" that is the person's name
        # is no film (_films' add()), so "Kim Ji-eun" is dropped either way.
        other_script = re.fullmatch(NON_LATIN_NAME, inside) or (
            clean_name(inside) == inside and any(re.fullmatch(NON_LATIN_NAME, n) for n, _ in names)
        )
        if not other_script:
            title, given = inside, "in brackets"
    return names, title, given


def _person(proposal: Proposal, reading: _Reading) -> None:
    """The person the article presents: named in the headline, answering, or introduced."""
    texts, article = reading.texts, reading.article
    writers = {w.casefold() for w in reading.writers}
    candidates: list[tuple[int, str, list[str], str]] = []  # (weight, name, roles, line)
    head = reading.headline_index
    if head is not None:
        # A bare "Two Words" line may be a title; a headline that says who it presents
        # ("Director X", "Interview with X", "X: ...", "X (Title)") is sure of its name.
        cued = _cued(texts[head])
        for name, roles in _headline_parts(texts[head])[0]:
            # Not pinned by a test (make mutants): 4 for 3; it would only let the headline's
            # name win where someone introduced is named in two paragraphs more, and which
            # of them the article presents there is a judgement no promise names.
            candidates.append((3 if cued or roles else 1, name, roles, texts[head]))
    for text in texts[: reading.first_question]:
        credit = film_facts.credit_roles(text)
        if credit and "director" in credit[0]:
            name = clean_name(credit[1])
            if name:
                # As an introduction, below a headline: a credit names who made the film.
                candidates.append((2, name, credit[0], text))
    for label in reading.subjects:
        name = clean_name(label)
        if name:
            # Equivalent mutants (make mutants): any default; a label is read off the start
            # of a paragraph ("NAME: "), so that paragraph is always found.
            line = next((t for t in texts if t.startswith(label + ":")), "")
            candidates.append((3, name, [], line))
    # Introductions come first: the first 8 paragraphs, or up to the first question, at
    # most 40.
    for text in texts[: min(40, max(8, reading.first_question))]:  # introductions come first
        if len(text) > 2000:
            continue
        for cue in _NAME_CUES:
            for match in re.finditer(cue, text):
                name = clean_name(match.group("n"))
                if name:
                    candidates.append((2, name, [], text))
        for match in re.finditer(rf"(?P<n>{ANY_NAME})\s+(?:is|was)\s+an?\s", text):
            name = clean_name(_last_name_run(match.group("n")))
            if name:
                candidates.append((2, name, [], text))
    best: tuple[float, str, list[str], str] | None = None
    titles = {line.title.casefold() for line in reading.film_lines()}
    for weight, name, roles, line in candidates:
        cased = proper_case(name, article)
        if cased.casefold() in writers | titles or _is_writer(cased, reading):
            continue
        mentions = _mentions(cased, texts)
        # Past four paragraphs more mentions do not count: the headline's guest, named a few
        # times, is not outweighed by someone the article names on every line.
        score = weight + min(mentions, 4)
        if best is None or score > best[0]:
            best = (score, cased, roles, line)
    if best is None:
        return
    _, name, roles, line = best
    original = ""
    if re.fullmatch(NON_LATIN_NAME, name):
        latin = re.search(rf"{re.escape(name)}\s*\(([^)]{{3,60}})\)", article)
        if latin and clean_name(latin.group(1)):
            name, original = clean_name(latin.group(1)), name
    else:
        other = re.search(rf"{re.escape(name)}\s*\(({NON_LATIN_NAME})\)", article) or re.search(
            rf"({NON_LATIN_NAME})\s*\({re.escape(name)}\)", article
        )
        original = other.group(1) if other else ""
    proposal.name, proposal.name_original = name, original
    level = "high" if _mentions(name, texts) >= 2 or original else "low"
    proposal.confidence["name"] = Confidence(level, line)
    if roles:
        proposal.roles = roles
        proposal.confidence["roles"] = Confidence("high", line)
    else:
        proposal.roles, said = _roles_from_text(name, texts[: reading.first_question])
        if proposal.roles:
            proposal.confidence["roles"] = Confidence("high", said)  # "X is a director"


def _last_name_run(text: str) -> str:
    """ "Since then Jane Doe" -> "Jane Doe": a sentence's start is not part of the name."""
    words = text.split()
    start = max(0, len(words) - 3)
    while start > 0 and words[start].lower() in PARTICLES:
        start -= 1  # "João da Silva Santos": the particle keeps the word before it
    return " ".join(words[start:])


def _is_writer(name: str, reading: _Reading) -> bool:
    return any(name.casefold() == label.casefold() for label in reading.interviewer)


def _mentions(name: str, texts: list[str]) -> int:
    """In how many paragraphs the name, or its last word, appears."""
    last = name.split()[-1].casefold()
    return sum(1 for t in texts if name.casefold() in t.casefold() or last in t.casefold())


def _roles_from_text(name: str, texts: list[str]) -> tuple[list[str], str]:
    """ "Nguyễn Thị Lan is a Vietnamese cinematographer" / "Director Sam Doe" -> roles, and
    the line that says so."""
    for text in texts:
        at = text.find(name)
        if at < 0 or len(text) > 3000:
            continue
        # Job titles just before the name ("Writer / director / producer and editor "): 40.
        before = text[max(0, at - 40) : at]
        run = re.search(rf"({ROLE_RUN.pattern})\s*$", before)
        if run:
            return roles_in(run.group(1)), text
        after = re.match(
            r"\)?(?:\s+(?:is|was)\s+an?|,(?:\s+the)?)\s+([^.,;]{0,80})", text[at + len(name) :]
        )
        if after:
            phrase = re.split(r"\b(?:whose|who|based|from|living|with)\b", after.group(1))[0]
            found = roles_in(phrase)
            if found:
                return found, text
    return [], ""  # Equivalent mutant (make mutants): the line is kept only with roles found


def _bio(proposal: Proposal, reading: _Reading) -> tuple[str, str, str]:
    """The answer that introduces them, else the standfirst that presents them."""
    for pair in proposal.interview:
        if _BIO_QUESTION.search(pair.question):
            # Equivalent mutants (make mutants): any default; a question is a span of its
            # own paragraph (labels taken off its start), so one is always found.
            asked = next((t for t in reading.texts if pair.question in t), pair.question)
            return pair.answer, "high", asked
    # Equivalent mutants (make mutants): any level or line with no bio; parse() keeps them
    # only with one.
    if not proposal.name:
        return "", "", ""
    surname = proposal.name.split()[-1]
    head = reading.headline_index if reading.headline_index is not None else -1
    found: list[tuple[int, str]] = []  # (rank, paragraph): 0 starts with the name
    about = [
        i + 1
        for i, b in enumerate(reading.blocks)
        # An "About" heading is a few words; a line of 60 characters is a sentence.
        if i + 1 < len(reading.blocks) and len(b.text) < 60 and _ABOUT.match(b.text)
    ]
    for index in [*range(head + 1, min(reading.first_question, len(reading.blocks))), *about]:
        text = reading.blocks[index].text
        if (
            len(text) < 60
            or len(text) > 1500
            # The writer's own words ("We met her...", "I first saw..."): not a bio. "US"
            # in capitals is a country.
            or re.search(r"\b([Ww]e|[Oo]ur|us|I)\b", _sentences(text)[0])
        ):
            continue
        if reading.roles.get(index) == "question" or film_facts.film_line(text):
            continue
        if proposal.name not in text and surname not in text:
            continue
        near_role = re.search(rf"{ROLE_RUN.pattern}\s+{re.escape(proposal.name)}", text)
        if _BIO_SENTENCE.search(text) or near_role:
            # Equivalent mutant (make mutants): 2 for 1; a rank is only ever 0 or not.
            found.append((0 if _presents(text, proposal) else 1, text))
    if not found:
        return "", "", ""  # Equivalent mutants (make mutants): as above
    rank, text = min(found, key=lambda item: item[0])
    return text, "high" if rank == 0 else "low", text


def _presents(text: str, proposal: Proposal) -> bool:
    """ "Jane Doe is a director...", "Jane Doe (제인) was born...": a paragraph about them."""
    for name in filter(None, (proposal.name, proposal.name_original)):
        if re.match(
            rf"{re.escape(name)}\s*(?:\([^)]{{1,60}}\))?\s+(?:is|was)\s+(?:an?|the|born)\b|"
            rf"{re.escape(name)}\s+grew up\b",
            text,
        ):
            return True
    return False


def _films(proposal: Proposal, reading: _Reading) -> list[FilmFacts]:
    texts, article = reading.texts, reading.article
    found: list[FilmFacts] = []

    def add(title: str, level: str, line: str) -> FilmFacts | None:
        title = film_facts.display_case(title.strip(' “”"*'), article)
        if not title or clean_name(title).casefold() == proposal.name.casefold():
            return None
        for film in found:
            if film.title.casefold() == title.casefold():
                film.note("title", level, line)
                return film
        film = FilmFacts(title)
        film.note("title", level, line)
        found.append(film)
        return film

    main: FilmFacts | None = None
    head = reading.headline_index
    # Equivalent mutants (make mutants): any start values, and "or True" for "if given"
    # below: as in _headline_parts, "given" is read only with a title and set with one.
    head_title, given = ("", "")
    if head is not None:
        _, head_title, given = _headline_parts(texts[head])
    lines = reading.film_lines()
    if lines:
        line = lines[0]
        title = line.title or (head_title if given else "")
        if title:
            main = add(title, "high", line.source)
            if main:
                main.year, main.runtime_min, main.country = (
                    line.year,
                    line.runtime_min,
                    line.country,
                )
                for key in ("year", "runtime_min", "country"):
                    if getattr(main, key):
                        main.note(key, "high", line.source)
    if main is None and head_title and given in ("in brackets", "quoted"):
        main = add(head_title, "high", texts[head])
    # Titles the article names as the person's own, in order. A title the headline gives
    # makes a bare mention of it sure (quoted or bracketed, it may not be the main film when
    # a film line names another). Equivalent mutants (make mutants): "XXXX" for ""; no film
    # is called that; and "or True": without a "given" there is no title.
    confirm_head = head_title if given else ""
    for block in reading.blocks:
        for sentence in _sentences(block.text):
            for title in film_facts.owned_titles(sentence, block.spans):
                level = "high" if _QUOTED.search(sentence) or title in block.spans else "low"
                film = add(title, level, block.text)
                if film and confirm_head and film.title.casefold() == confirm_head.casefold():
                    film.note("title", "high", block.text)
    if (
        confirm_head
        and main is None
        and any(f.title.casefold() == confirm_head.casefold() for f in found)
    ):
        main = next(f for f in found if f.title.casefold() == confirm_head.casefold())
    for credit in proposal.credits:
        for title in credit.films:
            # Equivalent mutants (make mutants): any default; a credit's titles are read off
            # its own line, so that line is always found.
            add(title, "high", next((t for t in texts if title in t), ""))
    if main is not None and found and found[0] is not main:
        found.remove(main)
        found.insert(0, main)
    _details(found, proposal, reading)
    for i, film in enumerate(found):
        for key, (level, line) in film.sources.items():
            proposal.confidence[f"films[{i}].{key}"] = Confidence(level, line)
    return found


def _film_lines(reading: _Reading) -> list[film_facts.FilmLine]:
    """Film lines and "FILM:/RUNTIME:/COUNTRY:" fields outside the Q&A, with their titles:
    in the header, or in the few lines closing the interview."""
    found: list[film_facts.FilmLine] = []
    fields: dict[str, str] = {}
    # Equivalent mutant (make mutants): None; no paragraph is "" or None, so _title_above
    # finds no line either way, and a field sets it.
    field_line = ""
    talk = [i for i, role in reading.roles.items() if role in ("question", "answer")]
    closing = (max(talk) + 12) if talk else len(reading.blocks)
    for index, block in enumerate(reading.blocks[:closing]):
        if reading.roles.get(index) in ("question", "answer"):
            continue
        text = block.text
        match = film_facts.FIELD.match(film_facts.unbulleted(text))
        if match:
            fields.setdefault(match.group(1).lower(), match.group(2).strip())
            field_line = field_line or text
            continue
        line = film_facts.film_line(text)
        if line:
            if not line.title:
                line.title = _title_before(reading.blocks, index)
            found.append(line)
    title = fields.get("film") or fields.get("title") or _title_above(reading, field_line)
    # Equivalent mutants (make mutants): None for "", and "or True" in runtime_min below:
    # the runtime is only tested for truth, and runtime_in("") is None.
    runtime = next(
        (fields[k] for k in ("runtime", "running time", "length", "duration") if k in fields), ""
    )
    if title or runtime:
        line = film_facts.FilmLine(
            title=film_facts.strip_translation(title or ""),
            runtime_min=film_facts.runtime_in(runtime) if runtime else None,
            country=fields.get("country") or fields.get("countries", ""),
            source=field_line,
        )
        year = fields.get("year", "")  # Equivalent mutant (make mutants): "XXXX", no year either
        line.year = int(year) if re.fullmatch(r"(19|20)\d{2}", year) else None
        found.insert(0, line) if not found or not found[0].title else found.append(line)
    return found


def _cued(headline: str) -> bool:
    """Does a headline say whom it presents ("Interview with X", "X: ...", "X (Title)"), or
    is it a bare line of capitalised words that may as well be a title?"""
    # Equivalent mutant (make mutants): the pattern in capitals; it is matched in any case.
    return bool(re.search(r"[:(|–—]|\b(on|with)\b", headline, re.I))


def _title_above(reading: _Reading, field_line: str) -> str:
    """ "Quiet Hours" on the line above "Runtime: 14 min": the title of a header block
    (never the headline: a headline is not a title)."""
    blocks = reading.blocks
    index = next((i for i, b in enumerate(blocks) if b.text == field_line), 0)
    above = blocks[index - 1].text if index > 0 else ""
    if index - 1 == reading.headline_index and _cued(above):
        return ""  # "Q&A: Jane Doe on “Red Earth”" is a headline; "Quiet Hours" is a title
    # Equivalent mutants (make mutants): "?" or "!" dropped here; looks_like_title refuses both.
    if above and film_facts.looks_like_title(above) and not above.endswith((".", "?", "!")):
        return above
    return ""


def _title_before(blocks: list[Block], index: int) -> str:
    """A film line without a title takes the heading or bold title just above it. (Not its
    own bold words: a title there is read as the line's title already; "2023, 14 min,
    **Denmark**" has none, and the country is no title.)"""
    for back in range(index - 1, max(-1, index - 3), -1):
        text = blocks[back].text
        if (blocks[back].heading or blocks[back].bold) and film_facts.looks_like_title(text):
            return text
    return ""


def _details(found: list[FilmFacts], proposal: Proposal, reading: _Reading) -> None:
    """Status, logline, roles, awards and festivals of each film, from the lines naming it."""
    if not found:
        return
    main = found[0]
    person = proposal.name.casefold()
    texts = reading.texts
    logline_after = -1  # Equivalent mutant (make mutants): -2; any negative is "none"
    titles = [(film, film.title.casefold()) for film in found]
    for index, block in enumerate(reading.blocks):
        text = block.text
        # A paragraph over 5,000 characters is a pasted page, no one's word on a film.
        if reading.roles.get(index) == "question" or len(text) > 5000:
            continue
        # Equivalent mutants (make mutants): "<=" here and in "films = [main] if ..." below;
        # the first question's own paragraph was skipped above.
        before = index < reading.first_question
        if before:
            for part in _sentences(text):  # "Directed by A. Written by B."
                credit = film_facts.credit_roles(part)
                if credit:
                    roles, who = credit
                    if person and (person in who.casefold() or who.casefold() in person):
                        main.roles += [role for role in roles if role not in main.roles]
                        main.note("roles", "high", text)
                    logline_after = index
            field = film_facts.FIELD.match(film_facts.unbulleted(text))
            if field or film_facts.film_line(text):
                logline_after = max(logline_after, index)
            if field and field.group(1).lower() in ("logline", "synopsis") and not main.logline:
                main.logline = field.group(2).strip()
                main.note("logline", "high", text)
        folded = text.casefold()
        if not before and not any(title in folded for _, title in titles):
            continue  # past the introduction, a line naming no film says nothing of one
        for sentence in _sentences(text):
            films = [f for f in found if f.title.casefold() in sentence.casefold()]
            # Equivalent mutant (make mutants): the pattern in capitals; matched in any case.
            if not films and re.match(
                r"^(it|the film|the short|the documentary)\b", sentence, re.I
            ):
                films = [main] if index < reading.first_question else []
            status = film_facts.status_in(sentence)
            for film in films:  # "two films in post production, “A” and “B”"
                if status and not film.status:
                    film.status = status
                    film.note("status", "high", text)
            for film in films[:1]:
                for prize in film_facts.awards_in(sentence):
                    if all(p.name.casefold() != prize.name.casefold() for p in film.awards):
                        film.awards.append(prize)
                        film.note("awards", "high", text)
                for fest in film_facts.festivals_in(sentence):
                    if all(f.name.casefold() != fest.name.casefold() for f in film.festivals):
                        film.festivals.append(fest)
                        film.note("festivals", "high", text)
    # Equivalent mutants (make mutants): "<=" or "+ 1" for "- 1"; the paragraph after would be
    # the first question, which is no logline ("ignored" is checked below).
    if not main.logline and 0 <= logline_after < reading.first_question - 1:
        candidate = reading.blocks[logline_after + 1]
        text = candidate.text
        if (
            40 <= len(text) <= 350
            and text.endswith(".")
            and reading.roles.get(logline_after + 1) == "ignored"
            and not re.search(r"\b(I|we|our|my)\b", text)
            and not film_facts.awards_in(text)
            and not film_facts.festivals_in(text)
            and (not person or person not in text.casefold())
        ):
            main.logline = text
            main.note("logline", "high", text)
    if not main.roles and proposal.roles:
        main.roles = list(proposal.roles)
        main.note("roles", "low", texts[reading.headline_index or 0])


def _sentences(text: str) -> list[str]:
    # A paragraph of 20,000 characters or more is no answer: read as its first 2,000
    # (test_limits). Equivalent mutant (make mutants): 2,001; where a guard cuts a pasted
    # page, one character more cannot matter.
    return re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text) if len(text) < 20_000 else [text[:2000]]


def _strip_label(para: str, labels: set[str]) -> str:
    for pattern in (_QUESTION_LABEL, _ANSWER_LABEL):
        # Equivalent mutants (make mutants): any count; a pattern anchored at ^ matches once.
        para = pattern.sub("", para, count=1)
    match = re.match(r"^([^:]{1,40}):\s+", para)
    if match and match.group(1) in labels:
        para = para[match.end() :]
    return para.strip()


def pairs_from_roles(paras: list[str], roles: dict[int, str], labels: set[str]) -> list[Pair]:
    """Each question with the answer paragraphs after it; a question with no answer is dropped."""
    pairs: list[Pair] = []
    question: str | None = None
    # Equivalent mutants (make mutants): None for [] here (a question sets it before any
    # answer is kept), and any default role below: _roles gives every paragraph one.
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


__all__ += ["LEVELS", "Confidence", "pairs_from_roles"]
