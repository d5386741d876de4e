"""Properties of answer checking: the same answer written another way is
right, a slip in a long word is forgiven, a wrong number never is, and no
response can make checking fail."""

from __future__ import annotations

import unicodedata

from hypothesis import assume, given
from hypothesis import strategies as st

from quizgen.answers import accepted_answers
from quizgen.normalize import normalize
from quizgen.quiz.check import (
    check_choice,
    check_true_false,
    check_typed,
    choice_index,
    differences,
    true_false,
)
from tests.strategies import headlines

LOWER = "abcdefghijklmnopqrstuvwxyz"
ACUTE = "\u0301"

# Two letters at least, so that losing one loses a letter and not a word.
lower_words = st.lists(st.text(LOWER, min_size=2, max_size=10), min_size=1, max_size=4).map(" ".join)
# Words as answers are written: capitalized or not, some with digits or accents.
answer_words = st.lists(
    st.text(LOWER + LOWER.upper() + "0123456789éüñç", min_size=1, max_size=10), min_size=1, max_size=4
).map(" ".join)


@st.composite
def variants(draw, answer: str) -> str:
    """``answer`` as a student might type it: other case, accents, stray punctuation and spaces."""
    text = draw(st.sampled_from([answer, answer.lower(), answer.upper(), answer.title()]))
    if draw(st.booleans()):
        text = unicodedata.normalize("NFC", "".join(ch + ACUTE if ch in "aeiouAEIOU" else ch for ch in text))
    if draw(st.booleans()):
        text = text.replace(" ", draw(st.sampled_from(["  ", " - ", "\t"])))
    before = draw(st.sampled_from(["", " ", '"', "(", "¿"]))
    after = draw(st.sampled_from(["", " ", ".", "!", "?", '"', ")", "..."]))
    return before + text + after


@given(headlines)
def test_an_answer_is_exact_for_itself(answer: str):
    assume(normalize(answer))
    verdict = check_typed(answer, answer)
    assert verdict.correct
    assert verdict.how == "exact"


@given(st.data(), answer_words)
def test_case_accents_and_punctuation_do_not_count(data: st.DataObject, answer: str):
    assume(normalize(answer))
    typed = data.draw(variants(answer))
    verdict = check_typed(typed, answer)
    assert (verdict.correct, verdict.how) == (True, "exact"), typed


@st.composite
def typos(draw, answer: str) -> str:
    """``answer`` with one letter changed, lost, doubled in or swapped with its neighbour."""
    letters = [i for i, ch in enumerate(answer) if ch != " "]
    at = draw(st.sampled_from(letters))
    kind = draw(st.sampled_from(["change", "lose", "add", "swap"]))
    if kind == "change":
        other = draw(st.sampled_from([ch for ch in LOWER if ch != answer[at]]))
        return answer[:at] + other + answer[at + 1 :]
    if kind == "lose":
        return answer[:at] + answer[at + 1 :]
    if kind == "add":
        return answer[:at] + draw(st.sampled_from(LOWER)) + answer[at:]
    nxt = at + 1
    assume(nxt < len(answer) and answer[nxt] != " " and answer[nxt] != answer[at])
    return answer[:at] + answer[nxt] + answer[at] + answer[nxt + 1 :]


@given(st.data(), lower_words)
def test_one_slip_in_a_long_answer_is_a_forgiven_typo(data: st.DataObject, answer: str):
    typed = data.draw(typos(answer))
    # Random letters can spell an article or a number ("a", "one"), which the
    # normalizer rightly reads; those are not plain words with a slip in them.
    assume(normalize(answer) == answer and len(answer) >= 8)
    assume(normalize(typed) == " ".join(typed.split()))
    verdict = check_typed(typed, answer)
    assert verdict.how == "typo", (typed, verdict)
    assert verdict.correct


@given(st.data(), lower_words)
def test_two_slips_are_never_a_typo(data: st.DataObject, answer: str):
    letters = [i for i, ch in enumerate(answer) if ch != " "]
    assume(len(letters) >= 3)
    first, second = sorted(data.draw(st.lists(st.sampled_from(letters), min_size=2, max_size=2, unique=True)))
    typed = answer[:first] + answer[first + 1 : second] + answer[second + 1 :]
    assume(normalize(answer) == answer and normalize(typed) == " ".join(typed.split()))
    verdict = check_typed(typed, answer)
    assert not verdict.correct, (typed, verdict)
    assert verdict.how in ("close", "wrong")


