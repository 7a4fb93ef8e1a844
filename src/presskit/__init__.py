"""presskit: a desktop press-kit editor for filmmakers."""

from __future__ import annotations

__version__ = "0.1.0"
