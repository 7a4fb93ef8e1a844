"""What a person reviewing an import sees of it, for the importer's tests."""

from __future__ import annotations

from presskit import importers


def pairs(text: str) -> list[tuple[str, str]]:
    """The interview an article gives, as (question, answer)."""
    return [(pair.question, pair.answer) for pair in importers.parse(text).interview]


def films_and_levels(proposal: importers.Proposal) -> list[tuple[str, str]]:
    """Each film's title and how sure the importer is of it."""
    return [(f.title, proposal.level(f"films[{i}].title")) for i, f in enumerate(proposal.films)]


def sentence(start: str, length: int) -> str:
    """``start`` run on with plain words to exactly ``length`` characters, single-spaced and
    ending in a full stop: a paragraph at a length limit."""
    text = (start + " and then by the sea" * 200)[: length - 1]
    return (text[:-1] + "s" if text.endswith(" ") else text) + "."
