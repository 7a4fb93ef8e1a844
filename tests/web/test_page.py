"""The web press kit as a journalist's browser receives it: the HTML, its links and images,
its fonts and its metadata, read with an HTML parser."""

from __future__ import annotations

import io
import json
import re
from itertools import pairwise
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from fontTools.ttLib import TTFont
from PIL import Image

from presskit import model, render
from presskit.errors import ExportError
from presskit.render.document import section_order
from presskit.render.images import ExportCancelled
from presskit.store import KitFile, NewAsset
from presskit.web import fonts, style
from presskit.web.page import Downloads, write_web_kit
from tests.render.photos import photo_kit, photo_like
from tests.web.web_kits import WebKit, rich_kit, write_package


@pytest.fixture(scope="module")
def rich_web(tmp_path_factory) -> WebKit:
    tmp = tmp_path_factory.mktemp("rich-web")
    path, kit = rich_kit(tmp / "kit")
    with KitFile.open(path) as kit_file:
        return write_package(tmp / "package", kit, kit_file)


@pytest.fixture(scope="module")
def photo_web(tmp_path_factory) -> WebKit:
    """Stills at 2400 x 1600 (and 1600 x 2400), each by its own photographer."""
    tmp = tmp_path_factory.mktemp("photo-web")
    path = photo_kit(tmp / "kit", stills=4)
    with KitFile.open(path) as kit_file:
        return write_package(tmp / "package", kit_file.load(), kit_file)


def section_ids(soup: BeautifulSoup) -> list[str]:
    return [s["id"] for s in soup.main.find_all("section", recursive=False)]


def text(node) -> str:
    return re.sub(r"\s+", " ", node.get_text(" ")).strip()


# -- what the page shows -------------------------------------------------------------------


def test_the_sections_follow_the_kits_order_and_the_pdfs_choice(tmp_path):
    path, kit = rich_kit(tmp_path / "kit")
    order = ["cover", "contact", "films", "bio", "stills", "interview"]
    kit.design.sections = [model.SectionSetting(n, n != "interview") for n in order]
    with KitFile.open(path) as kit_file:
        web = write_package(tmp_path / "package", kit, kit_file)
        planned = render.document.plan(kit, kit_file).sections
    shown = section_ids(web.soup)
    assert shown == ["cover", "contact", "films", "bio", "stills", "downloads"]
    assert shown[:-1] == planned == section_order(kit, None)
    nav = [a["href"] for a in web.soup.find("nav").find_all("a")]
    assert nav == ["#contact", "#films", "#bio", "#stills", "#downloads"]


def test_only_the_chosen_films_and_their_stills_are_shown(tmp_path):
    path, kit = rich_kit(tmp_path / "kit")
    with KitFile.open(path) as kit_file:
        web = write_package(tmp_path / "package", kit, kit_file, films=["lantern"])
    soup = web.soup
    titles = [text(h) for h in soup.select("article.film h3")]
    assert titles == ["Lantern"]
    captions = [text(c) for c in soup.select(".section-stills figcaption .caption")]
    expected = model.shown_stills(kit, ["lantern"])
    assert captions == [s.caption for s in expected if s.film] + [
        s.caption for s in expected if not s.film
    ]
    assert {s.film for s in expected} == {"", "lantern"}
    page = soup.get_text()
    assert "The Tide Between Us" not in page and "Salt and Iron" not in page
    movies = [n for n in linked_data(soup)["@graph"] if n["@type"] == "Movie"]
    assert [m["name"] for m in movies] == ["Lantern"]


def test_every_still_has_its_caption_and_its_own_photographers_credit(rich_web: WebKit):
    kit, soup = rich_web.kit, rich_web.soup
    figures = soup.select(".section-stills figure")
    shown = model.shown_stills(kit)
    # Grouped as the PDF groups them: each film's, in the kit's film order, then the rest.
    stills = [s for f in kit.films for s in shown if s.film == f.id]
    stills += [s for s in shown if not s.film]
    assert len(figures) == len(stills) >= 10
    assert len({s.credit for s in stills}) >= 5  # different photographers
    for figure, still in zip(figures, stills, strict=True):
        caption = figure.figcaption
        assert text(caption.select_one(".caption")) == still.caption
        credit = text(caption.select_one(".credit"))
        assert credit.startswith(f"Photo: {still.credit}")
        if still.copyright:
            assert credit == f"Photo: {still.credit} · {still.copyright}"
        link = figure.find("a")
        assert unquote(link["href"]) == rich_web.downloads.stills[still.id]
        assert (rich_web.folder / unquote(link["href"])).is_file()


