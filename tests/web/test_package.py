"""The press package as a person receives it: both PDFs, the web page, one credited file
per shown still (each with its own photographer), credits.csv and stills.zip; written whole
or not at all, and never over a folder presskit did not write."""

from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path

import pypdf
import pytest
from PIL import Image, ImageCms

from presskit import model
from presskit.errors import ExportError
from presskit.render import ExportCancelled
from presskit.store import KitFile
from presskit.web import package
from presskit.web import page as web_page
from presskit.web.package import export_package
from tests.web.kits import package_kit
from tests.web.readback import exiftool, gps_tags, presskit_reads

PACKAGE = {
    ".presskit-package",
    "assets",
    "credits.csv",
    "index.html",
    "press-kit-print.pdf",
    "press-kit.pdf",
    "stills",
    "stills.zip",
}


def export(kit_path: Path, out: Path, **options):
    with KitFile.open(kit_path) as kit_file:
        return export_package(kit_file.load(), kit_file, out, **options)


def hidden_leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def csv_rows(out: Path) -> list[dict[str, str]]:
    data = (out / "credits.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the mark Excel needs to read UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_package_holds_both_pdfs_the_page_the_stills_and_their_lists(tmp_path):
    kit_path, _kit, _assets = package_kit(tmp_path)
    result = export(kit_path, tmp_path / "Press")
    out = tmp_path / "Press"
    assert {p.name for p in out.iterdir()} == PACKAGE
    assert result.stills == 4 and len(list((out / "stills").iterdir())) == 4
    screen, printed = (
        pypdf.PdfReader(out / "press-kit.pdf"),
        pypdf.PdfReader(out / "press-kit-print.pdf"),
    )
    assert len(screen.pages) == result.screen_pages and len(printed.pages) == result.print_pages
    assert "Im-Sun Song" in screen.pages[0].extract_text()
    # The print PDF's stills are sharper: at 300 dpi against the screen's 150.
    assert (out / "press-kit-print.pdf").stat().st_size > (out / "press-kit.pdf").stat().st_size
    assert (out / "index.html").is_file() and (out / "assets").is_dir()
    assert hidden_leftovers(tmp_path) == []


def test_each_still_file_carries_its_own_photographer_and_no_gps(tmp_path):
    kit_path, kit, _assets = package_kit(tmp_path)
    export(kit_path, tmp_path / "out")
    by_caption = {}
    for row in csv_rows(tmp_path / "out"):
        path = tmp_path / "out" / row["file"]
        (found,) = exiftool(path)
        read = presskit_reads(path)
        assert found["XMP:Creator"] == found["IPTC:By-line"] == read.credit == row["photographer"]
        assert read.credit_line == found["IPTC:Credit"] == f"Photo: {row['photographer']}"
        assert read.caption == found["XMP:Description"] == row["caption"]
        assert read.copyright == row["copyright"] == found.get("XMP:Rights", "")
        assert read.title == row["film"] == found.get("XMP:Title", "")
        assert gps_tags(found) == []
        by_caption.setdefault(row["caption"], []).append(read.credit)
    assert by_caption == {
        "The pond at dusk": ["Ana Díaz", "Ana Díaz"],
        "In the studio": ["Bo Kim"],
        "Poster art": ["Chen Wei"],
    }
    assert [s.credit for s in kit.stills] == ["Ana Díaz", "Ana Díaz", "Bo Kim", "Chen Wei"]


def test_jpeg_originals_keep_their_pixels_and_orientation(tmp_path):
    kit_path, _kit, assets = package_kit(tmp_path)
    export(kit_path, tmp_path / "out")
    path = tmp_path / "out" / csv_rows(tmp_path / "out")[0]["file"]  # pond.jpg: GPS, turned
    with Image.open(io.BytesIO(assets[0].data)) as original, Image.open(path) as written:
        assert original.size == written.size == (600, 400)
        assert original.tobytes() == written.tobytes()
        assert written.getexif().get(0x0112) == 6
        assert dict(original.getexif().get_ifd(0x8825)) and not written.getexif().get_ifd(0x8825)


def test_a_png_becomes_a_full_size_srgb_jpeg_converted_through_its_profile(tmp_path):
    kit_path, _kit, _assets = package_kit(tmp_path)
    export(kit_path, tmp_path / "out")
    (row,) = [r for r in csv_rows(tmp_path / "out") if r["caption"] == "Poster art"]
    assert row["file"] == "stills/Poster art – Photo Chen Wei.jpg"
    with Image.open(tmp_path / "out" / row["file"]) as still:
        assert still.format == "JPEG" and still.size == (300, 200)
        profile = ImageCms.ImageCmsProfile(io.BytesIO(still.info["icc_profile"]))
        assert "srgb" in ImageCms.getProfileDescription(profile).lower()
        red, green, _blue = still.getpixel((150, 100))
        assert green > 150 and red < 80  # the stored "red" is its profile's green
        assert presskit_reads(tmp_path / "out" / row["file"]).credit == "Chen Wei"


def test_file_names_are_safe_and_unique_even_for_the_same_caption(tmp_path):
    kit_path, _kit, _assets = package_kit(tmp_path)
    export(kit_path, tmp_path / "out")
    names = sorted(p.name for p in (tmp_path / "out" / "stills").iterdir())
    assert names == [
        "Dragonfly – The pond at dusk – Photo Ana Díaz-2.jpg",
        "Dragonfly – The pond at dusk – Photo Ana Díaz.jpg",
        "Poster art – Photo Chen Wei.jpg",
        "Soundtrack of My Life – In the studio – Photo Bo Kim.jpg",
    ]


def test_credits_csv_has_a_row_per_still_in_the_kits_order(tmp_path):
    kit_path, _kit, _assets = package_kit(tmp_path)
    export(kit_path, tmp_path / "out")
    rows = csv_rows(tmp_path / "out")
    assert [list(r.values()) for r in rows] == [
        [
            "stills/Dragonfly – The pond at dusk – Photo Ana Díaz.jpg",
            "Dragonfly",
            "The pond at dusk",
            "Ana Díaz",
            "© 2025 Ana Díaz",
        ],
        [
            "stills/Dragonfly – The pond at dusk – Photo Ana Díaz-2.jpg",
            "Dragonfly",
            "The pond at dusk",
            "Ana Díaz",
            "© 2025 Ana Díaz",
        ],
        [
            "stills/Soundtrack of My Life – In the studio – Photo Bo Kim.jpg",
            "Soundtrack of My Life",
            "In the studio",
            "Bo Kim",
            "© Bo Kim",
        ],
        ["stills/Poster art – Photo Chen Wei.jpg", "", "Poster art", "Chen Wei", ""],
    ]
    assert list(rows[0]) == ["file", "film", "caption", "photographer", "copyright"]


def test_a_cell_that_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe(tmp_path):
    kit_path, _kit, _assets = package_kit(
        tmp_path, caption='=HYPERLINK("http://x","y")', credit="+1 555", copyright="@SUM(A1)"
    )
    export(kit_path, tmp_path / "out")
    row = csv_rows(tmp_path / "out")[0]
    assert row["caption"] == '\'=HYPERLINK("http://x","y")'
    assert row["photographer"] == "'+1 555" and row["copyright"] == "'@SUM(A1)"
    # The file itself keeps the words as typed: only the spreadsheet cell is guarded.
    assert presskit_reads(tmp_path / "out" / row["file"].lstrip("'")).credit == "+1 555"


def test_the_zip_holds_exactly_the_stills_stored_with_utf8_names(tmp_path):
    kit_path, _kit, _assets = package_kit(tmp_path)
    export(kit_path, tmp_path / "out")
    out = tmp_path / "out"
    with zipfile.ZipFile(out / "stills.zip") as archive:
        entries = archive.infolist()
        assert sorted(e.filename for e in entries) == sorted(
            f"stills/{p.name}" for p in (out / "stills").iterdir()
        )
        for entry in entries:
            assert entry.compress_type == zipfile.ZIP_STORED
            assert entry.flag_bits & 0x800  # names marked UTF-8: "Díaz" opens as typed
            assert archive.read(entry) == (out / entry.filename).read_bytes()


def test_a_choice_of_films_keeps_their_stills_and_the_ones_of_no_film(tmp_path):
    kit_path, _kit, _assets = package_kit(tmp_path)
    result = export(kit_path, tmp_path / "out", films=["soundtrack"])
    assert result.stills == 2
    assert [r["caption"] for r in csv_rows(tmp_path / "out")] == ["In the studio", "Poster art"]
    text = "".join(
        p.extract_text() for p in pypdf.PdfReader(tmp_path / "out" / "press-kit.pdf").pages
    )
    assert "Soundtrack of My Life" in text and "Dragonfly" not in text


def test_an_unknown_film_id_is_one_sentence_and_nothing_is_written(tmp_path):
    kit_path, _kit, _assets = package_kit(tmp_path)
    with pytest.raises(ExportError) as refused:
        export(kit_path, tmp_path / "out", films=["nope"])
    assert str(refused.value) == (
        "The kit has no film with the id “nope” (its films: “dragonfly”, “soundtrack”)."
    )
    assert not (tmp_path / "out").exists() and hidden_leftovers(tmp_path) == []


# -- Atomic: whole or not at all ---------------------------------------------------------


def old_package(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    kit_path, _kit, _assets = package_kit(tmp_path)
    out = tmp_path / "out"
    export(kit_path, out, films=["soundtrack"])
    files = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    return kit_path, out, files


def unchanged(out: Path, files: dict[str, bytes]) -> bool:
    now = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    return now == files


def test_a_new_package_replaces_an_old_one_whole(tmp_path):
    kit_path, out, files = old_package(tmp_path)
    export(kit_path, out)
    assert len(list((out / "stills").iterdir())) == 4 and not unchanged(out, files)
    assert hidden_leftovers(tmp_path) == []


def test_cancelling_midway_leaves_the_old_package_and_no_half_folder(tmp_path):
    kit_path, out, files = old_package(tmp_path)
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2  # after two stills are written

    with pytest.raises(ExportCancelled):
        export(kit_path, out, cancelled=cancelled)
    assert len(asked) >= 3  # asked along the way, not only at the start
    assert unchanged(out, files) and hidden_leftovers(tmp_path) == []


def test_a_failure_in_the_web_page_leaves_the_old_package_and_no_half_folder(tmp_path, monkeypatch):
    kit_path, out, files = old_package(tmp_path)

    def broken(*args, **kwargs):
        raise RuntimeError("the page broke")

    monkeypatch.setattr(web_page, "write_web_kit", broken)
    with pytest.raises(RuntimeError):
        export(kit_path, out)
    assert unchanged(out, files) and hidden_leftovers(tmp_path) == []


def test_when_the_new_folder_cannot_be_renamed_in_the_old_one_is_put_back(tmp_path, monkeypatch):
    kit_path, out, files = old_package(tmp_path)
    real_replace = os.replace

    def replace(source, target):
        if ".partial-" in str(source):
            raise OSError(28, "No space left on device")
        return real_replace(source, target)

    monkeypatch.setattr(package.os, "replace", replace)
    with pytest.raises(ExportError, match="no space left on device"):
        export(kit_path, out)
    assert unchanged(out, files) and hidden_leftovers(tmp_path) == []


# -- Refusals: one sentence, nothing touched -----------------------------------------------


def test_a_folder_presskit_did_not_write_is_never_replaced(tmp_path):
    kit_path, _kit, _assets = package_kit(tmp_path)
    mine = tmp_path / "My photos"
    mine.mkdir()
    (mine / "holiday.jpg").write_bytes(b"mine")
    with pytest.raises(ExportError) as refused:
        export(kit_path, mine)
    assert str(refused.value) == (
        f"“{mine}” already holds files presskit did not write; "
        "choose a new or empty folder for the package."
    )
    assert [p.name for p in mine.iterdir()] == ["holiday.jpg"]
    assert hidden_leftovers(tmp_path) == []


def test_a_package_someone_added_a_file_to_is_not_replaced(tmp_path):
    kit_path, out, files = old_package(tmp_path)
    (out / "notes.txt").write_text("for the festival", encoding="utf-8")
    with pytest.raises(ExportError, match=r"holds “notes\.txt”, which presskit did not write"):
        export(kit_path, out)
    assert unchanged(out, {**files, "notes.txt": b"for the festival"})


def test_an_empty_folder_is_filled(tmp_path):
    kit_path, _kit, _assets = package_kit(tmp_path)
    (tmp_path / "empty").mkdir()
    export(kit_path, tmp_path / "empty")
    assert {p.name for p in (tmp_path / "empty").iterdir()} == PACKAGE


@pytest.mark.parametrize(
    ("where", "sentence"),
    [
        ("a-file.txt", "“{out}” is a file; give the package a folder of its own."),
        ("missing/out", "The folder “{parent}” does not exist."),
    ],
)
def test_an_out_path_that_cannot_be_a_package_is_one_sentence(tmp_path, where, sentence):
    kit_path, _kit, _assets = package_kit(tmp_path)
    (tmp_path / "a-file.txt").write_text("keep me", encoding="utf-8")
    out = tmp_path / where
    with pytest.raises(ExportError) as refused:
        export(kit_path, out)
    assert str(refused.value) == sentence.format(out=out, parent=out.parent)
    assert (tmp_path / "a-file.txt").read_text(encoding="utf-8") == "keep me"
    assert hidden_leftovers(tmp_path) == []


def test_a_kit_with_nothing_to_show_is_refused(tmp_path):
    path = tmp_path / "empty.presskit"
    KitFile.create(path, model.PressKit()).close()
    with pytest.raises(ExportError, match="There is nothing to export"):
        export(path, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_cancelled_first_package_leaves_no_folder_at_all(tmp_path):
    kit_path, _kit, _assets = package_kit(tmp_path)
    with pytest.raises(ExportCancelled):
        export(kit_path, tmp_path / "out", cancelled=lambda: True)
    assert not (tmp_path / "out").exists() and hidden_leftovers(tmp_path) == []


def test_a_full_disk_while_the_stills_are_written_is_one_sentence_and_keeps_the_old_package(
    tmp_path, monkeypatch
):
    kit_path, out, files = old_package(tmp_path)

    def full(self, *args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "writestr", full)
    with pytest.raises(ExportError) as refused:
        export(kit_path, out)
    assert str(refused.value) == (
        f"Could not write the package in “{tmp_path}”: no space left on device."
    )
    assert unchanged(out, files) and hidden_leftovers(tmp_path) == []


class Unsaved:
    """A source with no kit file behind it (as the editor's pictures not yet saved): the
    stills are read on the caller's thread and handed to the writer."""

    def __init__(self, kit_file: KitFile):
        self._kit_file = kit_file

    def __getattr__(self, name: str):
        if name == "path":
            raise AttributeError(name)
        return getattr(self._kit_file, name)


def test_stills_from_a_source_without_a_kit_file_are_written_the_same(tmp_path):
    kit_path, _kit, assets = package_kit(tmp_path)
    with KitFile.open(kit_path) as kit_file:
        source = Unsaved(kit_file)
        assert getattr(source, "path", None) is None
        export_package(kit_file.load(), source, tmp_path / "out")
    rows = csv_rows(tmp_path / "out")
    assert [presskit_reads(tmp_path / "out" / r["file"]).credit for r in rows] == [
        "Ana Díaz",
        "Ana Díaz",
        "Bo Kim",
        "Chen Wei",
    ]
    written, original = tmp_path / "out" / rows[1]["file"], io.BytesIO(assets[1].data)
    with Image.open(written) as written_image, Image.open(original) as original_image:
        assert written_image.tobytes() == original_image.tobytes()


# -- Exported again: what has not changed is taken over, not written again -----------------


def inodes(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_ino for p in [*(out / "stills").iterdir(), out / "stills.zip"]}


def test_exported_again_unchanged_stills_and_zip_are_taken_over_not_written(tmp_path):
    kit_path, _kit, _assets = package_kit(tmp_path)
    out = tmp_path / "out"
    export(kit_path, out)
    before = inodes(out)
    export(kit_path, out)  # nothing changed: the same files, linked into the new folder
    assert inodes(out) == before
    assert hidden_leftovers(tmp_path) == []


def test_a_still_whose_credits_changed_is_written_again_with_them(tmp_path):
    kit_path, _kit, _assets = package_kit(tmp_path)
    out = tmp_path / "out"
    export(kit_path, out)
    before = inodes(out)
    with KitFile.open(kit_path) as kit_file:
        kit = kit_file.load()
        studio = next(s for s in kit.stills if s.id == "s3")
        studio.copyright = "© 2026 Bo Kim Studio"  # not in its file name: the same path
        kit_file.save(kit)
    export(kit_path, out)
    after = inodes(out)
    name = next(p.name for p in (out / "stills").iterdir() if "studio" in p.name)
    assert after[name] != before[name]
    assert presskit_reads(out / "stills" / name).copyright == "© 2026 Bo Kim Studio"
    assert after["stills.zip"] != before["stills.zip"]
    with zipfile.ZipFile(out / "stills.zip") as archive:
        assert archive.read(f"stills/{name}") == (out / "stills" / name).read_bytes()
    others = [n for n in before if n not in (name, "stills.zip")]
    assert [after[n] for n in others] == [before[n] for n in others]


def test_a_still_changed_in_the_folder_since_is_written_anew(tmp_path):
    kit_path, _kit, _assets = package_kit(tmp_path)
    out = tmp_path / "out"
    export(kit_path, out)
    still = sorted((out / "stills").iterdir())[0]
    written = still.read_bytes()
    with open(still, "r+b") as f:  # edited in place, as an image editor might
        f.seek(len(written) - 10)
        f.write(b"\x00" * 8)
    export(kit_path, out)
    assert still.read_bytes() == written


def test_a_link_put_in_place_of_a_still_is_never_taken_into_the_new_package(tmp_path):
    kit_path, _kit, _assets = package_kit(tmp_path)
    out = tmp_path / "out"
    export(kit_path, out)
    still = sorted((out / "stills").iterdir())[0]
    written = still.read_bytes()
    kept = still.stat()
    secret = tmp_path / "secret.txt"  # as long and as old as the still: only the link tells
    secret.write_bytes(b"x" * kept.st_size)
    os.utime(secret, ns=(kept.st_atime_ns, kept.st_mtime_ns))
    still.unlink()
    still.symlink_to(secret)
    export(kit_path, out)
    assert not still.is_symlink() and still.read_bytes() == written


def test_exported_again_from_a_source_without_a_kit_file_a_changed_still_is_written(tmp_path):
    """Without a kit file the originals are read before the writer starts; a still whose
    old file cannot be taken over is then written from that, not looked for in a file."""
    kit_path, _kit, _assets = package_kit(tmp_path)
    out = tmp_path / "out"
    with KitFile.open(kit_path) as kit_file:
        kit, source = kit_file.load(), Unsaved(kit_file)
        export_package(kit, source, out)
        still = sorted((out / "stills").iterdir())[0]
        written = still.read_bytes()
        still.write_bytes(written[:-10] + b"\x00" * 10)  # edited since
        export_package(kit, source, out)
    assert still.read_bytes() == written
