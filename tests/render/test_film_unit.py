"""A film as a designed unit: its key still leads, laurels, pull quotes, billing block, specs,
and in print a QR code beside the trailer."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from presskit.render.document import Options, render_pdf
from presskit.store import KitFile
from tests.pdf_checks import placed_images
from tests.render import corpus


@pytest.fixture(scope="module")
def rich_kit(tmp_path_factory) -> Path:
    return corpus.rich(tmp_path_factory.mktemp("rich"))


def render(kit_path: Path, **options):
    with KitFile.open(kit_path) as kit_file:
        return render_pdf(kit_file.load(), kit_file, Options(invariant=True, **options))


def page_texts(pdf: bytes) -> list[str]:
    return [
        re.sub(r"\s+", " ", page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
    ]


def test_the_key_still_leads_its_film_on_the_page_of_its_title(rich_kit):
    result = render(rich_kit)
    landed = result.plan.landings
    for film, still in result.plan.key_stills.items():
        title = next(x for x in landed if x.role == "film-title" and x.key == film)
        picture = next(x for x in landed if x.role == "still" and x.key == still)
        assert picture.page == title.page
        assert picture.box[1] > title.box[3]  # above the title


def test_laurels_print_awards_first_then_premieres_with_their_notes_and_years(rich_kit):
    texts = page_texts(render(rich_kit).pdf)
    text = " ".join(texts)
    order = [
        text.index(words)
        for words in ("New Currents", "Best Cinematography", "World Premiere".upper(), "Sundance")
    ]
    assert order == sorted(order)
    assert "WINNER" in text and "RUNNER-UP" in text and "OFFICIAL SELECTION" in text
    # the run-in database line is gone
    assert "Festivals:" not in text and "Awards:" not in text and "Credits: " not in text


@pytest.mark.parametrize("theme", ["classic", "modern", "minimal"])
@pytest.mark.parametrize("page_size", ["a4", "letter"])
def test_a_film_s_laurel_rows_stay_on_its_first_page_where_they_fit(rich_kit, theme, page_size):
    """A film's laurels close its head: a row goes to the next page only when it does not
    fit under the one before, never to stay with the press quote that follows (The Tide
    Between Us, classic: its second row opened the page after its title, leaving a fifth
    of the title's page empty)."""
    landings = render(rich_kit, theme=theme, page_size=page_size).plan.landings
    for film in ("tide", "lantern", "salt"):
        rows = [x for x in landings if x.role == "laurels" and x.key == film]
        assert len(rows) == 2, film  # eight laurels each, four to a row
        first, second = rows
        if second.page != first.page:
            room = first.box[1] - first.space_after - first.frame[1]
            assert second.box[3] - second.box[1] > room, (film, room)


def test_laurels_are_drawn_not_pictures(rich_kit):
    """The laurels add no image to the PDF: every image is a still."""
    pdf = render(rich_kit).pdf
    images = {
        name
        for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
        for name, obj in page.get("/Resources", {}).get("/XObject", {}).items()
        if obj.get_object()["/Subtype"] == "/Image"
    }
    with KitFile.open(rich_kit) as kit_file:
        stills = {s.asset for s in kit_file.load().stills}
    assert 0 < len(images) <= len(stills)


def test_two_pull_quotes_before_the_specs_the_third_in_the_short_list_after(rich_kit):
    whole = " ".join(page_texts(render(rich_kit).pdf))
    first_film = slice(whole.index("The Tide Between Us"), whole.index("Lantern"))
    film = whole[first_film]
    specs = film.index("Specifications")
    assert film.index("VARIETY") < specs and film.index("THE HOLLYWOOD REPORTER") < specs
    assert film.index("— Screen International") > specs  # the third: listed, set plainly
    assert "SCREEN INTERNATIONAL" not in film


def test_billing_block_and_specs_show_only_what_is_there(rich_kit):
    whole = " ".join(page_texts(render(rich_kit).pdf))
    assert "Credits" in whole and "Im-Sun Song" in whole and "Aiko Tanaka" in whole
    for label in ("Runtime", "Country", "Language", "Format", "Aspect ratio", "Sound", "Colour"):
        assert label in whole
    # films with a runtime and a country, and no credits
    kit = corpus.many_films(Path(rich_kit).parent / "sparse")
    text = " ".join(page_texts(render(kit).pdf))
    assert "Runtime" in text and "Country" in text
    assert "Aspect ratio" not in text and "Sound" not in text and "Credits" not in text


def _drawn_qr_codes(pdf: bytes, page_number: int) -> list[frozenset[tuple[int, int]]]:
    """Each QR code drawn on the page (a filled path of rectangles alone) as the (row,
    column) of its dark modules, read back from its rectangles (a module tall, one or more
    wide), counted from its first row and column."""
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[page_number]
    codes = []
    for path in page.get_contents().get_data().split(b"\nn ")[1:]:
        words = path.split(b"\nf", 1)[0].split()  # up to its fill
        if not words or len(words) % 5 or any(word != b"re" for word in words[4::5]):
            continue
        rects = [tuple(float(n) for n in words[i : i + 4]) for i in range(0, len(words), 5)]
        module = min(h for _x, _y, _w, h in rects)
        left, top = min(x for x, *_ in rects), max(y for _x, y, *_ in rects)
        dark = set()
        for x, y, width, _h in rects:
            row, first = round((top - y) / module), round((x - left) / module)
            dark |= {(row, first + i) for i in range(round(width / module))}
        codes.append(frozenset(dark))
    return codes


def _encoded(url: str) -> frozenset[tuple[int, int]]:
    """The dark modules a QR code of ``url`` has (ReportLab's encoder), as drawn above."""
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(url)
    code.make()
    dark = {(r, c) for r, row in enumerate(code.modules) for c, on in enumerate(row) if on}
    top, left = min(r for r, _ in dark), min(c for _, c in dark)
    return frozenset((r - top, c - left) for r, c in dark)


def _links(pdf: bytes, page_number: int) -> list[str]:
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[page_number]
    return [a.get_object()["/A"]["/URI"] for a in page.get("/Annots", [])]


def test_print_sets_a_qr_code_beside_the_trailer_and_screen_does_not(rich_kit):
    printed, screen = render(rich_kit, profile="print"), render(rich_kit)
    page = next(i for i, t in enumerate(page_texts(printed.pdf)) if "Trailer: vimeo.com" in t)
    # The trailer's and the screener's links, each with every module of its code and
    # nothing else dark: a phone reads the link
    links = _links(printed.pdf, page)
    assert len(links) == 2
    assert set(_drawn_qr_codes(printed.pdf, page)) == {_encoded(url) for url in links}
    page = next(i for i, t in enumerate(page_texts(screen.pdf)) if "Trailer: vimeo.com" in t)
    assert _links(screen.pdf, page) == links
    assert _drawn_qr_codes(screen.pdf, page) == []


def test_the_cover_carries_the_most_notable_laurels_awards_first(rich_kit):
    cover = page_texts(render(rich_kit, theme="modern").pdf)[0]
    assert cover.count("WINNER") >= 2 and "New Currents" in cover
    assert "OFFICIAL SELECTION" not in cover  # awards and premieres only, four at most
    # The rich kit's films share a prize (New Currents, 2025): the cover names it once.
    assert cover.count("New Currents") == 1


def test_stills_of_no_film_follow_the_films_stills_under_their_own_subhead(rich_kit):
    """Untitled after the last film's stills, the person's portrait read as that film's."""
    result = render(rich_kit, sections=["stills"])
    text = " ".join(page_texts(result.pdf))
    last_film_title = text.rindex("Salt and Iron")
    other = text.index("Other stills")
    assert last_film_title < other < text.index("Frame 1 ", other)  # still-1: of no film


def test_a_kit_whose_stills_are_all_of_no_film_has_no_subhead(tmp_path):
    text = " ".join(page_texts(render(corpus.bare(tmp_path)).pdf))
    assert "Frame 1" in text and "Other stills" not in text


@pytest.mark.parametrize(("theme", "bleeds"), [("modern", True), ("classic", False)])
def test_a_wide_key_still_runs_edge_to_edge_in_a_full_bleed_theme(rich_kit, theme, bleeds):
    """Lantern's key still is a 2.39:1 panorama: across the whole page in modern, whose cover
    is full bleed (and, opening its page, up to the page's top edge), and within the margins
    in classic."""
    result = render(rich_kit, theme=theme, profile="print")
    lantern = next(
        x for x in result.plan.landings if x.role == "film-title" and "Lantern" in x.text
    )
    lantern_still = result.plan.key_stills[lantern.key]
    page_width = result.plan.page_size[0]
    reader = pypdf.PdfReader(io.BytesIO(result.pdf))
    page_pdf = pypdf.PdfWriter()
    page_pdf.add_page(reader.pages[lantern.page - 1])
    buffer = io.BytesIO()
    page_pdf.write(buffer)
    widest = max(placed_images(buffer.getvalue()), key=lambda p: p[2])
    x, y, width, height = widest
    if bleeds:
        assert x <= 0.5 and x + width >= page_width - 0.5
        still = next(
            s for s in result.plan.landings if s.role == "still" and s.key == lantern_still
        )
        assert still.box[3] == pytest.approx(still.frame[3])  # it opens its page...
        assert y + height >= result.plan.page_size[1] - 0.5  # ...and runs up to the edge
    else:
        assert x > 30 and x + width < page_width - 30