def test_every_picture_on_the_page_is_credited(rich_web: WebKit):
    """The cover, the portrait and the key stills too, not only the stills section."""
    for img in rich_web.soup.find_all("img"):
        figure = img.find_parent("figure")
        assert figure is not None and figure.figcaption is not None, img
        assert "Photo: " in text(figure.figcaption.select_one(".credit"))


def test_the_films_carry_laurels_quotes_credits_and_specifications_as_in_the_pdf(
    rich_web: WebKit,
):
    film = rich_web.soup.select("article.film")[0]
    laurels = [text(li) for li in film.select(".laurels li")]
    assert laurels[0] == "Winner New Currents Award 2025"
    assert laurels[3] == "World Premiere Busan International Film Festival 2025"
    assert len(laurels) == 8
    quotes = film.select(".press-quote")
    assert len(quotes) == 2 and text(quotes[0].figcaption) == "Variety"
    assert "Screen International" in text(film.select_one(".more-quote"))
    credits = {text(d.dt): text(d.dd) for d in film.select(".credits div")}
    assert credits["Producer"] == "Daniel Park"
    specs = {text(d.dt): text(d.dd) for d in film.select(".specs div")}
    assert specs["Runtime"] == "94 min" and specs["Aspect ratio"] == "2.39:1"
    assert text(film.select_one(".status")) == "Completed"
    links = [a["href"] for a in film.select(".links a")]
    assert links == ["https://vimeo.com/100000001", "https://vimeo.com/100000002"]


def test_the_page_links_the_pdfs_the_credits_and_the_zip_with_their_sizes(rich_web: WebKit):
    items = rich_web.soup.select(".downloads li")
    hrefs = [li.a["href"] for li in items]
    assert hrefs == ["press-kit.pdf", "press-kit-print.pdf", "stills.zip", "credits.csv"]
    assert all((rich_web.folder / h).is_file() for h in hrefs)
    assert text(items[1]).endswith("5 KB")


# -- structure, accessibility, metadata ----------------------------------------------------


def test_the_page_has_a_language_landmarks_one_h1_and_headings_in_order(rich_web: WebKit):
    soup = rich_web.soup
    assert soup.html["lang"] == "en"
    for landmark in ("header", "nav", "main", "footer"):
        assert soup.find(landmark) is not None, landmark
    assert len(soup.find_all("h1")) == 1
    levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in pairwise(levels)), levels
    assert not soup.find_all("script", type=lambda t: t != "application/ld+json")


def test_without_a_cover_the_name_is_the_h1(tmp_path):
    path, kit = rich_kit(tmp_path / "kit")
    kit.design.sections = [model.SectionSetting(n, n != "cover") for n in model.SECTIONS]
    with KitFile.open(path) as kit_file:
        soup = write_package(tmp_path / "package", kit, kit_file).soup
    assert [text(h) for h in soup.find_all("h1")] == ["Im-Sun Song"]
    assert soup.find("section", id="cover") is None


def test_every_image_has_alt_text_size_attributes_and_a_srcset(photo_web: WebKit):
    for img in photo_web.soup.find_all("img"):
        assert img["alt"].strip()
        first = img["srcset"].split(",")[0].split()[0]
        assert img["src"] == first
        with Image.open(photo_web.folder / first) as picture:
            assert picture.size == (int(img["width"]), int(img["height"]))


