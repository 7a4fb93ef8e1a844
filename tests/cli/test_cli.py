"""The `presskit` command as scripts use it: output, files, exit codes."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from presskit import model
from presskit.cli import main
from presskit.store import KitFile


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def make_jpeg(path: Path, size=(640, 427), colour=(120, 90, 60), **save_args) -> Path:
    Image.new("RGB", size, colour).save(path, "JPEG", quality=85, **save_args)
    return path


@pytest.fixture
def sample(tmp_path, capsys) -> Path:
    kit = tmp_path / "k.presskit"
    code, _, err = run(capsys, "new", kit, "--sample")
    assert code == 0, err
    return kit


def test_sample_kit_dumps_her_interview_films_and_credited_stills(sample, capsys):
    code, out, _ = run(capsys, "dump", sample)
    assert code == 0
    data = json.loads(out)
    assert data["format"] == "presskit/1"
    assert data["person"]["name"] == "Im-Sun Song"
    assert len(data["interview"]["items"]) == 4
    films = {f["title"]: f for f in data["films"]}
    assert set(films) == {"Dragonfly", "Soundtrack of My Life"}
    assert {f["status"] for f in films.values()} == {"post-production"}
    assert sum(s["credit"] == "Ian Chen" for s in data["stills"]) >= 3
    assert {"label": "DP Reel", "url": "https://vimeo.com/793204574"} in data["links"]


def test_sample_kit_is_whole_and_valid(sample, capsys):
    _code, out, _ = run(capsys, "dump", sample)
    kit = model.loads(out)
    assert model.validate(kit) == []
    answers = " ".join(qa.answer for qa in kit.interview.items)
    assert "two films in post production" in answers
    assert all(still.alt and still.caption for still in kit.stills)


def test_dump_with_assets_then_new_from_json_then_dump_is_byte_identical(
    sample, tmp_path, capsys, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    _, first, _ = run(capsys, "dump", sample, "--assets", "images")
    Path("first.json").write_text(first, encoding="utf-8")
    code, _, err = run(capsys, "new", "again.presskit", "--from-json", "first.json")
    assert code == 0, err
    _, second, _ = run(capsys, "dump", "again.presskit", "--assets", "images")
    assert second == first
    assert run(capsys, "dump", "again.presskit")[1] == run(capsys, "dump", sample)[1]
    written = sorted(p.name for p in Path("images").iterdir())
    assert written == sorted(Path(s["image"]).name for s in json.loads(first)["stills"])


def test_image_paths_resolve_against_the_json_folder_not_the_working_folder(
    tmp_path, capsys, monkeypatch
):
    folder = tmp_path / "press"
    (folder / "img").mkdir(parents=True)
    make_jpeg(folder / "img" / "a.jpg")
    (folder / "kit.json").write_text(
        json.dumps({"person": {"name": "Ana"}, "stills": [{"image": "img/a.jpg", "credit": "Bo"}]}),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "new", "k.presskit", "--from-json", folder / "kit.json")
    assert code == 0, err
    stills = json.loads(run(capsys, "dump", "k.presskit")[1])["stills"]
    assert stills[0]["id"] == "still-1" and stills[0]["credit"] == "Bo"
    assert stills[0]["asset"] == hashlib.sha256((folder / "img" / "a.jpg").read_bytes()).hexdigest()


def test_new_never_overwrites(sample, capsys):
    before = fingerprint(sample)
    code, out, err = run(capsys, "new", sample)
    assert code == 1 and out == ""
    assert err == f"presskit: error: “{sample.name}” already exists; choose another name.\n"
    assert fingerprint(sample) == before


def test_new_empty_kit_dumps_an_empty_kit(tmp_path, capsys):
    code, out, _ = run(capsys, "new", tmp_path / "e.presskit")
    assert code == 0 and "0 films" in out
    assert model.loads(run(capsys, "dump", tmp_path / "e.presskit")[1]) == model.PressKit()


def test_from_json_with_problems_still_makes_the_kit_and_names_them(tmp_path, capsys):
    source = tmp_path / "k.json"
    source.write_text(
        json.dumps({"links": [{"label": "Reel", "url": "vimeo.com/1"}]}), encoding="utf-8"
    )
    code, _, err = run(capsys, "new", tmp_path / "k.presskit", "--from-json", source)
    assert code == 0
    assert "presskit: warning: The link “Reel” “vimeo.com/1” has no scheme" in err


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        ("{", "The kit JSON is not valid JSON (Expecting property name enclosed in double quotes"),
        ('{"films": 3}', "films should be a list, not 3."),
        ('{"stills": [{"image": "missing.jpg"}]}', "“missing.jpg”"),
        ('{"stills": [{"asset": "abc"}]}', "dump the kit with --assets DIR"),
    ],
)
def test_bad_json_is_one_line_and_makes_no_kit(tmp_path, capsys, content, sentence):
    source = tmp_path / "k.json"
    source.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "new", tmp_path / "k.presskit", "--from-json", source)
    assert code == 1
    assert err.startswith("presskit: error: ") and sentence in err and err.count("\n") == 1
    assert not (tmp_path / "k.presskit").exists()


def _truncated(kit: Path) -> bytes:
    return kit.read_bytes()[: kit.stat().st_size // 2]


@pytest.mark.parametrize(
    "make_bad",
    [
        lambda kit: b"this is not a kit at all\n" * 50,
        lambda kit: b"",
        _truncated,
    ],
    ids=["garbage", "empty", "truncated"],
)
def test_unreadable_kits_exit_1_with_one_sentence_and_stay_unchanged(
    sample, tmp_path, capsys, make_bad
):
    bad = tmp_path / "bad.presskit"
    bad.write_bytes(make_bad(sample))
    before = fingerprint(bad)
    for argv in (["dump", bad], ["add-still", bad, make_jpeg(tmp_path / "x.jpg")]):
        code, out, err = run(capsys, *argv)
        assert code == 1 and out == ""
        assert err.startswith("presskit: error: “bad.presskit”") and err.count("\n") == 1
        assert fingerprint(bad) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.presskit", "k.presskit", "x.jpg"]


def test_a_kit_from_a_newer_presskit_is_refused_and_not_written(sample, capsys):
    import sqlite3

    with sqlite3.connect(sample) as db:
        db.execute("PRAGMA user_version = 99")
    db.close()
    before = fingerprint(sample)
    code, _, err = run(capsys, "dump", sample)
    assert code == 1 and "newer presskit" in err and err.count("\n") == 1
    assert fingerprint(sample) == before


def test_add_still_adds_several_with_credit_caption_and_film(sample, tmp_path, capsys):
    images = [make_jpeg(tmp_path / f"set-{i}.jpg", colour=(i * 40, 80, 90)) for i in range(3)]
    code, out, err = run(
        capsys,
        "add-still",
        sample,
        *images,
        "--credit",
        "Ian Chen",
        "--caption",
        "On set",
        "--film",
        "dragonfly",
    )
    assert code == 0, err
    assert len(out.splitlines()) == 3 and "Photo: Ian Chen" in out and "640×427" in out
    stills = json.loads(run(capsys, "dump", sample)[1])["stills"][-3:]
    assert [(s["credit"], s["caption"], s["film"]) for s in stills] == [
        ("Ian Chen", "On set", "dragonfly")
    ] * 3


def test_add_still_offers_the_photographer_from_the_image_metadata(sample, tmp_path, capsys):
    exif = Image.Exif()
    exif[0x013B] = "Ian Chen"  # Artist
    exif[0x8298] = "© 2025 Ian Chen".encode()  # Copyright, UTF-8 as exiftool and Lightroom write it
    photo = make_jpeg(tmp_path / "meta.jpg", exif=exif.tobytes())
    code, _out, _ = run(capsys, "add-still", sample, photo, "--film", "Soundtrack of My Life")
    assert code == 0
    still = json.loads(run(capsys, "dump", sample)[1])["stills"][-1]
    assert (still["credit"], still["copyright"], still["film"]) == (
        "Ian Chen",
        "© 2025 Ian Chen",
        "soundtrack-of-my-life",
    )


def test_add_still_adds_none_when_one_image_is_bad(sample, tmp_path, capsys):
    good = make_jpeg(tmp_path / "good.jpg")
    bad = tmp_path / "notes.jpg"
    bad.write_text("shot list: scene 4, take 2", encoding="utf-8")
    before = run(capsys, "dump", sample)[1]
    code, out, err = run(capsys, "add-still", sample, good, bad)
    assert code == 1 and out == "" and "“notes.jpg”" in err and err.count("\n") == 1
    assert run(capsys, "dump", sample)[1] == before


def test_add_still_to_an_unknown_film_names_the_films_there_are(sample, tmp_path, capsys):
    code, _, err = run(capsys, "add-still", sample, make_jpeg(tmp_path / "a.jpg"), "--film", "Moth")
    assert code == 1
    assert err == (
        "presskit: error: The kit has no film called “Moth” "
        "(its films: “Dragonfly”, “Soundtrack of My Life”).\n"
    )


def test_same_image_added_twice_is_stored_once(sample, tmp_path, capsys):
    photo = make_jpeg(tmp_path / "a.jpg")
    run(capsys, "add-still", sample, photo)
    run(capsys, "add-still", sample, photo)
    stills = json.loads(run(capsys, "dump", sample)[1])["stills"]
    assert stills[-1]["asset"] == stills[-2]["asset"]
    with KitFile.open(sample, read_only=True) as kit_file:
        assert [a.sha256 for a in kit_file.assets()].count(stills[-1]["asset"]) == 1


def test_themes_lists_one_per_line_name_first(capsys):
    code, out, _ = run(capsys, "themes")
    names = [line.split("\t")[0] for line in out.splitlines()]
    assert code == 0 and {"classic", "modern", "minimal"} <= set(names)


@pytest.mark.parametrize(
    "argv", [[], ["dump"], ["explode"], ["new", "k", "--sample", "--from-json", "x"]]
)
def test_bad_usage_exits_2(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        code = main(argv)
        raise SystemExit(code)
    assert exit_.value.code == 2


def test_the_installed_command_prints_no_traceback(tmp_path):
    env = {**os.environ, "PYTHONPATH": ""}
    result = subprocess.run(
        [sys.executable, "-m", "presskit", "dump", str(tmp_path / "nope.presskit")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("presskit: error: ") and "Traceback" not in result.stderr


def test_export_writes_the_pdf_and_says_how_big(sample, tmp_path, capsys):
    out = tmp_path / "kit.pdf"
    code, stdout, err = run(
        capsys, "export", sample, "-o", out, "--profile", "screen", "--theme", "modern"
    )
    assert code == 0, err
    assert stdout.startswith(f"Exported {out}: ") and " pages, " in stdout
    assert out.read_bytes().startswith(b"%PDF")


def test_export_to_a_missing_folder_is_one_sentence(sample, tmp_path, capsys):
    code, out, err = run(capsys, "export", sample, "-o", tmp_path / "nope" / "kit.pdf")
    assert code == 1 and out == "" and err.count("\n") == 1 and "does not exist" in err


def test_export_of_an_unknown_theme_is_bad_usage(sample, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(sample), "-o", str(tmp_path / "k.pdf"), "--theme", "baroque"])
    assert exit_.value.code == 2


def test_a_kit_file_alone_opens_the_editor_on_it(tmp_path, monkeypatch):
    """As a file manager calls it: `presskit FILE.presskit` (it was "invalid choice")."""
    import presskit.gui.app
    from presskit import entry

    opened: list[str | None] = []
    monkeypatch.setattr(presskit.gui.app, "run", lambda path=None: opened.append(path) or 0)
    kit = tmp_path / "Ana Ruiz — press kit.presskit"
    assert main(["new", str(kit)]) == 0
    assert entry.main([str(kit)]) == 0
    assert entry.main(["open", str(kit)]) == 0
    assert opened == [str(kit), str(kit)]
    assert entry.main(["themes"]) == 0  # a command is still a command
    assert opened == [str(kit), str(kit)]
