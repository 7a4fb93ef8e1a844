"""Every field an editor offers reaches the PDF; no field, however long, breaks the cover or
the folio; a kit with nothing to show is refused rather than exported blank."""

from __future__ import annotations

import dataclasses
import io
import itertools
import re
import typing

import pypdf
import pytest

from presskit import kitio, model, render
from presskit.errors import ExportError
from presskit.store import KitFile
from tests.pdf_checks import placed_text

THEMES = ("classic", "modern", "minimal")

# Fields that hold no text of their own: ids, an image's hash, references to a still or a
# film, and a choice printed as its label (tested in test_pdf).
NOT_TEXT = {"id", "asset", "portrait", "key_still", "film", "status"}
# Fields a person types that print only in some kits, with the reason:
ONLY_SOMETIMES = {
    # The cover's quote when the interview gives none (its label says so); tested below.
    "person.headline": "printed only when the interview has no quote for the cover",
    # A description for screen readers: its place is a tagged PDF's alternate text, which
    # ReportLab does not write; on the page the picture speaks for itself.
    "still.alt": "not printed: alternate text for screen readers",
}


def filled(cls: type, path: str, words: dict[str, str], numbers: itertools.count) -> object:
    """An instance of ``cls`` with a unique word in each text field (a list gets one item),
    and a unique number in each number field; ``words`` maps each word to its field."""
    hints = typing.get_type_hints(cls)
    values: dict[str, object] = {}
    for item in dataclasses.fields(cls):
        where, hint = f"{path}.{item.name}", hints[item.name]
        if item.name in NOT_TEXT:
            continue
        if hint is str:
            word = unique_word(where, words)
            if item.name in ("url", "website"):
                word = f"https://{word}.example"
            elif item.name == "email":
                word = f"{word}@example.com"
            values[item.name] = word
        elif hint == int | None:
            values[item.name] = number = next(numbers)
            words[str(number)] = where
        elif typing.get_origin(hint) is list:
            (inner,) = typing.get_args(hint)
            if inner is str:
                values[item.name] = [unique_word(where, words)]
            else:
                values[item.name] = [filled(inner, where, words, numbers)]
    return cls(**values)


def unique_word(where: str, words: dict[str, str]) -> str:
    """ "person.pronouns" -> "zqpersonpronounsqz": found only where that field printed."""
    word = "zq" + re.sub(r"[^a-z]", "", where.lower()) + "qz"
    words[word] = where
    return word


def pdf_text(kit: model.PressKit, tmp_path, **options) -> tuple[pypdf.PdfReader, str]:
    with KitFile.create(tmp_path / f"k{len(list(tmp_path.iterdir()))}.presskit", kit) as f:
        result = render.render_pdf(f.load(), f, render.Options(invariant=True, **options))
    reader = pypdf.PdfReader(io.BytesIO(result.pdf))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("theme", THEMES)
def test_every_text_field_of_the_person_interview_contact_and_a_film_prints(tmp_path, theme):
    words: dict[str, str] = {}
    numbers = itertools.count(1901)
    kit = model.PressKit(
        person=filled(model.Person, "person", words, numbers),
        interview=filled(model.Interview, "interview", words, numbers),
        films=[filled(model.Film, "film", words, numbers)],
        links=[filled(model.Link, "links", words, numbers)],
        contact=filled(model.Contact, "contact", words, numbers),
    )
    kit.films[0].id = "f"
    _reader, text = pdf_text(kit, tmp_path, theme=theme)
    # Letter-spaced labels come out as "Z Q ..." and in capitals: compare without either.
    squashed = re.sub(r"\s+", "", text).lower()
    missing = [
        where
        for word, where in words.items()
        if word not in squashed and where not in ONLY_SOMETIMES
    ]
    assert missing == []
    # The enumeration reached into the lists: festivals, credits, questions.
    assert {"film.festivals.note", "film.credits.name", "interview.items.answer"} <= set(
        words.values()
    )


