"""Properties of the multiple-choice, true/false and matching forms, on article-shaped texts."""

from __future__ import annotations

import math
import random
import re
from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import quizgen
from quizgen.forms.compose import NUMBER_LABELS
from quizgen.forms.multiple_choice import OPTION_LABELS
from quizgen.forms.options import shuffled_options
from quizgen.normalize import contains, normalize, overlaps, words
from quizgen.wording import BLANK
from tests.strategies import news_bodies

SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=40)


def by_kind(items) -> dict[str, list]:
    found: dict[str, list] = {}
    for item in items:
        found.setdefault(item.kind, []).append(item)
    return found


NAME = r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*"
NAME_LIST = re.compile(rf"{NAME}(?:(?:,|,? and|,? or) {NAME})+")


def list_members(sentence: str, answer: str, start: int | None) -> list[str]:
    """The other members of a list of names ("Mali, Niger, and Burkina Faso")
    that the answer, at ``start``, is one of, read off the text: they answer
    the same question."""
    members: list[str] = []
    for match in NAME_LIST.finditer(sentence):
        if start is None or not match.start() <= start < match.end():
            continue
        names = [n.strip() for n in re.split(r",? (?:and|or) |, ", match.group(0))]
        if any(normalize(n) == normalize(answer) for n in names):
            members += [n for n in names if normalize(n) != normalize(answer)]
    return members


@SETTINGS
@given(news_bodies, st.integers(min_value=1, max_value=5))
# A turned-round question's sentence names the wrong option its question does not.
@example(
    "On Monday, Sept.\nLee, former Pyongyang bureau chief for the Associated Press, tells VOA tough discussions "
    'should be expected "as the U.S. Congress will be able to act at all on the contentious issue of immigration..',
    1,
)
def test_distractors_are_never_correct(text: str, count: int):
    for item in quizgen.generate(text, distractors=count, threshold=0):
        if item.kind not in ("wh", "cloze", "multiple_choice"):
            continue
        assert len(item.distractors) <= count
        correct = [item.answer, *item.accepted_answers, *list_members(item.sentence, item.answer, item.answer_start)]
        for distractor in item.distractors:
            # Never equal to, inside, or around a correct answer, after the shared normalization.
            assert not any(overlaps(distractor, c) for c in correct), (distractor, correct)
            # Never named by the question itself.
            assert not contains(item.prompt.replace("_____", " "), distractor), (distractor, item.prompt)
        # Distinct from each other.
        assert all(not overlaps(a, b) for i, a in enumerate(item.distractors) for b in item.distractors[i + 1 :]), (
            item.distractors
        )


@SETTINGS
@given(news_bodies, st.integers(min_value=1, max_value=4))
def test_multiple_choice_has_a_full_set_or_is_not_made(text: str, count: int):
    items = by_kind(quizgen.generate(text, distractors=count, threshold=0))
    for item in items.get("multiple_choice", []):
        assert len(item.distractors) == count
        options, correct = shuffled_options(item.key, item.answer, item.distractors)
        assert options[correct] == item.answer and sorted(options) == sorted([item.answer, *item.distractors])
    # Only a question or cloze with a full set has a multiple-choice form; its
    # stem is the question itself or the sentence with a gap. A number's cloze
    # is offered with options only, so its multiple choice stands alone.
    asked = [*items.get("wh", []), *items.get("cloze", [])]
    full = {(i.sentence_start, i.answer_end) for i in asked if len(i.distractors) >= count}
    questions = {i.prompt for i in items.get("wh", [])}
    for item in items.get("multiple_choice", []):
        number = item.label in NUMBER_LABELS or any(ch.isdigit() for ch in item.answer)
        assert (item.sentence_start, item.answer_end) in full or (number and BLANK in item.prompt)
        assert item.label in OPTION_LABELS
        assert item.prompt in questions or item.prompt.count(BLANK) == 1


