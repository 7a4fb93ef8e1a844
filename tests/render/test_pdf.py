"""The exported PDF as a festival programmer would meet it: text, links, outline, images."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pypdf
import pytest

from presskit import kitio, model, render
from presskit.render.images import pixels_for
from presskit.render.markup import PIECE_CHARS, pieces
from presskit.store import KitFile
from tests.pdf_checks import font_names, unembedded_fonts
from tests.render import corpus
from tests.render.photos import credit_lines, give_each_still_its_own_photographer


@pytest.fixture(scope="module")
def sample_kit(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "sample.presskit"
    kitio.create_kit(path, kitio.sample_json()).close()
    return path


_EXPORTS: dict[tuple, bytes] = {}


def export(kit_path: Path, **options) -> pypdf.PdfReader:
    """The kit's PDF, rendered once per kit and options. Not kept under mutation testing
    (`make mutants`): there every test must render for itself, or a mutant would be judged
    by a PDF the unmutated renderer made, and only the first test to render would run."""
    key = (kit_path, tuple(sorted(options.items())))
    if key not in _EXPORTS or "MUTANT_UNDER_TEST" in os.environ:
        with KitFile.open(kit_path) as kit_file:
            result = render.render_pdf(
                kit_file.load(), kit_file, render.Options(invariant=True, **options)
            )
        _EXPORTS[key] = result.pdf
    return pypdf.PdfReader(io.BytesIO(_EXPORTS[key]))


def text_of(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_sample_kit_shows_every_section_with_her_words(sample_kit):
    reader = export(sample_kit)
    text = squash(text_of(reader))
    kit = KitFile.open(sample_kit, read_only=True)
    sample = kit.load()
    kit.close()
    assert "Im-Sun Song" in text
    for title in ("Dragonfly", "Soundtrack of My Life"):
        assert title in text
    for qa in sample.interview.items:
        assert squash(qa.question) in text
    for heading in ("About", "In conversation", "Films", "Stills", "Contact"):
        assert heading in text
    assert "IN POST-PRODUCTION" in text.replace("I N", "IN") or "POST-PRODUCTION" in text


@pytest.fixture(scope="module")
def own_credits_kit(tmp_path_factory) -> Path:
    """The sample kit with a different photographer for each still."""
    return corpus.sample(tmp_path_factory.mktemp("credits"), give_each_still_its_own_photographer)


def test_every_still_is_credited_under_it_to_its_own_photographer(own_credits_kit):
    text = squash(text_of(export(own_credits_kit)))
    with KitFile.open(own_credits_kit, read_only=True) as f:
        kit = f.load()
    printed = [s for s in kit.stills if s.included or s.id == kit.person.portrait]
    assert len({s.credit for s in printed}) == len(printed) > 1
    for line in credit_lines(printed):  # the bio's portrait and every still in the stills
        assert line in text


def test_the_reel_is_a_real_link_and_the_outline_and_metadata_are_there(sample_kit):
    reader = export(sample_kit)
    uris = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object().get("/Subtype") == "/Link"
    ]
    assert "https://vimeo.com/793204574" in uris
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    nested = [item.title for group in reader.outline if isinstance(group, list) for item in group]
    assert {"Cover", "About", "In conversation", "Films", "Stills", "Contact"} <= set(outline)
    assert {"Dragonfly", "Soundtrack of My Life"} <= set(nested)
    meta = reader.metadata
    assert meta.title == "Im-Sun Song — Press kit" and meta.author == "Im-Sun Song"
    assert "Dragonfly" in meta.subject and "Cinematographer" in str(meta.get("/Keywords"))


@pytest.mark.parametrize("theme", render.theme_names())
def test_every_font_the_pdf_names_is_embedded(sample_kit, theme):
    """No font a reader would have to stand in for (ReportLab's canvas names Helvetica
    unless told its first font)."""
    reader = export(sample_kit, theme=theme)
    assert len(font_names(reader)) >= 3
    assert unembedded_fonts(reader) == []


def test_the_cover_has_no_folio_and_the_other_pages_do(sample_kit):
    reader = export(sample_kit)
    assert "Press kit" not in reader.pages[0].extract_text()
    for number, page in enumerate(reader.pages[1:], start=2):
        assert f"Im-Sun Song · Press kit · {number}" in page.extract_text()


def placed_images(reader: pypdf.PdfReader) -> list[tuple[int, int, float, float]]:
    """(pixel width, pixel height, placed width pt, placed height pt) for each image drawn."""
    found = []
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject", {})
        content = page.get_contents().get_data().decode("latin-1")
        for w, h, name in re.findall(
            r"([\d.]+) 0 0 ([\d.]+) [\d.\-]+ [\d.\-]+ cm\s+/(\S+) Do", content
        ):
            image = xobjects["/" + name].get_object()
            found.append((int(image["/Width"]), int(image["/Height"]), float(w), float(h)))
    return found


@pytest.mark.parametrize(("profile", "dpi"), [("print", 300), ("screen", 150)])
def test_images_are_sized_for_the_profile_and_never_upscaled(sample_kit, profile, dpi):
    placed = placed_images(export(sample_kit, profile=profile))
    assert len(placed) >= 6
    with KitFile.open(sample_kit, read_only=True) as f:
        largest = max(a.width for a in f.assets())
    for px_w, _px_h, pt_w, _pt_h in placed:
        assert px_w <= largest
        if px_w < largest:  # where the original allows it, at least the profile's dpi
            assert px_w / (pt_w / 72) >= dpi - 1


def test_pixels_for_never_exceeds_the_original():
    assert pixels_for((6000, 4000), (500, 333.3), 300) == (2084, 1389)
    assert pixels_for((800, 600), (500, 375), 300) == (800, 600)


@pytest.mark.parametrize("theme", ["classic", "modern", "minimal"])
@pytest.mark.parametrize("page_size", ["a4", "letter"])
def test_every_theme_renders_at_both_sizes(sample_kit, theme, page_size):
    reader = export(sample_kit, theme=theme, page_size=page_size)
    width = float(reader.pages[0].mediabox.width)
    assert width == pytest.approx(595.3 if page_size == "a4" else 612, abs=0.5)
    assert len(reader.pages) >= 5
    assert "Im-Sun Song" in text_of(reader)


def test_themes_are_clearly_different(sample_kit):
    fonts = {}
    for theme in ("classic", "modern", "minimal"):
        page = export(sample_kit, theme=theme).pages[2]
        fonts[theme] = frozenset(
            str(f["/BaseFont"]).split("+")[-1] for f in page["/Resources"]["/Font"].values()
        )
    assert len(set(fonts.values())) == 3


HOSTILE = [
    '<img src="/etc/hostname"/>',
    '<font color="red">x</font>',
    "R&amp;D",
    "a < b",
    "Fish & Chips",
]


def _hostile_kit() -> model.PressKit:
    text = " ".join(HOSTILE)
    kit = model.PressKit(
        person=model.Person(name=text, roles=[text], headline=text, bio_short=text, bio_long=text),
        interview=model.Interview(title=text, publication=text, items=[model.QA(text, text)]),
        films=[
            model.Film(id="f", title=text, logline=text, synopsis=text, themes=[text], roles=[text])
        ],
        links=[model.Link(text, "https://example.com/?a=1&b=<2>")],
        contact=model.Contact(phone=text, representation=text),
    )
    return kit


def test_markup_in_every_field_prints_literally(tmp_path):
    with KitFile.create(tmp_path / "h.presskit", _hostile_kit()) as f:
        result = render.render_pdf(f.load(), f, render.Options(invariant=True))
    text = squash(text_of(pypdf.PdfReader(io.BytesIO(result.pdf))))
    for piece in [
        "<font color=”red”>x</font>",
        "R&amp;D",
        "a < b",
        "Fish & Chips",
        "/etc/hostname",
    ]:
        assert piece in text, piece
    assert text.count("Fish & Chips") >= 10


def test_a_name_in_hangul_is_real_text_and_really_drawn(tmp_path, qapp):
    """Drawn by Qt's PDF renderer, on the suite's one shared application (qapp)."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    kit = model.PressKit(person=model.Person(name="송임선"))
    with KitFile.create(tmp_path / "k.presskit", kit) as f:
        result = render.render_pdf(f.load(), f, render.Options(sections=["cover"]))
    assert result.warnings == []
    assert "송임선" in pypdf.PdfReader(io.BytesIO(result.pdf)).pages[0].extract_text()
    (tmp_path / "k.pdf").write_bytes(result.pdf)
    document = QPdfDocument()
    document.load(str(tmp_path / "k.pdf"))
    image = document.render(0, QSize(595, 842))
    name_area = image.copy(50, 40, 400, 90)
    dark = sum(
        1
        for x in range(name_area.width())
        for y in range(name_area.height())
        if name_area.pixelColor(x, y).alpha() > 200 and name_area.pixelColor(x, y).value() < 100
    )
    assert dark > 500  # glyphs, not an empty space or a row of empty boxes