def test_renditions_are_about_800_and_1600_wide_and_never_wider_than_the_original(
    photo_web: WebKit, tmp_path
):
    """2400 and 1600 px wide originals get both; a 1000 px one 800 and its own 1000; a
    600 px one only itself."""
    assets, stills = [], []
    for n, size in enumerate([(1000, 700), (600, 400)]):
        buffer = io.BytesIO()
        photo_like(n, size).save(buffer, "JPEG", quality=90)
        asset = NewAsset(buffer.getvalue(), name=f"{n}.jpg", mime="image/jpeg", width=size[0],
                         height=size[1])  # fmt: skip
        assets.append(asset)
        stills.append(model.Still(id=f"s{n}", asset=asset.sha256, credit="Ana Ruiz"))
    kit = model.PressKit(person=model.Person(name="Ana"), stills=stills)
    with KitFile.create(tmp_path / "k.presskit", kit, assets) as kit_file:
        small = write_package(tmp_path / "package", kit, kit_file)
    for web, expected in ((photo_web, {(800, 1600)}), (small, {(800, 1000), (600,)})):
        seen = set()
        for img in web.soup.find_all("img"):
            entries = [e.split() for e in img["srcset"].split(",")]
            for path, w in entries:
                with Image.open(web.folder / path) as picture:
                    assert picture.width == int(w[:-1])
            seen.add(tuple(int(w[:-1]) for _path, w in entries))
        assert seen == expected


def test_open_graph_and_schema_org_describe_the_person_and_each_film(rich_web: WebKit):
    soup = rich_web.soup
    og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
    assert og["og:title"] == "Im-Sun Song — press kit"
    assert og["og:type"] == "profile"
    assert og["og:description"].startswith("A cinematographer who films the sea")
    assert (rich_web.folder / og["og:image"]).is_file()
    data = linked_data(soup)["@graph"]
    person, movies = data[0], data[1:]
    assert person["@type"] == "Person" and person["name"] == "Im-Sun Song"
    assert person["sameAs"] == ["https://vimeo.com/793204574", "https://instagram.com/example"]
    assert [m["name"] for m in movies] == ["The Tide Between Us", "Lantern", "Salt and Iron"]
    assert movies[0]["duration"] == "PT94M" and movies[0]["director"][0]["name"] == "Im-Sun Song"


def linked_data(soup: BeautifulSoup) -> dict:
    return json.loads(soup.find("script", type="application/ld+json").string)


# -- hostile content -----------------------------------------------------------------------


def _hostile_texts():
    from tests.reliability.test_hostile_content import HOSTILE, STILL, full_kit, text_paths

    return HOSTILE, STILL, full_kit, text_paths


def test_markup_in_every_field_prints_literally(tmp_path):
    """The PDF's 41-field hostile test (tests/reliability/test_hostile_content.py), read in
    the HTML: each field's markup is text on the page, never an element."""
    hostile_markup, still, full_kit, text_paths = _hostile_texts()
    paths = text_paths(full_kit())
    kit = full_kit()
    for i, path in enumerate(paths):
        model.SetField(path, f"ZQ{i:03d}{hostile_markup}").apply(kit)
    with KitFile.create(tmp_path / "k.presskit", kit, [still]) as kit_file:
        web = write_package(tmp_path / "package", kit, kit_file)
    soup = web.soup
    page = re.sub(r"\s+", "", soup.get_text()).casefold()
    page = re.sub("[“”„″]", '"', page)
    literal = re.sub(r"\s+", "", hostile_markup).casefold()
    printed = [i for i in range(len(paths)) if f"zq{i:03d}" in page]
    unprinted = [p for i, p in enumerate(paths) if i not in printed]
    # The two that are not page text are attributes, as typed: the alt text, and the
    # headline, which describes the page to link previews.
    assert unprinted == [("person", "headline"), ("stills", 0, "alt")]
    assert soup.img["alt"] == kit.stills[0].alt
    assert soup.find("meta", property="og:description")["content"] == kit.person.headline
    for i in printed:
        assert f"zq{i:03d}{literal}" in page, paths[i]
    # Not one element came from a person's text: no <b>, <font>, no image but the still.
    assert not soup.find_all(["b", "font"])
    images = soup.find_all("img")  # the one still, on the cover and in the stills section
    assert len(images) == 2 and all(i["src"].startswith("assets/images/") for i in images)


