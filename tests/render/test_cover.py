"""The cover, as a festival programmer first meets it: the person's name, their roles and
byline, the cover still once with its photographer's credit, their most notable laurels and
a quote, all on one page above the key contact, in every theme.

Each test renders the cover alone (``sections=["cover"]``): `make mutants` holds the cover's
code to these tests (scripts/mutants.py), and a cover renders in milliseconds once the
fonts are loaded, where a whole kit takes seconds.
"""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from presskit import kitio, model, render
from presskit.store import KitFile, NewAsset
from tests.render import corpus
from tests.render.test_fields_and_fitting import long_kit, pdf_text, placed_text

THEMES = ("classic", "modern", "minimal")
FULL_BLEED = {theme for theme in THEMES if render.load_theme(theme).style.cover == "full-bleed"}


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    """The sample kit, with pronouns and a place: every line the cover has."""

    def placed(kit: model.PressKit) -> None:
        kit.person.pronouns, kit.person.location = "she/her", "Seoul"

    return corpus.sample(tmp_path_factory.mktemp("cover"), placed)


def portrait_kit(folder: Path) -> Path:
    """A kit whose cover still stands upright (three times as tall as wide)."""
    buffer = io.BytesIO()
    Image.new("RGB", (300, 900), (90, 120, 140)).save(buffer, "JPEG")
    picture = NewAsset(buffer.getvalue(), name="tall.jpg", mime="image/jpeg", width=300, height=900)
    kit = model.PressKit(
        person=model.Person(name="Ana Lima", pronouns="she/her", headline="Quiet films."),
        stills=[model.Still(id="s", asset=picture.sha256, credit="Ian Chen")],
    )
    path = folder / "portrait.presskit"
    KitFile.create(path, kit, [picture]).close()
    return path


def cover_page(path: Path, kit: model.PressKit | None = None, **options) -> pypdf.PageObject:
    """The cover of the kit at ``path`` (or of ``kit``, read with that file's pictures)."""
    with KitFile.open(path) as kit_file:
        kit = kit if kit is not None else kit_file.load()
        pdf = render.render_pdf(
            kit, kit_file, render.Options(invariant=True, sections=["cover"], **options)
        ).pdf
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return reader.pages[0]


def pictures(page: pypdf.PageObject) -> list[tuple[float, float, float]]:
    """(width, height, bottom edge) of each picture drawn on the page, in the page's space."""
    drawn: list[tuple[float, float, float]] = []

    def before(operator, _operands, cm, _tm):
        if operator == b"Do":  # an image is drawn into the unit square the matrix maps
            drawn.append((cm[0], cm[3], cm[5]))

    page.extract_text(visitor_operand_before=before)
    return drawn


def line_at(page: pypdf.PageObject, text: str) -> tuple[float, float]:
    """(baseline y, font size) of the one line on the page that starts with ``text``."""
    (found,) = [(y, size) for piece, y, size in placed_text(page) if piece.startswith(text)]
    return found


def colours(page: pypdf.PageObject) -> dict[str, str]:
    """Each line of text on the page, by the fill colour ("r g b") it is drawn in."""
    drawn: dict[str, str] = {}
    ink = ["0 0 0"]

    def before(operator, operands, _cm, _tm):
        if operator == b"rg":
            ink[0] = " ".join(f"{float(x):g}" for x in operands)

    def text(piece, _cm, _tm, _font, _size):
        if piece.strip():
            drawn[piece.strip()] = ink[0]

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return drawn


def rgb(hex_colour: str) -> str:
    return " ".join(f"{int(hex_colour[i : i + 2], 16) / 255:.6g}" for i in (1, 3, 5))


