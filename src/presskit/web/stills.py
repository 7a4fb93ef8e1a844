"""The press package's stills: every shown still at its original size, with its credits in
the file itself, so they survive being saved to a desktop and dropped into a layout.

A JPEG original keeps its image data byte for byte (``imaging.jpeg_metadata``); any other
picture becomes a full-size sRGB JPEG. Beside them: ``credits.csv`` and ``stills.zip``.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import queue
import threading
import time
import zipfile
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG

from presskit import model
from presskit.imaging.jpeg_metadata import JpegStructureError, StillCredits, with_credits
from presskit.imaging.quiet import quiet
from presskit.imaging.renditions import full_size_jpeg
from presskit.render.images import AssetSource, Cancelled, ExportCancelled
from presskit.store import read_asset_bytes

FOLDER = "stills"
NAME_CHARS = 120  # a still's file name, before ".jpg": the caption is shortened to fit
_PART_CHARS = 50  # the film's title and the photographer's part, each at most
_SEPARATOR = " – "
# A spreadsheet runs a cell that begins with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# Bumped whenever the same still and credits would give other bytes: a previous package's
# files are reused only when they were written the same way.
WRITER_VERSION = "1"


@dataclass(frozen=True)
class StillFile:
    still: model.Still
    path: str  # "stills/NAME.jpg", relative to the package folder
    credits: StillCredits

    @property
    def key(self) -> str:
        """What the file's bytes follow from: the original and the credits written into it."""
        c = self.credits
        parts = [WRITER_VERSION, self.still.asset, c.creator, c.copyright, c.credit_line]
        parts += [c.caption, c.title]
        return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def zip_key(planned: Sequence[StillFile]) -> str:
    """What ``stills.zip`` follows from: every file's name and key, in order."""
    return hashlib.sha256(
        "\0".join(f"{s.path}\0{s.key}" for s in planned).encode("utf-8", "surrogatepass")
    ).hexdigest()


