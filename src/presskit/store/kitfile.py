"""The .presskit file: one SQLite database used as an application file format.

Why these choices:
- rollback journal (not WAL) so at rest a kit is one file, safe in synced folders and mail;
  ``synchronous=FULL`` so a save that returned survives a power cut;
- every write is one explicit transaction, so a crash leaves the previous save intact;
- ``secure_delete`` so a photo the owner removed is overwritten, not just unlinked, once no
  kept revision needs it;
- a file is inspected read-only before anything is written: a file presskit cannot read is
  never changed;
- a kit may come from elsewhere: its schema must be the one presskit makes, or it opens
  read-only (a trigger or view someone added never runs on a write), every connection is
  defensive (``trusted_schema`` off), and an image's bytes must match their SHA-256.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import json
import os
import secrets
import shutil
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from presskit import model
from presskit.errors import DamagedImageError, InterchangeError, KitFileError, MissingImageError
from presskit.model import limits
from presskit.store import locking
from presskit.store.schema import (
    APPLICATION_ID,
    FORMAT_VERSION,
    MIGRATIONS,
    SCHEMA,
    TABLES,
    foreign_parts,
    schema_of,
)

SQLITE_HEADER = b"SQLite format 3\x00"
KEEP_REVISIONS = 50

# Equivalent mutants (make mutants): every SQL statement below in lower or upper case
# ("select json from revisions", "SELECT JSON FROM REVISIONS"); SQLite reads keywords and
# table and column names in any case (a value in quotes is not: the meta table's test).


@dataclass(frozen=True)
class AssetInfo:
    sha256: str
    name: str
    mime: str
    width: int
    height: int
    size: int


@dataclass(frozen=True)
class NewAsset:
    """An image on its way into a kit: the original bytes, as the person gave them."""

    data: bytes
    name: str
    mime: str
    width: int
    height: int

    @functools.cached_property
    def sha256(self) -> str:
        """Worked out once (a 24-megapixel photograph takes a few milliseconds to hash):
        where an image is read, not again on the window's thread."""
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class CleanCopy:
    """What ``KitFile.clean_copy`` carried over, and what it had to leave behind."""

    path: Path
    pictures: int
    pictures_left_out: int  # missing from the file or damaged in it
    revisions: int
    revisions_left_out: int  # not readable as a kit

    def sentence(self) -> str:
        kept = f"{self.pictures} pictures and {self.revisions} earlier versions"
        lost = []
        if self.pictures_left_out:
            lost.append(f"{self.pictures_left_out} missing or damaged pictures")
        if self.revisions_left_out:
            lost.append(f"{self.revisions_left_out} unreadable earlier versions")
        left = f"; left out {' and '.join(lost)}" if lost else ""
        return f"Wrote a clean copy to {_named(self.path)} with {kept}{left}."


@dataclass(frozen=True)
class RevisionInfo:
    id: int
    saved_at: str  # ISO 8601, UTC
    label: str


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def _named(path: Path) -> str:
    return f"“{path.name}”"


def _reason(err: BaseException) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror.lower()
    text = str(err).strip().rstrip(".")
    return text or type(err).__name__


def _defensive(db: sqlite3.Connection) -> sqlite3.Connection:
    """SQLite's settings for a file that may come from anyone: functions in the file's own
    schema (a view, a trigger, a default) may not run anything with side effects, and where
    Python exposes it (``setconfig``, Python 3.12+) the schema cannot be written around
    SQLite's checks. On Python 3.11 that second guard is missing, so the schema compare in
    ``_inspect`` is what keeps foreign code from running on a write."""
    db.execute("PRAGMA trusted_schema = OFF")
    setconfig = getattr(db, "setconfig", None)
    defensive = getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE", None)
    if setconfig is not None and defensive is not None:
        setconfig(defensive, True)
    return db


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    uri = f"file:{quote(str(path))}?mode={'ro' if read_only else 'rw'}"
    db = _defensive(sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False))
    if not read_only:
        db.execute("PRAGMA busy_timeout = 10000")  # a background save holds the lock briefly
        db.execute("PRAGMA journal_mode = DELETE")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA secure_delete = ON")
    db.execute("PRAGMA foreign_keys = ON")
    return db


