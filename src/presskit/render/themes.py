"""Themes are data: one TOML file each in resources/themes, adding one needs no code.

``classic`` is complete; every other theme names what it ``inherits`` and overrides only what
makes it itself. Keys are checked against the dataclasses below, so a misspelt key is an
error rather than a setting that silently does nothing.
"""

from __future__ import annotations

import dataclasses
import tomllib
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from presskit.bundled import themes_dir
from presskit.errors import ExportError


@dataclass(frozen=True)
class Fonts:
    text: str
    display: str
    label: str


@dataclass(frozen=True)
class Colours:
    text: str
    muted: str
    accent: str
    rule: str
    paper: str
    cover_paper: str
    cover_text: str


@dataclass(frozen=True)
class Sizes:
    caption: float
    body: float
    leading: float
    subhead: float
    heading: float
    section: float
    cover_name: float
    pull_quote: float


@dataclass(frozen=True)
class Spacing:
    margin: float
    foot: float
    gutter: float
    still_row_min: float  # mm: the lowest and highest a row of stills may be
    still_row_max: float
    letter_spacing: float


@dataclass(frozen=True)
class Style:
    cover: str
    section_case: str
    question_font: str
    rules: bool
    justify: bool
    section_break: str
    cover_laurels: bool


@dataclass(frozen=True)
class Theme:
    name: str
    description: str
    fonts: Fonts
    colours: Colours
    sizes: Sizes
    spacing: Spacing
    style: Style

    def with_accent(self, accent: str) -> Theme:
        """The kit's own accent colour, where it chose one, over the theme's."""
        if not accent:
            return self
        return dataclasses.replace(self, colours=dataclasses.replace(self.colours, accent=accent))


_CHOICES = {
    ("style", "cover"): ("framed", "full-bleed"),
    ("style", "section_case"): ("title", "upper"),
    ("style", "question_font"): ("label", "text"),
    ("style", "section_break"): ("page", "flow"),
}


@dataclass(frozen=True)
class ThemeInfo:
    name: str
    description: str


def theme_names() -> list[str]:
    return sorted(path.stem for path in themes_dir().glob("*.toml"))


def available_themes() -> list[ThemeInfo]:
    return [ThemeInfo(name, load_theme(name).description) for name in theme_names()]


def _read(name: str) -> dict[str, Any]:
    path = themes_dir() / f"{name}.toml"
    if not path.is_file():
        raise ExportError(
            f"There is no theme called “{name}”; the themes are {', '.join(theme_names())}."
        )
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ExportError(f"The theme file “{path.name}” cannot be read: {err}.") from None


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = {**base[key], **value}
        else:
            merged[key] = value
    return merged


def _resolve(name: str, seen: tuple[str, ...] = ()) -> dict[str, Any]:
    if name in seen:
        raise ExportError(f"The theme “{name}” inherits from itself.")
    data = _read(name)
    parent = data.pop("inherits", None)
    return _merge(_resolve(parent, (*seen, name)), data) if parent else data


@cache
def load_theme(name: str) -> Theme:
    data = _resolve(name)
    try:
        return _build(Theme, {"name": name, **data}, name, "")
    except (TypeError, ValueError) as err:
        raise ExportError(f"The theme “{name}” is incomplete or wrong: {err}.") from None


def _is_a(value: Any, expected: type) -> bool:
    if expected is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, expected)


def _build(cls: Any, data: dict[str, Any], theme: str, section: str) -> Any:
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = set(data) - set(fields)
    if unknown:
        where = f"[{section}] " if section else ""
        raise ValueError(f"{where}has keys presskit does not know: {', '.join(sorted(unknown))}")
    missing = set(fields) - set(data)
    if missing:
        raise ValueError(f"[{section or 'theme'}] lacks {', '.join(sorted(missing))}")
    hints = typing.get_type_hints(cls)
    values = {}
    for key in fields:
        value, expected = data[key], hints[key]
        if dataclasses.is_dataclass(expected):
            value = _build(expected, value, theme, key)
        elif not _is_a(value, expected):
            raise ValueError(f"[{section}] {key} should be {expected.__name__}, not {value!r}")
        choices = _CHOICES.get((section, key))
        if choices and value not in choices:
            raise ValueError(
                f"[{section}] {key} must be one of {', '.join(choices)}, not {value!r}"
            )
        values[key] = value
    return cls(**values)