class Previous:
    """The files of the package being replaced, as its manifest lists them: a still whose
    key, size and modification time are unchanged is taken over by a hard link instead of
    being read from the kit and written again (a package exported again after an edit
    writes only what changed). Linking is refused quietly where the disk cannot (another
    file system, FAT): the file is written as usual."""

    def __init__(self, folder: Path | None = None, manifest: dict | None = None):
        self.folder, self.files = folder, (manifest or {}).get("files", {})

    @classmethod
    def read(cls, folder: Path, manifest_name: str) -> Previous:
        try:
            manifest = json.loads((folder / manifest_name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()  # not a package, or one written before there was a manifest
        return cls(folder, manifest if isinstance(manifest, dict) else None)

    def link(self, path: str, key: str, target: Path) -> bool:
        """``target`` made a link to the previous package's ``path`` when that is the same
        file; whether it was."""
        kept = self.files.get(path)
        if self.folder is None or not isinstance(kept, dict) or kept.get("key") != key:
            return False
        try:
            old = self.folder / path
            stat = old.lstat()
            if not S_ISREG(stat.st_mode):
                return False  # a link put in its place: never followed into the package
            if [stat.st_size, stat.st_mtime_ns] != [kept.get("size"), kept.get("mtime_ns")]:
                return False  # changed since presskit wrote it
            os.link(old, target)
        except OSError:
            return False
        return True


def manifest_entry(folder: Path, path: str, key: str) -> dict:
    stat = (folder / path).stat()
    return {"key": key, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def plan_stills(kit: model.PressKit, films: Collection[str] | None = None) -> list[StillFile]:
    """The shown stills in the kit's order, each with a unique, safe file name and the
    credits its file will carry."""
    titles = {f.id: f.title for f in kit.films}
    planned = []
    taken: set[str] = set()
    for number, still in enumerate(model.shown_stills(kit, films), start=1):
        credits = StillCredits(
            creator=still.credit.strip(),
            copyright=still.copyright.strip(),
            credit_line=f"Photo: {still.credit.strip()}" if still.credit.strip() else "",
            caption=still.caption.strip(),
            title=titles.get(still.film, "").strip(),
        )
        name = model.unique_name(f"{_name_stem(credits, number)}.jpg", taken)
        taken.add(model.name_key(name))
        planned.append(StillFile(still, f"{FOLDER}/{name}", credits))
    return planned


def _name_stem(credits: StillCredits, number: int) -> str:
    """ "Film – Caption – Photo NAME", each part there only when the still has it."""
    film = _shortened(_safe(credits.title), _PART_CHARS)
    photo = _shortened(_safe(credits.creator), _PART_CHARS)
    photo = f"Photo {photo}" if photo else ""
    fixed = [p for p in (film, photo) if p]
    room = NAME_CHARS - sum(len(p) + len(_SEPARATOR) for p in fixed)
    caption = _shortened(_safe(_without_title(credits.caption, credits.title)), room)
    parts = [p for p in (film, caption, photo) if p] or [f"Still {number}"]
    # file_name once more over the whole: its byte limit, for scripts of 3 or 4 bytes a letter.
    return model.file_name(_SEPARATOR.join(parts), f"Still {number}", max_chars=NAME_CHARS)


def _without_title(caption: str, title: str) -> str:
    """A caption that begins with the film's title ("Dragonfly: the pond at dusk"), without
    it: the name says the film already."""
    rest = caption[len(title) :]
    if not title or not caption.casefold().startswith(title.casefold()) or rest[:1].isalnum():
        return caption  # "Dragonflyers at rest" is not about "Dragonfly"
    return rest.lstrip(" :;,.–—-")


def _safe(text: str) -> str:
    """``text`` made safe for a file name, not yet cut: ``_shortened`` cuts it with "…"."""
    return model.file_name(text, "", max_chars=NAME_CHARS)


def _shortened(text: str, chars: int) -> str:
    if len(text) <= chars:
        return text
    return text[: max(0, chars - 1)].rstrip(" .") + "…" if chars > 1 else ""


class StillsWriter:
    """Writes the credited stills under ``folder`` and into its ``stills.zip`` on a thread of
    its own, so the disk works while the PDFs are laid out: a package writes every original
    twice (the files and the zip), which on a slow disk is most of its time.

    From a kit file (a source with a ``path``), that thread also reads the originals, through
    connections of its own (``store.read_asset_bytes``: SQLite's stay on the thread that made
    them); from any other source they are read when the writer is entered, on the caller's
    thread. Used as a context manager: leaving waits for every file and raises what went
    wrong there; leaving on an error (a cancel, a failed PDF) stops after the current file.
    """

    QUEUE = 2  # originals in memory waiting for the disk, at most

    def __init__(
        self,
        planned: Sequence[StillFile],
        source: AssetSource,
        folder: Path,
        zip_name: str,
        progress: Callable[[int], None] | None = None,
        cancelled: Cancelled | None = None,
        previous: Previous | None = None,
    ):
        self.planned, self.source, self.folder = planned, source, folder
        self.zip_name = zip_name
        self.zip_path = folder / zip_name
        self.previous = previous or Previous()
        self.manifest: dict[str, dict] = {}  # what was written, for the next package's reuse
        self.progress, self.cancelled = progress, cancelled
        self.kit_path = getattr(source, "path", None)
        # Asked here, on the caller's thread: only the writer's own reading is elsewhere.
        self.names = {s.still.asset: source.asset_info(s.still.asset).name for s in planned}
        self._queue: queue.Queue[tuple[StillFile, bytes | None] | None] = queue.Queue(
            0 if self.kit_path else self.QUEUE
        )
        self._failed: BaseException | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stills writer", daemon=True)

    def __enter__(self) -> StillsWriter:
        (self.folder / FOLDER).mkdir(exist_ok=True)
        self._thread.start()
        try:
            for planned_still in self.planned:
                if self._failed is not None:
                    break  # raised on leaving
                # From a kit file the writer reads an original itself, and only when it
                # cannot take the previous package's file over.
                data = None if self.kit_path else self.source.asset_bytes(planned_still.still.asset)
                self._queue.put((planned_still, data))
        except BaseException:
            self.__exit__(None, True, None)
            raise
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if error is not None:
            self._stop.set()
        self._queue.put(None)
        self._thread.join()
        if error is None and self._failed is not None:
            raise self._failed

    def _run(self) -> None:
        try:
            key = zip_key(self.planned)
            zip_reused = self.previous.link(self.zip_name, key, self.zip_path)
            with contextlib.ExitStack() as stack:
                # ZIP_STORED: JPEGs do not compress; zipfile marks the names UTF-8 itself.
                archive = None
                if not zip_reused:
                    archive = stack.enter_context(
                        zipfile.ZipFile(self.zip_path, "w", compression=zipfile.ZIP_STORED)
                    )
                done = 0
                while (item := self._queue.get()) is not None:
                    if self._stop.is_set() or (self.cancelled and self.cancelled()):
                        raise ExportCancelled
                    planned_still, data = item
                    self._write(planned_still, data, archive)
                    done += 1
                    if self.progress:
                        self.progress(done)
            self.manifest[self.zip_name] = manifest_entry(self.folder, self.zip_name, key)
        except BaseException as err:  # handed to the caller's thread, which raises it
            self._failed = err
            while self._queue.get() is not None:
                pass  # the caller may still be handing over stills: take them, write none

    def _write(
        self, planned_still: StillFile, data: bytes | None, archive: zipfile.ZipFile | None
    ) -> None:
        """One still: linked from the previous package when unchanged, else read and written
        with its credits; into the archive too when that is being written."""
        target = self.folder / planned_still.path
        if self.previous.link(planned_still.path, planned_still.key, target):
            jpeg = target.read_bytes() if archive is not None else b""
        else:
            sha = planned_still.still.asset
            if data is None:
                data = read_asset_bytes(self.kit_path, sha)
            jpeg = credited_jpeg(data, self.names[sha], planned_still.credits)
            target.write_bytes(jpeg)
        if archive is not None:
            archive.writestr(_zip_entry(planned_still.path), jpeg)
        self.manifest[planned_still.path] = manifest_entry(
            self.folder, planned_still.path, planned_still.key
        )


def _zip_entry(path: str) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(path, date_time=time.localtime()[:6])
    entry.compress_type = zipfile.ZIP_STORED
    entry.external_attr = 0o644 << 16  # a plain file anyone may read, as unzipped
    return entry


def credited_jpeg(data: bytes, name: str, credits: StillCredits) -> bytes:
    """The picture as a JPEG carrying ``credits``: a JPEG's own image data when its segments
    can be followed, else (another format, or a JPEG too odd to edit) newly encoded."""
    if data.startswith(b"\xff\xd8"):
        try:
            return with_credits(data, credits)
        except JpegStructureError:
            pass  # Pillow reads what the segment walker cannot: encoded anew below
    with quiet():
        return with_credits(full_size_jpeg(data, name), credits)


def credits_csv(planned: Sequence[StillFile]) -> bytes:
    """One row per still: file, film, caption, photographer, copyright.

    UTF-8 with a byte-order mark: Excel reads a CSV without one in the system's legacy code
    page (an "é" comes out as "Ã©"), and Numbers, LibreOffice and Google Sheets read the mark
    and drop it. Rows end in CRLF, as RFC 4180 and Excel expect.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(["file", "film", "caption", "photographer", "copyright"])
    for still in planned:
        c = still.credits
        writer.writerow(
            [_inert(v) for v in (still.path, c.title, c.caption, c.creator, c.copyright)]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _inert(value: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula gets a ' first."""
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value