@contextlib.contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        # A COMMIT can fail too (a full disk, an I/O error): it must be rolled back like any
        # other step, or the connection stays inside the transaction and every later save fails.
        db.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can fsync a folder
        _fsync(folder)


def _insert_assets(db: sqlite3.Connection, assets: Iterable[NewAsset]) -> None:
    now = _now()
    db.executemany(
        "INSERT OR IGNORE INTO assets (sha256, name, mime, width, height, size, data, added_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(a.sha256, a.name, a.mime, a.width, a.height, len(a.data), a.data, now) for a in assets],
    )


def _asset_ids_in(document_json: str) -> set[str]:
    """The images a stored document refers to, read without building the whole kit."""
    try:
        # Equivalent mutant (make mutants): no default (None): iterating None is a TypeError,
        # which gives the same empty set.
        stills = json.loads(document_json).get("stills", [])
        return {
            s["asset"] for s in stills if isinstance(s, dict) and isinstance(s.get("asset"), str)
        }
    except (ValueError, AttributeError, TypeError):
        return set()


def _temp_beside(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")


class KitFile:
    """An open kit. Use ``KitFile.open`` or ``KitFile.create``; close it (or use ``with``)."""

    def __init__(
        self,
        path: Path,
        db: sqlite3.Connection,
        lock: locking.Lock | None,
        reason: str,
        foreign: Sequence[str] = (),
    ):
        self.path = path
        self._db = db
        self._lock = lock
        self.read_only = bool(reason)
        self.read_only_reason = reason
        # What in the file presskit did not make (a trigger, a view, a changed table): such a
        # kit is only read, and a clean copy (``clean_copy``) is the way to edit it.
        self.foreign = tuple(foreign)

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def create(
        cls, path: str | os.PathLike[str], kit: model.PressKit, assets: Sequence[NewAsset] = ()
    ) -> KitFile:
        """Makes a new kit file; never overwrites one, never leaves half a file."""
        path = Path(path)
        if path.exists():
            raise KitFileError(f"{_named(path)} already exists; choose another name.")
        document = _document_of(kit, path)
        temp = _temp_beside(path)
        try:
            # Equivalent mutant (make mutants): Python's own isolation level; it begins a
            # transaction only before INSERT, UPDATE or DELETE, and _transaction has begun one.
            db = _defensive(sqlite3.connect(temp, isolation_level=None))
            try:
                db.execute("PRAGMA journal_mode = DELETE")
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
                with _transaction(db):
                    for statement in SCHEMA.split(";"):
                        db.execute(statement)
                    db.execute(
                        "INSERT INTO meta VALUES ('created_at', ?), ('created_by', 'presskit')",
                        (_now(),),
                    )
                    db.execute("INSERT INTO document VALUES (1, ?, ?)", (document, _now()))
                    _insert_assets(db, assets)
            finally:
                db.close()
            _fsync(temp)
            _publish_without_clobbering(temp, path)
            _fsync_folder(path.parent)
        except FileExistsError:
            raise KitFileError(f"{_named(path)} already exists; choose another name.") from None
        except (OSError, sqlite3.Error) as err:
            raise KitFileError(f"Could not make {_named(path)}: {_reason(err)}.") from None
        finally:
            temp.unlink(missing_ok=True)
        return _reopen(path)

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False) -> KitFile:
        """Opens a kit after checking it can be read; a kit open elsewhere opens read-only."""
        path = Path(path)
        _check_header(path)
        version, foreign = _inspect(path)
        if version > FORMAT_VERSION:
            raise KitFileError(
                f"{_named(path)} was made by a newer presskit (format {version}); this presskit "
                f"reads up to format {FORMAT_VERSION}. Update presskit to open it."
            )
        if foreign and version < FORMAT_VERSION:
            raise KitFileError(
                f"{_named(path)} is from an older presskit and holds {_listed(foreign)}, which "
                "presskit did not put there, so it will not upgrade it."
            )
        reason = ""  # Equivalent mutant (make mutants): None; a reason is read only when read-only
        lock = None
        if foreign:
            reason = (
                f"{_named(path)} holds {_listed(foreign)}, which presskit did not put there, so "
                "it opened read-only; to edit it, save a clean copy (File > Save a Clean Copy, "
                "or `presskit repair`)."
            )
        elif not read_only:
            lock = locking.try_lock(path)
            if lock is None:
                reason = (
                    f"{_named(path)} is open in another presskit window, so it opened read-only."
                )
        else:
            reason = f"{_named(path)} was opened read-only."
        if version < FORMAT_VERSION:
            if reason:
                raise KitFileError(
                    f"{_named(path)} is from an older presskit and must be upgraded, "
                    "which cannot be done while it is open read-only or elsewhere."
                )
            try:
                _migrate(path, version)
            except KitFileError:
                if lock is not None:  # or the kit stays locked, read-only on every try after
                    lock.release()
                raise
        try:
            db = _connect(path, read_only=bool(reason))
        except sqlite3.Error as err:
            if lock:
                lock.release()
            raise KitFileError(f"Could not open {_named(path)}: {_reason(err)}.") from None
        if not reason:
            _clear_stale_journal(path, db)
        return cls(path, db, lock, reason, foreign)

    def another_connection(self, *, read_only: bool = False) -> KitFile:
        """The same open kit on a second connection, for work on another thread: a save, or
        with ``read_only`` a render reading images. The file was inspected when it was
        opened, so this is cheap.

        It does not own the window's lock; SQLite's own locking keeps the two apart. A closed
        kit gives no new one: work a closed window left behind must not open its file again.
        """
        if not read_only:
            self._writable()
        if self._db is None:
            raise KitFileError(f"{_named(self.path)} was closed.")
        try:
            db = _connect(self.path, read_only=read_only)
        except sqlite3.Error as err:
            raise KitFileError(
                f"Could not open {_named(self.path)} again: {_reason(err)}."
            ) from None
        reason = "a second connection, for reading" if read_only else ""
        return KitFile(self.path, db, None, reason, self.foreign)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None  # type: ignore[assignment]
        if self._lock is not None:
            self._lock.release()  # after the database: closing our fd must not drop SQLite's locks
            self._lock = None

    def __enter__(self) -> KitFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the document --------------------------------------------------------------------

    def load(self) -> model.PressKit:
        try:
            text = _document_text(self._connection(), self.path)
        except sqlite3.Error as err:
            raise KitFileError(f"Could not read {_named(self.path)}: {_reason(err)}.") from None
        return self._parse(text)

    def save(
        self,
        kit: model.PressKit,
        *,
        revision: bool = True,
        label: str = "",
        new_assets: Sequence[NewAsset] = (),
        keep_assets: Iterable[str] = (),
    ) -> None:
        """Saves the kit in one transaction.

        An explicit save (``revision=True``) also keeps a snapshot to go back to; autosave
        does not. Images that neither this kit, a kept revision nor ``keep_assets`` (say, the
        editor's undo history) refer to leave the file.
        """
        self._writable()
        document = _document_of(kit, self.path)
        try:
            with _transaction(self._connection()) as db:
                _insert_assets(db, new_assets)
                db.execute(
                    "UPDATE document SET json = ?, saved_at = ? WHERE id = 1", (document, _now())
                )
                if revision:
                    db.execute(
                        "INSERT INTO revisions (saved_at, label, json) VALUES (?, ?, ?)",
                        (_now(), label, document),
                    )
                    db.execute(
                        "DELETE FROM revisions WHERE id NOT IN "
                        "(SELECT id FROM revisions ORDER BY id DESC LIMIT ?)",
                        (KEEP_REVISIONS,),
                    )
                self._collect_garbage(db, kit.asset_ids() | set(keep_assets))
        except (sqlite3.Error, OSError) as err:
            raise KitFileError(
                f"Could not save {_named(self.path)} ({_reason(err)}); the file is unchanged."
            ) from None

    @staticmethod
    def _collect_garbage(db: sqlite3.Connection, keep: set[str]) -> None:
        for (text,) in db.execute("SELECT json FROM revisions"):
            keep |= _asset_ids_in(text)
        stored = {sha for (sha,) in db.execute("SELECT sha256 FROM assets")}
        db.executemany("DELETE FROM assets WHERE sha256 = ?", [(sha,) for sha in stored - keep])

    # -- images --------------------------------------------------------------------------

    def add_asset(self, data: bytes, *, name: str, mime: str, width: int, height: int) -> str:
        """Stores an image once, whatever the number of stills that use it."""
        self._writable()
        asset = NewAsset(data, name, mime, width, height)
        try:
            with _transaction(self._connection()) as db:
                _insert_assets(db, [asset])
        except (sqlite3.Error, OSError) as err:
            raise KitFileError(
                f"Could not add “{name}” to {_named(self.path)}: {_reason(err)}."
            ) from None
        return asset.sha256

    def asset_bytes(self, sha256: str) -> bytes:
        """An image's original bytes, checked against their SHA-256: a picture damaged in
        the file (or swapped by another program) is named, never passed on."""
        (length,) = self._query_one(
            "SELECT length(data) FROM assets WHERE sha256 = ?",
            sha256,
            missing=self._no_image(sha256),
        )
        if not isinstance(length, int) or length > limits.ASSET_BYTES:
            raise _damaged(self.path, sha256)
        (data,) = self._query_one("SELECT data FROM assets WHERE sha256 = ?", sha256)
        return _verified(self.path, sha256, data)

    def asset_info(self, sha256: str) -> AssetInfo:
        row = self._query_one(
            "SELECT sha256, name, mime, width, height, size FROM assets WHERE sha256 = ?",
            sha256,
            missing=self._no_image(sha256),
        )
        return _asset_info(self.path, row)

    def picture_problems(self, sha256s: Iterable[str], *, deep: bool = False) -> dict[str, str]:
        """Which of these images are "missing" from the file or "damaged" in it. Cheap by
        default (presence, and a stored size that matches the data); ``deep`` reads every
        byte and checks its SHA-256."""
        problems: dict[str, str] = {}
        for sha in dict.fromkeys(sha256s):
            rows = self._query(
                "SELECT sha256, name, mime, width, height, size, length(data) FROM assets"
                " WHERE sha256 = ?",
                sha,
            )
            if not rows:
                problems[sha] = "missing"
                continue
            try:
                info = _asset_info(self.path, rows[0][:6])
                if info.size != rows[0][6]:
                    raise _damaged(self.path, sha)
                if deep:
                    self.asset_bytes(sha)
            except DamagedImageError:
                problems[sha] = "damaged"
        return problems

    def renditions(self) -> list[tuple[str, str, int, int]]:
        """The cached renditions, as (sha256, spec, width, height)."""
        return [
            tuple(row) for row in self._query("SELECT sha256, spec, width, height FROM renditions")
        ]

    def drop_rendition(self, sha256: str, spec: str) -> None:
        """Forgets a cached rendition (one found damaged): the next export makes it anew."""
        self._writable()
        try:
            with _transaction(self._connection()) as db:
                db.execute("DELETE FROM renditions WHERE sha256 = ? AND spec = ?", (sha256, spec))
        except (sqlite3.Error, OSError) as err:
            raise KitFileError(f"Could not update {_named(self.path)}: {_reason(err)}.") from None

    def asset_ids(self) -> set[str]:
        """The images the file holds; cheap (the pictures themselves are not read)."""
        return {row[0] for row in self._query("SELECT sha256 FROM assets")}

    def assets(self) -> list[AssetInfo]:
        rows = self._query(
            "SELECT sha256, name, mime, width, height, size FROM assets ORDER BY added_at, name"
        )
        return [AssetInfo(*row) for row in rows]

    def get_rendition(self, sha256: str, spec: str) -> bytes | None:
        rows = self._query(
            "SELECT data FROM renditions WHERE sha256 = ? AND spec = ?", sha256, spec
        )
        return rows[0][0] if rows else None

    def rendition_size(self, sha256: str, spec: str) -> int | None:
        """A cached rendition's byte size, without reading it (for size estimates)."""
        rows = self._query(
            "SELECT length(data) FROM renditions WHERE sha256 = ? AND spec = ?", sha256, spec
        )
        return rows[0][0] if rows else None

    def asset_head(self, sha256: str, length: int) -> bytes:
        """The first ``length`` bytes of an image (its header), without reading the rest."""
        (rowid,) = self._query_one(
            "SELECT rowid FROM assets WHERE sha256 = ?", sha256, missing=self._no_image(sha256)
        )
        try:
            with self._connection().blobopen("assets", "data", rowid, readonly=True) as blob:
                return blob.read(length)
        except sqlite3.Error as err:
            raise KitFileError(f"Could not read {_named(self.path)}: {_reason(err)}.") from None

    def put_rendition(
        self, sha256: str, spec: str, data: bytes, *, width: int, height: int, mime: str
    ) -> None:
        self.put_renditions([(sha256, spec, data, width, height, mime)])

    def put_renditions(self, renditions: Sequence[tuple[str, str, bytes, int, int, str]]) -> None:
        """Caches downsampled images (sha256, spec, data, width, height, mime) in one
        transaction. The cache can always be rebuilt, so a read-only kit skips it."""
        if self.read_only or not renditions:
            return
        now = _now()
        rows = [(sha, spec, w, h, mime, data, now) for sha, spec, data, w, h, mime in renditions]
        try:
            with _transaction(self._connection()) as db:
                db.executemany(
                    "INSERT OR REPLACE INTO renditions VALUES (?, ?, ?, ?, ?, ?, ?)", rows
                )
        except (sqlite3.Error, OSError) as err:
            raise KitFileError(
                f"Could not store a rendition in {_named(self.path)}: {_reason(err)}."
            ) from None

    # -- revisions -----------------------------------------------------------------------

    def revisions(self) -> list[RevisionInfo]:
        rows = self._query("SELECT id, saved_at, label FROM revisions ORDER BY id DESC")
        return [RevisionInfo(*row) for row in rows]

    def load_revision(self, revision_id: int) -> model.PressKit:
        (text,) = self._query_one(
            "SELECT json FROM revisions WHERE id = ?",
            revision_id,
            missing=KitFileError(f"{_named(self.path)} has no such revision."),
        )
        return self._parse(text)

    def clean_copy(
        self,
        path: str | os.PathLike[str],
        kit: model.PressKit | None = None,
        *,
        new_assets: Sequence[NewAsset] = (),
        replace: bool = False,
    ) -> CleanCopy:
        """A new file holding only what presskit knows of this one: the document (or
        ``kit``, the window's version of it), the pictures it and its revisions use (each
        checked against its SHA-256) and the revisions that read as kits. Nothing else of the
        file is copied: no trigger, view or table someone added, no cached rendition. This
        file is only read. ``replace`` lets it take the place of an existing file."""
        path = Path(path)
        if path.exists() and not replace:
            raise KitFileError(f"{_named(path)} already exists; choose another name.")
        kit = kit if kit is not None else self.load()
        revisions = self._readable_revisions()
        wanted = kit.asset_ids().union(*(_asset_ids_in(text) for _when, _label, text in revisions))
        given = {a.sha256: a for a in new_assets if a.sha256 in wanted}
        temp = _temp_beside(path)
        try:
            KitFile.create(temp, kit, list(given.values())).close()
            db = _connect(temp, read_only=False)
            try:
                with _transaction(db):
                    kept = len(given) + self._copy_pictures(db, sorted(wanted - set(given)))
                    db.executemany(
                        "INSERT INTO revisions (saved_at, label, json) VALUES (?, ?, ?)",
                        revisions,
                    )
            finally:
                db.close()
            _fsync(temp)
            if replace:
                os.replace(temp, path)
            else:
                _publish_without_clobbering(temp, path)
            _fsync_folder(path.parent)
        except FileExistsError:
            raise KitFileError(f"{_named(path)} already exists; choose another name.") from None
        except (sqlite3.Error, OSError) as err:
            raise KitFileError(f"Could not write {_named(path)}: {_reason(err)}.") from None
        finally:
            temp.unlink(missing_ok=True)
        total_revisions = len(self._query("SELECT id FROM revisions"))
        return CleanCopy(
            path, kept, len(wanted) - kept, len(revisions), total_revisions - len(revisions)
        )

    def _readable_revisions(self) -> list[tuple[str, str, str]]:
        kept = []
        for saved_at, label, text in self._query(
            "SELECT saved_at, label, json FROM revisions ORDER BY id"
        ):
            try:
                if isinstance(saved_at, str) and isinstance(label, str):
                    self._parse(text)
                    kept.append((saved_at, label, text))
            except KitFileError:
                continue
        return kept

    def _copy_pictures(self, db: sqlite3.Connection, sha256s: Sequence[str]) -> int:
        """Copies each picture that is whole, one at a time (memory stays flat). One that
        cannot be read (missing, damaged, or in a table changed elsewhere) is left out and
        counted: the copy is made from what can be read, and the original stays as it is."""
        copied = 0
        for sha in sha256s:
            try:
                info, data = self.asset_info(sha), self.asset_bytes(sha)
            except KitFileError:
                continue
            _insert_assets(db, [NewAsset(data, info.name, info.mime, info.width, info.height)])
            copied += 1
        return copied

    def save_as(
        self,
        path: str | os.PathLike[str],
        kit: model.PressKit,
        *,
        new_assets: Sequence[NewAsset] = (),
        keep_assets: Iterable[str] = (),
    ) -> KitFile:
        """Writes the whole kit, images and history, to ``path`` (replacing it: the person
        chose it); ``new_assets`` and ``keep_assets`` as for ``save``."""
        path = Path(path)
        if self.foreign:  # a backup would copy the foreign code along: copy what is known
            self.clean_copy(path, kit, new_assets=new_assets, replace=True)
            return _reopen(path)
        temp = _temp_beside(path)
        try:
            # Equivalent mutant (make mutants): Python's own isolation level; a backup's
            # target runs no statement that would begin a transaction.
            copy = sqlite3.connect(temp, isolation_level=None)
            try:
                self._connection().backup(copy)
            finally:
                copy.close()
            # Named by the file the person chose: a sentence from this save (a full disk, a
            # kit too large) names it, never the temporary file it is written to first.
            # Equivalent mutants (make mutants): read_only=None and a reason of None, both
            # false as False and "" are.
            with KitFile(path, _connect(temp, read_only=False), None, "") as kit_file:
                kit_file.save(kit, label="Saved as", new_assets=new_assets, keep_assets=keep_assets)
            _fsync(temp)
            if locking.is_locked_elsewhere(path):
                raise KitFileError(
                    f"{_named(path)} is open in another presskit window; close it there first."
                )
            os.replace(temp, path)
            _fsync_folder(path.parent)
        except (sqlite3.Error, OSError) as err:
            raise KitFileError(f"Could not save as {_named(path)}: {_reason(err)}.") from None
        finally:
            temp.unlink(missing_ok=True)
        return _reopen(path)

    # -- helpers -------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            raise KitFileError(f"{_named(self.path)} is closed.")
        return self._db

    def _no_image(self, sha256: str) -> MissingImageError:
        return MissingImageError(f"{_named(self.path)} has no image {sha256[:12]}.")

    def _writable(self) -> None:
        if self.foreign:
            raise KitFileError(
                self.read_only_reason.replace("it opened read-only", "it is not written")
            )
        if self.read_only:
            raise KitFileError(f"{_named(self.path)} is open read-only, so it cannot be saved.")

    def _parse(self, text: object) -> model.PressKit:
        if not isinstance(text, str):
            raise KitFileError(f"{_named(self.path)} holds a document that is not kit JSON.")
        try:
            return model.loads(text)
        except InterchangeError as err:
            raise KitFileError(
                f"{_named(self.path)} holds a kit presskit cannot read: {err}"
            ) from None

    def _query(self, sql: str, *params: object) -> list[tuple]:
        try:
            return self._connection().execute(sql, params).fetchall()
        except sqlite3.Error as err:
            raise KitFileError(f"Could not read {_named(self.path)}: {_reason(err)}.") from None

    def _query_one(self, sql: str, *params: object, missing: KitFileError | None = None) -> tuple:
        """The first row; without one, ``missing`` is raised (the caller knows what was
        looked for, so it says which error that is), else "has no document"."""
        rows = self._query(sql, *params)
        if not rows:
            raise missing or KitFileError(f"{_named(self.path)} has no document.")
        return rows[0]


