"""Cut fonts are kept between runs, so a package exported again need not cut them anew; a
damaged or unwritable cache only means cutting again."""

from __future__ import annotations

import pytest

from presskit.web import fonts
from presskit.web.style import WebFace

FACE = WebFace("Inter")
TEXT = "Im-Sun Song · Photo: Ian Chen"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fonts._subset.cache_clear()
    yield tmp_path / "presskit" / "web-fonts"
    fonts._subset.cache_clear()


def cut_never(*_args):
    raise AssertionError("cut again although the cache holds it")


def test_a_cut_font_is_kept_and_read_back_in_a_later_run(cache, monkeypatch):
    first = fonts.woff2(FACE, TEXT)
    (kept,) = cache.glob("*.woff2")
    assert kept.read_bytes() == first
    fonts._subset.cache_clear()  # as a new process
    monkeypatch.setattr(fonts, "_cut", cut_never)
    assert fonts.woff2(FACE, TEXT) == first


def test_other_characters_are_another_entry(cache):
    fonts.woff2(FACE, TEXT)
    fonts.woff2(FACE, TEXT + "é")
    assert len(list(cache.glob("*.woff2"))) == 2


def test_a_damaged_entry_is_cut_again_and_replaced(cache):
    first = fonts.woff2(FACE, TEXT)
    (kept,) = cache.glob("*.woff2")
    kept.write_bytes(first[: len(first) // 2])  # a write cut short
    fonts._subset.cache_clear()
    assert fonts.woff2(FACE, TEXT) == first
    assert kept.read_bytes() == first


def test_a_cache_that_cannot_be_written_still_gives_the_font(cache):
    cache.parent.mkdir(parents=True)
    cache.write_text("a file where the folder would be")
    assert fonts.woff2(FACE, TEXT)[:4] == b"wOF2"