def test_characters_no_font_covers_are_reported_not_drawn_as_boxes(tmp_path):
    kit = model.PressKit(person=model.Person(name="Ana 𓀀 🎬"))
    with KitFile.create(tmp_path / "k.presskit", kit) as f:
        result = render.render_pdf(f.load(), f, render.Options(sections=["cover"]))
    assert result.warnings and "𓀀" in result.warnings[0] and "🎬" in result.warnings[0]
    assert "Ana" in pypdf.PdfReader(io.BytesIO(result.pdf)).pages[0].extract_text()


def test_huge_content_paginates_without_a_layout_error(tmp_path):
    words = ("light grief memory frame " * 12_500).strip()
    kit = model.PressKit(
        person=model.Person(name="Ana", bio_long=words, bio_short="x" * 2000),
        interview=model.Interview(
            items=[model.QA(f"Question {i}?", f"Answer {i}. " * 20) for i in range(200)]
        ),
        films=[model.Film(id="f", title="y" * 2000, logline="z" * 2000)],
    )
    with KitFile.create(tmp_path / "k.presskit", kit) as f:
        result = render.render_pdf(f.load(), f)
    reader = pypdf.PdfReader(io.BytesIO(result.pdf))
    assert len(reader.pages) > 50
    assert "Question 199?" in text_of(reader)


