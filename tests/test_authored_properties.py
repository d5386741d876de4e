"""Properties of a teacher's own items: what quizgen's Quizlet and Anki text exports
write, an import reads back as the same items, and the rules of each kind hold,
for any text."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given, reject
from hypothesis import strategies as st

from quizgen.authored import (
    AuthoredItem,
    InvalidItem,
    ItemFileError,
    clean,
    cloze,
    inferred,
    matching,
    multiple_choice,
    parse_items,
    true_false,
    wh,
)
from quizgen.authored.items import cloze_of
from quizgen.export.anki import anki_notes
from quizgen.export.quizlet import quizlet_text
from quizgen.export.selection import Selection
from quizgen.export.text import anki_text
from quizgen.store import Article, ItemKind, ItemRecord
from quizgen.wording import BLANK

MADE = datetime(2026, 3, 1, tzinfo=UTC)
DECK_HASH = "d" * 64

# Any text a file or a terminal can hold: markup, braces, quotes, tabs, line
# breaks, control and invisible characters, underscores, every script.
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
# Text that draws on what the formats give a meaning to, more often than chance does.
marked = st.lists(
    st.sampled_from([*"ab <>&;\"'{}:_\t\n#,|é\u200b", "{{", "}}", "::", "&amp;", "<br>", "___"]), max_size=12
).map("".join)
some_text = st.one_of(texts, marked)


@st.composite
def authored_items(draw) -> AuthoredItem:
    """An item of any kind, as the checks make it from any text."""
    kind = draw(st.sampled_from(["wh", "multiple_choice", "true_false", "cloze", "matching"]))
    try:
        if kind == "wh":
            return wh(draw(some_text), draw(some_text))
        if kind == "multiple_choice":
            return multiple_choice(draw(some_text), draw(some_text), draw(st.lists(some_text, max_size=4)))
        if kind == "true_false":
            return true_false(draw(some_text), draw(st.sampled_from(["true", "False", " TRUE "])))
        if kind == "cloze":
            return cloze_of(draw(some_text), draw(some_text), draw(some_text))
        return matching(draw(some_text), draw(st.lists(st.tuples(some_text, some_text), min_size=2, max_size=4)))
    except InvalidItem:
        reject()


def record(item: AuthoredItem) -> ItemRecord:
    """The item as the store keeps it in a deck."""
    made = item.item(DECK_HASH, "a test")
    return ItemRecord(
        id=1,
        article_id=1,
        key=made.key,
        kind=ItemKind(made.kind),
        prompt=made.prompt,
        answer=made.answer,
        accepted_answers=list(made.accepted_answers),
        distractors=list(made.distractors),
        pairs=[list(pair) for pair in made.pairs],
        sentence=made.sentence,
        sentence_start=-1,
        answer_start=made.answer_start,
        answer_end=made.answer_end,
        rule=made.rule,
        score=made.score,
        reasons=list(made.reasons),
        created_at=MADE,
        updated_at=MADE,
    )


def selection(item: AuthoredItem) -> Selection:
    deck = Article(id=1, title="Deck", source="", text="", content_hash=DECK_HASH)
    return Selection(items=[record(item)], articles={1: deck}, approved_only=True)


def comparable(item: AuthoredItem) -> tuple:
    """What an item asks: the order of a multiple choice's wrong options aside, which a deck shuffles."""
    return (item.kind, item.prompt, item.answer, sorted(item.distractors), item.pairs, item.guid)


@given(authored_items())
def test_anki_text_reads_back_as_the_items_it_was_written_from(item):
    written = anki_text(anki_notes(selection(item)))
    read = parse_items(written, "quizgen.txt")
    assert read.format == "anki"
    guid = record(item).key
    assert [comparable(each) for each in read.items] == [comparable(replace(item, guid=guid))]


@given(some_text, some_text)
def test_quizlet_text_reads_back_as_the_items_it_was_written_from(question, answer):
    try:
        item = inferred(question, answer)
    except InvalidItem:
        reject()
    read = parse_items(quizlet_text(selection(item)), "set.txt", "quizlet")
    assert read.items == (item,)


@given(some_text, some_text, st.lists(some_text, max_size=3))
def test_a_csv_row_reads_as_the_item_its_cells_make(question, answer, options):
    if question.strip().casefold() == "question":
        reject()
    buffer = io.StringIO()
    csv.writer(buffer).writerow([question, answer, *options])
    try:
        expected = inferred(question, answer, options)
    except InvalidItem:
        with pytest.raises(ItemFileError):
            parse_items(buffer.getvalue(), "sheet.csv")
        return
    assert parse_items(buffer.getvalue(), "sheet.csv").items == (expected,)


words = st.text(st.sampled_from("abc ."), min_size=1, max_size=8).filter(lambda s: clean(s))


@given(st.lists(words, min_size=1, max_size=4), st.lists(words.map(lambda s: s.strip()).filter(bool), max_size=3))
def test_a_cloze_has_exactly_one_blank(around, answers):
    text = around[0] + "".join("{{" + answer + "}}" + rest for answer, rest in zip(answers, [*around[1:], *[""] * 3]))
    if len(answers) != 1:
        with pytest.raises(InvalidItem, match=f"this has {len(answers)}$"):
            cloze(text)
        return
    made = cloze(text)
    item = made.item(DECK_HASH, "a test")
    assert made.prompt.count(BLANK) == 1
    assert item.sentence[item.answer_start : item.answer_end] == made.answer == clean(answers[0])
    assert made.prompt.replace(BLANK, made.answer) == item.sentence


@given(some_text, some_text)
def test_a_true_false_answer_is_true_or_false(statement, answer):
    try:
        made = true_false(statement, answer)
    except InvalidItem as problem:
        assert clean(answer).casefold() not in ("true", "false") or not clean(statement), problem
        return
    assert made.answer == clean(answer).capitalize()


@given(some_text, some_text, st.lists(some_text, max_size=4))
def test_a_multiple_choice_has_a_wrong_option_unlike_its_answer(question, answer, options):
    try:
        made = multiple_choice(question, answer, options)
    except InvalidItem:
        return
    assert made.distractors
    assert all(option.casefold() != made.answer.casefold() for option in made.distractors)
    assert len({option.casefold() for option in made.distractors}) == len(made.distractors)


@given(some_text)
def test_clean_text_is_one_line_and_stays_as_it_is(text):
    once = clean(text)
    assert clean(once) == once
    assert once == " ".join(once.split())