def _listed(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _damaged(path: Path, sha256: str) -> DamagedImageError:
    return DamagedImageError(
        f"The image {sha256[:12]} in {_named(path)} is damaged (its bytes no longer match it)."
    )


def _verified(path: Path, sha256: str, data: object) -> bytes:
    if not isinstance(data, bytes) or hashlib.sha256(data).hexdigest() != sha256:
        raise _damaged(path, sha256)
    return data


def _asset_info(path: Path, row: tuple) -> AssetInfo:
    """A stored image's facts, after checking they are facts an image can have."""
    sha, name, mime, width, height, size = row
    sizes_fit = all(isinstance(n, int) and n > 0 for n in (width, height, size)) and (
        width * height <= limits.ASSET_PIXELS and size <= limits.ASSET_BYTES
    )
    if not (sizes_fit and isinstance(name, str) and isinstance(mime, str)):
        raise _damaged(path, sha)
    return AssetInfo(sha, name, mime, width, height, size)


def _document_of(kit: model.PressKit, path: Path) -> str:
    """The kit as stored JSON, refused when it is larger than presskit opens: a file that
    would not open again is never written."""
    document = model.dumps(kit)
    if len(document) > limits.DOCUMENT_CHARS:
        raise KitFileError(
            f"The kit is {len(document):,} characters, more than a kit file holds "
            f"({limits.DOCUMENT_CHARS:,}), so {_named(path)} was not written; shorten its "
            "longest fields."
        )
    return document


def _document_text(db: sqlite3.Connection, path: Path) -> str:
    """The stored document's JSON text, refused unread when it is not text or is larger
    than any press kit (limits.DOCUMENT_CHARS), so a hostile file costs no time."""
    row = db.execute("SELECT typeof(json), length(json) FROM document WHERE id = 1").fetchone()
    if row is None:
        raise sqlite3.DatabaseError("the document is missing")
    kind, length = row
    if kind != "text":
        raise KitFileError(f"{_named(path)} holds a document that is not kit JSON.")
    if length > limits.DOCUMENT_CHARS:
        raise KitFileError(
            f"{_named(path)} holds a document of {length:,} characters, more than any press kit "
            f"needs; presskit reads documents up to {limits.DOCUMENT_CHARS:,}."
        )
    (text,) = db.execute("SELECT json FROM document WHERE id = 1").fetchone()
    return text


def _reopen(path: Path) -> KitFile:
    """The kit just written, opened: a failure now must not read as if nothing was saved."""
    try:
        return KitFile.open(path)
    except KitFileError:
        raise KitFileError(
            f"{_named(path)} was saved, but could not be opened again; open it from the File menu."
        ) from None


def _publish_without_clobbering(temp: Path, path: Path) -> None:
    """Puts the finished file at ``path`` unless something is already there (atomically)."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:  # the file system has no hard links: claim the name, then move in
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        os.close(fd)
        os.replace(temp, path)


def _clear_stale_journal(path: Path, db: sqlite3.Connection) -> None:
    """A crash while SQLite was still writing its journal (before the journal's header was
    synced, so before the kit itself was touched) leaves a journal SQLite rightly ignores but
    does not remove. One small write transaction replaces it and deletes it on commit, so at
    rest the kit is one file again."""
    if not path.with_name(path.name + "-journal").exists():
        return
    with contextlib.suppress(sqlite3.Error), _transaction(db):
        db.execute(f"PRAGMA user_version = {FORMAT_VERSION}")


def _check_header(path: Path) -> None:
    try:
        if not path.exists():
            raise KitFileError(f"{_named(path)} does not exist.")
        if not path.is_file():
            raise KitFileError(f"{_named(path)} is a folder, not a kit.")
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except PermissionError:
        raise KitFileError(f"{_named(path)} cannot be read (permission denied).") from None
    except OSError as err:
        raise KitFileError(f"{_named(path)} cannot be read: {_reason(err)}.") from None
    if not header:
        raise KitFileError(f"{_named(path)} is empty.")
    if header != SQLITE_HEADER:
        raise KitFileError(f"{_named(path)} is not a presskit kit (it is not a database file).")


def _inspect(path: Path) -> tuple[int, list[str]]:
    """The file's format version, after making sure it is a readable kit, and what in its
    schema presskit did not make. Writes nothing, unless a crash left a hot journal: then
    SQLite rolls the interrupted save back (a rollback runs no trigger)."""
    hot_journal = path.with_name(path.name + "-journal").exists()
    try:
        db = _connect(path, read_only=not hot_journal)
    except sqlite3.Error as err:
        raise KitFileError(f"{_named(path)} cannot be opened: {_reason(err)}.") from None
    try:
        (application_id,) = db.execute("PRAGMA application_id").fetchone()
        (version,) = db.execute("PRAGMA user_version").fetchone()
        if application_id != APPLICATION_ID:
            raise KitFileError(f"{_named(path)} is a database, but not a presskit kit.")
        if version > FORMAT_VERSION:
            return version, []
        # Equivalent mutants (make mutants): the two DatabaseError texts below; a person
        # reads "is damaged" from the handler, never them.
        if [row[0] for row in db.execute("PRAGMA quick_check")] != ["ok"]:
            raise sqlite3.DatabaseError("database disk image is malformed")
        tables = {
            name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        # Equivalent mutant (make mutants): `tables > TABLES`; a file with presskit's tables
        # also has SQLite's sqlite_sequence (revisions is AUTOINCREMENT), so never exactly them.
        if version == FORMAT_VERSION and not tables >= TABLES:
            raise sqlite3.DatabaseError("tables are missing")
        model.loads(_document_text(db, path))
        return version, foreign_parts(schema_of(db), max(version, 1))
    except sqlite3.Error:
        raise KitFileError(
            f"{_named(path)} is damaged (the database is incomplete or corrupt)."
        ) from None
    except InterchangeError as err:
        raise KitFileError(f"{_named(path)} holds a kit presskit cannot read: {err}") from None
    finally:
        db.close()


def backup_path(path: Path, version: int) -> Path:
    candidate = path.with_name(f"{path.stem}.v{version}-backup{path.suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.v{version}-backup-{n}{path.suffix}")
        n += 1
    return candidate


def _migrate(path: Path, version: int) -> None:
    """Backs the file up next to itself, then brings it to the current format in one transaction."""
    backup = backup_path(path, version)
    temp = _temp_beside(backup)
    try:
        shutil.copyfile(path, temp)
        _fsync(temp)
        os.replace(temp, backup)
        db = _connect(path, read_only=False)  # Equivalent mutant: read_only=None, false too
        try:
            with _transaction(db):
                # Equivalent mutant (make mutants): `version - 2` while there is one migration
                # ([-1:] is [0:]); with a second, the test of a format 1 kit notices.
                for step in MIGRATIONS[version - 1 :]:
                    step(db)
                db.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
        finally:
            db.close()
    except (sqlite3.Error, OSError) as err:
        raise KitFileError(
            f"Could not upgrade {_named(path)} from an older presskit: {_reason(err)}."
        ) from None
    finally:
        temp.unlink(missing_ok=True)  # a backup that was not finished is not left beside it


def _read_only_row(path: str | os.PathLike[str], sql: str, *params: object) -> tuple | None:
    try:
        db = _defensive(sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True))
        try:
            return db.execute(sql, params).fetchone()
        finally:
            db.close()
    except sqlite3.Error as err:  # a failing disk: one sentence, not SQLite's own words
        raise KitFileError(f"Could not read {_named(Path(path))}: {_reason(err)}.") from None


def read_asset_bytes(path: str | os.PathLike[str], sha256: str) -> bytes:
    """One image's bytes, read-only, for worker processes making renditions in parallel."""
    row = _read_only_row(
        path,
        "SELECT data FROM assets WHERE sha256 = ? AND length(data) <= ?",
        sha256,
        limits.ASSET_BYTES,
    )
    if row is None:
        raise MissingImageError(f"{_named(Path(path))} has no image {sha256[:12]}.")
    return _verified(Path(path), sha256, row[0])