def test_a_long_paragraph_is_set_in_pieces_cut_at_spaces_near_the_limit():
    """Past PIECE_CHARS a paragraph is set in pieces (each starts a new line), so layout
    time grows linearly: each piece at most PIECE_CHARS, ending at a space in its last half
    where there is one, nothing lost; a paragraph at the limit stays whole."""
    at_limit = "word " * (PIECE_CHARS // 5)
    assert len(at_limit) == PIECE_CHARS and pieces(at_limit) == [at_limit]
    words = "light grief memory frame " * 2_000  # 50,000 characters
    found = pieces(words)
    assert " ".join(found) == words  # the cuts fall on spaces: only those go
    # at the last space before the limit: within one word ("memory ") of it
    assert all(PIECE_CHARS - 7 <= len(p) <= PIECE_CHARS for p in found[:-1])
    assert all(p.endswith(("light", "grief", "memory", "frame")) for p in found[:-1])
    # A space only in the first half: cut at the limit, not at that space (a stray break).
    unbroken = "x" * 4_000 + " " + "X" * 25_000
    assert [len(p) for p in pieces(unbroken)] == [PIECE_CHARS, PIECE_CHARS, 9_001]
    assert pieces("x" * PIECE_CHARS + "   ") == ["x" * PIECE_CHARS]  # no empty last piece


def test_a_failed_or_cancelled_export_leaves_the_old_pdf_alone(sample_kit, tmp_path):
    out = tmp_path / "kit.pdf"
    out.write_bytes(b"%PDF-1.4 the one I mailed yesterday")
    with KitFile.open(sample_kit) as f:
        kit = f.load()
        with pytest.raises(render.ExportCancelled):
            render.export_pdf(kit, f, out, render.Options(profile="print"), cancelled=lambda: True)
        kit.design.theme = "no-such-theme"
        with pytest.raises(Exception, match="There is no theme called “no-such-theme”"):
            render.export_pdf(kit, f, out)
    assert out.read_bytes() == b"%PDF-1.4 the one I mailed yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kit.pdf"]


def test_the_second_export_reuses_the_cached_renditions(sample_kit, monkeypatch):
    from presskit.render import images

    with KitFile.open(sample_kit) as f:
        render.render_pdf(f.load(), f, render.Options(profile="screen", theme="minimal"))
        calls = []
        monkeypatch.setattr(images, "_run", lambda jobs, *a: calls.append(jobs) or iter(()))
        result = render.render_pdf(f.load(), f, render.Options(profile="screen", theme="minimal"))
    assert calls == [{}] and result.pages >= 5  # nothing left to make


