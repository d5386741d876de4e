"""Articles of the same title get a subdeck each, as Anki itself imports them,
and a rebuilt deck keeps every deck name it gave before."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from tests.test_export_anki import add_items, collection, import_apkg, item, package_rows  # noqa: F401


def deck_of_each_note(col) -> dict[str, str]:
    """The deck each note's card is in, by the note's GUID (its item's key)."""
    rows = col.db.all("SELECT n.guid, c.did FROM notes n JOIN cards c ON c.nid = n.id")
    return {guid: col.decks.name(did) for guid, did in rows}


def test_same_titled_articles_get_a_subdeck_each_in_anki(store, cli, collection, tmp_path):  # noqa: F811
    first = add_items(store, "Weather", [item("Where did it rain?", "Leeds")], text="Rain in Leeds.")
    sport = add_items(store, "Sport", [item("Who won?", "Leeds United")], text="Leeds won.")
    second = add_items(store, "Weather", [item("Where did it snow?", "York")], text="Snow in York.")
    # Anki reads deck names without their case: "weather" would be the first's deck too.
    third = add_items(store, "WEATHER", [item("Where was it windy?", "Hull")], text="Wind in Hull.")
    deck = tmp_path / "deck.apkg"
    assert cli("export", "anki", "--out", deck).code == 0
    log = import_apkg(collection, deck)
    assert len(log.new) == 4

    decks = deck_of_each_note(collection)
    # A title no other article has, and the first article of a title, keep the name they always had.
    assert decks[sport[0].key] == "quizgen::Sport"
    assert decks[first[0].key] == "quizgen::Weather"
    # Every article has a subdeck of its own.
    assert len(set(decks.values())) == 4, decks
    assert decks[second[0].key].startswith("quizgen::Weather (")
    assert decks[third[0].key].startswith("quizgen::WEATHER (")

    # Another article of the title moves no deck, and the rebuilt deck re-imports cleanly.
    fourth = add_items(store, "Weather", [item("Where did it hail?", "Hull")], text="Hail in Hull.")
    assert cli("export", "anki", "--out", deck).code == 0
    again = import_apkg(collection, deck)
    assert len(again.new) == 1 and not again.updated and not again.conflicting and len(again.duplicate) == 4
    rebuilt = deck_of_each_note(collection)
    assert {key: rebuilt[key] for key in decks} == decks
    assert rebuilt[fourth[0].key] not in decks.values()
    assert collection.note_count() == collection.card_count() == 5
    assert len([d for d in collection.decks.all_names_and_ids() if d.name.startswith("quizgen::")]) == 5


def test_an_export_of_some_articles_names_their_decks_as_the_whole_store_does(store, cli, collection, tmp_path):  # noqa: F811
    first = add_items(store, "Weather", [item("Where did it rain?", "Leeds")], text="Rain in Leeds.")
    second = add_items(store, "Weather", [item("Where did it snow?", "York")], text="Snow in York.")
    whole = tmp_path / "whole.apkg"
    assert cli("export", "anki", "--out", whole).code == 0
    import_apkg(collection, whole)
    decks = deck_of_each_note(collection)
    assert decks[first[0].key] == "quizgen::Weather" and decks[second[0].key] != decks[first[0].key]

    # The second article alone: its deck is the one the whole store gave it, not the first's.
    some = tmp_path / "some.apkg"
    assert cli("export", "anki", str(second[0].article_id), "--out", some).code == 0
    again = import_apkg(collection, some)
    assert not again.new and not again.conflicting and len(again.duplicate) == 1
    assert deck_of_each_note(collection) == decks
    [(did,)] = package_rows(some, "SELECT did FROM cards")
    [(stored,)] = package_rows(some, "SELECT decks FROM col")
    assert json.loads(stored)[str(did)]["name"] == decks[second[0].key]


def test_a_rebuilt_deck_names_its_decks_as_before(store, cli, tmp_path):
    for n, text in enumerate(["Rain in Leeds.", "Snow in York.", "Wind in Hull."]):
        add_items(store, "Weather", [item(f"Question {n}?", f"answer {n}")], text=text)
    deck = tmp_path / "deck.apkg"
    assert cli("export", "anki", "--out", deck).code == 0
    before = package_rows(deck, "SELECT decks FROM col")
    assert cli("export", "anki", "--out", deck).code == 0
    assert package_rows(deck, "SELECT decks FROM col") == before


TITLES = ["Weather", "weather", "WEATHER", " Weather ", "Sport", "A::B", "A:B", "Café", "CAFÉ", "Cafe\u0301", ""]


@st.composite
def stored_articles(draw) -> list[tuple[int, str, str]]:
    """(id, title, content hash) of articles in the order they were stored."""
    titles = draw(st.lists(st.sampled_from(TITLES), min_size=1, max_size=12))
    hashes = draw(st.lists(st.text("0123456789abcdef", min_size=64, max_size=64), min_size=len(titles), unique=True))
    return [(n, title, hashes[n - 1]) for n, title in enumerate(titles, 1)]


class Stored:
    def __init__(self, title: str, content_hash: str) -> None:
        self.title = title
        self.content_hash = content_hash


@given(stored_articles(), st.integers(0, 12))
def test_deck_names_are_distinct_as_anki_reads_them_and_never_move(articles, added: int):
    import unicodedata

    from quizgen.export.anki.decks import article_decks, deck_part

    def anki_reads(name: str) -> str:
        return unicodedata.normalize("NFC", name).casefold()

    names = article_decks("quizgen", {n: Stored(title, digest) for n, title, digest in articles})
    assert len({anki_reads(name) for name in names.values()}) == len(articles), names
    seen: set[str] = set()
    for n, title, _ in articles:
        today = f"quizgen::{deck_part(title) or f'Article {n}'}"
        if anki_reads(today) not in seen:
            # The first article of a title, and one whose title no other has, keep today's name.
            assert names[n] == today
        seen.add(anki_reads(today))
    # Articles stored later change no name given before.
    kept = articles[: len(articles) - added] if added < len(articles) else articles[:1]
    earlier = article_decks("quizgen", {n: Stored(title, digest) for n, title, digest in kept})
    assert earlier == {n: names[n] for n, _, _ in kept}
