"""`presskit export-package`: the package written with one line of news, or one sentence on
stderr and exit 1 when the person's kit or folder is at fault, with nothing written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.cli.test_cli import run
from tests.web.kits import package_kit


@pytest.fixture
def kit(tmp_path) -> Path:
    return package_kit(tmp_path)[0]


def test_the_package_is_written_and_said_in_one_line(kit, tmp_path, capsys):
    out = tmp_path / "Press package"
    code, stdout, stderr = run(capsys, "export-package", kit, "-o", out)
    assert (code, stderr) == (0, "")
    assert stdout == (
        f"Exported the press package to {out}: the web page, both PDFs (3 and 3 pages), "
        "4 stills with their credits, credits.csv and stills.zip.\n"
    )
    assert len(list((out / "stills").iterdir())) == 4
    assert (out / "index.html").is_file() and (out / "press-kit-print.pdf").is_file()


def test_films_and_theme_are_chosen_on_the_command_line(kit, tmp_path, capsys):
    out = tmp_path / "out"
    code, stdout, _ = run(
        capsys, "export-package", kit, "-o", out, "--theme", "classic", "--films", "soundtrack"
    )
    assert code == 0 and "2 stills with their credits" in stdout
    assert (out / "credits.csv").read_text(encoding="utf-8-sig").count("\n") == 3


def test_an_unknown_film_is_one_sentence(kit, tmp_path, capsys):
    code, stdout, stderr = run(
        capsys, "export-package", kit, "-o", tmp_path / "out", "--films", "x"
    )
    assert (code, stdout) == (1, "")
    assert stderr == (
        "presskit: error: The kit has no film with the id “x” "
        "(its films: “dragonfly”, “soundtrack”).\n"
    )
    assert not (tmp_path / "out").exists()


def test_a_folder_of_someone_elses_files_is_refused_and_left_alone(kit, tmp_path, capsys):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "letter.txt").write_text("dear festival", encoding="utf-8")
    code, _, stderr = run(capsys, "export-package", kit, "-o", mine)
    assert code == 1 and stderr.startswith("presskit: error: ") and stderr.count("\n") == 1
    assert "presskit did not write" in stderr
    assert [p.name for p in mine.iterdir()] == ["letter.txt"]


def test_a_missing_picture_is_named_and_nothing_is_written(kit, tmp_path, capsys):
    db = sqlite3.connect(kit)
    (sha,) = db.execute("SELECT sha256 FROM assets LIMIT 1").fetchone()
    db.execute("DELETE FROM assets WHERE sha256 = ?", (sha,))
    db.commit()
    db.close()
    code, _, stderr = run(capsys, "export-package", kit, "-o", tmp_path / "out")
    assert code == 1
    assert stderr.startswith("presskit: error: Still ") and "missing from the file." in stderr
    assert not (tmp_path / "out").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_an_unknown_theme_is_bad_usage(kit, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        run(capsys, "export-package", kit, "-o", tmp_path / "o", "--theme", "nope")
    assert exit_.value.code == 2
    assert "invalid choice: 'nope'" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()
