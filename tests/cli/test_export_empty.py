"""`presskit export` of a kit with nothing to show: refused in one line, exit 1, no PDF."""

from __future__ import annotations

from tests.cli.test_cli import fingerprint, run


def test_exporting_a_brand_new_kit_exits_1_with_one_sentence_and_writes_nothing(tmp_path, capsys):
    kit, out = tmp_path / "k.presskit", tmp_path / "k.pdf"
    assert run(capsys, "new", kit)[0] == 0
    before = fingerprint(kit)
    code, stdout, stderr = run(capsys, "export", kit, "-o", out)
    assert code == 1
    assert stdout == ""
    assert stderr == (
        "presskit: error: There is nothing to export: every section shown is empty; "
        "add to one or show another in Design.\n"
    )
    assert not out.exists()
    assert fingerprint(kit) == before


def test_a_kit_with_only_a_name_exports_its_cover(tmp_path, capsys):
    kit, out = tmp_path / "k.presskit", tmp_path / "k.pdf"
    json_path = tmp_path / "k.json"
    json_path.write_text('{"person": {"name": "Ana Lima"}}', encoding="utf-8")
    assert run(capsys, "new", kit, "--from-json", json_path)[0] == 0
    code, stdout, _stderr = run(capsys, "export", kit, "-o", out)
    assert code == 0 and stdout.startswith(f"Exported {out}: 1 page")
