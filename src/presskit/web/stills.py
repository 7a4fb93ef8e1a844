"""The press package's stills: every shown still at its original size, with its credits in
the file itself, so they survive being saved to a desktop and dropped into a layout.

A JPEG original keeps its image data byte for byte (``imaging.jpeg_metadata``); any other
picture becomes a full-size sRGB JPEG. Beside them: ``credits.csv`` and ``stills.zip``.
"""

from __future__ import annotations

import csv
import io
import queue
import threading
import time
import zipfile
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

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


@dataclass(frozen=True)
class StillFile:
    still: model.Still
    path: str  # "stills/NAME.jpg", relative to the package folder
    credits: StillCredits


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
    ):
        self.planned, self.source, self.folder = planned, source, folder
        self.zip_path = folder / zip_name
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
            # ZIP_STORED: JPEGs do not compress; names are marked UTF-8 by zipfile itself.
            with zipfile.ZipFile(self.zip_path, "w", compression=zipfile.ZIP_STORED) as archive:
                done = 0
                while (item := self._queue.get()) is not None:
                    if self._stop.is_set() or (self.cancelled and self.cancelled()):
                        raise ExportCancelled
                    planned_still, data = item
                    sha = planned_still.still.asset
                    if data is None:
                        data = read_asset_bytes(self.kit_path, sha)
                    jpeg = credited_jpeg(data, self.names[sha], planned_still.credits)
                    (self.folder / planned_still.path).write_bytes(jpeg)
                    archive.writestr(_zip_entry(planned_still.path), jpeg)
                    done += 1
                    if self.progress:
                        self.progress(done)
        except BaseException as err:  # handed to the caller's thread, which raises it
            self._failed = err
            while self._queue.get() is not None:
                pass  # the caller may still be handing over stills: take them, write none


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
