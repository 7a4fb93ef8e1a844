"""The .presskit database layout, and the migrations that bring older files up to date.

Format history:
1. The first draft: the document and the assets only (no rendition cache, no revisions,
   assets without an ``added_at`` time).
2. Adds the rendition cache, revisions and ``assets.added_at``.

A new format is one more entry in MIGRATIONS; the file is backed up before any runs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

FORMAT_VERSION = 2
APPLICATION_ID = 0x504B4954  # "PKIT": tells a kit from any other SQLite file

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE document (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    json TEXT NOT NULL,
    saved_at TEXT NOT NULL
);
CREATE TABLE assets (
    sha256 TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    mime TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL,
    added_at TEXT NOT NULL
);
CREATE TABLE renditions (
    sha256 TEXT NOT NULL REFERENCES assets (sha256) ON DELETE CASCADE,
    spec TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    mime TEXT NOT NULL,
    data BLOB NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (sha256, spec)
);
CREATE TABLE revisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    saved_at TEXT NOT NULL,
    label TEXT NOT NULL,
    json TEXT NOT NULL
);
"""

# The tables a kit of the current format must have; anything less is damaged.
TABLES = frozenset({"meta", "document", "assets", "renditions", "revisions"})

# Format 1, kept so tests can build a real older file and watch it migrate.
SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE document (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL, saved_at TEXT NOT NULL);
CREATE TABLE assets (
    sha256 TEXT PRIMARY KEY, name TEXT NOT NULL, mime TEXT NOT NULL,
    width INTEGER NOT NULL, height INTEGER NOT NULL, size INTEGER NOT NULL, data BLOB NOT NULL
);
"""


def _v1_to_v2(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE assets ADD COLUMN added_at TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE assets SET added_at = (SELECT saved_at FROM document WHERE id = 1)")
    for statement in SCHEMA.split(";"):
        if "CREATE TABLE renditions" in statement or "CREATE TABLE revisions" in statement:
            db.execute(statement)


# MIGRATIONS[n] takes a file of format n + 1 to format n + 2.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1_to_v2]
assert len(MIGRATIONS) == FORMAT_VERSION - 1
