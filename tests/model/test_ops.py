from __future__ import annotations

import copy
import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presskit import model
from presskit.model import Batch, InsertItem, MoveItem, RemoveItem, SetField

from .strategies import any_text, clean_kits, of


def _text_paths(node, path=()):
    """Every text field in the kit, as an edit path."""
    if dataclasses.is_dataclass(node):
        for f in dataclasses.fields(node):
            yield from _text_paths(getattr(node, f.name), (*path, f.name))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _text_paths(item, (*path, i))
    elif isinstance(node, str):
        yield path


def _list_paths(node, path=()):
    if dataclasses.is_dataclass(node):
        for f in dataclasses.fields(node):
            yield from _list_paths(getattr(node, f.name), (*path, f.name))
    elif isinstance(node, list):
        yield path, node
        for i, item in enumerate(node):
            yield from _list_paths(item, (*path, i))


@st.composite
def kit_and_operation(draw):
    kit = draw(clean_kits)
    kind = draw(st.sampled_from(["set", "insert", "remove", "move", "batch"]))
    text_paths = list(_text_paths(kit))
    lists = list(_list_paths(kit))
    if kind == "set" or kind == "batch":
        ops = [
            SetField(draw(st.sampled_from(text_paths)), draw(any_text))
            for _ in range(draw(st.integers(1, 3)))
        ]
        return kit, ops[0] if kind == "set" else Batch(tuple(ops))
    path, items = draw(st.sampled_from(lists))
    if kind == "insert" or not items:
        item = copy.deepcopy(items[0]) if items else model.Link("x", "https://x.org")
        return kit, InsertItem(path, draw(st.integers(0, len(items))), item)
    if kind == "remove":
        return kit, RemoveItem(path, draw(st.integers(0, len(items) - 1)))
    return kit, MoveItem(
        path, draw(st.integers(0, len(items) - 1)), draw(st.integers(0, len(items) - 1))
    )


@settings(max_examples=300)
@given(kit_and_operation())
def test_applying_an_edit_then_its_inverse_gives_back_an_equal_kit(case):
    kit, op = case
    original = copy.deepcopy(kit)
    inverse = op.apply(kit)
    inverse.apply(kit)
    assert kit == original


@settings(max_examples=100)
@given(kit_and_operation())
def test_redo_after_undo_gives_the_edited_kit_again(case):
    kit, op = case
    inverse = op.apply(kit)
    edited = copy.deepcopy(kit)
    redo = inverse.apply(kit)
    redo.apply(kit)
    assert kit == edited


def test_a_removed_item_comes_back_in_its_place():
    kit = model.PressKit(
        interview=model.Interview(items=[model.QA("a"), model.QA("b"), model.QA("c")])
    )
    undo = RemoveItem(("interview", "items"), 1).apply(kit)
    assert [qa.question for qa in kit.interview.items] == ["a", "c"]
    undo.apply(kit)
    assert [qa.question for qa in kit.interview.items] == ["a", "b", "c"]


def test_move_reorders_and_its_inverse_restores():
    kit = model.PressKit(links=[model.Link(str(i)) for i in range(4)])
    undo = MoveItem(("links",), 0, 3).apply(kit)
    assert [link.label for link in kit.links] == ["1", "2", "3", "0"]
    undo.apply(kit)
    assert [link.label for link in kit.links] == ["0", "1", "2", "3"]


def test_set_field_cleans_text_by_the_storage_policy():
    kit = model.PressKit()
    SetField(("person", "name"), "Im-Sun\x00 Song\r\n").apply(kit)
    assert kit.person.name == "Im-Sun Song\n"


def test_inserted_item_is_a_copy_so_later_changes_to_the_original_do_not_leak():
    kit = model.PressKit()
    film = model.Film(id="a", title="A")
    InsertItem(("films",), 0, film).apply(kit)
    film.title = "changed"
    film.roles.append("Editor")  # inside the item too: a deep copy, not a shallow one
    assert kit.films[0].title == "A"
    assert kit.films[0].roles == []


def test_a_field_set_to_a_number_or_a_list_keeps_exactly_that_value():
    kit = model.PressKit(films=[model.Film(id="a")])
    SetField(("films", 0, "year"), 2024).apply(kit)
    assert kit.films[0].year == 2024
    festivals = [model.Festival(name="Busan", year=2025)]
    undo = SetField(("films", 0, "festivals"), festivals).apply(kit)
    festivals[0].name = "changed"  # the caller's list is not the kit's
    assert kit.films[0].festivals == [model.Festival(name="Busan", year=2025)]
    undo.apply(kit)
    assert kit.films[0].festivals == []


@pytest.mark.parametrize(("source", "target"), [(0, 3), (3, 0), (-1, 0), (0, -1)])
def test_a_move_outside_the_list_is_refused_and_changes_nothing(source, target):
    kit = model.PressKit(links=[model.Link(str(i)) for i in range(3)])
    with pytest.raises(IndexError):
        MoveItem(("links",), source, target).apply(kit)
    assert [link.label for link in kit.links] == ["0", "1", "2"]


def test_removing_past_the_end_is_refused_and_changes_nothing():
    kit = model.PressKit(links=[model.Link("0")])
    with pytest.raises(IndexError):
        RemoveItem(("links",), 1).apply(kit)
    assert [link.label for link in kit.links] == ["0"]


def test_a_batch_that_fails_halfway_leaves_the_kit_as_it_was():
    kit = model.PressKit(person=model.Person(name="Ana"))
    batch = Batch((SetField(("person", "name"), "Bo"), RemoveItem(("films",), 0)))
    with pytest.raises(IndexError):
        batch.apply(kit)
    assert kit.person.name == "Ana"


@given(of(model.Film))
def test_film_strategy_is_usable(film):
    assert isinstance(film, model.Film)


def test_removing_stills_leaves_no_reference_dangling_and_undo_restores_them():
    from presskit import kitio

    kit, _ = kitio.read_kit_json(kitio.sample_json())
    before = copy.deepcopy(kit)
    assert kit.person.portrait and kit.design.cover_still and kit.films[0].key_still
    inverse = model.remove_stills(kit, list(range(len(kit.stills)))).apply(kit)
    assert kit.stills == []
    assert [p.message for p in model.validate(kit)] == []
    inverse.apply(kit)
    assert kit == before