def test_a_closing_script_tag_in_a_name_stays_inside_the_json(tmp_path):
    kit = model.PressKit(person=model.Person(name="Ana </script><script>alert(1)</script>"))
    with KitFile.create(tmp_path / "k.presskit", kit) as kit_file:
        web = write_package(tmp_path / "package", kit, kit_file)
    script = web.html.split('<script type="application/ld+json">', 1)[1].split("</script>")[0]
    assert "<" not in script
    assert linked_data(web.soup)["@graph"][0]["name"] == kit.person.name
    assert len(web.soup.find_all("script")) == 1


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "vbscript:x"]
)
def test_only_web_and_mail_links_become_links(url, tmp_path):
    kit = model.PressKit(
        person=model.Person(name="Ana"),
        links=[model.Link("Reel", url)],
        contact=model.Contact(website=url),
        films=[model.Film(id="f", title="F", links=[model.Link("Trailer", url)])],
    )
    with KitFile.create(tmp_path / "k.presskit", kit) as kit_file:
        web = write_package(tmp_path / "package", kit, kit_file)
    hrefs = [a["href"] for a in web.soup.find_all(href=True)]
    assert url not in hrefs and all(not h.startswith(url.split(":")[0]) for h in hrefs)
    assert f"Reel: {url}" in web.soup.get_text()  # printed as text, for a person to see
    assert "sameAs" not in linked_data(web.soup)["@graph"][0]


def test_nothing_on_the_page_points_outside_its_folder_but_the_persons_links(rich_web: WebKit):
    kit = rich_web.kit
    theirs = {link.url for link in kit.links} | {kit.contact.website}
    theirs |= {link.url for film in kit.films for link in film.links}
    theirs |= {f"mailto:{kit.contact.email}"}
    soup = rich_web.soup
    urls = [a["href"] for a in soup.find_all(href=True)]
    urls += [img["src"] for img in soup.find_all(src=True)]
    urls += [e.split()[0] for img in soup.find_all(srcset=True) for e in img["srcset"].split(",")]
    urls += [m["content"] for m in soup.find_all("meta", property="og:image")]
    css = (rich_web.folder / "assets" / "site.css").read_text()
    in_css = re.findall(r"url\(\"?([^\")]+)\"?\)", css)
    assert in_css and all(not re.match(r"[a-z]+:", u) for u in in_css)
    for url in urls:
        if re.match(r"[a-z]+:", url):
            assert url in theirs, url
        elif not url.startswith("#"):
            assert (rich_web.folder / unquote(url)).is_file(), url
    for u in in_css:
        assert (rich_web.folder / "assets" / u).is_file(), u


# -- fonts and colours ---------------------------------------------------------------------


def test_fonts_are_woff2_cut_to_the_characters_on_the_page(rich_web: WebKit):
    folder = rich_web.folder / "assets" / "fonts"
    written = sorted(folder.glob("*.woff2"))
    assert {p.name for p in written} >= {
        "GentiumBookPlus-Regular.woff2",
        "GentiumBookPlus-Italic.woff2",
        "Inter-Regular.woff2",
        "Inter-Bold.woff2",
        "NanumGothic-Regular.woff2",  # 송임선, which neither Gentium nor Inter draws
    }
    for path in written:
        data = path.read_bytes()
        assert data[:4] == b"wOF2", path.name
        face = style.WebFace.named(path.stem)
        assert len(data) < fonts.font_path(face).stat().st_size / 10, path.name
    gentium = TTFont(folder / "GentiumBookPlus-Regular.woff2").getBestCmap()
    assert ord("Ż") not in gentium and ord("q") in gentium  # q: "quiet", on the page
    nanum = TTFont(folder / "NanumGothic-Regular.woff2").getBestCmap()
    assert {ord(c) for c in "송임선"} <= set(nanum) and len(nanum) < 20
    css = (rich_web.folder / "assets" / "site.css").read_text()
    for path in written:
        assert f'url("fonts/{path.name}") format("woff2")' in css


@pytest.mark.parametrize("theme", render.theme_names())
def test_every_text_colour_meets_wcag_aa_on_its_background(theme):
    colours = style.palette(render.load_theme(theme))
    for name, ink, paper in colours.text_pairs():
        assert style.contrast(ink, paper) >= 4.5, (theme, name, ink, paper)


