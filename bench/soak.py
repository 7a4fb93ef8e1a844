"""Soak: the editor window, offscreen, through thousands of seeded random steps.

    python bench/soak.py [--steps 10000] [--seed 1] [--export-every 500]

Each step is one thing a person does: edit a field (typing or not), add, remove or move an
interview answer, a film, a link or a still (stills through the gallery's own add), undo,
redo, save; every 500th step (--export-every) a PDF export. Exceptions are counted, whether raised by a step
or inside a Qt slot. At the end everything is undone: the kit must equal the one opened, and
every still must still find its picture. Memory (resident set) is measured after a warm-up
(the first tenth of the steps) and at the end. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QEventLoop, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

QStandardPaths.setTestModeEnabled(True)  # never the person's own settings or recovery folder

from presskit import kitio, model, render  # noqa: E402
from presskit.gui.app import application  # noqa: E402
from presskit.gui.main_window import MainWindow  # noqa: E402
from presskit.gui.session import Session  # noqa: E402
from presskit.gui.settings import Settings  # noqa: E402
from presskit.gui.workers import wait_for_background_jobs  # noqa: E402
from presskit.store import KitFile  # noqa: E402

WORDS = ["light", "grief", "memory", "frame", "Dragonfly", "송임선", "reel", "night", "café", "—"]
EXPORT_EVERY = 500  # an export takes a while: a rare step, as it is for a person
# What a person does, and how often, relatively.
STEPS = (("edit", 40), ("add", 12), ("remove", 10), ("move", 8), ("undo", 14), ("redo", 10))
STEPS += (("save", 6),)


def rss_bytes() -> int:
    """The resident set now (not the peak), from /proc; 0 where there is none."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except OSError:
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


