"""A still whose picture the file lacks, or holds damaged, is marked where it would stand
(the preview and an export the person allowed show the gap), never silently left out."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pypdf
from PIL import Image

from presskit import model, preflight, render
from presskit.render.flowables import MissingPicture
from presskit.store import KitFile, NewAsset


def jpeg(colour: tuple[int, int, int]) -> NewAsset:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), colour).save(buffer, "JPEG")
    return NewAsset(buffer.getvalue(), name="still.jpg", mime="image/jpeg", width=300, height=200)


def kit_file(tmp_path: Path) -> tuple[Path, model.PressKit]:
    first, second = jpeg((200, 40, 40)), jpeg((40, 40, 200))
    kit = model.PressKit(person=model.Person(name="Im-Sun Song"))
    kit.stills = [
        model.Still(id="s1", asset=first.sha256, caption="the pond at dusk", credit="Ian Chen"),
        model.Still(id="s2", asset=second.sha256, caption="the record room", credit="Ian Chen"),
    ]
    path = tmp_path / "k.presskit"
    KitFile.create(path, kit, [first, second]).close()
    return path, kit


def pdf_of(path: Path) -> pypdf.PdfReader:
    with KitFile.open(path, read_only=True) as f:
        result = render.render_pdf(f.load(), f, render.Options(invariant=True))
    return pypdf.PdfReader(io.BytesIO(result.pdf))


def text(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def images(reader: pypdf.PdfReader) -> int:
    return sum(len(page.images) for page in reader.pages)


def test_a_missing_picture_is_a_marked_box_with_its_caption(tmp_path):
    path, kit = kit_file(tmp_path)
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM assets WHERE sha256 = ?", (kit.stills[0].asset,))
    db.close()
    reader = pdf_of(path)
    shown = text(reader)
    assert shown.count(MissingPicture.TEXT) == 2  # on the cover (its first still) and in Stills
    assert "the pond at dusk" in shown and "the record room" in shown
    assert images(reader) == 1  # the record room; the pond is a box wherever it stands


def test_a_damaged_picture_is_marked_too_and_the_render_finishes(tmp_path):
    path, kit = kit_file(tmp_path)
    with sqlite3.connect(path) as db:
        db.execute(
            "UPDATE assets SET data = zeroblob(length(data)) WHERE sha256 = ?",
            (kit.stills[1].asset,),
        )
    db.close()
    shown = text(pdf_of(path))
    assert shown.count(MissingPicture.TEXT) == 1
    assert "the record room" in shown


def test_the_lead_gets_the_still_problems_as_sentences(tmp_path):
    path, kit = kit_file(tmp_path)
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM assets WHERE sha256 = ?", (kit.stills[0].asset,))
        db.execute(
            "UPDATE assets SET data = zeroblob(length(data)) WHERE sha256 = ?",
            (kit.stills[1].asset,),
        )
    db.close()
    with KitFile.open(path, read_only=True) as f:
        cheap = preflight.picture_sentences(f.load(), f)
        deep = preflight.picture_sentences(f.load(), f, deep=True)
    assert cheap == ["Still 1 (“the pond at dusk”): its picture is missing from the file."]
    assert deep == [
        "Still 1 (“the pond at dusk”): its picture is missing from the file.",
        "Still 2 (“the record room”): its picture is damaged in the file; add the photograph "
        "again.",
    ]
