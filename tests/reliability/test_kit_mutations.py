"""A real kit's database changed the ways another program (or a person with the sqlite3
shell) could change it: foreign triggers and views, dropped or renamed columns, wrong types,
NULLs, negative sizes, digests that do not match their data, a document of the wrong shape,
duplicate ids, dangling references. For each: presskit says one sentence or loads it
correctly; nothing is written through foreign code; nothing hangs (each case is a child
process with a deadline); the file is byte-identical unless the person saved."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from presskit import kitio, render
from presskit.store import KitFile
from tests.reliability.conftest import held, note, ran

ROOT = Path(__file__).resolve().parents[2]
DEADLINE = 120  # seconds for one case: open, check, render and save a real kit take ~3
IMAGE = sorted((Path(kitio.sample_json()).parent / "images").iterdir())[0]
CANARY = "CREATE TABLE IF NOT EXISTS canary (what TEXT)"


def _writable_schema(table: str, old: str, new: str) -> list[str]:
    """Rewrites a table's declaration behind SQLite's back (how NOT NULL is lost)."""
    return [
        "PRAGMA writable_schema = ON",
        f"UPDATE sqlite_master SET sql = replace(sql, '{old}', '{new}') WHERE name = '{table}'",
    ]


def _document(expression: str) -> str:
    return f"UPDATE document SET json = {expression}"


def _stills(expression: str) -> str:
    return _document(f"json_set(json, {expression})")


# name -> (statements, what must hold: "foreign" opens read-only and is never written;
#          "refused" is one sentence at open; "any" is one sentence or a correct load)
MUTATIONS: dict[str, tuple[list[str], str]] = {
    "trigger on document update": (
        [
            CANARY,
            "CREATE TRIGGER t AFTER UPDATE ON document BEGIN "
            "INSERT INTO canary VALUES ('document'); DELETE FROM assets; END",
        ],
        "foreign",
    ),
    "trigger on asset insert": (
        [
            CANARY,
            "CREATE TRIGGER t AFTER INSERT ON assets BEGIN "
            "INSERT INTO canary VALUES ('asset'); END",
        ],
        "foreign",
    ),
    "trigger on revisions": (
        [
            CANARY,
            "CREATE TRIGGER t BEFORE INSERT ON revisions BEGIN "
            "INSERT INTO canary VALUES ('revision'); END",
        ],
        "foreign",
    ),
    "view": (["CREATE VIEW v AS SELECT sha256, length(data) FROM assets"], "foreign"),
    "extra table": (["CREATE TABLE notes (text TEXT)"], "foreign"),
    "extra index": (["CREATE INDEX i ON assets (name)"], "foreign"),
    "dropped column": (["ALTER TABLE assets DROP COLUMN added_at"], "foreign"),
    "renamed column": (["ALTER TABLE assets RENAME COLUMN name TO title"], "foreign"),
    "renamed table": (["ALTER TABLE revisions RENAME TO history"], "refused"),
    "dropped table": (["DROP TABLE renditions"], "refused"),
    "NULLs in assets": (
        [
            *_writable_schema("assets", "NOT NULL", ""),
            "UPDATE assets SET name = NULL, mime = NULL, width = NULL",
        ],
        "foreign",
    ),
    "NULL document": (
        [*_writable_schema("document", "NOT NULL", ""), _document("NULL")],
        "refused",
    ),
    "wrong types in assets": (["UPDATE assets SET width = 'wide', height = x'00'"], "any"),
    "text for picture data": (["UPDATE assets SET data = 'not a picture'"], "any"),
    "document as a number": ([_document("42")], "refused"),
    "document as a blob": ([_document("x'7b7d'")], "refused"),
    "negative sizes": (["UPDATE assets SET width = -640, height = -480, size = -1"], "any"),
    "zero sizes": (["UPDATE assets SET width = 0"], "any"),
    "huge sizes": (["UPDATE assets SET width = 9000000000, height = 9000000000"], "any"),
    "digests that do not match": (["UPDATE assets SET data = zeroblob(length(data))"], "any"),
    "digest renamed": (
        ["UPDATE assets SET sha256 = substr(sha256, 2) || '0' WHERE rowid = 1"],
        "any",
    ),
    "damaged renditions": (["UPDATE renditions SET data = randomblob(length(data))"], "any"),
    "rendition of nonsense spec": (["UPDATE renditions SET spec = 'x', width = -1"], "any"),
    "document a list": ([_document("'[]'")], "refused"),
    "document a string": ([_document("'\"a kit\"'")], "refused"),
    "person a number": ([_stills("'$.person', 5")], "refused"),
    "stills an object": ([_stills("'$.stills', json('{\"a\": 1}')")], "refused"),
    "films of numbers": ([_stills("'$.films', json('[1, 2]')")], "refused"),
    "year as text": ([_stills("'$.films[0].year', 'next spring'")], "refused"),
    "duplicate still ids": (
        [_stills("'$.stills[1].id', json_extract(json, '$.stills[0].id')")],
        "any",
    ),
    "duplicate film ids": (
        [_stills("'$.films[1].id', json_extract(json, '$.films[0].id')")],
        "any",
    ),
    "still of a film that is gone": ([_stills("'$.stills[0].film', 'no-such-film'")], "any"),
    "cover still that is gone": ([_stills("'$.design.cover_still', 'no-such-still'")], "any"),
    "portrait that is gone": ([_stills("'$.person.portrait', 'no-such-still'")], "any"),
    "key still that is gone": ([_stills("'$.films[0].key_still', 'no-such-still'")], "any"),
    "still of a picture that is gone": (
        [_stills("'$.stills[2].asset', printf('%064d', 7)")],
        "any",
    ),
    "revision of the wrong shape": (
        ["INSERT INTO revisions (saved_at, label, json) VALUES ('now', 'x', '{\"films\": 1}')"],
        "any",
    ),
    "newer format": (["PRAGMA user_version = 99"], "refused"),
    "another application": (["PRAGMA application_id = 7"], "refused"),
}


@pytest.fixture(scope="module")
def real_kit(tmp_path_factory) -> Path:
    """The sample kit, saved once (a revision) and exported once (renditions cached)."""
    path = tmp_path_factory.mktemp("real") / "kit.presskit"
    kitio.create_kit(path, kitio.sample_json()).close()
    with KitFile.open(path) as kit_file:
        kit = kit_file.load()
        kit_file.save(kit, label="Saved")
        render.render_pdf(kit, kit_file)
    return path


def _mutate(path: Path, statements: list[str]) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            db.execute(statement)
            if "sqlite_master" in statement:  # a rewritten schema is read by the next connection
                db.close()
                db = sqlite3.connect(path, isolation_level=None)
    finally:
        db.close()


def _canary(path: Path) -> int:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return db.execute("SELECT count(*) FROM canary").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # this case made no canary
    finally:
        db.close()


def _run_case(name: str, real_kit: Path, folder: Path) -> tuple[str, str, dict]:
    """Returns (name, what went wrong or "", the child's report)."""
    path = folder / f"{name.replace(' ', '-')}.presskit"
    shutil.copyfile(real_kit, path)
    statements, expected = MUTATIONS[name]
    _mutate(path, statements)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    try:
        child = subprocess.run(
            [sys.executable, "-m", "tests.reliability.mutation_child", str(path), str(IMAGE)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=DEADLINE,
        )
    except subprocess.TimeoutExpired:
        return name, f"no answer within {DEADLINE} s", {}
    if child.returncode != 0:
        return name, f"crashed: {child.stderr.strip()[-1500:]}", {}
    report = json.loads(child.stdout)
    problems = [
        f"not one sentence: {s!r}"
        for s in report["sentences"]
        if not s or "\n" in s or "Traceback" in s
    ]
    if _canary(path):
        problems.append("foreign code ran on a write")
    unchanged = hashlib.sha256(path.read_bytes()).hexdigest() == before
    if not report["saved"] and not unchanged:
        problems.append("the file changed though nothing was saved")
    if expected == "foreign" and not (report["opened"] and report["read_only"]):
        problems.append("foreign schema did not open read-only")
    if expected == "foreign" and (report["saved"] or not unchanged):
        problems.append("a foreign kit was written")
    if expected == "foreign" and not report.get("repaired"):
        problems.append("its clean copy is not a clean, writable kit")
    if expected == "refused" and (report["opened"] or len(report["sentences"]) != 1):
        problems.append(f"not refused in one sentence: {report}")
    return name, "; ".join(problems), report


def test_a_kit_changed_elsewhere_gives_one_sentence_or_a_correct_load(real_kit, tmp_path):
    with ThreadPoolExecutor(2) as pool:  # two children at a time: the machine has two cores
        results = list(pool.map(lambda n: _run_case(n, real_kit, tmp_path), sorted(MUTATIONS)))
    failed = {name: problem for name, problem, _report in results if problem}
    refused = sum(1 for _n, _p, r in results if r and not r["opened"])
    read_only = sum(1 for _n, _p, r in results if r.get("read_only"))
    repaired = sum(1 for _n, _p, r in results if r.get("repaired"))
    check = "7. kit database mutations (foreign code, columns, types, digests, shapes, references)"
    ran(check, len(results))
    note(
        check,
        f"{refused} refused at open, {read_only} read-only ({repaired} clean copies made), "
        f"the rest loaded; each in a child with a {DEADLINE} s deadline",
    )
    held(check, len(results) - len(failed))
    assert not failed, "\n".join(f"{name}: {problem}" for name, problem in failed.items())