def test_every_text_field_of_a_still_prints_with_it(tmp_path):
    path = tmp_path / "sample.presskit"
    kitio.create_kit(path, kitio.sample_json()).close()
    words: dict[str, str] = {}
    with KitFile.open(path) as kit_file:
        kit = kit_file.load()
        hints = typing.get_type_hints(model.Still)
        for letter, still in zip("abcdefgh", kit.stills, strict=False):
            for item in dataclasses.fields(model.Still):
                if hints[item.name] is str and item.name not in NOT_TEXT:
                    word = unique_word(f"still{letter}.{item.name}", words)
                    words[word] = f"still.{item.name}"
                    setattr(still, item.name, word)
        result = render.render_pdf(kit, kit_file, render.Options(invariant=True))
    reader = pypdf.PdfReader(io.BytesIO(result.pdf))
    squashed = re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages)).lower()
    missing = [w for word, w in words.items() if word not in squashed and w not in ONLY_SOMETIMES]
    assert missing == []
    assert "still.copyright" in words.values()  # the enumeration reached it


# -- nothing to show -----------------------------------------------------------------------


def test_a_brand_new_kit_has_nothing_to_show_and_is_refused(tmp_path):
    kit = model.PressKit()
    out = tmp_path / "k.pdf"
    with KitFile.create(tmp_path / "k.presskit", kit) as f:
        why = render.nothing_to_show(kit, f)
        with pytest.raises(ExportError) as refused:
            render.export_pdf(kit, f, out)
    assert why == (
        "There is nothing to export: every section shown is empty; "
        "add to one or show another in Design."
    )
    assert str(refused.value) == why
    assert not out.exists()


def test_a_kit_with_only_a_name_or_only_an_email_has_something_to_show(tmp_path):
    for n, kit in enumerate(
        [
            model.PressKit(person=model.Person(name="Ana")),
            model.PressKit(contact=model.Contact(email="ana@example.com")),
        ]
    ):
        with KitFile.create(tmp_path / f"k{n}.presskit", kit) as f:
            assert render.nothing_to_show(kit, f) is None
            assert render.export_pdf(kit, f, tmp_path / f"k{n}.pdf").pages == 1


def test_an_export_of_chosen_empty_sections_or_of_none_says_which(tmp_path):
    kit = model.PressKit(person=model.Person(name="Ana"))
    with KitFile.create(tmp_path / "k.presskit", kit) as f:
        chosen = render.nothing_to_show(kit, f, render.Options(sections=["films", "stills"]))
        none = render.nothing_to_show(kit, f, render.Options(sections=[]))
    assert chosen == (
        "There is nothing to export: every section chosen is empty; add to one or choose another."
    )
    assert none == "There is nothing to export: no section is chosen."


# -- long fields ---------------------------------------------------------------------------


def test_a_line_break_starts_a_line_and_a_blank_line_a_paragraph(tmp_path):
    typed = "First line of the bio\nsecond line\n \t\nA new paragraph"
    kit = model.PressKit(person=model.Person(name="Ana Lima", bio_long=typed))
    reader, _text = pdf_text(kit, tmp_path)
    y = {text.strip(): y for page in reader.pages for text, y, _size in placed_text(page)}
    line = y["First line of the bio"] - y["second line"]
    paragraph = y["second line"] - y["A new paragraph"]
    assert 0 < line < paragraph < 2 * line  # a paragraph's space, not an empty line


def long_kit() -> model.PressKit:
    long = ("Maria-Aurelia Wojciechowska-Lindqvist " * 14)[:500]
    return model.PressKit(
        person=model.Person(
            name=long,
            name_original="송임선 " * 80,
            pronouns="they/them " * 30,
            location="Lisbon " * 60,
            roles=["Cinematographer"] * 20,
            headline="A sentence that never ends. " * 60,
            bio_short="A short bio.",
        ),
        interview=model.Interview(
            title="A title " * 60, items=[model.QA("Why?", "Because. " * 40)]
        ),
        films=[model.Film(id="f", title="A film title " * 40, logline="One line.")],
        contact=model.Contact(email="a" * 400 + "@example.com"),
    )


@pytest.mark.parametrize("theme", THEMES)
def test_the_folio_is_one_line_on_every_page_with_its_page_number(tmp_path, theme):
    reader, _ = pdf_text(long_kit(), tmp_path, theme=theme)
    foot = render.load_theme(theme).spacing.foot * 72 / 25.4
    assert len(reader.pages) >= 3
    for number, page in enumerate(reader.pages[1:], start=2):
        folio = [(text, y) for text, y, _size in placed_text(page) if y < foot]
        assert len({round(y) for _text, y in folio}) == 1, folio
        line = "".join(text for text, _y in folio).strip()
        assert "…" in line and line.endswith(f"Press kit · {number}")
