"""Preflight shows the layout checker's faults, in the kit's own theme and page size."""

from __future__ import annotations

from reportlab.platypus import PageBreak

from presskit import preflight
from presskit.render import sections
from presskit.store import KitFile
from tests.render import corpus


def test_a_near_empty_page_is_a_layout_warning(tmp_path, monkeypatch):
    path = corpus.bare(tmp_path)
    with KitFile.open(path) as kit_file:
        assert [f for f in preflight.check(kit_file.load(), kit_file) if f.where == "design"] == []
        monkeypatch.setitem(
            sections.BUILDERS,
            "bio",
            lambda ctx: [ctx.para("One line.", ctx.styles.body), PageBreak()],
        )
        found = [f for f in preflight.check(kit_file.load(), kit_file) if f.where == "design"]
        # A caller with the faults of its own render asks for the rest only.
        rest = preflight.check(kit_file.load(), kit_file, layout=False)
    assert [f for f in rest if f.where == "design"] == []
    assert [(f.severity, f.message.split(":")[0]) for f in found] == [("warning", "Page 2")]
    assert "holds" in found[0].message and "a quarter" in found[0].message