@SETTINGS
@given(news_bodies)
def test_a_false_statement_differs_from_the_true_one_in_the_answer_only(text: str):
    for item in by_kind(quizgen.generate(text, threshold=0)).get("true_false", []):
        original = item.sentence[item.answer_start : item.answer_end]
        if item.answer == "True":
            assert item.distractors == ()
            assert original in item.prompt
            shown = item.prompt
        else:
            (distractor,) = item.distractors
            assert not overlaps(distractor, original)
            assert distractor in item.prompt or distractor[:1].upper() + distractor[1:] in item.prompt
            # Putting the answer back gives a statement made of the source sentence's own words.
            swapped = distractor if distractor in item.prompt else distractor[:1].upper() + distractor[1:]
            shown = item.prompt.replace(swapped, original, 1)
        source = Counter(words(item.sentence))
        extra = Counter(words(shown)) - source
        # Only pronouns replaced by their names may bring words the sentence does not have.
        assert sum(extra.values()) <= 4, (shown, item.sentence)


@SETTINGS
@given(news_bodies)
def test_matching_pairs_have_one_right_answer_each(text: str):
    for item in by_kind(quizgen.generate(text, threshold=0)).get("matching", []):
        assert 3 <= len(item.pairs) <= 6
        # Short terms on both sides, never a question.
        assert not any(side.rstrip().endswith("?") for pair in item.pairs for side in pair)
        rights = [r for _, r in item.pairs]
        lefts = [left for left, _ in item.pairs]
        assert all(not overlaps(a, b) for i, a in enumerate(rights) for b in rights[i + 1 :])
        assert len({normalize(left) for left in lefts}) == len(lefts)
        assert all(not contains(left, right) for left, right in item.pairs)


@SETTINGS
@given(news_bodies)
def test_forms_are_deterministic(text: str):
    first = [(i.key, i.prompt, i.distractors, i.pairs) for i in quizgen.generate(text, seed=7, threshold=0)]
    assert first == [(i.key, i.prompt, i.distractors, i.pairs) for i in quizgen.generate(text, seed=7, threshold=0)]


@given(st.text(max_size=300))
@settings(deadline=None, max_examples=60)
def test_forms_never_crash_on_any_text(text: str):
    quizgen.generate(text, distractors=3, threshold=0)


def test_the_correct_option_lands_in_every_position_about_equally():
    # 4,000 items with three distractors: a chi-square test of the correct
    # option's position against the uniform, at the 0.1% level (3 degrees of
    # freedom: critical value 16.27).
    rng = random.Random(1)
    positions = Counter(
        shuffled_options(f"{rng.getrandbits(64):016x}", "answer", ("one", "two", "three"), seed=5)[1]
        for _ in range(4000)
    )
    expected = 4000 / 4
    chi_square = sum((positions[p] - expected) ** 2 / expected for p in range(4))
    assert chi_square < 16.27, positions


def test_shuffling_depends_on_the_seed_and_nothing_else():
    first = shuffled_options("key", "a", ("b", "c", "d"), seed=1)
    assert first == shuffled_options("key", "a", ("b", "c", "d"), seed=1)
    assert any(shuffled_options("key", "a", ("b", "c", "d"), seed=s) != first for s in range(2, 12))
    assert math.isclose(sum(shuffled_options(f"k{n}", "a", ("b",))[1] for n in range(2000)) / 2000, 0.5, abs_tol=0.05)


@SETTINGS
@given(news_bodies)
def test_a_typed_distractor_never_passes_and_an_accepted_answer_always_does(text: str):
    from quizgen.quiz.check import check_typed

    for item in quizgen.generate(text, threshold=0):
        if item.kind not in ("wh", "cloze"):
            continue
        for distractor in item.distractors:
            verdict = check_typed(distractor, item.answer, item.accepted_answers, item.distractors)
            assert not verdict.correct and verdict.how == "wrong", (distractor, item.answer, verdict)
        for accepted in (item.answer, *item.accepted_answers):
            assert check_typed(accepted, item.answer, item.accepted_answers, item.distractors).correct, accepted
