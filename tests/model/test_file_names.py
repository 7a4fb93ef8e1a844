"""File names made from what a person typed: safe on Windows, macOS and Linux, and distinct
where those systems would take two names for one file."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from presskit import model
from presskit.model.text import FILE_NAME_CHARS


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Im-Sun Song", "Im-Sun Song"),
        ('a/b\\c:d*e?f"g<h>i|j', "a b c d e f g h i j"),
        ("  ..hidden. ", "hidden"),
        ("line\nbreak\ttab\x00nul", "line break tab nul"),
        ("CON", "CON file"),
        ("nul.txt", "nul.txt file"),
        ("", "Untitled"),
        ("///", "Untitled"),
    ],
)
def test_a_name_says_what_the_text_says_without_what_a_system_refuses(text, name):
    assert model.file_name(text) == name


def test_a_long_name_is_cut_in_characters_and_in_bytes():
    assert len(model.file_name("a" * 500)) == FILE_NAME_CHARS
    emoji = model.file_name("🎬" * 80)  # 4 bytes each: 320 bytes would not fit in 255
    assert emoji == "🎬" * 50 and len(emoji.encode("utf-8")) == 200


@given(st.text(max_size=400))
def test_any_text_makes_a_name_every_system_takes(text):
    name = model.file_name(text, max_chars=120)
    assert name and len(name.encode("utf-8")) <= 200
    assert not set(name) & set('/\\:*?"<>|') and name == name.strip(" .")
    assert all(ord(c) >= 32 and not 0xD800 <= ord(c) <= 0xDFFF for c in name)


def test_names_one_file_system_would_confuse_are_told_apart():
    taken: set[str] = set()
    names = []
    for name in ["Café.jpg", "cafe\u0301.jpg", "CAFÉ.jpg", "Other.jpg"]:  # é composed, decomposed
        unique = model.unique_name(name, taken)
        taken.add(model.name_key(unique))
        names.append(unique)
    assert names == ["Café.jpg", "cafe\u0301-2.jpg", "CAFÉ-3.jpg", "Other.jpg"]