class Soak:
    def __init__(self, folder: Path, seed: int, export_every: int = EXPORT_EVERY):
        self.rng = random.Random(seed)
        self.folder = folder
        self.export_every = export_every
        self.exceptions: list[str] = []
        self.counts: dict[str, int] = {}
        self.app = application()
        path = folder / "soak.presskit"
        kitio.create_kit(path, kitio.sample_json()).close()
        self.kit_file = KitFile.open(path)
        self.session = Session(self.kit_file.load(), self.kit_file)
        settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        self.window = MainWindow(self.session, settings)
        self.window.show()
        self.original = copy.deepcopy(self.session.kit)
        self.images = [self._image(i) for i in range(4)]
        self.exports = 0

    def _image(self, i: int) -> str:
        path = self.folder / f"still-{i}.{'jpg' if i % 2 else 'png'}"
        colour = tuple(self.rng.randrange(256) for _ in range(3))
        Image.new("RGB", (160 + 40 * i, 120), colour).save(path)
        return str(path)

    # -- what a person does ------------------------------------------------------------------

    def text(self) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randrange(0, 12)))

    def text_fields(self) -> list[tuple]:
        kit = self.session.kit
        fields = [("person", f) for f in ("name", "headline", "bio_short", "bio_long")]
        fields += [
            ("interview", "items", i, f)
            for i in range(len(kit.interview.items))
            for f in ("question", "answer")
        ]
        fields += [("films", i, f) for i in range(len(kit.films)) for f in ("title", "logline")]
        fields += [("links", i, "label") for i in range(len(kit.links))]
        fields += [("stills", i, f) for i in range(len(kit.stills)) for f in ("caption", "credit")]
        return fields

    def edit(self) -> None:
        path = self.rng.choice(self.text_fields())
        self.session.set(path, self.text(), path[-1], typing=self.rng.random() < 0.5)

    def add(self) -> None:
        kit = self.session.kit
        kind = self.rng.choice(["interview", "films", "links", "stills"])
        if kind == "stills":
            stills = self.window.editor("Stills")
            done = QEventLoop()
            stills.added.connect(done.quit)
            stills.add_files([self.rng.choice(self.images)])  # read on a worker thread
            done.exec()
            stills.added.disconnect(done.quit)
            return
        path, item = {
            "interview": (("interview", "items"), model.QA(self.text() + "?", self.text())),
            "films": (("films",), model.Film(id=model.new_film_id(kit, "Film"), title=self.text())),
            "links": (("links",), model.Link(self.text(), "https://example.com/reel")),
        }[kind]
        index = self.rng.randrange(len(model.resolve(kit, path)) + 1)
        self.session.apply(model.InsertItem(path, index, item), f"Add {kind}")

    def _a_list(self) -> tuple | None:
        kit = self.session.kit
        lists = [
            p
            for p in (("interview", "items"), ("films",), ("links",), ("stills",))
            if model.resolve(kit, p)
        ]
        return self.rng.choice(lists) if lists else None

    def remove(self) -> None:
        path = self._a_list()
        if path is not None:
            index = self.rng.randrange(len(model.resolve(self.session.kit, path)))
            self.session.apply(model.RemoveItem(path, index), "Remove")

    def move(self) -> None:
        path = self._a_list()
        if path is not None:
            size = len(model.resolve(self.session.kit, path))
            source, target = self.rng.randrange(size), self.rng.randrange(size)
            if source != target:
                self.session.apply(model.MoveItem(path, source, target), "Move")

    def undo(self) -> None:
        self.session.undo_stack.undo()

    def redo(self) -> None:
        self.session.undo_stack.redo()

    def save(self) -> None:
        if not self.window.save():
            raise RuntimeError("the window's save said no")

    def export(self) -> None:
        self.save()  # the export reads the pictures from the file, as the window's does
        with KitFile.open(self.kit_file.path, read_only=True) as source:
            result = render.export_pdf(self.session.snapshot(), source, self.folder / "soak.pdf")
        if result.pages < 1:
            raise RuntimeError("an export without pages")
        self.exports += 1

    def step(self, n: int) -> None:
        names, weights = zip(*STEPS, strict=True)
        name = (
            "export"
            if n % self.export_every == self.export_every - 1
            else self.rng.choices(names, weights)[0]
        )
        self.counts[name] = self.counts.get(name, 0) + 1
        try:
            getattr(self, name)()
        except Exception:
            self.exceptions.append(f"step {n} ({name}): {traceback.format_exc(limit=3)}")
        self.app.processEvents()

    def undo_everything(self) -> list[str]:
        """Undoes every step; what differs from the kit as opened (nothing, if all is well)."""
        stack = self.session.undo_stack
        while stack.canUndo():
            stack.undo()
            self.app.processEvents()
        problems = []
        if self.session.kit != self.original:
            problems.append("undoing everything did not give back the kit as opened")
        for still in self.session.kit.stills:
            if still.asset in self.session.pending_assets:
                continue
            try:
                self.kit_file.asset_info(still.asset)
            except Exception as err:
                problems.append(f"still {still.id} lost its picture: {err}")
        return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--export-every", type=int, default=EXPORT_EVERY, metavar="STEPS")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        soak = Soak(Path(folder), args.seed, args.export_every)
        # Exceptions inside Qt slots do not reach the step: PySide hands them to excepthook.
        sys.excepthook = lambda kind, err, tb: soak.exceptions.append(
            "in a slot: " + "".join(traceback.format_exception(kind, err, tb, limit=3))
        )
        for box in ("critical", "warning", "information", "question"):  # no modal dialog may wait
            setattr(
                QMessageBox,
                box,
                staticmethod(
                    lambda _p, title, text, *a, **k: (
                        soak.exceptions.append(f"dialog {title}: {text}")
                        or QMessageBox.StandardButton.Discard
                    )
                ),
            )
        warm_up = max(1, args.steps // 10)
        started = time.perf_counter()
        rss_warm = 0
        for n in range(args.steps):
            soak.step(n)
            if n + 1 == warm_up:
                rss_warm = rss_bytes()
        rss_end = rss_bytes()
        sys.excepthook = sys.__excepthook__  # from here on, an error is the bench's own
        problems = soak.undo_everything()
        soak.exceptions += problems
        soak.window.autosave_timer.stop()
        soak.window.close()
        QApplication.processEvents()
        # Events delivered after the close can still start background work on the kit (seen
        # as a journal beside it a moment later); let it end before the folder goes.
        wait_for_background_jobs()
        soak.kit_file.close()
    for line in soak.exceptions[:10]:
        print(line, file=sys.stderr)
    result = {
        "steps": args.steps,
        "seed": args.seed,
        "exceptions": len(soak.exceptions),
        "memory_growth_pct": round((rss_end - rss_warm) / rss_warm * 100, 1) if rss_warm else None,
        "rss_after_warm_up_mb": round(rss_warm / 2**20, 1),
        "rss_end_mb": round(rss_end / 2**20, 1),
        "undo_everything_restores_the_kit": not problems,
        "exports": soak.exports,
        "steps_by_kind": dict(sorted(soak.counts.items())),
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