@pytest.mark.parametrize("theme", THEMES)
def test_the_cover_reads_name_roles_byline_still_credit_and_quote_in_that_order(sample, theme):
    page = cover_page(sample, theme=theme)
    name, original, roles, byline, quote = (
        line_at(page, text)[0]
        for text in (
            "Im-Sun Song",
            "송임선",
            "CINEMATOGRAPHER · FILMMAKER",
            "she/her · Based in Seoul",
            "“I wanted to make films",
        )
    )
    contact = line_at(page, "DP Reel · vimeo.com/793204574")[0]  # the key contact at the foot
    assert name > original > roles > byline > quote > contact
    sizes = render.load_theme(theme).sizes
    assert line_at(page, "CINEMATOGRAPHER")[1] == sizes.caption + 1.5  # a little over captions
    assert page.extract_text().rstrip().endswith("connection with.”")  # the quote, closed
    ((width, height, bottom),) = pictures(page)  # the cover still, once
    credit, size = line_at(page, "Photo: Ian Chen")
    assert bottom - 2 * size < credit < bottom  # right under the still
    if theme in FULL_BLEED:  # edge to edge at the top, its credit and the name clear under it
        assert width == pytest.approx(float(page.mediabox.width))
        assert bottom + height == pytest.approx(float(page.mediabox.height))
        assert name + line_at(page, "Im-Sun Song")[1] < credit
    else:  # inside the margins between the byline and its credit, the credit over the quote
        assert byline > bottom + height
        assert credit > quote


@pytest.mark.parametrize("shape", ["wide", "upright"])
@pytest.mark.parametrize("theme", THEMES)
def test_the_cover_still_fills_its_place_and_no_more_right_by_the_name(
    sample, tmp_path, theme, shape
):
    """Framed: the text's width, at most 42% of the page's height, half a line under the
    byline; full-bleed: the page's width, at most 60% of its height, its credit right under
    it and the name a line under that."""
    path = sample if shape == "wide" else portrait_kit(tmp_path)
    page = cover_page(path, theme=theme)
    ((width, height, bottom),) = pictures(page)
    page_width, page_height = float(page.mediabox.width), float(page.mediabox.height)
    sizes = render.load_theme(theme).sizes
    if theme in FULL_BLEED:
        most = (page_width, page_height * 0.6)
        name, size = line_at(page, "Im-Sun Song" if shape == "wide" else "Ana Lima")
        credit = line_at(page, "Photo: Ian Chen")[0]
        assert credit < bottom and sizes.leading / 2 < credit - (name + size) < sizes.leading * 2
    else:
        margin = render.load_theme(theme).spacing.margin * 72 / 25.4
        most = (page_width - 2 * margin, page_height * 0.42)
        byline = line_at(page, "she/her")[0]
        assert 0 < byline - (bottom + height) < 2 * sizes.leading
    assert width <= most[0] + 0.01 and height <= most[1] + 0.01
    assert width == pytest.approx(most[0]) or height == pytest.approx(most[1])
    assert (width > height) == (shape == "wide")


@pytest.mark.parametrize("theme", THEMES)
def test_the_roles_are_in_the_accent_on_paper_and_in_the_cover_ink_on_a_full_bleed_still(
    sample, theme
):
    page = cover_page(sample, theme=theme)
    colour = colours(page)["CINEMATOGRAPHER · FILMMAKER"]
    ink = render.load_theme(theme).colours
    assert colour == rgb(ink.cover_text if theme in FULL_BLEED else ink.accent)
    assert colour != rgb(ink.cover_paper)  # never the paper's own colour


def test_a_cover_without_a_still_has_its_name_at_the_top(sample):
    with KitFile.open(sample) as kit_file:
        kit = kit_file.load()
    kit.stills = []
    kit.design.cover_still = ""
    for theme in THEMES:
        page = cover_page(sample, kit, theme=theme)
        assert pictures(page) == []
        name, size = line_at(page, "Im-Sun Song")
        margin = render.load_theme(theme).spacing.margin * 72 / 25.4
        assert float(page.mediabox.height) - margin - 1.5 * size < name


