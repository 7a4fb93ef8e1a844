"""The web press kit in a real browser: headless Chromium at a phone's width and a desktop's,
in every theme. Nothing is requested from outside the folder, nothing fails to load or
logs an error, nothing scrolls sideways, every image decodes with its credit under it, and
axe-core finds no serious or critical accessibility fault.

Skipped, with the reason, where Chromium or chromedriver is not installed
(scripts/install-test-tools.sh installs them where apt-get is at hand)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources

import pytest

from presskit import render
from presskit.store import KitFile
from tests.render import corpus
from tests.web.browser import chromium, load_every_image, missing, served, viewport
from tests.web.web_kits import WebKit, rich_kit, write_package

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(missing() is not None, reason=f"browser tests: {missing()}"),
]
WIDTHS = [(375, 800), (1440, 900)]  # a phone, a desktop
BETWEEN = [(768, 1024)]  # a tablet: the layout between the two


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


SCRIPTS = "scripts"  # the corpus's kit in Hangul, Greek and Arabic, in the default theme
PAGES = [*render.theme_names(), SCRIPTS]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[tuple[str, dict[str, WebKit]]]:
    """The rich kit, each still by its own photographer, in every theme, and the kit in
    three scripts, each package in a folder of its own under one served root: (base URL,
    name -> package)."""
    tmp = tmp_path_factory.mktemp("browser-web")
    path, kit = rich_kit(tmp / "kit")
    with KitFile.open(path) as kit_file:
        packages = {
            theme: write_package(tmp / "site" / theme, kit, kit_file, theme=theme)
            for theme in render.theme_names()
        }
    with KitFile.open(corpus.scripts(tmp / "scripts-kit")) as kit_file:
        packages[SCRIPTS] = write_package(tmp / "site" / SCRIPTS, kit_file.load(), kit_file)
    with served(tmp / "site") as base:
        yield base, packages


def visit(driver, url: str, width: int, height: int) -> None:
    # Away from the last page first: at a new width it would fetch its wider renditions,
    # and those requests are not this page's.
    driver.get("about:blank")
    driver.get_log("browser")  # what earlier pages logged is not this page's
    driver.get_log("performance")
    viewport(driver, width, height)
    driver.get(url)
    load_every_image(driver)


def axe_faults(driver) -> list[dict]:
    """axe-core's serious and critical violations on the page."""
    script = resources.files("axe_core_python").joinpath("axe.min.js").read_text("utf-8")
    driver.execute_script(script)
    results = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(done);"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize(("width", "height"), WIDTHS + BETWEEN)
def test_the_page_loads_whole_from_its_folder_and_fits_the_screen(
    browser, site, name, width, height
):
    base, _packages = site
    folder = f"{base}{name}/"
    visit(browser, folder + "index.html", width, height)

    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []

    requested, failed = [], []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requested.append(message["params"]["request"]["url"])
        elif message["method"] == "Network.loadingFailed":
            failed.append(message["params"])
    resources_loaded = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name);"
    )
    assert failed == []
    assert requested and resources_loaded
    outside = [u for u in requested + resources_loaded if not u.startswith(folder)]
    assert outside == []
    kinds = {u.rsplit(".", 1)[-1] for u in resources_loaded}
    assert {"css", "woff2", "jpg", "svg"} <= kinds

    scroll, inner = browser.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth];"
    )
    assert inner == width and scroll <= inner

    images = browser.execute_script(
        """return [...document.images].map(i => {
            const figure = i.closest('figure');
            const credit = figure && figure.querySelector('figcaption .credit');
            return {src: i.currentSrc, ok: i.complete && i.naturalWidth > 0,
                    credit: credit ? credit.textContent.trim() : '',
                    under: credit ? credit.getBoundingClientRect().top
                                    >= i.getBoundingClientRect().bottom - 1 : false,
                    shown: i.getBoundingClientRect().width};
        });"""
    )
    assert len(images) >= (3 if name == SCRIPTS else 12)
    for image in images:
        assert image["ok"], image
        assert image["credit"].startswith("Photo: ") and image["under"], image
        assert image["shown"] > 0, image

    rows = browser.execute_script(
        """return [...document.querySelectorAll('.still-row')].map(row =>
            [...row.querySelectorAll('img')].map(i => i.getBoundingClientRect())
              .map(r => [Math.round(r.width), Math.round(r.height)]));"""
    )
    assert len(rows) >= (1 if name == SCRIPTS else 5)
    for row in rows:  # the PDF's rows: one height across, or on a phone one still a row
        if width < 500:
            assert all(w >= width - 60 for w, _h in row), row
        else:
            assert max(h for _w, h in row) - min(h for _w, h in row) <= 2, row

    fonts = browser.execute_script(
        "return [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family);"
    )
    loaded = {family.strip('"') for family in fonts}
    assert "pk-Inter" in loaded
    if name == SCRIPTS:  # Hangul and Arabic drawn with the bundled fallbacks, not the system's
        assert {"pk-NanumGothic", "pk-DejaVuSans"} <= loaded

    assert axe_faults(browser) == []


def test_a_phone_gets_the_narrow_rendition_and_a_wide_screen_the_wide_one(browser, tmp_path):
    from tests.render.photos import photo_kit

    path = photo_kit(tmp_path / "kit", stills=2)
    with KitFile.open(path) as kit_file:
        write_package(tmp_path / "package", kit_file.load(), kit_file)
    chosen = {}
    with served(tmp_path / "package") as base:
        for width, height in WIDTHS:
            visit(browser, base + "index.html", width, height)
            chosen[width] = browser.execute_script(
                "return document.querySelector('.key-still img').currentSrc;"
            )
    assert chosen[375].endswith("-800.jpg") and chosen[1440].endswith("-1600.jpg")
