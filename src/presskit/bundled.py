"""Files that ship with presskit: fonts, themes, the sample kit.

In a wheel they are ``presskit/resources`` (force-included by the build backend); in an
editable install (``make test``) they are the top-level ``resources/`` beside ``src/``.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resources_dir() -> Path:
    bundled = Path(str(files("presskit") / "resources"))
    if bundled.is_dir():
        return bundled
    return Path(__file__).resolve().parents[2] / "resources"


def sample_dir() -> Path:
    return resources_dir() / "sample"


def themes_dir() -> Path:
    return resources_dir() / "themes"