def test_a_colour_too_light_to_read_is_darkened_just_enough():
    modern = render.load_theme("modern")
    # The theme's grey captions on its black cover: 3.5:1 as the theme has them.
    assert style.contrast(modern.colours.muted, modern.colours.cover_paper) < 4.5
    lighter = style.palette(modern).cover_muted
    assert 4.5 <= style.contrast(lighter, modern.colours.cover_paper) < 4.8
    assert style.contrast(style.readable("#d1462f", "#ffffff", 7), "#ffffff") >= 7
    assert style.readable("#1a1a1a", "#ffffff") == "#1a1a1a"  # dark enough already
    assert style.contrast(style.readable("#777777", "#111111"), "#111111") >= 4.5  # lightened


def test_a_kits_own_pale_accent_is_darkened_in_the_stylesheet(tmp_path):
    kit = model.PressKit(person=model.Person(name="Ana", roles=["Director"]))
    kit.design.accent = "#ffd400"
    with KitFile.create(tmp_path / "k.presskit", kit) as kit_file:
        web = write_package(tmp_path / "package", kit, kit_file)
    css = (web.folder / "assets" / "site.css").read_text()
    accent = re.search(r"--accent: (#[0-9a-f]{6});", css).group(1)
    assert accent != "#ffd400" and style.contrast(accent, "#ffffff") >= 4.5


def test_each_theme_writes_its_own_faces_and_colours(tmp_path):
    path, kit = rich_kit(tmp_path / "kit")
    seen = {}
    with KitFile.open(path) as kit_file:
        for theme in render.theme_names():
            web = write_package(tmp_path / theme, kit, kit_file, theme=theme)
            css = (web.folder / "assets" / "site.css").read_text()
            faces = sorted(p.name for p in (web.folder / "assets" / "fonts").glob("*.woff2"))
            seen[theme] = (re.search(r"--paper: (#\w+);", css).group(1), tuple(faces))
    assert len(set(seen.values())) == len(seen)
    assert "NotoSerif-Regular.woff2" in seen["minimal"][1]


# -- refusals, progress, cancel ------------------------------------------------------------


def test_an_unknown_theme_is_one_sentence(tmp_path):
    kit = model.PressKit(person=model.Person(name="Ana"))
    with (
        KitFile.create(tmp_path / "k.presskit", kit) as kit_file,
        pytest.raises(ExportError, match="There is no theme called “neon”"),
    ):
        write_web_kit(kit, kit_file, tmp_path, theme="neon", downloads=Downloads({}))


def test_a_download_outside_the_folder_is_refused(tmp_path):
    kit = model.PressKit(person=model.Person(name="Ana"))
    with KitFile.create(tmp_path / "k.presskit", kit) as kit_file:
        for outside in ("../secret.pdf", "/etc/passwd", "https://example.org/x.pdf"):
            with pytest.raises(ValueError, match="not a path inside the package"):
                write_web_kit(kit, kit_file, tmp_path, downloads=Downloads({}, screen_pdf=outside))


def test_progress_counts_up_to_its_total_and_cancel_stops_between_images(tmp_path):
    path, kit = rich_kit(tmp_path / "kit")
    seen: list[tuple[int, int]] = []
    with KitFile.open(path) as kit_file:
        write_package(tmp_path / "done", kit, kit_file, progress=lambda d, t: seen.append((d, t)))
        assert seen[-1][0] == seen[-1][1] > 1
        assert all(d <= t for d, t in seen)
        assert [d for d, _t in seen] == sorted(d for d, _t in seen)
        with pytest.raises(ExportCancelled):
            write_package(tmp_path / "cancelled", kit, kit_file, cancelled=lambda: True)
    assert not (tmp_path / "cancelled" / "index.html").exists()


def test_the_templates_ship_inside_the_package_and_the_bundle():
    root = Path(__file__).resolve().parents[2]
    templates = root / "src" / "presskit" / "web" / "templates"
    assert (templates / "index.html.j2").is_file()
    spec = (root / "packaging" / "presskit.spec").read_text()
    assert '"presskit/web/templates"' in spec
