"""Themes are data: one TOML file each in resources/themes, found by name."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from presskit.bundled import themes_dir


@dataclass(frozen=True)
class ThemeInfo:
    name: str
    description: str


def available_themes() -> list[ThemeInfo]:
    themes = []
    for path in sorted(themes_dir().glob("*.toml")):
        with path.open("rb") as f:
            data = tomllib.load(f)
        themes.append(ThemeInfo(path.stem, str(data.get("description", ""))))
    return themes