def test_no_private_metadata_reaches_the_pdf(tmp_path):
    from PIL import Image

    exif = Image.Exif()
    exif[0x013B] = "Ian Chen"
    exif.get_ifd(0x8825)[2] = (37.0, 33.0, 0.0)
    photo = tmp_path / "gps.jpg"
    Image.new("RGB", (1200, 800), (90, 120, 140)).save(photo, "JPEG", exif=exif.tobytes())
    kit_path = tmp_path / "k.presskit"
    kitio.create_kit(kit_path).close()
    with KitFile.open(kit_path) as f:
        kitio.add_stills(f, [str(photo)], credit="Ian Chen")
        result = render.render_pdf(f.load(), f, render.Options(sections=["stills"]))
    assert b"Exif" not in result.pdf


def test_right_to_left_text_is_shaped_and_every_script_is_drawn(tmp_path):
    # Hebrew, and Latin with combining accents, each in a paragraph of its own: no Arabic
    # beside them to call for shaping
    kit = model.PressKit(
        person=model.Person(
            name="Im-Sun Song",
            bio_short="مرحبا بالعالم — Ωμέγα — Привет — 송임선",
            bio_long="שלום עולם\n\nCafe\u0301 Zo\u0308e",
        )
    )
    with KitFile.create(tmp_path / "k.presskit", kit) as f:
        result = render.render_pdf(f.load(), f, render.Options(sections=["bio"]))
    assert result.warnings == []
    page = pypdf.PdfReader(io.BytesIO(result.pdf)).pages[0]
    fonts = " ".join(str(font["/BaseFont"]) for font in page["/Resources"]["/Font"].values())
    assert "DejaVuSans" in fonts and "NanumGothic" in fonts
    text = page.extract_text()
    assert "Ωμέγα" in text and "Привет" in text and "송임선" in text
    # Shaped: read right to left, Arabic letters joined (unshaped, both came out reversed)
    assert "ﻣﺮﺣﺒﺎ ﺑﺎﻟﻌﺎﻟﻢ" in text and "שלום עולם" in text
    assert "Caf\u00e9 Z\u00f6e" in text  # each accent set with its letter, as one glyph


def test_an_export_of_chosen_sections_keeps_the_kits_order_even_for_a_hidden_one(sample_kit):
    with KitFile.open(sample_kit) as kit_file:
        kit = kit_file.load()
        names = [s.name for s in kit.design.sections]
        kit.design.sections[names.index("interview")].visible = False
        shown = render.render_pdf(kit, kit_file, render.Options())
        assert "interview" not in shown.anchors
        chosen = render.render_pdf(
            kit, kit_file, render.Options(sections=["films", "interview", "cover"])
        )
    pages = chosen.anchors
    assert set(pages) >= {"cover", "interview", "films"}
    assert pages["cover"] < pages["interview"] < pages["films"]  # as in the kit, not as asked


def test_quotes_dashes_and_dots_print_as_a_typesetter_sets_them(tmp_path):
    typed = (
        'She said "yes" -- then \'no\'... ("why") ["it"] {\'was\'} 1990--2000 —"late" '
        '–\'later\' /"slash" -"dash" and her "Dragonfly\'s" end.'
    )
    kit = model.PressKit(person=model.Person(name="Ana Lima", bio_long=typed))
    with KitFile.create(tmp_path / "bio.presskit", kit) as f:
        result = render.render_pdf(f.load(), f, render.Options(invariant=True))
    printed = squash(text_of(pypdf.PdfReader(io.BytesIO(result.pdf))))
    assert (
        "She said “yes” – then ‘no’… (“why”) [“it”] {‘was’} 1990—2000 —“late” "
        "–‘later’ /“slash” -“dash” and her “Dragonfly’s” end."
    ) in printed


def test_a_still_without_a_photographer_prints_no_photo_credit(tmp_path):
    path = tmp_path / "uncredited.presskit"
    kitio.create_kit(path, kitio.sample_json()).close()
    with KitFile.open(path) as kit_file:
        kit = kit_file.load()
        for still in kit.stills:
            still.credit, still.copyright = "", ""
        alone, both = [s for s in kit.stills if s.included][:2]
        alone.copyright = "© Nordlicht Films"
        both.credit, both.copyright = "Ian Chen", "CC BY 4.0"
        result = render.render_pdf(kit, kit_file, render.Options(invariant=True))
    text = squash(text_of(pypdf.PdfReader(io.BytesIO(result.pdf))))
    assert text.count("Photo:") == 1
    assert f"{alone.caption} © Nordlicht Films" in text  # the copyright alone, no "Photo:"
    assert f"{both.caption} Photo: Ian Chen · CC BY 4.0" in text