def test_the_roles_sit_close_above_their_byline_and_a_line_above_anything_else(sample):
    """The room the roles take, seen as how far they push down what follows: a byline (it
    belongs with them) 2 points under them, the cover still a whole line."""
    with KitFile.open(sample) as kit_file:
        kit = kit_file.load()
    with_roles = kit.person.roles

    def pushed_down(pronouns: str) -> float:
        """How much lower the line under the roles (the byline, else the still) sits for them."""
        tops = []
        for roles in (with_roles, []):
            kit.person = dataclasses.replace(
                kit.person, roles=roles, pronouns=pronouns, location=""
            )
            page = cover_page(sample, kit, theme="classic")
            ((_width, height, bottom),) = pictures(page)
            tops.append(line_at(page, pronouns)[0] if pronouns else bottom + height)
        return tops[1] - tops[0]

    leading = render.load_theme("classic").sizes.leading
    assert pushed_down("") - pushed_down("she/her") == pytest.approx(leading - 2, abs=0.1)


def test_a_quote_typed_in_its_own_marks_prints_in_one_pair(tmp_path):
    for typed in ('"X-rays, mostly."', "“X-rays, mostly.”", "X-rays, mostly."):
        kit = model.PressKit(
            person=model.Person(name="Ana Lima"), interview=model.Interview(pull_quote=typed)
        )
        reader, _ = pdf_text(kit, tmp_path, sections=["cover"])
        assert reader.pages[0].extract_text().strip() == "Ana Lima\n“X-rays, mostly.”"


def test_pronouns_and_based_in_print_on_the_cover(tmp_path):
    kit = model.PressKit(
        person=model.Person(name="Ana Lima", pronouns="she/her", location="Lisbon and Seoul")
    )
    reader, _text = pdf_text(kit, tmp_path)
    cover = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert "she/her · Based in Lisbon and Seoul" in cover


def test_the_headline_prints_as_the_covers_quote_when_the_interview_gives_none(tmp_path):
    kit = model.PressKit(person=model.Person(name="Ana", headline="zqheadlineqz"))
    reader, _text = pdf_text(kit, tmp_path, sections=["cover"])
    assert reader.pages[0].extract_text().strip().endswith("“zqheadlineqz”")


def test_the_cover_shows_awards_first_and_a_prize_two_films_share_once(tmp_path):
    berlin = model.Award(name="Golden Bear", year=2024)
    kit = model.PressKit(person=model.Person(name="Ana Lima"))
    kit.films = [
        model.Film(
            id="a",
            title="A",
            awards=[berlin],
            festivals=[
                model.Festival("Sundance", 2023),
                model.Festival("Busan", 2024, "World Premiere"),
            ],
        ),
        model.Film(
            id="b",
            title="B",
            awards=[berlin, model.Award("Silver Lion", 2025, "Best Short")],
            festivals=[model.Festival("Cannes", 2025, "European premiere")],
        ),
    ]
    for theme in THEMES:
        _reader, text = pdf_text(kit, tmp_path, theme=theme, sections=["cover"])
        names = re.findall(r"Golden Bear|Silver Lion|Busan|Cannes|Sundance", text)
        assert names == ["Golden Bear", "Silver Lion", "Busan", "Cannes"]  # four at most


def test_the_cover_is_in_the_outline(tmp_path):
    reader, _ = pdf_text(
        model.PressKit(person=model.Person(name="Ana Lima")), tmp_path, sections=["cover"]
    )
    assert [item.title for item in reader.outline] == ["Cover"]


# -- long fields ---------------------------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES)
def test_no_field_however_long_pushes_the_cover_past_one_page(tmp_path, theme):
    reader, _text = pdf_text(long_kit(), tmp_path, theme=theme, sections=["cover"])
    assert len(reader.pages) == 1
    cover = reader.pages[0].extract_text()
    assert "Maria-Aurelia" in cover and "…" in cover
    assert "…”" in cover  # the quote is cut inside its quotation marks
    whole, _ = pdf_text(long_kit(), tmp_path, theme=theme)
    assert "about" in whole.pages[1].extract_text().lower()  # the next section: page 2


