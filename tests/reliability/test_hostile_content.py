"""Hostile content: markup in any field prints as the characters typed, never as markup, and
an export reads only the kit, the bundled fonts and themes, the temporary folder and Python's
own files, writes only its output, and opens no socket or process."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from presskit import model, render
from presskit.store import KitFile, NewAsset
from tests.reliability.conftest import case, held, note, ran

ROOT = Path(__file__).resolve().parents[2]
# Names, not prose: ids, references, choices from a list; they are not printed as typed.
NOT_PROSE = {"id", "asset", "film", "key_still", "portrait", "cover_still", "status", "theme"}
NOT_PROSE |= {"design", "date"}
HOSTILE = '<b>&amp;</b>&lt;<img src="/etc/hostname"/><font face="/etc/passwd">x</font>'


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), (90, 120, 140)).save(buffer, "PNG")
    return buffer.getvalue()


STILL = NewAsset(_png(), name="set.png", mime="image/png", width=120, height=80)


def full_kit() -> model.PressKit:
    """A kit with one of everything, so every text field exists."""
    film = model.Film(
        id="f1",
        roles=["r"],
        themes=["t"],
        festivals=[model.Festival(year=2025)],
        awards=[model.Award(year=2025)],
        press_quotes=[model.PressQuote()],
        links=[model.Link(url="https://example.com/film")],
        credits=[model.Credit()],
        status="post-production",
    )
    return model.PressKit(
        person=model.Person(roles=["r"]),
        interview=model.Interview(items=[model.QA()]),
        films=[film],
        stills=[model.Still(id="s1", asset=STILL.sha256, film="f1")],
        links=[model.Link(url="https://example.com/reel")],
    )


def text_paths(node: object, path: tuple = ()) -> list[tuple]:
    """Every prose field of the kit: a path to each string, lists included."""
    found: list[tuple] = []
    if dataclasses.is_dataclass(node):
        for field in dataclasses.fields(node):
            if field.name not in NOT_PROSE:
                found += text_paths(getattr(node, field.name), (*path, field.name))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            found += text_paths(item, (*path, i))
    elif isinstance(node, str) and path[-1] != "url":
        found.append(path)
    return found


def squashed_text(pdf: bytes) -> str:
    """The PDF's text without spaces or line breaks (wrapping moves them), in one case (some
    themes capitalise), with straight quotes (the typesetter curls them, as it should)."""
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    text = re.sub(r"\s+", "", text).casefold()
    return re.sub("[“”„″]", '"', text)


def export(kit: model.PressKit, folder: Path) -> bytes:
    folder.mkdir()
    with KitFile.create(folder / "k.presskit", kit, [STILL]) as kit_file:
        return render.render_pdf(kit, kit_file, render.Options(invariant=True)).pdf


def test_markup_in_every_field_prints_literally(tmp_path):
    paths = text_paths(full_kit())
    plain, hostile = full_kit(), full_kit()
    for i, path in enumerate(paths):
        model.SetField(path, f"ZQ{i:03d}").apply(plain)
        model.SetField(path, f"ZQ{i:03d}{HOSTILE}").apply(hostile)
    printed_plain = squashed_text(export(plain, tmp_path / "plain"))
    printed = squashed_text(export(hostile, tmp_path / "hostile"))
    # Which fields this layout prints at all, found from the plain kit, not assumed.
    shown = [(i, p) for i, p in enumerate(paths) if f"zq{i:03d}" in printed_plain]
    assert len(shown) >= 30, shown  # nearly everything a person types is printed
    literal = re.sub(r"\s+", "", HOSTILE).casefold()
    check = "4. hostile markup prints literally"
    for i, path in shown:
        with case(check):
            assert f"zq{i:03d}{literal}" in printed, path
    note(check, f"{len(shown)} printed fields of {len(paths)} text fields")


def test_an_export_opens_nothing_outside_its_places_and_no_socket(tmp_path):
    kit = full_kit()
    for i, path in enumerate(text_paths(kit)):
        model.SetField(path, f"F{i} {HOSTILE}").apply(kit)
    kit.links.append(model.Link("local", "file:///etc/passwd"))
    kit.links.append(model.Link("script", "javascript:alert(1)"))
    kit.contact.website = "http://127.0.0.1:9/"
    (tmp_path / "kit").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "tmp").mkdir()
    kit_path, out = tmp_path / "kit" / "k.presskit", tmp_path / "out" / "k.pdf"
    with KitFile.create(kit_path, kit, [STILL]) as kit_file:
        # Renditions made (in worker processes) and cached first: the audited export then
        # makes none, so every file it opens is opened in the one process the hook watches.
        render.export_pdf(kit, kit_file, tmp_path / "warm-up.pdf")
    child = subprocess.run(
        [sys.executable, "-m", "tests.reliability.audit_child", str(kit_path), str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "TMPDIR": str(tmp_path / "tmp")},
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, child.stderr[-3000:]
    report = json.loads(child.stdout.splitlines()[-1])
    check = "4. export audit hook: no stray open, no socket"
    ran(check, report["events"])  # every event the hook saw, held once all asserts pass
    assert report["pages"] >= 3
    assert report["pools"] == 0  # no worker process the hook could not see
    assert report["violations"] == []
    assert report["control"] == ["/etc/hostname"]  # the hook does see a stray open
    assert str(kit_path) in report["opens"] and any("fonts" in p for p in report["opens"])
    links = [
        annotation.get_object()["/A"]["/URI"]
        for page in pypdf.PdfReader(out).pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    ]
    assert links and all(str(u).startswith(("https:", "http:", "mailto:")) for u in links)
    held(check, report["events"])
    note(check, f"{len(report['opens'])} files opened, all allowed; renditions cached beforehand")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "data:text/html,x"])
def test_only_web_and_mail_links_become_links(url, tmp_path):
    kit = model.PressKit(person=model.Person(name="Ana"), links=[model.Link("x", url)])
    pdf = export(kit, tmp_path / "k")
    assert url.encode() not in pdf.replace(b"\\", b"")
