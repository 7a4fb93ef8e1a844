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
from functools import cache

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


# -- what a kit of each format holds, and nothing else ------------------------------------

# SQLite's own bookkeeping (AUTOINCREMENT's counter, ANALYZE's statistics): made by SQLite,
# never code, so a kit may or may not have them.
_SQLITE_OWN = ("sqlite_sequence", "sqlite_stat1", "sqlite_stat4")

SchemaEntry = tuple[str, str, str, str]  # type, name, table, SQL with whitespace collapsed


def _normalised(sql: str | None) -> str:
    return " ".join((sql or "").replace("(", " ( ").replace(")", " ) ").replace(",", " , ").split())


def schema_of(db: sqlite3.Connection) -> frozenset[SchemaEntry]:
    """Every table, index, view and trigger in ``db``, as comparable entries."""
    return frozenset(
        (kind, name, table, _normalised(sql))
        for kind, name, table, sql in db.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"
        )
        if name not in _SQLITE_OWN
    )


def _built(*steps: Callable[[sqlite3.Connection], None]) -> frozenset[SchemaEntry]:
    db = sqlite3.connect(":memory:")
    try:
        for step in steps:
            step(db)
        return schema_of(db)
    finally:
        db.close()


def _script(text: str) -> Callable[[sqlite3.Connection], None]:
    return lambda db: db.executescript(text)


def _seed_document(db: sqlite3.Connection) -> None:
    db.execute("INSERT INTO document VALUES (1, '{}', '')")


@cache
def expected_schemas(version: int) -> tuple[frozenset[SchemaEntry], ...]:
    """The schemas presskit makes for a format: a kit made at that format, and one
    migrated to it from each older format (ALTER TABLE rewrites a table's SQL)."""
    made = {1: _script(SCHEMA_V1), FORMAT_VERSION: _script(SCHEMA)}
    if version == 1:
        return (_built(made[1]),)
    return (_built(made[FORMAT_VERSION]), _built(made[1], _seed_document, *MIGRATIONS))


def foreign_parts(actual: frozenset[SchemaEntry], version: int) -> list[str]:
    """What in a kit's schema presskit did not make, in words ("the trigger “wipe”",
    "the table “assets” as changed elsewhere"); empty for a schema presskit made."""
    closest = min(expected_schemas(version), key=lambda expected: len(expected ^ actual))
    if actual == closest:
        return []
    ours = {name for _kind, name, _table, _sql in closest}
    parts = [
        f"the {kind} “{name}”"
        for kind, name, _t, _s in sorted(actual - closest)
        if name not in ours
    ]
    changed = {name for _k, name, _t, _s in closest - actual}
    parts += [f"the {name} table as changed elsewhere" for name in sorted(changed & TABLES)]
    return parts or ["changes to presskit's own tables"]