def test_a_name_too_long_for_two_lines_is_set_smaller_to_fit_them(tmp_path):
    theme = render.load_theme("classic")
    name = "Maria-Aurelia Wojciechowska-Lindqvist Santos Oliveira"
    reader, _ = pdf_text(model.PressKit(person=model.Person(name=name)), tmp_path)
    placed = [(y, size) for text, y, size in placed_text(reader.pages[0])]
    assert len(placed) == 2  # two lines, nothing else on the cover
    assert len({size for _y, size in placed}) == 1
    assert max(theme.sizes.heading, theme.sizes.cover_name * 0.4) < placed[0][1]
    assert placed[0][1] < theme.sizes.cover_name


def test_each_cover_line_is_held_to_its_lines(sample):
    """However long: the original name and the byline two lines each, the credit two, the
    quote six; then cut with an ellipsis."""
    with KitFile.open(sample) as kit_file:
        kit = kit_file.load()
    kit.person = dataclasses.replace(
        kit.person,
        name_original="송임선 " * 80,
        pronouns="they/them " * 30,
        location="Lisbon " * 60,
    )
    kit.interview.pull_quote = "A sentence that never ends. " * 60
    cover = kit.still(kit.design.cover_still)
    cover.credit = "Aigerim Yusupova " * 20
    page = cover_page(sample, kit, theme="classic")
    placed = placed_text(page)
    lines = {
        field: len({round(y) for text, y, _size in placed if re.search(words, text)})
        for field, words in {
            "original name": "송임선",
            "byline": "they/them|Lisbon",
            "credit": "Yusupova",
            "quote": "sentence|never|ends",
        }.items()
    }
    assert lines == {"original name": 2, "byline": 2, "credit": 2, "quote": 6}


def test_a_long_name_is_set_smaller_then_wrapped_and_a_short_one_keeps_its_size(tmp_path):
    theme = render.load_theme("classic")
    short, _ = pdf_text(model.PressKit(person=model.Person(name="Ana Lima")), tmp_path)
    sizes = {size for text, _y, size in placed_text(short.pages[0]) if "Ana" in text}
    assert sizes == {theme.sizes.cover_name}
    reader, _ = pdf_text(long_kit(), tmp_path, sections=["cover"])
    name = [(y, size) for text, y, size in placed_text(reader.pages[0]) if "Wojcie" in text]
    assert [size for _y, size in name] == pytest.approx([max(19, 50 * 0.4)] * len(name))
    assert 2 < len({round(y) for y, _size in name}) <= 5


@pytest.mark.parametrize("theme", THEMES)
def test_a_full_cover_is_shrunk_to_end_just_above_the_key_contact(tmp_path, theme):
    """Every cover line as long as it may be, the cover still and four long laurels, on the
    shorter Letter page: more than the page holds, so the whole is set smaller to end just
    above the key contact at the foot, never over it and never far short of it."""
    path = tmp_path / "full.presskit"
    kitio.create_kit(path, kitio.sample_json()).close()
    with KitFile.open(path) as kit_file:
        kit = kit_file.load()
        kit.person = dataclasses.replace(long_kit().person, portrait=kit.person.portrait)
        kit.interview.pull_quote = "A sentence that never ends. " * 60
        kit.contact.email = "press@example.com"
        award = model.Award(name="Best Film at the Berlinale " * 6, year=2024, note="Jury " * 9)
        kit.films[0].awards = [award] * 4
        options = render.Options(
            invariant=True, theme=theme, sections=["cover"], page_size="letter"
        )
        reader = pypdf.PdfReader(io.BytesIO(render.render_pdf(kit, kit_file, options).pdf))
    assert len(reader.pages) == 1
    placed = placed_text(reader.pages[0])
    contact, size = next((y, s) for text, y, s in placed if "press@example.com" in text)
    lowest = min(y - s for text, y, s in placed if "press@example.com" not in text)
    assert contact + size < lowest < contact + 5 * size