@st.composite
def amounts(draw) -> str:
    """An amount as news writes it: "1,000", "2024", "over 3.5 million", "20%"."""
    whole = draw(st.integers(0, 10**9))
    number = draw(st.sampled_from([str(whole), f"{whole:,}"]))
    if draw(st.booleans()):
        number += "." + draw(st.from_regex(r"[0-9]{0,2}[1-9]", fullmatch=True))
    qualifier = draw(st.sampled_from(["", "over ", "about ", "nearly "]))
    unit = draw(st.sampled_from(["", "%", " million", " people", " troops"]))
    return qualifier + number + unit


@given(st.data(), amounts())
def test_changing_a_digit_is_never_right(data: st.DataObject, answer: str):
    at = data.draw(st.sampled_from([i for i, ch in enumerate(answer) if ch.isdigit()]))
    digit = data.draw(st.sampled_from([d for d in "0123456789" if d != answer[at]]))
    typed = answer[:at] + digit + answer[at + 1 :]
    verdict = check_typed(typed, answer, accepted_answers(answer))
    assert not verdict.correct, (typed, verdict)
    assert verdict.how not in ("typo", "exact", "accepted")


@given(st.text(), st.text(), st.lists(st.text(), max_size=3))
def test_checking_never_fails_and_similarity_is_a_percentage(response: str, answer: str, accepted: list[str]):
    verdict = check_typed(response, answer, accepted)
    assert 0.0 <= verdict.similarity <= 100.0
    assert verdict.correct == (verdict.how in ("exact", "accepted", "typo"))
    assert verdict.how in ("exact", "accepted", "typo", "close", "wrong", "empty")
    assert verdict.response == response


@given(st.data(), st.integers(1, 26))
def test_choice_keys_round_trip(data: st.DataObject, count: int):
    index = data.draw(st.integers(0, count - 1))
    key = data.draw(st.sampled_from([str(index + 1), LOWER[index], LOWER[index].upper()]))
    padding = data.draw(st.sampled_from(["", " ", "\t"]))
    assert choice_index(padding + key + padding, count) == index


@given(st.integers(1, 26))
def test_keys_past_the_last_option_pick_nothing(count: int):
    assert choice_index(str(count + 1), count) is None
    assert choice_index("0", count) is None
    if count < 26:
        assert choice_index(LOWER[count], count) is None


@given(st.text(max_size=5), st.integers(0, 30))
def test_choice_index_is_none_or_an_option(response: str, count: int):
    index = choice_index(response, count)
    assert index is None or 0 <= index < count


@given(st.data(), st.lists(headlines, min_size=2, max_size=8))
def test_a_choice_is_right_exactly_when_it_picks_the_right_option(data: st.DataObject, options: list[str]):
    correct = data.draw(st.integers(0, len(options) - 1))
    chosen = data.draw(st.integers(0, len(options) - 1))
    key = data.draw(st.sampled_from([str(chosen + 1), LOWER[chosen], LOWER[chosen].upper()]))
    verdict = check_choice(key, options, correct)
    assert verdict is not None
    assert verdict.correct == (chosen == correct)
    assert verdict.expected == options[correct]


@given(st.booleans(), st.sampled_from(["t", "true", "y", "yes"]), st.sampled_from(["f", "false", "n", "no"]))
def test_true_false_reads_either_word_in_any_case(answer: bool, yes: str, no: str):
    typed = yes if answer else no
    for form in (typed, typed.upper(), f" {typed.capitalize()} "):
        assert true_false(form) is answer
        verdict = check_true_false(form, str(answer))
        assert verdict is not None and verdict.correct
        verdict = check_true_false(form, str(not answer))
        assert verdict is not None and not verdict.correct


@given(st.text(), st.text())
def test_differences_rebuild_both_sides(response: str, expected: str):
    segments = differences(response, expected)
    assert "".join(text for kind, text in segments if kind in ("same", "extra")) == response
    assert "".join(text for kind, text in segments if kind in ("same", "missing")) == expected
    assert all(text for _, text in segments)
    assert {kind for kind, _ in segments} <= {"same", "extra", "missing"}


@given(st.text(min_size=1))
def test_an_answer_differs_from_itself_nowhere(text: str):
    assert differences(text, text) == [("same", text)]
