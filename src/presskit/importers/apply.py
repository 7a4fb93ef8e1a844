"""A proposal as edits of a kit, one Batch, so the editor applies it as one undoable step.

The interview is appended; films (with their year, runtime, country, logline, roles,
festivals and awards) and links are added where the kit does not have them; credits fill
stills with none. A name, roles and a bio fill the kit's when it has none, or, with
``replace_person`` (the review dialog, where the person ticked them), replace it:
``replaced`` says what they would replace, so the review can say so."""

from __future__ import annotations

import dataclasses

from presskit import model
from presskit.importers.interview import Proposal


def operations(
    kit: model.PressKit, proposal: Proposal, *, replace_person: bool = False
) -> model.Batch:
    ops: list[model.Operation] = []
    start = len(kit.interview.items)
    for i, pair in enumerate(proposal.interview):
        ops.append(
            model.InsertItem(
                ("interview", "items"), start + i, model.QA(pair.question, pair.answer)
            )
        )
    has_bio = kit.person.bio_short.strip() or kit.person.bio_long.strip()
    if proposal.name and (replace_person or not kit.person.name.strip()):
        ops.append(model.SetField(("person", "name"), proposal.name))
    if proposal.bio and (replace_person or not has_bio):
        ops.append(model.SetField(("person", "bio_long"), proposal.bio))
    if proposal.roles and (replace_person or not kit.person.roles):
        ops.append(model.SetField(("person", "roles"), list(proposal.roles)))
    titles = {f.title.casefold(): f for f in kit.films}
    ids = {f.id for f in kit.films}
    new_films = []
    for mention in proposal.films:
        if mention.title.casefold() in titles:
            continue
        film = model.Film(
            title=mention.title,
            status=mention.status or "development",
            year=mention.year,
            runtime_min=mention.runtime_min,
            country=mention.country,
            logline=mention.logline,
            roles=list(mention.roles),
            festivals=[dataclasses.replace(f) for f in mention.festivals],
            awards=[dataclasses.replace(a) for a in mention.awards],
        )
        film.id = model.new_film_id(model.PressKit(films=[*kit.films, *new_films]), mention.title)
        ids.add(film.id)
        new_films.append(film)
    for film in new_films:
        ops.append(model.InsertItem(("films",), len(kit.films) + new_films.index(film), film))
    known_urls = {link.url for link in kit.links}
    added = 0
    for link in proposal.links:
        if link.url not in known_urls:
            ops.append(
                model.InsertItem(
                    ("links",), len(kit.links) + added, model.Link(link.label, link.url)
                )
            )
            known_urls.add(link.url)
            added += 1
    # A credit fills stills of the films it names that have no photographer yet.
    films_by_title = {f.title.casefold(): f.id for f in [*kit.films, *new_films]}
    for credit in proposal.credits:
        credited = {films_by_title.get(t.casefold()) for t in credit.films} - {None}
        for index, still in enumerate(kit.stills):
            if not still.credit.strip() and (still.film in credited or not credit.films):
                ops.append(model.SetField(("stills", index, "credit"), credit.name))
    return model.Batch(tuple(ops))


def replaced(kit: model.PressKit, proposal: Proposal) -> dict[str, str]:
    """What applying the proposal would replace, by key ("name", "bio"): the kit's text now."""
    found = {}
    if proposal.name and kit.person.name.strip() and proposal.name != kit.person.name:
        found["name"] = kit.person.name
    if proposal.bio and kit.person.bio_long.strip() and proposal.bio != kit.person.bio_long:
        found["bio"] = kit.person.bio_long
    if proposal.roles and kit.person.roles and proposal.roles != kit.person.roles:
        found["roles"] = ", ".join(kit.person.roles)
    return found
